using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.Attendance;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests.WebinarSync
{
    /// <summary>Rules the sync and the registration share: one event per slot, one instance length, one percent.</summary>
    public class SharedRulesTests
    {
        private const long Launch = 89500000001;
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

        private static ZoomParticipantSeed Row(string name, string email, DateTimeOffset join, DateTimeOffset leave)
            => new ZoomParticipantSeed { Name = name, UserEmail = email, JoinTime = join, LeaveTime = leave };

        /// <summary>A type-5 webinar scheduled an hour from now whose instance (already in the twin) starts 20 minutes late.</summary>
        private static Scenario LateLaunch()
        {
            DateTimeOffset scheduled = Now.AddHours(1);
            DateTimeOffset started = scheduled.AddMinutes(20);
            Scenario s = ScenarioLoader.Load("empty");
            s.Now = Now;
            s.Anchor = null;
            s.Zoom.Users.Add(new ZoomUserSeed { Id = "HoStLaTeLaUnCh00000001", Email = "host@northwind.example.com", FirstName = "Hal", LastName = "Host" });
            s.Zoom.Webinars.Add(new ZoomWebinarSeed
            {
                Id = Launch, HostEmail = "host@northwind.example.com", Topic = "Launch (starts late)", Type = 5, StartTime = scheduled, Duration = 60,
                Settings = new ZoomWebinarSettingsSeed { ApprovalType = 0 },
                Instances =
                {
                    new ZoomInstanceSeed
                    {
                        Uuid = "LaTeStArT20MinutesUuA==", StartTime = started, Duration = 50,
                        Participants = { Row("Ada Lovelace", "ada@example.org", started, started.AddMinutes(50)), Row("Bo Chen", "bo@example.org", started.AddMinutes(10), started.AddMinutes(35)) },
                    },
                },
            });
            return s;
        }

        private static RegistrationInput In(string email, string first, string last)
            => new RegistrationInput(new Dictionary<string, object> { ["Email"] = email, ["FirstName"] = first, ["LastName"] = last }, email);

        [Fact]
        public async Task ALateInstanceRegisteredFirstAndSyncedAfterHasOneEventWithEveryParticipation()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync(LateLaunch());
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            var results = new List<RegistrationResult>();
            await new WebinarRegistrationEngine(host.Connection).RegisterAsync(Launch, new[] { In("ada@example.org", "Ada", "Lovelace"), In("bo@example.org", "Bo", "Chen") },
                new RegistrationOptions { WriteBackToHubSpot = true }, results.Add);
            Assert.All(results, r => Assert.Equal(RegistrationStatus.Registered, r.Status));

            host.Clock.Advance(TimeSpan.FromHours(3)); // the instance (20 minutes late) is over
            SyncResult sync = await new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = Launch }, new SyncOptions());

            var events = host.Sandbox.HubSpot.MarketingEvents.Where(e => e.ExternalEventId.StartsWith("zoomhub-" + Launch, StringComparison.Ordinal)).ToList();
            Assert.Single(events);
            Assert.Equal("zoomhub-" + Launch + "-" + Now.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), events[0].ExternalEventId);
            Assert.Equal(sync.MarketingEventId, events[0].ExternalEventId);
            foreach (string email in new[] { "ada@example.org", "bo@example.org" })
            {
                var mine = events[0].Participations.Where(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase)).ToList();
                Assert.Equal(1, mine.Count(p => p.State == "register"));
                Assert.Equal(1, mine.Count(p => p.State == "attend"));
            }

            // The event shows what happened: the actual start, and the contacts count one registration each.
            Assert.Equal(Now.AddHours(1).AddMinutes(20), events[0].StartDateTime);
            var names = new SyncPropertyNames();
            Assert.All(host.Sandbox.HubSpot.Contacts.Where(c => c.Email.EndsWith("@example.org", StringComparison.Ordinal)), c => Assert.Equal("1", c.Get(names.RegistrationCount)));

            // And a re-run writes nothing.
            host.Sandbox.Journal.Clear();
            await new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = Launch }, new SyncOptions());
            Assert.Equal(0, host.Sandbox.Journal.Entries.Count(e => e.IsWrite));
        }

        [Fact]
        public async Task AnInstanceShorterThanAMinuteIsTheBaseOfItsOwnPercent()
        {
            // Zoom's report says 0 minutes for a 40-second instance: its start and end give the length, not the schedule.
            DateTimeOffset start = Now.AddDays(-1);
            Scenario s = ScenarioLoader.Load("empty");
            s.Now = Now;
            s.Anchor = null;
            s.Zoom.Webinars.Add(new ZoomWebinarSeed
            {
                Id = Launch, HostEmail = "host@northwind.example.com", Topic = "Forty seconds", Type = 5, StartTime = start, Duration = 60,
                Settings = new ZoomWebinarSettingsSeed { ApprovalType = 2 },
                Instances = { new ZoomInstanceSeed { Uuid = "FoRtYsEcOnDsInStAnCe0==", StartTime = start, EndTime = start.AddSeconds(40), Participants = { Row("Ada Lovelace", "ada@example.org", start, start.AddSeconds(40)) } } },
            });
            using CoreTestHost host = await CoreTestHost.CreateAsync(s);
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            var records = new List<PersonSyncRecord>();
            await new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = Launch }, new SyncOptions(), records.Add);

            Assert.Equal(100, records.Single(r => r.Email == "ada@example.org").Percent);
            Assert.Equal(100, double.Parse(host.Sandbox.HubSpot.Contacts.Single(c => c.Email == "ada@example.org").Get(new SyncPropertyNames().AverageAttendancePercent), CultureInfo.InvariantCulture));
            InstanceAttendanceReport report = await new InstanceAttendanceReader(host.Connection).ReadAsync(Launch, null);
            Assert.Equal(TimeSpan.FromSeconds(40), report.Duration.Length);
            Assert.Equal(100, report.People.Single().Percent);
        }

        [Fact]
        public async Task TheAttendanceCmdletsPercentsAreTheSyncs()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync();
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            const long quarterly = 81234567890;
            string uuid = host.Sandbox.Zoom.Instances(quarterly).First().Uuid; // the first session ran 62 minutes, scheduled 60
            var records = new List<PersonSyncRecord>();
            await new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = quarterly, InstanceUuid = uuid }, new SyncOptions().WithPeople(includeAccountUsers: true), records.Add);
            InstanceAttendanceReport report = await new InstanceAttendanceReader(host.Connection).ReadAsync(quarterly, uuid);

            Assert.Equal(TimeSpan.FromMinutes(62), report.Duration.Length);
            Assert.NotEmpty(report.People);
            foreach (WebinarAttendance a in report.People)
            {
                Assert.Equal(a.Percent, records.Single(r => string.Equals(r.Email, a.Email, StringComparison.OrdinalIgnoreCase)).Percent);
            }
        }

        [Fact]
        public async Task ARateLimitedBatchGoesOneByOneSoEveryoneStillRegisters()
        {
            var generated = new GeneratorOptions { Registrants = 10 };
            using CoreTestHost host = await CoreTestHost.CreateAsync(ScenarioGenerator.Generate(generated),
                sandbox => sandbox.Faults = new FaultOptions().Add(FaultRule.For("POST /v2/webinars/{webinarId}/batch_registrants").TooManyRequests(TimeSpan.FromSeconds(1)).Times(1)),
                connection => connection.Retry = RetryOptions.None);
            var inputs = Enumerable.Range(1, 12).Select(i => In($"batch{i}@example.org", "Batch", "Person" + i)).ToList();
            var results = new List<RegistrationResult>();
            await new WebinarRegistrationEngine(host.Connection).RegisterAsync(generated.UpcomingWebinarId, inputs, new RegistrationOptions(), results.Add);

            Assert.Equal(12, results.Count(r => r.Status == RegistrationStatus.Registered));
            Assert.Equal(1, host.Sandbox.Journal.Count("POST", "/v2/webinars/{webinarId}/batch_registrants"));
            Assert.Equal(12, host.Sandbox.Journal.Count("POST", "/v2/webinars/{webinarId}/registrants"));
        }
    }
}
