using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Tests.Scenarios
{
    /// <summary>
    /// What the built-in scenarios give account-wide discovery: the demo's expired webinar, the April webinar close to
    /// deletion, and the business scenario (the demo on a plan with the Dashboard).
    /// </summary>
    public class DiscoveryScenarioTests
    {
        private const long Expired = 80123456789;
        private const long April = 88901234567;
        private const string Omar = "omar.haddad@northwind.example.com";

        [Fact]
        public async Task TheDemosExpiredWebinarIsNoLongerListedButEverythingElseAboutItAnswers()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            long[] listed = (await SandboxTestHost.GetAsync(zoom, "users/" + Omar + "/webinars")).Body["webinars"].AsArray().Select(w => (long)w["id"]).ToArray();
            Assert.Equal(new[] { 84567890123L }, listed);

            var webinar = await SandboxTestHost.GetAsync(zoom, "webinars/" + Expired);
            Assert.Equal(200, webinar.Status);
            Assert.Equal(Omar, (string)webinar.Body["host_email"]);
            Assert.Equal(3, (int)(await SandboxTestHost.GetAsync(zoom, "webinars/" + Expired + "/registrants")).Body["total_records"]);
            Assert.Single((await SandboxTestHost.GetAsync(zoom, "past_webinars/" + Expired + "/instances")).Body["webinars"].AsArray());
            Assert.Equal(4, (int)(await SandboxTestHost.GetAsync(zoom, "report/webinars/" + Expired + "/participants")).Body["total_records"]);
            Assert.Equal(new[] { "leila.ahmadi@wingtip.example.org" },
                (await SandboxTestHost.GetAsync(zoom, "past_webinars/" + Expired + "/absentees")).Body["registrants"].AsArray().Select(r => (string)r["email"]).ToArray());
        }

        [Fact]
        public async Task TheAprilWebinarIsExpiredAndIsDeletedNinetyDaysAfterItsLastEdit()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "webinars/" + April)).Status); // last edited 2026-09-01

            host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
            zoom = await host.ZoomClientAsync();
            Assert.Equal(404, (await SandboxTestHost.GetAsync(zoom, "webinars/" + April)).Status);
            Assert.Single((await SandboxTestHost.GetAsync(zoom, "past_webinars/" + April + "/instances")).Body["webinars"].AsArray());
        }

        [Fact]
        public async Task TheBusinessScenarioIsTheDemoOnBusinessWithTheDashboard()
        {
            Assert.Contains("business", ScenarioLoader.BuiltInNames);
            Scenario demo = ScenarioLoader.Load("demo");
            Scenario business = ScenarioLoader.Load("business");
            Assert.Equal("business", business.Name);
            Assert.Equal("Business", business.Zoom.Plan);
            Assert.True(business.Zoom.Features.Dashboard);
            Assert.False(demo.Zoom.Features.Dashboard);
            Assert.Equal(demo.Now, business.Now);
            Assert.Equal(demo.Zoom.Webinars.Select(w => w.Id), business.Zoom.Webinars.Select(w => w.Id));
            Assert.Equal(demo.Zoom.Webinars.Sum(w => w.Registrants.Count), business.Zoom.Webinars.Sum(w => w.Registrants.Count));
            Assert.Equal(demo.HubSpot.Contacts.Count, business.HubSpot.Contacts.Count);
            Assert.Equal(demo.Zoom.Rules.ListedDaysAfterEnd, business.Zoom.Rules.ListedDaysAfterEnd);

            using var host = SandboxTestHost.Create(business);
            HttpClient zoom = await host.ZoomClientAsync();
            var dashboard = await SandboxTestHost.GetAsync(zoom, "metrics/webinars?type=past&from=2026-10-01&to=2026-10-31");
            Assert.Equal(Expired, (long)dashboard.Body["webinars"][0]["id"]);
        }

        [Fact]
        public void ABaseIsMergedUnderTheScenarioArraysReplacedNullsRemoved()
        {
            string path = Path.Combine(Path.GetTempPath(), "zoomhub-variant-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, "{ \"base\": \"demo\", // a variant\n \"description\": null, \"zoom\": { \"plan\": \"Business\", \"webinars\": [ { \"id\": 1 } ] } }");
            try
            {
                Scenario variant = ScenarioLoader.Load(path);
                Scenario demo = ScenarioLoader.Load("demo");
                Assert.Equal(Path.GetFileNameWithoutExtension(path), variant.Name);
                Assert.Null(variant.Description);
                Assert.Equal("Business", variant.Zoom.Plan);
                Assert.Equal(1, variant.Zoom.Webinars.Single().Id);
                Assert.Equal(demo.Zoom.Users.Count, variant.Zoom.Users.Count);
                Assert.Equal(demo.Zoom.AccountId, variant.Zoom.AccountId);
                Assert.Equal(demo.HubSpot.Token, variant.HubSpot.Token);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void ABaseThatCannotBeFoundOrLoopsIsInvalidData()
        {
            var unknown = Assert.Throws<InvalidDataException>(() => ScenarioLoader.Parse("{ \"base\": \"demmo\" }", "variant"));
            Assert.Contains("'demmo'", unknown.Message);
            Assert.Contains("variant", unknown.Message);

            string path = Path.Combine(Path.GetTempPath(), "zoomhub-loop-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, "{ \"base\": " + System.Text.Json.JsonSerializer.Serialize(path) + " }");
            try
            {
                Assert.Contains("nest", Assert.Throws<InvalidDataException>(() => ScenarioLoader.Load(path)).Message);
            }
            finally
            {
                File.Delete(path);
            }

            Assert.Throws<InvalidDataException>(() => ScenarioLoader.Parse("{ \"base\": 5 }"));
        }
    }
}
