using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the default ZoomHub connection, or with -ListAvailable every open connection: account ids, portal id, scopes, token expiry. Never a secret.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomHubConnection", DefaultParameterSetName = DefaultSet, HelpUri = HelpLinks.Base + "Get-ZoomHubConnection.md")]
    [OutputType(typeof(ZoomHubConnection))]
    public sealed class GetZoomHubConnectionCommand : ZoomHubCmdlet
    {
        private const string DefaultSet = "Default";
        private const string ListSet = nameof(ListAvailable);

        /// <summary>Every connection Connect-ZoomHub opened in this process and Disconnect-ZoomHub has not closed, oldest first.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ListSet)]
        public SwitchParameter ListAvailable { get; set; }

        /// <inheritdoc />
        protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            if (ListAvailable)
            {
                foreach (ZoomHubConnection c in ConnectionStore.Available())
                {
                    WriteObject(ConnectionView.ForOutput(c, CurrentRunspace));
                }

                return Task.CompletedTask;
            }

            ZoomHubConnection connection = ConnectionStore.Default(CurrentRunspace, out int ambiguous);
            if (connection == null)
            {
                WriteError(ErrorRecordFactory.NotConnected(null, ambiguous));
            }
            else
            {
                WriteObject(ConnectionView.ForOutput(connection, CurrentRunspace));
            }

            return Task.CompletedTask;
        }
    }
}
