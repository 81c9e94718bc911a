using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using ZoomHubPS.Core.Attendance;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Webinars;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.Tests.WebinarSync
{
    /// <summary>The planner's rules, person by person, without HTTP: what changes, what is written, what is left alone.</summary>
    public class SyncPlannerTests
    {
        private static readonly DateTimeOffset Scheduled = new DateTimeOffset(2026, 11, 5, 16, 0, 0, TimeSpan.Zero);
        private static readonly SyncPropertyNames Names = new SyncPropertyNames();

        private static InstanceContext Instance(DateTimeOffset? actualStart = null, int minutes = 60)
        {
            var webinar = new ZoomWebinar { Id = 81234567890, Topic = "Quarterly update", Type = 5, StartTime = Scheduled, Duration = 60, HostEmail = "host@northwind.example.com" };
            var instance = new ZoomPastInstance { Uuid = "abc==", StartTime = actualStart ?? Scheduled };
            ScheduledSlot slot = WebinarSchedule.SlotOf(webinar, instance, new[] { instance });
            var report = new ZoomWebinarReport { StartTime = instance.StartTime, EndTime = instance.StartTime.AddMinutes(minutes), Duration = minutes };
            return new InstanceContext(webinar, instance.Uuid, true, instance.StartTime, slot.Start, WebinarSchedule.DurationOf(webinar, null, report), null, null, "acct");
        }

        private static SyncPlanner Planner(InstanceContext instance, SyncOptions options = null)
        {
            options = options ?? new SyncOptions();
            return new SyncPlanner(instance, options, new SkipRules(options, new HashSet<string>()), null);
        }

        private static SyncPerson Registrant(string status = "approved", string email = "ana@contoso.example.org")
            => new SyncPerson(email, "Ana", "Ruiz", new ZoomRegistrant { Id = "r1", Email = email, Status = status, CreateTime = Scheduled.AddDays(-10), JoinUrl = "https://zoom.example/w/1?tk=ana" });

        private static WebinarAttendance Attended(long seconds, DateTimeOffset? leave = null)
            => new WebinarAttendance { Email = "ana@contoso.example.org", AttendedSeconds = seconds, FirstJoin = Scheduled, LastLeave = leave ?? Scheduled.AddSeconds(seconds), Percent = Math.Round(seconds / 36.0, 1), Sessions = 1 };

        private static HubSpotObject Contact(string history = null)
        {
            var c = new HubSpotObject { Id = "101" };
            c.Properties["email"] = "ana@contoso.example.org";
            c.Properties["firstname"] = "Ana";
            if (history != null) c.Properties[Names.History] = history;
            return c;
        }

        [Fact]
        public void ANewRegistrantWhoAttendedIsCreatedWithRegisterAndAttendAndTheExactLength()
        {
            PersonPlan plan = Planner(Instance()).Plan(Registrant(), Attended(2700));

            Assert.Equal(SyncOutcome.Created, plan.Outcome);
            Assert.Equal(new[] { ParticipationState.Register, ParticipationState.Attend }, plan.Participations.Select(p => p.State));
            Assert.Equal("1", plan.Properties[Names.RegistrationCount]);
            Assert.Equal("1", plan.Properties[Names.AttendanceCount]);
            Assert.Equal("75.0", plan.Properties[Names.AverageAttendancePercent]);
            Assert.Contains("|2700|3600|", plan.Properties[Names.History]);
        }

        private static HubSpotObject Showing(IDictionary<string, string> written)
        {
            HubSpotObject c = Contact();
            foreach (var p in written) c.Properties[p.Key] = p.Value;
            return c;
        }

        [Fact]
        public void ThePlannedLedgerPlannedAgainChangesNothing()
        {
            PersonPlan first = Planner(Instance()).Plan(Registrant(), Attended(2700));
            SyncPerson again = Registrant();
            again.Contact = Showing(first.Properties);

            PersonPlan second = Planner(Instance()).Plan(again, Attended(2700));
            Assert.Equal(SyncOutcome.Unchanged, second.Outcome);
            Assert.Empty(second.Participations);
        }

        [Fact]
        public void AContactWhoseLedgerIsCurrentButLacksAPropertyGetsItWithoutAnyParticipation()
        {
            // A ledger written by an older version: the last registered webinar's name and start were not written then.
            PersonPlan first = Planner(Instance()).Plan(Registrant(), Attended(2700));
            SyncPerson again = Registrant();
            again.Contact = Showing(first.Properties);
            again.Contact.Properties.Remove(Names.LastRegisteredWebinarName);
            again.Contact.Properties.Remove(Names.LastRegisteredWebinarAt);

            PersonPlan second = Planner(Instance()).Plan(again, Attended(2700));
            Assert.Equal(SyncOutcome.Updated, second.Outcome);
            Assert.Empty(second.Participations);
            Assert.Equal("Quarterly update", second.Properties[Names.LastRegisteredWebinarName]);
            Assert.Equal("2026-11-05T16:00:00.000Z", second.Properties[Names.LastRegisteredWebinarAt]);
        }

        [Fact]
        public void HubSpotsOwnFormsOfTheWrittenValuesCountAsShown()
        {
            // HubSpot answers "75" for "75.0" and may answer date-times as milliseconds: not a change.
            PersonPlan first = Planner(Instance()).Plan(Registrant(), Attended(2700));
            SyncPerson again = Registrant();
            again.Contact = Showing(first.Properties);
            again.Contact.Properties[Names.AverageAttendancePercent] = "75";
            again.Contact.Properties[Names.LastAttendedAt] = Scheduled.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

            Assert.Equal(SyncOutcome.Unchanged, Planner(Instance()).Plan(again, Attended(2700)).Outcome);
        }

        [Fact]
        public void ACorrectedAttendanceResendsTheSameAttendParticipationWithTheNewLeaveTime()
        {
            PersonPlan first = Planner(Instance()).Plan(Registrant(), Attended(2388));
            SyncPerson again = Registrant();
            again.Contact = Contact(first.Properties[Names.History]);

            PersonPlan corrected = Planner(Instance()).Plan(again, Attended(3105, Scheduled.AddSeconds(3300)));
            PlannedParticipation attend = corrected.Participations.Single();
            Assert.Equal(ParticipationState.Attend, attend.State);
            Assert.Equal(first.Participations.Single(p => p.State == ParticipationState.Attend).InteractionMs, attend.InteractionMs);
            Assert.Equal("2026-11-05T16:55:00Z", attend.Properties["leftAt"]);
        }

        [Fact]
        public void ADeniedRegistrationIsACancelThatDoesNotCount()
        {
            PersonPlan plan = Planner(Instance()).Plan(Registrant("denied"), null);
            Assert.Equal(ParticipationState.Cancel, plan.Participations.Single().State);
            Assert.Equal("0", plan.Properties[Names.RegistrationCount]);
        }

        [Fact]
        public void ExcludedDomainsAndDeletedContactsAreNotCreatedButExistingContactsStillGetTheActivity()
        {
            var options = new SyncOptions().WithExclusions(contactDomains: new[] { "contoso.example.org" });
            Assert.Equal(SkipReasons.ExcludedDomain, Planner(Instance(), options).Plan(Registrant(), Attended(60)).Reason);

            SyncPerson known = Registrant();
            known.Contact = Contact();
            Assert.Equal(SyncOutcome.Updated, Planner(Instance(), options).Plan(known, Attended(60)).Outcome);

            SyncPerson deleted = Registrant();
            deleted.Deleted = true;
            Assert.Equal(SkipReasons.DeletedContact, Planner(Instance()).Plan(deleted, null).Reason);
            Assert.Equal(SyncOutcome.Created, Planner(Instance(), new SyncOptions().WithPeople(recreateDeletedContacts: true)).Plan(deleted, null).Outcome);
        }

        [Fact]
        public void AnEntryAnOlderVersionKeyedByTheActualStartIsReplacedNotCountedTwice()
        {
            // An older version keyed a late instance by its actual start; the slot is the scheduled start now.
            InstanceContext late = Instance(Scheduled.AddMinutes(20));
            long actual = Scheduled.AddMinutes(20).ToUnixTimeSeconds();
            SyncPerson person = Registrant();
            person.Contact = Contact("v1;81234567890@" + actual + "|W|" + Scheduled.AddDays(-10).ToUnixTimeSeconds() + "|2700|750|https://zoom.example/w/1?tk=ana");

            PersonPlan plan = Planner(late).Plan(person, Attended(2700));
            WebinarHistory history = WebinarHistory.Parse(plan.Properties[Names.History]);
            Assert.Single(history.Entries);
            Assert.Equal(Scheduled.ToUnixTimeSeconds(), history.Entries.Single().StartUnix);
            Assert.Equal("1", plan.Properties[Names.AttendanceCount]);
            Assert.DoesNotContain(plan.Participations, p => p.State == ParticipationState.Register); // registered already
        }

        [Fact]
        public void ARegistrationTheWriteBackRecordedIsNotRegisteredAgainOnlyItsTimeIsCorrected()
        {
            var written = new WebinarHistory();
            written.Replace(new HistoryEntry { WebinarId = 81234567890, StartUnix = Scheduled.ToUnixTimeSeconds(), Registration = RegistrationKey.Webinar, RegisteredAtUnix = Scheduled.AddDays(-10).AddSeconds(2).ToUnixTimeSeconds(), JoinUrl = "https://zoom.example/w/1?tk=ana", Topic = "Quarterly update" });
            SyncPerson person = Registrant();
            person.Contact = Contact(written.Serialize());

            PersonPlan plan = Planner(Instance()).Plan(person, null);
            Assert.Equal(SyncOutcome.Updated, plan.Outcome);
            Assert.Empty(plan.Participations);
            Assert.Contains("|" + Scheduled.AddDays(-10).ToUnixTimeSeconds() + "|", plan.Properties[Names.History]);
        }

        [Fact]
        public void SkipRulesBeforeTheReadNeedNoHubSpot()
        {
            var rules = new SkipRules(new SyncOptions(), new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "maya.chen@northwind.example.com" });
            Assert.Equal(SkipReasons.InvalidEmail, rules.BeforeRead(new SyncPerson("chris.evans@contoso", "Chris", null, null), null));
            Assert.Equal(SkipReasons.AccountUser, rules.BeforeRead(new SyncPerson("Maya.Chen@northwind.example.com", "Maya", null, null), null));
            Assert.Equal(SkipReasons.Pending, rules.BeforeRead(Registrant("pending"), null));
            Assert.Null(rules.BeforeRead(Registrant("pending"), Attended(60))); // a pending registrant who attended is synced
        }

        private static InstanceContext Recorded(InstanceContext instance, string shareUrl)
            => instance.WithRecording(ZoomHubPS.Core.Recordings.InstanceRecording.Of(new ZoomRecording { Id = 81234567890, Uuid = "abc==", ShareUrl = shareUrl, Duration = 60 }), null);

        [Fact]
        public void RegistrantsWhoDidNotAttendGetTheRecordingAndDeniedOnesDoNot()
        {
            InstanceContext instance = Recorded(Instance(), "https://zoom.example/rec/share/1");
            PersonPlan noShow = Planner(instance).Plan(Registrant(), null);
            Assert.Equal("https://zoom.example/rec/share/1", noShow.Properties[Names.LastRecordingUrl]);
            Assert.Equal("2026-11-05T16:00:00.000Z", noShow.Properties[Names.LastRecordingAt]);

            PersonPlan denied = Planner(instance).Plan(Registrant("denied"), null);
            Assert.Equal(string.Empty, denied.Properties[Names.LastRecordingUrl]);
        }

        [Fact]
        public void ARecordingNotReadThisRunKeepsTheLinkButZoomsNoRecordingClearsIt()
        {
            PersonPlan withLink = Planner(Recorded(Instance(), "https://zoom.example/rec/share/1")).Plan(Registrant(), Attended(2700));
            SyncPerson again = Registrant();
            again.Contact = Showing(withLink.Properties);

            // Recordings off (the context knows no recording): the entry keeps its link, nothing to write.
            Assert.Equal(SyncOutcome.Unchanged, Planner(Instance()).Plan(again, Attended(2700)).Outcome);

            InstanceContext none = Instance().WithRecording(ZoomHubPS.Core.Recordings.InstanceRecording.None(), null);
            PersonPlan cleared = Planner(none).Plan(again, Attended(2700));
            Assert.Equal(SyncOutcome.Updated, cleared.Outcome);
            Assert.Equal(string.Empty, cleared.Properties[Names.LastRecordingUrl]);
            Assert.Empty(cleared.Participations);
        }
    }
}
