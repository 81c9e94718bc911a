using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Disconnects: clears the session default and releases the connection (and its sandbox).</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ZoomHub")]
    [OutputType(typeof(void))]
    public sealed class DisconnectZoomHubCommand : ZoomHubCmdlet
    {
        /// <summary>The connection to release (default: the session default).</summary>
        [Parameter(ValueFromPipeline = true)]
        public ZoomHubConnection Connection { get; set; }

        /// <inheritdoc />
        protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            ZoomHubConnection connection = Connection ?? ConnectionStore.Default(CurrentRunspace);
            if (connection == null)
            {
                WriteVerbose("No connection to disconnect.");
                return Task.CompletedTask;
            }

            ConnectionStore.ClearDefault(CurrentRunspace, connection);
            SandboxRegistry.Detach(connection);
            connection.Dispose();
            WriteVerbose("Disconnected.");
            return Task.CompletedTask;
        }
    }
}
