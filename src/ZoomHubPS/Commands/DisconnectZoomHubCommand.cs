using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Disconnects: closes the connection (and its sandbox) so no cmdlet can use it again, and clears it as a default.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ZoomHub", HelpUri = HelpLinks.Base + "Disconnect-ZoomHub.md")]
    [OutputType(typeof(void))]
    public sealed class DisconnectZoomHubCommand : ZoomHubCmdlet
    {
        /// <summary>The connection to close (default: this runspace's default).</summary>
        [Parameter(ValueFromPipeline = true)]
        public ZoomHubConnection Connection { get; set; }

        /// <inheritdoc />
        protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            // Without -Connection only this runspace's own default: a parallel runspace must not close the session's
            // connection it merely borrows.
            ZoomHubConnection connection = Connection ?? ConnectionStore.OwnDefault(CurrentRunspace);
            if (connection == null)
            {
                WriteVerbose(ConnectionStore.Default(CurrentRunspace) == null
                    ? "No connection to disconnect."
                    : "This runspace uses the session's connection without owning it; it stays open. Pass -Connection to close it.");
                return Task.CompletedTask;
            }

            ConnectionStore.Forget(connection);
            SandboxRegistry.Detach(connection);
            connection.Dispose();
            WriteVerbose("Disconnected: " + connection + ".");
            return Task.CompletedTask;
        }
    }
}
