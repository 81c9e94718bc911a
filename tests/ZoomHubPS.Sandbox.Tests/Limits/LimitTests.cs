using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox.Limits;

namespace ZoomHubPS.Sandbox.Tests.Limits
{
    public class LimitTests
    {
        private static string Header(HttpResponseMessage r, string name)
            => r.Headers.TryGetValues(name, out var v) ? v.First() : (r.Content.Headers.TryGetValues(name, out v) ? v.First() : null);

        [Fact]
        public async Task ZoomMediumAllows20PerSecondOnProThenAnswers429WithTheDocumentedBodyAndHeaders()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Limits = LimitOptions.For("Pro", "Professional"));
            HttpClient zoom = await host.ZoomClientAsync();
            for (int i = 0; i < 20; i++)
            {
                var ok = await SandboxTestHost.GetAsync(zoom, "users?page_size=1");
                Assert.Equal(200, ok.Status);
                Assert.Equal("Medium", Header(ok.Response, "X-RateLimit-Category"));
                Assert.Equal("20", Header(ok.Response, "X-RateLimit-Limit"));
            }

            var limited = await SandboxTestHost.GetAsync(zoom, "users?page_size=1");
            Assert.Equal(429, limited.Status);
            Assert.Equal(429, (int)limited.Body["code"]);
            Assert.Equal("You have reached the maximum per-second rate limit for this API. Try again later.", (string)limited.Body["message"]);
            Assert.Equal("QPS", Header(limited.Response, "X-RateLimit-Type"));
            Assert.NotNull(Header(limited.Response, "Retry-After"));

            host.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "users?page_size=1")).Status);
        }

        [Fact]
        public async Task BusinessPlanAllowsMore()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Limits = LimitOptions.For("Business", "Professional"));
            HttpClient zoom = await host.ZoomClientAsync();
            for (int i = 0; i < 60; i++) Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "users?page_size=1")).Status);
            Assert.Equal(429, (await SandboxTestHost.GetAsync(zoom, "users?page_size=1")).Status);
        }

        [Fact]
        public async Task TheHeavyDailyCapAnswersADailyLimitUntilMidnightUtc()
        {
            var limits = LimitOptions.For("Pro", "Professional");
            limits.ZoomHeavyDaily = 3;
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Limits = limits);
            HttpClient zoom = await host.ZoomClientAsync();
            string report = "report/webinars/81234567890/participants";
            for (int i = 0; i < 3; i++)
            {
                host.Clock.Advance(TimeSpan.FromSeconds(1));
                Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, report)).Status);
            }

            var daily = await SandboxTestHost.GetAsync(zoom, report);
            Assert.Equal(429, daily.Status);
            Assert.Equal("Daily-limit", Header(daily.Response, "X-RateLimit-Type"));
            Assert.Contains("GMT 00:00:00", (string)daily.Body["message"]);
            Assert.EndsWith("T00:00:00Z", Header(daily.Response, "Retry-After"));

            DateTimeOffset now = host.Clock.GetUtcNow();
            host.Clock.Advance(new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero) - now + TimeSpan.FromSeconds(1));
            zoom = await host.ZoomClientAsync();
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, report)).Status);
        }

        [Fact]
        public async Task HubSpotAllows190InARolling10SecondsWithHeadersThen429()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Limits = LimitOptions.For("Pro", "Professional"));
            HttpClient hub = host.HubSpotClient();
            for (int i = 0; i < 190; i++)
            {
                var ok = await SandboxTestHost.GetAsync(hub, "crm/v3/properties/contacts/groups");
                Assert.Equal(200, ok.Status);
                if (i == 0)
                {
                    Assert.Equal("10000", Header(ok.Response, "X-HubSpot-RateLimit-Interval-Milliseconds"));
                    Assert.Equal("190", Header(ok.Response, "X-HubSpot-RateLimit-Max"));
                    Assert.Equal("189", Header(ok.Response, "X-HubSpot-RateLimit-Remaining"));
                    Assert.Equal("625000", Header(ok.Response, "X-HubSpot-RateLimit-Daily"));
                }

                if (i % 50 == 49) host.Clock.Advance(TimeSpan.FromSeconds(2));
            }

            var limited = await SandboxTestHost.GetAsync(hub, "crm/v3/properties/contacts/groups");
            Assert.Equal(429, limited.Status);
            Assert.Equal("You have reached your ten_secondly_rolling limit.", (string)limited.Body["message"]);
            Assert.Equal("TEN_SECONDLY_ROLLING", (string)limited.Body["policyName"]);
            Assert.Equal("RATE_LIMIT", (string)limited.Body["errorType"]);

            // Sliding: the first 50 requests leave the window 10 s after they were made.
            host.Clock.Advance(TimeSpan.FromSeconds(4.5));
            Assert.Equal(200, (await SandboxTestHost.GetAsync(hub, "crm/v3/properties/contacts/groups")).Status);
        }

        [Fact]
        public async Task HubSpotSearchHasItsOwn5PerSecondLimitAndNoRateHeaders()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Limits = LimitOptions.For("Pro", "Professional"));
            HttpClient hub = host.HubSpotClient();
            object body = new { filterGroups = new object[0], limit = 1 };
            for (int i = 0; i < 5; i++)
            {
                var ok = await SandboxTestHost.SendJsonAsync(hub, HttpMethod.Post, "crm/v3/objects/contacts/search", body);
                Assert.Equal(200, ok.Status);
                Assert.Null(Header(ok.Response, "X-HubSpot-RateLimit-Remaining"));
            }

            var limited = await SandboxTestHost.SendJsonAsync(hub, HttpMethod.Post, "crm/v3/objects/contacts/search", body);
            Assert.Equal(429, limited.Status);
            Assert.Equal("You have reached your secondly limit.", (string)limited.Body["message"]);
            Assert.Equal(200, (await SandboxTestHost.GetAsync(hub, "crm/v3/properties/contacts/groups")).Status); // the 10 s limit is untouched
        }

        [Fact]
        public async Task NoLimitsIsAChoiceThatAdmitsEverything()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo"); // the test host chooses LimitOptions.None
            HttpClient zoom = await host.ZoomClientAsync();
            for (int i = 0; i < 100; i++) Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "users?page_size=1")).Status);
        }

        [Fact]
        public void LimitsAreOnByDefault()
        {
            using var sandbox = new ZoomHubSandbox(new SandboxOptions { Scenario = "demo" });
            Assert.True(sandbox.Limits.Options.Enabled);
            Assert.Equal(20, sandbox.Limits.Options.ZoomMediumPerSecond);
        }
    }
}
