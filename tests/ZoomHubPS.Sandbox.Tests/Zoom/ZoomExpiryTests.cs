using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Tests.Zoom
{
    /// <summary>
    /// Zoom's webinar lifecycle: listed until it expires (its scheduled end), served by GET /webinars/{id} until it is
    /// deleted (90 days after expiry or the last edit), while past instances and reports keep their own age limits.
    /// </summary>
    public class ZoomExpiryTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        private const string Host = "host@example.com";

        /// <summary>One host and the given webinars as of <see cref="Now"/>, with the twin's default rules unless changed.</summary>
        internal static Scenario Account(Action<ZoomRulesSeed> rules, params ZoomWebinarSeed[] webinars)
        {
            var scenario = new Scenario { Now = Now };
            scenario.Zoom.Users.Add(new ZoomUserSeed { Id = "hostUser00000000000001", Email = Host, FirstName = "Hana", LastName = "Host" });
            scenario.Zoom.Users.Add(new ZoomUserSeed { Id = "guestUser0000000000001", Email = "colleague@example.com", FirstName = "Cole", LastName = "League" });
            scenario.Zoom.Webinars.AddRange(webinars);
            rules?.Invoke(scenario.Zoom.Rules);
            return scenario;
        }

        /// <summary>A type-5 webinar held <paramref name="daysAgo"/> days before <see cref="Now"/> (one instance, host plus one guest).</summary>
        internal static ZoomWebinarSeed Held(long id, double daysAgo, int minutes = 60)
        {
            DateTimeOffset start = Now.AddDays(-daysAgo);
            return new ZoomWebinarSeed
            {
                Id = id,
                HostEmail = Host,
                Topic = "Held " + daysAgo + " days ago",
                StartTime = start,
                Duration = minutes,
                Instances = new List<ZoomInstanceSeed>
                {
                    new ZoomInstanceSeed
                    {
                        StartTime = start,
                        Participants = new List<ZoomParticipantSeed>
                        {
                            new ZoomParticipantSeed { Name = "Hana Host", UserEmail = Host, JoinTime = start, LeaveTime = start.AddMinutes(minutes) },
                            new ZoomParticipantSeed { Name = "Gus Guest", UserEmail = "gus@guest.example.org", JoinTime = start.AddMinutes(1), LeaveTime = start.AddMinutes(minutes - 5) },
                        },
                    },
                },
            };
        }

        private static async Task<long[]> ListedAsync(HttpClient zoom, string type = "scheduled")
            => (await SandboxTestHost.GetAsync(zoom, "users/" + Host + "/webinars?type=" + type)).Body["webinars"].AsArray().Select(w => (long)w["id"]).ToArray();

        [Fact]
        public async Task AWebinarDropsOutOfTheListAtItsScheduledEndButItsIdStillAnswers()
        {
            var soon = new ZoomWebinarSeed { Id = 81000000001, HostEmail = Host, StartTime = Now.AddMinutes(30), Duration = 60 };
            using var host = SandboxTestHost.Create(Account(null, soon));
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Equal(new[] { 81000000001L }, await ListedAsync(zoom));
            Assert.Equal(new[] { 81000000001L }, await ListedAsync(zoom, "upcoming"));

            host.Clock.Advance(TimeSpan.FromMinutes(89)); // one minute before its scheduled end: still listed
            zoom = await host.ZoomClientAsync();           // (the first token lived an hour)
            Assert.Single(await ListedAsync(zoom));

            host.Clock.Advance(TimeSpan.FromMinutes(2));
            Assert.Empty(await ListedAsync(zoom));
            Assert.Empty(await ListedAsync(zoom, "upcoming"));
            var get = await SandboxTestHost.GetAsync(zoom, "webinars/81000000001");
            Assert.Equal(200, get.Status);
            Assert.Equal(81000000001, (long)get.Body["id"]);
        }

        [Fact]
        public async Task AScenarioGraceKeepsEndedWebinarsListedThatManyDays()
        {
            using var host = SandboxTestHost.Create(Account(r => r.ListedDaysAfterEnd = 30, Held(81000000001, 10), Held(81000000002, 31)));
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Equal(new[] { 81000000001L }, await ListedAsync(zoom));
        }

        [Fact]
        public async Task ARecurringWebinarStaysListedUntilItsLastOccurrenceEnds()
        {
            DateTimeOffset first = Now.AddDays(-6);
            var weekly = new ZoomWebinarSeed
            {
                Id = 81000000009,
                HostEmail = Host,
                Type = 9,
                Duration = 45,
                Occurrences = new List<ZoomOccurrenceSeed>
                {
                    new ZoomOccurrenceSeed { StartTime = first, Duration = 45 },
                    new ZoomOccurrenceSeed { StartTime = first.AddDays(7), Duration = 45 },
                },
            };
            using var host = SandboxTestHost.Create(Account(null, weekly));
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Single(await ListedAsync(zoom));

            host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(46)); // past the second occurrence's end
            zoom = await host.ZoomClientAsync();
            Assert.Empty(await ListedAsync(zoom));
        }

        [Fact]
        public async Task NinetyDaysAfterItEndedTheWebinarIsDeletedButItsPastInstancesAndReportsRemain()
        {
            using var host = SandboxTestHost.Create(Account(null, Held(81000000001, 89)));
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "webinars/81000000001")).Status);

            host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1)); // 90 days after its end (an hour after its start)
            zoom = await host.ZoomClientAsync();
            var deleted = await SandboxTestHost.GetAsync(zoom, "webinars/81000000001");
            Assert.Equal(404, deleted.Status);
            Assert.Equal("{\"code\":3001,\"message\":\"Webinar does not exist: 81000000001.\"}", deleted.Body.ToJsonString());
            string uuid = host.Sandbox.Zoom.Instances(81000000001)[0].Uuid;
            var byUuid = await SandboxTestHost.GetAsync(zoom, "webinars/" + Uri.EscapeDataString(Uri.EscapeDataString(uuid)));
            Assert.Equal(404, byUuid.Status);

            var instances = await SandboxTestHost.GetAsync(zoom, "past_webinars/81000000001/instances");
            Assert.Equal(200, instances.Status);
            Assert.Single(instances.Body["webinars"].AsArray());
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "past_webinars/81000000001/participants")).Status);
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "report/webinars/81000000001/participants")).Status);
        }

        [Fact]
        public async Task ALastEditAfterTheEndPostponesTheDeletion()
        {
            ZoomWebinarSeed edited = Held(81000000001, 120);
            edited.UpdatedAt = Now.AddDays(-10);
            using var host = SandboxTestHost.Create(Account(null, edited, Held(81000000002, 120)));
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "webinars/81000000001")).Status);
            Assert.Equal(404, (await SandboxTestHost.GetAsync(zoom, "webinars/81000000002")).Status);

            host.Clock.Advance(TimeSpan.FromDays(80));
            zoom = await host.ZoomClientAsync();
            Assert.Equal(404, (await SandboxTestHost.GetAsync(zoom, "webinars/81000000001")).Status);
        }

        [Fact]
        public async Task PastInstancesOlderThanFifteenMonthsLeaveTheInstanceList()
        {
            ZoomWebinarSeed old = Held(81000000001, 500);
            old.Instances.Add(Held(0, 60).Instances[0]);
            using var host = SandboxTestHost.Create(Account(null, old));
            HttpClient zoom = await host.ZoomClientAsync();
            var listed = (await SandboxTestHost.GetAsync(zoom, "past_webinars/81000000001/instances")).Body["webinars"].AsArray();
            Assert.Equal(new[] { "2026-09-21T12:00:00Z" }, listed.Select(i => (string)i["start_time"]).ToArray());
        }

        [Fact]
        public async Task TheRulesAreScenarioSettings()
        {
            using var host = SandboxTestHost.Create(Account(r => { r.DeletedDaysAfterEnd = 10; r.PastInstancesMonths = 1; }, Held(81000000001, 45)));
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Equal(404, (await SandboxTestHost.GetAsync(zoom, "webinars/81000000001")).Status);
            Assert.Empty((await SandboxTestHost.GetAsync(zoom, "past_webinars/81000000001/instances")).Body["webinars"].AsArray());
        }

        [Fact]
        public void ARuleThatCannotBeAWindowStopsTheScenarioWithItsName()
        {
            var ex = Assert.Throws<ArgumentException>(() => SandboxTestHost.Create(Account(r => r.RangeDays = 0)));
            Assert.Contains("zoom.rules.range_days", ex.Message);
        }
    }
}
