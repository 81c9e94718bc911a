using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox.Limits;
using ZoomHubPS.Sandbox.Scenarios;
using ZoomHubPS.Sandbox.Tests.Limits;
using ZoomHubPS.Sandbox.Zoom;

namespace ZoomHubPS.Sandbox.Tests.Zoom
{
    /// <summary>GET /metrics/webinars: the Dashboard's account-wide list of webinars (Business plan, Dashboard feature on).</summary>
    public class ZoomDashboardTests
    {
        private const string November = "metrics/webinars?type=past&from=2026-10-21&to=2026-11-20";
        private const string October = "metrics/webinars?type=past&from=2026-10-01&to=2026-10-31";
        private const string Refusal = "{\"code\":200,\"message\":\"This API is only available for ZMP and Business or higher accounts that have enabled the Dashboard feature.\"}";

        [Fact]
        public async Task OnBusinessWithTheDashboardItListsEveryPastInstanceThatStartedInTheRange()
        {
            using var host = SandboxTestHost.Create("business");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, body, _) = await SandboxTestHost.GetAsync(zoom, November);
            Assert.Equal(200, status);
            Assert.Equal("2026-10-21", (string)body["from"]);
            Assert.Equal("2026-11-20", (string)body["to"]);
            Assert.Equal(6, (int)body["total_records"]);
            Assert.Equal("", (string)body["next_page_token"]);
            Assert.Null(body["page_number"]);
            Assert.Equal(new[] { 82345678901, 81234567890, 82345678901, 81234567890, 85678901234, 82345678901 },
                body["webinars"].AsArray().Select(w => (long)w["id"]).ToArray());
            Assert.Equal("/ajXp112QmuoKj4854875==", (string)body["webinars"][1]["uuid"]);
        }

        [Fact]
        public async Task TheExpiredWebinarIsThereWithTheDashboardsFieldsAndADurationString()
        {
            using var host = SandboxTestHost.Create("business");
            HttpClient zoom = await host.ZoomClientAsync();
            JsonArray items = (await SandboxTestHost.GetAsync(zoom, October)).Body["webinars"].AsArray();
            JsonObject expired = items.Single().AsObject();
            Assert.Equal("pQ4r+ExpiredWebinar0Kw==", (string)expired["uuid"]);
            Assert.Equal(80123456789, (long)expired["id"]);
            Assert.Equal("Partner enablement: Q4 pricing", (string)expired["topic"]);
            Assert.Equal("Omar Haddad", (string)expired["host"]);
            Assert.Equal("omar.haddad@northwind.example.com", (string)expired["email"]);
            Assert.Equal("Licensed", (string)expired["user_type"]);
            Assert.Equal("2026-10-15T15:00:00Z", (string)expired["start_time"]);
            Assert.Equal("2026-10-15T15:58:00Z", (string)expired["end_time"]);
            Assert.Equal("58:00", (string)expired["duration"]);
            Assert.Equal(4, (int)expired["participants"]);
            Assert.False((bool)expired["has_recording"]);
            Assert.Equal("Sales", (string)expired["dept"]);
            Assert.Equal(new[] { "custom_keys", "dept", "duration", "email", "end_time", "has_3rd_party_audio", "has_archiving", "has_pstn", "has_recording",
                "has_screen_share", "has_sip", "has_video", "has_voip", "host", "id", "participants", "start_time", "topic", "user_type", "uuid" },
                expired.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());

            JsonArray november = (await SandboxTestHost.GetAsync(zoom, November)).Body["webinars"].AsArray();
            Assert.Equal("01:02:00", (string)november[1]["duration"]); // 62 minutes
            Assert.Equal("45:00", (string)november[0]["duration"]);
            Assert.True((bool)november[5]["has_recording"]);
        }

        [Theory]
        [InlineData(3 * 3600 + 55 * 60 + 8, "03:55:08")]
        [InlineData(85, "01:25")]
        [InlineData(0, "00:00")]
        public void DurationIsMinutesAndSecondsUnderAnHourAndHoursFromAnHourOn(int seconds, string expected)
            => Assert.Equal(expected, ZoomDashboardRoutes.Elapsed(TimeSpan.FromSeconds(seconds)));

