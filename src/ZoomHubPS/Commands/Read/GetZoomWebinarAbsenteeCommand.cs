using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the registrants who did not attend a webinar instance.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomWebinarAbsentee", SupportsPaging = true, HelpUri = HelpLinks.Base + "Get-ZoomWebinarAbsentee.md")]
    [OutputType(typeof(ZoomRegistrant))]
    public sealed class GetZoomWebinarAbsenteeCommand : InstanceInputCmdlet
    {
        /// <summary>Occurrence of a recurring webinar.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string OccurrenceId { get; set; }

        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            if (!TryWebinarId()) return;
            try
            {
                await EmitAsync(Api.Zoom.PastWebinars.ListAbsentees(NumericWebinarId, InstanceUuid, OccurrenceId, new ListOptions { MaxItems = MaxItems }), cancellationToken).ConfigureAwait(false);
            }
            catch (ZoomHubApiException ex)
            {
                WriteItemError(ex, WebinarId, ErrorIds.ZoomWebinarNotFound);
            }
        }
    }
}
