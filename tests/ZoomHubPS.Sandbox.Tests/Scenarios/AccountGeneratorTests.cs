using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Tests.Scenarios
{
    /// <summary>The generator's account shape: hosts × webinars × registrants, upcoming, past (still listed) and expired.</summary>
    public class AccountGeneratorTests
    {
        private static readonly GeneratorOptions TenByFour = new GeneratorOptions { Hosts = 10, WebinarsPerHost = 4, RegistrantsPerWebinar = 250, AttendShare = 0.6, Seed = 4 };

        [Fact]
        public void TenHostsFourWebinarsTwoHundredFiftyRegistrantsSixtyPercentAttending()
        {
            Scenario s = ScenarioGenerator.Generate(TenByFour);
            Assert.Equal(10, s.Zoom.Users.Count);
            Assert.Equal(40, s.Zoom.Webinars.Count);
            Assert.All(s.Zoom.Webinars, w => Assert.Equal(250, w.Registrants.Select(r => r.Email).Distinct().Count()));
            Assert.All(s.Zoom.Users, u => Assert.Equal(4, s.Zoom.Webinars.Count(w => w.HostEmail == u.Email)));

            var held = s.Zoom.Webinars.Where(w => w.Instances.Count > 0).ToList();
            Assert.Equal(30, held.Count);
            Assert.All(held, w =>
            {
                var guests = w.Instances.Single().Participants.Where(p => p.UserEmail != w.HostEmail).ToList();
                Assert.Equal(150, guests.Select(p => p.RegistrantId).Distinct().Count());
                Assert.Contains(w.Instances.Single().Participants, p => p.UserEmail == w.HostEmail);
            });

            // People register for two webinars on average; 10 % of them are HubSpot contacts already.
            int people = s.Zoom.Webinars.SelectMany(w => w.Registrants).Select(r => r.Email).Distinct().Count();
            Assert.Equal(5000, people);
            Assert.Equal(500, s.HubSpot.Contacts.Count);
            var registered = s.Zoom.Webinars.SelectMany(w => w.Registrants).Select(r => r.Email).ToHashSet();
            Assert.All(s.HubSpot.Contacts, c => Assert.Contains(c.Properties["email"], registered));
            Assert.All(s.Zoom.Webinars.SelectMany(w => w.Registrants).GroupBy(r => r.Email), g => Assert.Equal(2, g.Count()));
        }

        [Fact]
        public void EachHostHasTwoPastOneExpiredAndOneUpcomingWebinar()
        {
            Scenario s = ScenarioGenerator.Generate(TenByFour);
            DateTimeOffset now = s.Now.Value;
            foreach (ZoomUserSeed host in s.Zoom.Users)
            {
                var mine = s.Zoom.Webinars.Where(w => w.HostEmail == host.Email).ToList();
                var past = mine.Where(w => w.Type == 9).ToList();
                Assert.Equal(2, past.Count);
                Assert.All(past, w => Assert.True(w.Occurrences.Max(o => o.StartTime) > now && w.Instances.Single().StartTime < now));
                Assert.All(past, w => Assert.Equal(w.Occurrences[0].OccurrenceId, w.Instances.Single().OccurrenceId));

                ZoomWebinarSeed expired = mine.Single(w => w.Type == 5 && w.Instances.Count == 1);
                double age = (now - expired.StartTime.Value).TotalDays;
                Assert.InRange(age, 7, 58);

                ZoomWebinarSeed upcoming = mine.Single(w => w.Instances.Count == 0);
                Assert.True(upcoming.StartTime > now);
                Assert.All(upcoming.Registrants, r => Assert.True(r.CreateTime <= now));
            }
        }

        [Fact]
        public async Task InTheTwinPastAndUpcomingAreListedExpiredOnlyInTheReports()
        {
            GeneratorOptions options = new GeneratorOptions { Hosts = 2, WebinarsPerHost = 4, RegistrantsPerWebinar = 20, Seed = 2, Dashboard = true };
            Scenario s = ScenarioGenerator.Generate(options);
            using var host = SandboxTestHost.Create(s);
            HttpClient zoom = await host.ZoomClientAsync();
            ZoomUserSeed first = s.Zoom.Users[0];
            var mine = s.Zoom.Webinars.Where(w => w.HostEmail == first.Email).ToList();
            long expired = mine.Single(w => w.Type == 5 && w.Instances.Count == 1).Id;

            long[] listed = (await SandboxTestHost.GetAsync(zoom, "users/" + first.Email + "/webinars")).Body["webinars"].AsArray().Select(w => (long)w["id"]).ToArray();
            Assert.Equal(mine.Where(w => w.Id != expired).Select(w => w.Id).OrderBy(id => id), listed.OrderBy(id => id));
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "webinars/" + expired)).Status);

            DateTime day = s.Zoom.Webinars.Single(w => w.Id == expired).StartTime.Value.UtcDateTime.Date;
            string range = "from=" + day.ToString("yyyy-MM-dd") + "&to=" + day.ToString("yyyy-MM-dd");
            var report = (await SandboxTestHost.GetAsync(zoom, "report/users/" + first.Email + "/meetings?" + range)).Body;
            Assert.Contains(expired, report["meetings"].AsArray().Select(m => (long)m["id"]));
            var dashboard = (await SandboxTestHost.GetAsync(zoom, "metrics/webinars?type=past&" + range)).Body;
            Assert.Contains(expired, dashboard["webinars"].AsArray().Select(m => (long)m["id"]));
        }

        [Fact]
        public void TheAccountShapeIsDeterministicQuickAndLoads()
        {
            var watch = Stopwatch.StartNew();
            string a = ScenarioLoader.ToJson(ScenarioGenerator.Generate(TenByFour));
            string b = ScenarioLoader.ToJson(ScenarioGenerator.Generate(TenByFour));
            Assert.Equal(a, b);
            using var host = SandboxTestHost.Create(ScenarioGenerator.Generate(TenByFour));
            watch.Stop();
            Assert.Equal(40, host.Sandbox.Zoom.Webinars.Count);
            Assert.True(watch.Elapsed.TotalSeconds < 10, "took " + watch.Elapsed);
            Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioGenerator.Generate(new GeneratorOptions { Hosts = 2, RegistrantsPerWebinar = -1 }));
        }

        [Fact]
        public void NoHostsKeepsTheSingleWebinarShape()
        {
            Scenario s = ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 10 });
            Assert.Equal(new[] { 89100000001L, 89100000002L }, s.Zoom.Webinars.Select(w => w.Id).ToArray());
            Assert.Equal("generated", s.Name);
        }
    }
}
