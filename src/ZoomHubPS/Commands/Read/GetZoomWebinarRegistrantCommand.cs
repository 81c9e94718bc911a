using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the registrants of a webinar, streamed page by page.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomWebinarRegistrant", SupportsPaging = true, HelpUri = HelpLinks.Base + "Get-ZoomWebinarRegistrant.md")]
    [OutputType(typeof(ZoomRegistrant))]
    public sealed class GetZoomWebinarRegistrantCommand : WebinarInputCmdlet
    {
        /// <summary>Approved (Zoom's default), Pending, Denied, or All.</summary>
        [Parameter]
        [ValidateSet("Approved", "Pending", "Denied", "All")]
        public string Status { get; set; } = "Approved";

        /// <summary>Only registrants of this occurrence (recurring webinars).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string OccurrenceId { get; set; }

        /// <summary>Registrants per request (default and maximum 300).</summary>
        [Parameter]
        [ValidateRange(1, 300)]
        public int PageSize { get; set; } = 300;

        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            if (!TryWebinarId()) return;
            RegistrantStatus[] statuses = Status == "All"
                ? new[] { RegistrantStatus.Approved, RegistrantStatus.Pending, RegistrantStatus.Denied }
                : new[] { (RegistrantStatus)System.Enum.Parse(typeof(RegistrantStatus), Status) };
            try
            {
                foreach (RegistrantStatus status in statuses)
                {
                    await EmitAsync(Api.Zoom.Registrants.List(NumericWebinarId, status, OccurrenceId, new ListOptions { PageSize = PageSize, MaxItems = MaxItems }), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (ZoomHubApiException ex)
            {
                WriteItemError(ex, WebinarId, ErrorIds.ZoomWebinarNotFound);
            }
        }
    }
}
