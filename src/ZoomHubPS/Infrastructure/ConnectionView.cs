using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ZoomHubPS.Core;

namespace ZoomHubPS.Infrastructure
{
    /// <summary>A connection as the connection cmdlets write it: the object itself plus whether it is the default.</summary>
    internal static class ConnectionView
    {
        /// <summary>
        /// Wraps <paramref name="connection"/> with an <c>IsDefault</c> note (true when cmdlets in <paramref name="runspace"/>
        /// use it without -Connection), as of this call: the default is a property of the session, not of the connection.
        /// </summary>
        public static PSObject ForOutput(ZoomHubConnection connection, Runspace runspace)
        {
            var output = new PSObject(connection);
            bool isDefault = ConnectionStore.IsDefault(runspace, connection);

            // PowerShell keeps notes added to a .NET object's wrapper with the object: update the note a previous call left.
            if (output.Properties["IsDefault"] is PSNoteProperty existing) existing.Value = isDefault;
            else output.Properties.Add(new PSNoteProperty("IsDefault", isDefault));
            return output;
        }
    }
}
