using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Attendance;
using ZoomHubPS.Core.Zoom;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets one attendance record per person for one webinar instance: sessions merged, time as the union of intervals, percent of the webinar.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomWebinarAttendance", HelpUri = HelpLinks.Base + "Get-ZoomWebinarAttendance.md")]
    [OutputType(typeof(WebinarAttendance))]
    public sealed class GetZoomWebinarAttendanceCommand : InstanceInputCmdlet
    {
        /// <summary>Also write one record per row that has neither email nor registrant id (as warnings otherwise).</summary>
        [Parameter]
        public SwitchParameter IncludeNoEmail { get; set; }

        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            if (!TryWebinarId()) return;
            try
            {
                // The same instance, length and guest rules as the sync: the percents shown are the ones it writes.
                InstanceAttendanceReport report = await new InstanceAttendanceReader(Api).ReadAsync(NumericWebinarId, InstanceUuid,
                    why => WriteVerbose($"The participant report is not available ({why}); reading /past_webinars participants instead."), cancellationToken).ConfigureAwait(false);
                WriteVerbose($"Percent of the instance's length: {report.Duration.Length.TotalMinutes:0.##} minutes (from {report.Duration.Source}).");
                foreach (WebinarAttendance a in report.People)
                {
                    WriteObject(a);
                }

                if (report.RowsWithoutEmail.Count > 0)
                {
                    WriteWarning($"{report.RowsWithoutEmail.Count} participant row(s) of webinar {NumericWebinarId} have no email and no registrant id (guests whose email Zoom hides); they are not in the output. Turn on registration to keep them.");
                    if (IncludeNoEmail)
                    {
                        foreach (ZoomParticipant row in report.RowsWithoutEmail) WriteObject(row);
                    }
                }
            }
            catch (ZoomHubApiException ex)
            {
                WriteItemError(ex, WebinarId, ErrorIds.ZoomWebinarNotFound);
            }
        }
    }
}