        [Fact]
        public async Task AProAccountIsRefusedWithZoomsOwnBodyWhateverTheScopes()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, body, _) = await SandboxTestHost.GetAsync(zoom, November);
            Assert.Equal(400, status);
            Assert.Equal(Refusal, body.ToJsonString());
        }

        [Fact]
        public async Task ABusinessAccountWithoutTheDashboardFeatureIsRefusedToo()
        {
            Scenario scenario = ScenarioLoader.Load("business");
            scenario.Zoom.Features.Dashboard = false;
            using var host = SandboxTestHost.Create(scenario);
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Equal(Refusal, (await SandboxTestHost.GetAsync(zoom, November)).Body.ToJsonString());

            Scenario pro = ScenarioLoader.Load("business");
            pro.Zoom.Plan = "Pro"; // the feature flag alone is not enough
            using var proHost = SandboxTestHost.Create(pro);
            Assert.Equal(Refusal, (await SandboxTestHost.GetAsync(await proHost.ZoomClientAsync(), November)).Body.ToJsonString());
        }

        [Theory]
        [InlineData("metrics/webinars?type=past&to=2026-11-20", "from")]
        [InlineData("metrics/webinars?type=past&from=2026-10-21", "to")]
        [InlineData("metrics/webinars?type=past&from=21.10.2026&to=2026-11-20", "from")]
        public async Task FromAndToAreRequiredDates(string path, string field)
        {
            using var host = SandboxTestHost.Create("business");
            var (status, body, _) = await SandboxTestHost.GetAsync(await host.ZoomClientAsync(), path);
            Assert.Equal(400, status);
            Assert.Equal(300, (int)body["code"]);
            Assert.Equal(field, (string)body["errors"][0]["field"]);
        }

        [Fact]
        public async Task OneCallCoversAtMostThirtyDaysWithinTheLastSixMonths()
        {
            using var host = SandboxTestHost.Create("business");
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "metrics/webinars?type=past&from=2026-10-01&to=2026-10-31")).Status);

            var tooLong = await SandboxTestHost.GetAsync(zoom, "metrics/webinars?type=past&from=2026-10-01&to=2026-11-01");
            Assert.Equal(400, tooLong.Status);
            Assert.Equal(300, (int)tooLong.Body["code"]);
            Assert.Contains("one month", (string)tooLong.Body["message"]);

            var tooOld = await SandboxTestHost.GetAsync(zoom, "metrics/webinars?type=past&from=2026-05-10&to=2026-06-01");
            Assert.Equal(400, tooOld.Status);
            Assert.Contains("6 months", (string)tooOld.Body["message"]);

            var backwards = await SandboxTestHost.GetAsync(zoom, "metrics/webinars?type=past&from=2026-11-10&to=2026-11-01");
            Assert.Equal(400, backwards.Status);
        }

        [Fact]
        public async Task AToDateAfterTodayIsReadAsTodayButStillCountsTowardsTheSpan()
        {
            using var host = SandboxTestHost.Create("business");
            HttpClient zoom = await host.ZoomClientAsync();
            var body = (await SandboxTestHost.GetAsync(zoom, "metrics/webinars?type=past&from=2026-11-12&to=2026-12-10")).Body;
            Assert.Equal("2026-11-20", (string)body["to"]);
            Assert.Equal(3, (int)body["total_records"]);
            Assert.Equal(400, (await SandboxTestHost.GetAsync(zoom, "metrics/webinars?type=past&from=2026-11-01&to=2026-12-31")).Status);
        }

        [Fact]
        public async Task TypeDefaultsToLiveWhichListsOnlyRunningInstances()
        {
            Scenario scenario = ScenarioLoader.Load("business");
            var now = scenario.Now.Value;
            scenario.Zoom.Webinars.Add(new ZoomWebinarSeed
            {
                Id = 80999999999,
                HostEmail = "priya.nair@northwind.example.com",
                Topic = "Running now",
                StartTime = now.AddMinutes(-10),
                Instances = new List<ZoomInstanceSeed> { new ZoomInstanceSeed { StartTime = now.AddMinutes(-10), Duration = 60 } },
            });
            using var host = SandboxTestHost.Create(scenario);
            HttpClient zoom = await host.ZoomClientAsync();
            JsonObject live = (await SandboxTestHost.GetAsync(zoom, "metrics/webinars?from=2026-11-20&to=2026-11-20")).Body["webinars"].AsArray().Single().AsObject();
            Assert.Equal(80999999999, (long)live["id"]);
            Assert.Equal("", (string)live["end_time"]);
            Assert.Equal("10:00", (string)live["duration"]);
            Assert.Equal(0, (int)(await SandboxTestHost.GetAsync(zoom, "metrics/webinars?type=past&from=2026-11-20&to=2026-11-20")).Body["total_records"]);
            Assert.Equal(400, (await SandboxTestHost.GetAsync(zoom, "metrics/webinars?type=pastOne&from=2026-11-20&to=2026-11-20")).Status);
        }

        [Fact]
        public async Task PagesFollowTheNextPageToken()
        {
            using var host = SandboxTestHost.Create("business");
            HttpClient zoom = await host.ZoomClientAsync();
            var ids = new List<long>();
            string token = "";
            int pages = 0;
            do
            {
                var body = (await SandboxTestHost.GetAsync(zoom, November + "&page_size=4&next_page_token=" + token)).Body;
                Assert.Equal(2, (int)body["page_count"]);
                ids.AddRange(body["webinars"].AsArray().Select(w => (long)w["id"]));
                token = (string)body["next_page_token"];
                pages++;
            }
            while (token.Length > 0);

            Assert.Equal(2, pages);
            Assert.Equal(6, ids.Count);
            Assert.Equal(400, (await SandboxTestHost.GetAsync(zoom, November + "&page_size=301")).Status);
            Assert.Equal(400, (await SandboxTestHost.GetAsync(zoom, October + "&next_page_token=not-a-token")).Status);
        }

        [Fact]
        public async Task ItIsResourceIntensiveTwentyAMinuteOnBusinessSharingTheHeavyDailyCap()
        {
            using (var empty = SandboxTestHost.Create("empty"))
            {
                Assert.Equal("ResourceIntensive", empty.Sandbox.Routes.Single(r => r.Key == "GET /v2/metrics/webinars").Bucket);
            }

            using var host = SandboxTestHost.Create("business", o => o.Limits = LimitOptions.For("Business", "Professional"));
            HttpClient zoom = await host.ZoomClientAsync();
            for (int i = 0; i < 20; i++)
            {
                var ok = await SandboxTestHost.GetAsync(zoom, October);
                Assert.Equal(200, ok.Status);
                Assert.Equal("Resource-intensive", ZoomLimitTests.Header(ok.Response, "X-RateLimit-Category"));
            }

            var limited = await SandboxTestHost.GetAsync(zoom, October);
            Assert.Equal(429, limited.Status);
            Assert.Equal(60_000 - 20, host.Sandbox.Limits.ZoomDailyRemaining("Heavy"));
        }
    }
}
