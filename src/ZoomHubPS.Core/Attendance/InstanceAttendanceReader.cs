using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Webinars;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.Attendance
{
    /// <summary>One instance's attendance, as the sync computes it.</summary>
    public sealed class InstanceAttendanceReport
    {
        internal InstanceAttendanceReport(string instanceUuid, InstanceDuration duration, IReadOnlyList<WebinarAttendance> people, IReadOnlyList<ZoomParticipant> rowsWithoutEmail)
        {
            InstanceUuid = instanceUuid;
            Duration = duration;
            People = people;
            RowsWithoutEmail = rowsWithoutEmail;
        }

        /// <summary>The instance read (the latest when none was named); null when the webinar was never held.</summary>
        public string InstanceUuid { get; }

        /// <summary>How long the instance lasted: the base of every percent (the sync's own rule).</summary>
        public InstanceDuration Duration { get; }

        /// <summary>One record per person, in first-seen order.</summary>
        public IReadOnlyList<WebinarAttendance> People { get; }

        /// <summary>Rows with neither an email nor a resolvable registrant id.</summary>
        public IReadOnlyList<ZoomParticipant> RowsWithoutEmail { get; }
    }

    /// <summary>
    /// Reads an instance's attendance with the same instance, length and guest rules as the sync, so
    /// Get-ZoomWebinarAttendance shows the percents the sync writes.
    /// </summary>
    public sealed class InstanceAttendanceReader
    {
        private readonly ZoomHubConnection _api;

        /// <summary>Creates a reader.</summary>
        public InstanceAttendanceReader(ZoomHubConnection api) => _api = api ?? throw new ArgumentNullException(nameof(api));

        /// <summary>The attendance of an instance (null UUID: the latest); <paramref name="onFallback"/> hears why the report was not used.</summary>
        public async Task<InstanceAttendanceReport> ReadAsync(long webinarId, string instanceUuid, Action<string> onFallback = null, CancellationToken cancellationToken = default)
        {
            ZoomWebinar webinar = await _api.Zoom.Webinars.GetAsync(webinarId, cancellationToken).ConfigureAwait(false);
            InstanceContext instance = await new InstanceResolver(_api, new SyncSession(_api)).ResolveAsync(webinar, instanceUuid, cancellationToken, occurrenceRules: false).ConfigureAwait(false);
            var calculator = new AttendanceCalculator(instance.Duration.Length);
            if (!instance.IsPast) return new InstanceAttendanceReport(null, instance.Duration, new WebinarAttendance[0], new ZoomParticipant[0]);

            await ParticipantReader.ForEachAsync(_api.Zoom, webinarId, instance.InstanceUuid, true, p =>
            {
                calculator.Add(p);
                return true;
            }, onFallback, null, cancellationToken).ConfigureAwait(false);

            // Guests whose email Zoom hid but who registered: their registrant id gives the email.
            foreach (RegistrantStatus status in new[] { RegistrantStatus.Approved, RegistrantStatus.Denied, RegistrantStatus.Pending })
            {
                if (calculator.PendingGuestRows == 0) break;
                await _api.Zoom.Registrants.List(webinarId, status).ForEachAsync(r =>
                {
                    calculator.ResolveRegistrant(r.Id, r.Email);
                    return calculator.PendingGuestRows > 0;
                }, cancellationToken).ConfigureAwait(false);
            }

            calculator.CloseUnresolved();
            return new InstanceAttendanceReport(instance.InstanceUuid, instance.Duration, new List<WebinarAttendance>(calculator.Results()), calculator.RowsWithoutEmail);
        }
    }
}
