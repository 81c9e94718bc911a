using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the raw participant rows (one per session) of one webinar instance.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomWebinarParticipant", SupportsPaging = true, HelpUri = HelpLinks.Base + "Get-ZoomWebinarParticipant.md")]
    [OutputType(typeof(ZoomParticipant))]
    public sealed class GetZoomWebinarParticipantCommand : InstanceInputCmdlet
    {
        /// <summary>Report (detailed, 6 months; default, falls back to PastWebinar when unavailable) or PastWebinar.</summary>
        [Parameter]
        [ValidateSet("Report", "PastWebinar")]
        public string Source { get; set; } = "Report";

        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            if (!TryWebinarId()) return;
            try
            {
                await ParticipantReader.ForEachAsync(Api.Zoom, NumericWebinarId, InstanceUuid, Source == "Report", p =>
                {
                    WriteObject(p);
                    return true;
                }, why => WriteVerbose($"The participant report is not available ({why}); reading /past_webinars participants instead."), MaxItems, cancellationToken).ConfigureAwait(false);
            }
            catch (ZoomHubApiException ex)
            {
                WriteItemError(ex, WebinarId, ErrorIds.ZoomWebinarNotFound);
            }
        }
    }
}
