using System;
using ZoomHubPS.Core.Attendance;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>Turns decisions into the per-person records and the instance's counts (batches report from several threads).</summary>
    internal sealed class SyncReporter
    {
        private readonly object _gate = new object();
        private readonly InstanceContext _instance;
        private readonly SyncResult _result;
        private readonly Action<PersonSyncRecord> _onPerson;
        private readonly bool _whatIf;
        private readonly Func<string, bool> _firstPlannedCreation;

        /// <param name="firstPlannedCreation">In a dry run: whether this email's creation was not planned by another instance already.</param>
        public SyncReporter(InstanceContext instance, SyncResult result, Action<PersonSyncRecord> onPerson, bool whatIf, Func<string, bool> firstPlannedCreation = null)
        {
            _firstPlannedCreation = firstPlannedCreation;
            _instance = instance;
            _result = result;
            _onPerson = onPerson;
            _whatIf = whatIf;
        }

        public void Skipped(SyncPerson person, WebinarAttendance attendance, string reason) => Report(Record(person, attendance, SyncOutcome.Skipped, reason, null));

        public void Planned(PersonPlan plan, string failure = null)
        {
            if (_whatIf && plan.Outcome == SyncOutcome.Created && _firstPlannedCreation != null && !_firstPlannedCreation(plan.Person.Email)) plan.Outcome = SyncOutcome.Updated;
            Report(failure == null
                ? Record(plan.Person, plan.Attendance, plan.Outcome, plan.Reason, null)
                : Record(plan.Person, plan.Attendance, SyncOutcome.Failed, "HubSpotRejected", failure));
        }

        /// <summary>Participant rows with neither an email nor a resolvable registrant id, one record per name.</summary>
        public void NoEmail(string name)
            => Report(new PersonSyncRecord { WebinarId = _instance.WebinarId, InstanceUuid = _instance.InstanceUuid, Name = name, Outcome = SyncOutcome.Skipped, Reason = SkipReasons.NoEmail, WhatIf = _whatIf });

        public void CountParticipations(PersonPlan plan)
        {
            lock (_gate)
            {
                foreach (PlannedParticipation p in plan.Participations) _result.AddParticipations(p.State.ToString().ToLowerInvariant(), 1);
                _result.TimelineEvents += plan.TimelineEvents.Count;
            }
        }

        private PersonSyncRecord Record(SyncPerson p, WebinarAttendance a, SyncOutcome outcome, string reason, string message) => new PersonSyncRecord
        {
            WebinarId = _instance.WebinarId,
            InstanceUuid = _instance.InstanceUuid,
            Email = p.Email,
            Name = p.Name,
            Outcome = outcome,
            Reason = reason,
            Message = message,
            ContactId = p.Contact?.Id ?? p.ContactId,
            RegistrationStatus = p.Registrant?.Status,
            AttendedSeconds = a?.AttendedSeconds ?? 0,
            Percent = a?.Percent ?? 0,
            WhatIf = _whatIf,
        };

        private void Report(PersonSyncRecord record)
        {
            lock (_gate)
            {
                _result.Count(record);
                _onPerson?.Invoke(record);
            }
        }
    }
}
