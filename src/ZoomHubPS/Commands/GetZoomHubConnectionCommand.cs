using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the session's default ZoomHub connection: account ids, portal id, base URIs, token expiry. Never a secret.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomHubConnection")]
    [OutputType(typeof(ZoomHubConnection))]
    public sealed class GetZoomHubConnectionCommand : ZoomHubCmdlet
    {
        /// <inheritdoc />
        protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            ZoomHubConnection connection = ConnectionStore.Default(CurrentRunspace);
            if (connection == null)
            {
                WriteError(ErrorRecordFactory.NotConnected(null));
            }
            else
            {
                WriteObject(connection);
            }

            return Task.CompletedTask;
        }
    }
}
