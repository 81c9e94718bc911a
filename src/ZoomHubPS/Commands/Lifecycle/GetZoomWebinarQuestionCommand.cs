using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the questions attendees asked in Q&amp;A in a webinar instance: who asked what, and whether it was answered.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomWebinarQuestion", SupportsPaging = true, HelpUri = HelpLinks.Base + "Get-ZoomWebinarQuestion.md")]
    [OutputType(typeof(ZoomQaQuestion))]
    public sealed class GetZoomWebinarQuestionCommand : InstanceInputCmdlet
    {
        /// <summary>Report (status, times and who answered; default, falls back to PastWebinar when unavailable) or PastWebinar.</summary>
        [Parameter]
        [ValidateSet("Report", "PastWebinar")]
        public string Source { get; set; } = "Report";

        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            if (!TryWebinarId()) return;
            try
            {
                await EmitAsync(EngagementReader.Questions(Api.Zoom, NumericWebinarId, InstanceUuid, Source == "Report",
                    why => WriteVerbose($"The Q&A report is not available ({why}); reading /past_webinars Q&A instead."), new ListOptions { MaxItems = MaxItems }), cancellationToken).ConfigureAwait(false);
            }
            catch (ZoomHubApiException ex)
            {
                WriteItemError(ex, InstanceUuid ?? WebinarId, ErrorIds.ZoomWebinarNotFound);
            }
        }
    }
}
