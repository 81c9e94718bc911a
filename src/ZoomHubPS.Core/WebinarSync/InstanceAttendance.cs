using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Attendance;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// The attendance of one instance while it is being read: participant rows stream in from the report (in the
    /// background, while the registrants stream), and guest rows without an email meet their registrant's email
    /// whichever of the two listings reaches them first. Thread-safe.
    /// </summary>
    internal sealed class InstanceAttendance
    {
        private readonly object _gate = new object();
        private readonly AttendanceCalculator _calculator;

        // Registrant id → email, for participant rows that arrive after their registrant was listed. Needed only while
        // rows still arrive; dropped once every row is in (later registrants resolve their rows themselves).
        private Dictionary<string, string> _registrantEmails = new Dictionary<string, string>(StringComparer.Ordinal);

        public InstanceAttendance(InstanceContext instance)
        {
            _calculator = new AttendanceCalculator(instance.Duration.Length, RegistrantEmail);
            Completed = Task.CompletedTask;
        }

        /// <summary>Every participant row has been read (completes at once for an instance not held yet).</summary>
        public Task Completed { get; private set; }

        /// <summary>Starts reading the participants of a past instance in the background.</summary>
        public void StartReading(ZoomClient zoom, InstanceContext instance, CancellationToken ct)
        {
            if (instance.IsPast) Completed = ReadAsync(zoom, instance, ct);
        }

        /// <summary>A registrant was listed: its email now resolves its guest rows, those read already and those to come.</summary>
        public void SawRegistrant(ZoomRegistrant registrant)
        {
            if (registrant?.Id == null || string.IsNullOrWhiteSpace(registrant.Email)) return;
            lock (_gate)
            {
                if (_registrantEmails != null) _registrantEmails[registrant.Id] = registrant.Email;
                _calculator.ResolveRegistrant(registrant.Id, registrant.Email);
            }
        }

        /// <summary>One person's attendance, or null (call after <see cref="Completed"/>).</summary>
        public WebinarAttendance Get(string email)
        {
            lock (_gate) return _calculator.Get(email);
        }

        /// <summary>
        /// Every attendee, once every registrant was listed too: guest rows still without an email become "no email"
        /// rows (<see cref="RowsWithoutEmail"/>).
        /// </summary>
        public IReadOnlyList<WebinarAttendance> CloseAndList()
        {
            lock (_gate)
            {
                _calculator.CloseUnresolved();
                return _calculator.Results().ToList();
            }
        }

        /// <summary>Rows with neither an email nor a resolvable registrant id (after <see cref="CloseAndList"/>).</summary>
        public IReadOnlyList<ZoomParticipant> RowsWithoutEmail
        {
            get
            {
                lock (_gate) return _calculator.RowsWithoutEmail.ToList();
            }
        }

        private async Task ReadAsync(ZoomClient zoom, InstanceContext instance, CancellationToken ct)
        {
            await Task.Yield(); // the registrant listing starts at once
            await ParticipantReader.ForEachAsync(zoom, instance.WebinarId, instance.InstanceUuid, preferReport: true, row =>
            {
                lock (_gate) _calculator.Add(row);
                return true;
            }, cancellationToken: ct).ConfigureAwait(false);
            lock (_gate) _registrantEmails = null;
        }

        // Called by the calculator under _gate.
        private string RegistrantEmail(string registrantId)
            => _registrantEmails != null && _registrantEmails.TryGetValue(registrantId, out string email) ? email : null;
    }
}
