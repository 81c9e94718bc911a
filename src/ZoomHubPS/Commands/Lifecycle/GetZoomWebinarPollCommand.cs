using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the polls defined on a webinar, one record per poll question.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomWebinarPoll", HelpUri = HelpLinks.Base + "Get-ZoomWebinarPoll.md")]
    [OutputType(typeof(ZoomWebinarPollQuestion))]
    public sealed class GetZoomWebinarPollCommand : WebinarInputCmdlet
    {
        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            if (!TryWebinarId()) return;
            try
            {
                foreach (ZoomPoll poll in await Api.Zoom.Polls.ListAsync(NumericWebinarId, cancellationToken).ConfigureAwait(false))
                {
                    foreach (ZoomWebinarPollQuestion q in ZoomWebinarPollQuestion.From(poll)) WriteObject(q);
                }
            }
            catch (ZoomHubApiException ex)
            {
                WriteItemError(ex, WebinarId, ErrorIds.ZoomWebinarNotFound);
            }
        }
    }
}
