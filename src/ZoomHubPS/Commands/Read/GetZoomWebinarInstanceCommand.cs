using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the past instances (occurrences that took place) of a webinar, with their UUIDs and start times.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomWebinarInstance", HelpUri = HelpLinks.Base + "Get-ZoomWebinarInstance.md")]
    [OutputType(typeof(ZoomPastInstance))]
    public sealed class GetZoomWebinarInstanceCommand : WebinarInputCmdlet
    {
        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            if (!TryWebinarId()) return;
            try
            {
                foreach (ZoomPastInstance instance in await Api.Zoom.PastWebinars.ListInstancesAsync(NumericWebinarId, cancellationToken).ConfigureAwait(false))
                {
                    WriteObject(instance);
                }
            }
            catch (ZoomHubApiException ex)
            {
                WriteItemError(ex, WebinarId, ErrorIds.ZoomWebinarNotFound);
            }
        }
    }
}
