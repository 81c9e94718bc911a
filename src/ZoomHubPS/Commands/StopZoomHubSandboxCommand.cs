using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Models;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Stops loopback sandboxes started with Start-ZoomHubSandbox.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "ZoomHubSandbox", HelpUri = HelpLinks.Base + "Stop-ZoomHubSandbox.md")]
    [OutputType(typeof(void))]
    public sealed class StopZoomHubSandboxCommand : ZoomHubCmdlet
    {
        /// <summary>The sandbox to stop (default: every sandbox started in this session).</summary>
        [Parameter(ValueFromPipeline = true, Position = 0)]
        public ZoomHubSandboxEndpoint InputObject { get; set; }

        /// <inheritdoc />
        protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            ZoomHubSandboxEndpoint[] targets;
            lock (StartZoomHubSandboxCommand.Running)
            {
                targets = InputObject != null ? new[] { InputObject } : StartZoomHubSandboxCommand.Running.ToArray();
                foreach (ZoomHubSandboxEndpoint t in targets)
                {
                    StartZoomHubSandboxCommand.Running.Remove(t);
                }
            }

            foreach (ZoomHubSandboxEndpoint endpoint in targets)
            {
                endpoint.Dispose();
                WriteVerbose($"Stopped the sandbox at {endpoint.BaseUri}.");
            }

            return Task.CompletedTask;
        }
    }
}
