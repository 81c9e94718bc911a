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
                ZoomWebinar webinar = await Api.Zoom.Webinars.GetAsync(NumericWebinarId, cancellationToken).ConfigureAwait(false);
                TimeSpan duration = TimeSpan.FromMinutes(webinar.Duration > 0 ? webinar.Duration : 60);
                var calculator = new AttendanceCalculator(duration);
                await ParticipantReader.ForEachAsync(Api.Zoom, NumericWebinarId, InstanceUuid, true, p =>
                {
                    calculator.Add(p);
                    return true;
                }, why => WriteVerbose($"The participant report is not available ({why}); reading /past_webinars participants instead."), null, cancellationToken).ConfigureAwait(false);

                if (calculator.PendingGuestRows > 0)
                {
                    // Guests whose email Zoom hid but who registered: their registrant id gives the email.
                    foreach (RegistrantStatus status in new[] { RegistrantStatus.Approved, RegistrantStatus.Denied, RegistrantStatus.Pending })
                    {
                        if (calculator.PendingGuestRows == 0) break;
                        await Api.Zoom.Registrants.List(NumericWebinarId, status).ForEachAsync(r =>
                        {
                            calculator.ResolveRegistrant(r.Id, r.Email);
                            return calculator.PendingGuestRows > 0;
                        }, cancellationToken).ConfigureAwait(false);
                    }
                }

                calculator.CloseUnresolved();
                foreach (WebinarAttendance a in calculator.Results())
                {
                    WriteObject(a);
                }

                if (calculator.RowsWithoutEmail.Count > 0)
                {
                    WriteWarning($"{calculator.RowsWithoutEmail.Count} participant row(s) of webinar {NumericWebinarId} have no email and no registrant id (guests whose email Zoom hides); they are not in the output. Turn on registration to keep them.");
                    if (IncludeNoEmail)
                    {
                        foreach (ZoomParticipant row in calculator.RowsWithoutEmail) WriteObject(row);
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
