using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets what attendees answered in the polls of a webinar instance: one record per answer, with the person's email.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomWebinarPollResult", SupportsPaging = true, HelpUri = HelpLinks.Base + "Get-ZoomWebinarPollResult.md")]
    [OutputType(typeof(ZoomPollAnswer))]
    public sealed class GetZoomWebinarPollResultCommand : InstanceInputCmdlet
    {
        /// <summary>Report (emails and names; default, falls back to PastWebinar when unavailable) or PastWebinar.</summary>
        [Parameter]
        [ValidateSet("Report", "PastWebinar")]
        public string Source { get; set; } = "Report";

        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            if (!TryWebinarId()) return;
            try
            {
                await EmitAsync(EngagementReader.PollAnswers(Api.Zoom, NumericWebinarId, InstanceUuid, Source == "Report",
                    why => WriteVerbose($"The poll report is not available ({why}); reading /past_webinars polls instead."), new ListOptions { MaxItems = MaxItems }), cancellationToken).ConfigureAwait(false);
            }
            catch (ZoomHubApiException ex)
            {
                WriteItemError(ex, InstanceUuid ?? WebinarId, ErrorIds.ZoomWebinarNotFound);
            }
        }
    }
}
