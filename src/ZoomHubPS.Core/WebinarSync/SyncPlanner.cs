using System;
using System.Collections.Generic;
using ZoomHubPS.Core.Attendance;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// Decides, for one person of one instance, what HubSpot must look like afterwards and which writes get it there:
    /// the new ledger entry, the participations that changed, the timeline events, and the contact properties
    /// recomputed from the whole ledger. Pure: no I/O, so every rule is tested without a sandbox.
    /// </summary>
    internal sealed class SyncPlanner
    {
        private readonly InstanceContext _instance;
        private readonly SyncOptions _options;
        private readonly SyncPropertyNames _names;
        private readonly SkipRules _skips;
        private readonly TimelineEventBuilder _timeline;

        /// <param name="timeline">Builds the person's timeline events; null when no timeline app is configured.</param>
        public SyncPlanner(InstanceContext instance, SyncOptions options, SkipRules skips, TimelineEventBuilder timeline)
        {
            _instance = instance;
            _options = options;
            _names = options.PropertyNames ?? new SyncPropertyNames();
            _skips = skips;
            _timeline = timeline;
        }

        /// <summary>The plan for a person whose contact was looked up; <paramref name="attendance"/> is null for no-shows.</summary>
        public PersonPlan Plan(SyncPerson person, WebinarAttendance attendance)
        {
            var plan = new PersonPlan(person, attendance);
            string skip = _skips.AfterRead(person);
            if (skip != null)
            {
                plan.Outcome = SyncOutcome.Skipped;
                plan.Reason = skip;
                return plan;
            }

            WebinarHistory history = WebinarHistory.Parse(person.Contact?.Get(_names.History));
            HistoryEntry old = history.Find(_instance.WebinarId, _instance.SlotUnix);
            HistoryEntry legacy = _instance.LegacyUnix is long unix ? history.Find(_instance.WebinarId, unix) : null;
            HistoryEntry previous = old ?? legacy;
            plan.Engagement = _instance.Engagement?.For(person.Email);
            HistoryEntry entry = NewEntry(person, attendance, previous, plan.Engagement);

            // Entries written before these templates (or before any) get every event once: that is the backfill.
            bool backfill = _timeline != null && !entry.IsEmpty && previous?.Timeline != _timeline.Signature;
            entry.Timeline = _timeline == null ? previous?.Timeline : _timeline.Signature;
            plan.Entry = entry;
            plan.Replaces = legacy;
            plan.BaseLedger = person.Contact?.Get(_names.History);
            Apply(history, plan);
            Dictionary<string, string> properties = Properties(person, history);
            ContactAggregates.AddEngagementTexts(properties, history, entry, plan.Engagement, _names);

            // Nothing to do only when the entry is as recorded and the contact already shows what the ledger stands for
            // (a property added by a newer version, or edited by hand, is written once).
            if (legacy == null && entry.SameAs(old) && ContactAggregates.Shows(person.Contact, properties))
            {
                plan.Outcome = SyncOutcome.Unchanged;
                return plan;
            }

            AddParticipations(plan, previous, entry);
            if (_timeline != null && !entry.IsEmpty) plan.TimelineEvents.AddRange(_timeline.For(person, previous, entry, attendance, backfill));
            plan.Properties = properties;
            plan.Outcome = person.Contact == null ? SyncOutcome.Created : SyncOutcome.Updated;
            return plan;
        }

        /// <summary>
        /// The plan's ledger properties recomputed on top of <paramref name="ledger"/> — what another instance of the same
        /// run wrote for this person meanwhile — so neither entry is lost.
        /// </summary>
        public static void Rebase(PersonPlan plan, string ledger, SyncPropertyNames names)
        {
            WebinarHistory history = WebinarHistory.Parse(ledger);
            Apply(history, plan);
            foreach (var pair in ContactAggregates.Properties(history, names)) plan.Properties[pair.Key] = pair.Value;
            ContactAggregates.AddEngagementTexts(plan.Properties, history, plan.Entry, plan.Engagement, names);
            plan.BaseLedger = ledger;
        }

        private static void Apply(WebinarHistory history, PersonPlan plan)
        {
            if (plan.Replaces != null) history.Remove(plan.Replaces.WebinarId, plan.Replaces.StartUnix);
            history.Replace(plan.Entry);
        }

        private HistoryEntry NewEntry(SyncPerson person, WebinarAttendance attendance, HistoryEntry previous, PersonEngagement engagement)
        {
            ZoomRegistrant r = person.Registrant;
            bool approved = person.State == RegistrantStatus.Approved;
            bool counts = r != null && (person.State == RegistrantStatus.Approved || person.State == RegistrantStatus.Denied);
            long attended = attendance?.AttendedSeconds ?? 0;
            return new HistoryEntry
            {
                WebinarId = _instance.WebinarId,
                StartUnix = _instance.SlotUnix,

                // A denied (or cancelled) registration keeps its key with no registration time: the entry then says the
                // cancel participation was written, and the registration no longer counts.
                Registration = counts ? _instance.RegistrationOf(person.Email) : RegistrationKey.None,
                RegisteredAtUnix = approved ? (r.CreateTime ?? _instance.Start).ToUnixTimeSeconds() : 0,
                AttendedSeconds = attended,
                DurationSeconds = attended > 0 ? Math.Max(1, (long)Math.Round(_instance.Duration.Length.TotalSeconds)) : 0,
                JoinUrl = approved ? r.JoinUrl : null,
                Topic = approved ? _instance.Webinar.Topic : null,

                // Registrants and attendees get the recording; a recording not read this run keeps the entry's link.
                RecordingUrl = approved || attended > 0 ? _instance.RecordingUrlOr(previous?.RecordingUrl) : null,

                // Polls and Q&A read this run give the counts (0 for someone who neither answered nor asked); not read: as they were.
                PollAnswers = engagement != null ? engagement.PollAnswers : previous?.PollAnswers,
                Questions = engagement != null ? engagement.Questions : previous?.Questions,
            };
        }

        private void AddParticipations(PersonPlan plan, HistoryEntry previous, HistoryEntry entry)
        {
            SyncPerson person = plan.Person;
            long registeredMs = HubSpotValues.Milliseconds(person.Registrant?.CreateTime ?? _instance.Start);
            // Written once per registration: a ledger that already shows one (the registration write-back recorded it, with
            // its own clock) only has its time corrected, with no second participation.
            if (person.State == RegistrantStatus.Approved && (previous == null || previous.RegisteredAtUnix == 0))
            {
                plan.Participations.Add(new PlannedParticipation(ParticipationState.Register, registeredMs, null));
            }
            else if (person.State == RegistrantStatus.Approved && previous.AwaitsRegisterParticipation())
            {
                // A registration write-back stopped before its participation was confirmed: send it at the entry's time,
                // the one the write-back sends, so a participation that did land is the same one, not a second.
                plan.Participations.Add(new PlannedParticipation(ParticipationState.Register, previous.RegisteredAtUnix * 1000, null));
            }

            if (person.State == RegistrantStatus.Denied && (previous == null || previous.RegisteredAtUnix != 0 || previous.Registration.IsNone))
            {
                plan.Participations.Add(new PlannedParticipation(ParticipationState.Cancel, registeredMs, null));
            }

            WebinarAttendance a = plan.Attendance;
            if (a != null && a.AttendedSeconds > 0 && (previous == null || previous.AttendedSeconds != entry.AttendedSeconds || previous.DurationSeconds != entry.DurationSeconds))
            {
                // The interaction time is the instance's start, the same on every run: a corrected attendance (more
                // sessions found) re-sent is the same participation with new join and leave times, not a second one.
                plan.Participations.Add(new PlannedParticipation(ParticipationState.Attend, HubSpotValues.Milliseconds(_instance.Start), new Dictionary<string, string>
                {
                    ["joinedAt"] = HubSpotValues.Instant(a.FirstJoin ?? _instance.Start),
                    ["leftAt"] = HubSpotValues.Instant(a.LastLeave ?? _instance.End),
                }));
            }
        }

        private Dictionary<string, string> Properties(SyncPerson person, WebinarHistory history)
        {
            Dictionary<string, string> props = ContactAggregates.Properties(history, _names);

            // Names are filled only where HubSpot has none; never overwritten.
            if (string.IsNullOrEmpty(person.Contact?.Get("firstname")) && !string.IsNullOrWhiteSpace(person.FirstName)) props["firstname"] = person.FirstName.Trim();
            if (string.IsNullOrEmpty(person.Contact?.Get("lastname")) && !string.IsNullOrWhiteSpace(person.LastName)) props["lastname"] = person.LastName.Trim();
            return props;
        }
    }
}
