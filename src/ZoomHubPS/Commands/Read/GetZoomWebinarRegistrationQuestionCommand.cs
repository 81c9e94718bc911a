using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;
using ZoomHubPS.Models;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the registration form of a webinar: its standard fields and custom questions, and which are required.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomWebinarRegistrationQuestion", HelpUri = HelpLinks.Base + "Get-ZoomWebinarRegistrationQuestion.md")]
    [OutputType(typeof(ZoomRegistrationQuestion))]
    public sealed class GetZoomWebinarRegistrationQuestionCommand : WebinarInputCmdlet
    {
        /// <summary>Only required questions.</summary>
        [Parameter]
        public SwitchParameter Required { get; set; }

        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            if (!TryWebinarId()) return;
            try
            {
                ZoomRegistrationQuestions form = await Api.Zoom.Webinars.GetRegistrationQuestionsAsync(NumericWebinarId, cancellationToken).ConfigureAwait(false);
                foreach (ZoomRegistrationQuestion q in ZoomRegistrationQuestion.From(NumericWebinarId, form))
                {
                    if (!Required || q.Required) WriteObject(q);
                }
            }
            catch (ZoomHubApiException ex)
            {
                WriteItemError(ex, WebinarId, ErrorIds.ZoomWebinarNotFound);
            }
        }
    }
}
