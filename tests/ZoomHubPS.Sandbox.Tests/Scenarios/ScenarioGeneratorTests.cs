using System.Diagnostics;
using System.Linq;
using Xunit;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Tests.Scenarios
{
    public class ScenarioGeneratorTests
    {
        [Fact]
        public void Generate_HonoursSizesAndShares()
        {
            Scenario s = ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 1000, Seed = 7 });
            var past = s.Zoom.Webinars[0];
            var rows = past.Instances.Single().Participants.Where(p => p.UserEmail != "host@northwind.example.com").ToList();
            var attendees = rows.Select(p => p.RegistrantId).Distinct().ToList();
            Assert.Equal(1000, past.Registrants.Count);
            Assert.Equal(600, attendees.Count);
            Assert.Equal(120, rows.Count - attendees.Count);                           // rejoins: 20 % of attendees
            Assert.Equal(30, rows.Where(p => p.UserEmail == "").Select(p => p.RegistrantId).Distinct().Count()); // 5 % guests
            Assert.Equal(100, s.HubSpot.Contacts.Count);
            Assert.All(rows, p => Assert.True(p.LeaveTime > p.JoinTime));
            var upcoming = s.Zoom.Webinars[1];
            Assert.Equal(5, upcoming.Type);
            Assert.Empty(upcoming.Registrants);
            Assert.NotEqual(2, upcoming.Settings.ApprovalType);
        }

        [Fact]
        public void Generate_IsDeterministic()
        {
            string a = ScenarioLoader.ToJson(ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 200, Seed = 3 }));
            string b = ScenarioLoader.ToJson(ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 200, Seed = 3 }));
            Assert.Equal(a, b);
        }

        [Fact]
        public void Generate_50000_IsFast_AndLoads()
        {
            var watch = Stopwatch.StartNew();
            Scenario s = ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 50000 });
            using var host = SandboxTestHost.Create(s);
            watch.Stop();
            Assert.Equal(50000, host.Sandbox.Zoom.Registrants(s.Zoom.Webinars[0].Id).Count);
            Assert.True(watch.Elapsed.TotalSeconds < 10, "took " + watch.Elapsed);
        }
    }
}
