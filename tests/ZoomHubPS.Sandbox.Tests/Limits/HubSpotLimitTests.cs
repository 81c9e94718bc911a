using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ZoomHubPS.Sandbox.Http;
using ZoomHubPS.Sandbox.Journal;
using ZoomHubPS.Sandbox.Limits;

namespace ZoomHubPS.Sandbox.Tests.Limits
{
    public class HubSpotLimitTests
    {
        private const string Groups = "crm/v3/properties/contacts/groups";
        private const string Search = "crm/v3/objects/contacts/search";
        private static readonly object SearchBody = new { filterGroups = new object[0], limit = 1 };

        private static string Header(HttpResponseMessage r, string name) => ZoomLimitTests.Header(r, name);

        private static async Task<int> Burst(HttpClient hub, int count)
        {
            int ok = 0;
            for (int i = 0; i < count; i++)
            {
                if ((await SandboxTestHost.GetAsync(hub, Groups)).Status == 200) ok++;
            }

            return ok;
        }

        [Fact]
        public async Task AProfessionalAppGets190PerSlidingTenSecondsThenTheDocumented429()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Limits = LimitOptions.For("Pro", "Professional"));
            HttpClient hub = host.HubSpotClient();

            var first = await SandboxTestHost.GetAsync(hub, Groups);
            Assert.Equal("10000", Header(first.Response, "X-HubSpot-RateLimit-Interval-Milliseconds"));
            Assert.Equal("190", Header(first.Response, "X-HubSpot-RateLimit-Max"));
            Assert.Equal("189", Header(first.Response, "X-HubSpot-RateLimit-Remaining"));
            Assert.Equal("625000", Header(first.Response, "X-HubSpot-RateLimit-Daily"));
            Assert.Equal("624999", Header(first.Response, "X-HubSpot-RateLimit-Daily-Remaining"));
            Assert.Equal(99, await Burst(hub, 99)); // 100 at t = 0
            host.Clock.Advance(TimeSpan.FromSeconds(5));
            Assert.Equal(90, await Burst(hub, 90)); // 90 at t = 5

            var limited = await SandboxTestHost.GetAsync(hub, Groups);
            Assert.Equal(429, limited.Status);
            Assert.Equal(new[] { "status", "message", "errorType", "correlationId", "policyName", "requestId" }, limited.Body.AsObject().Select(p => p.Key));
            Assert.Equal("error", (string)limited.Body["status"]);
            Assert.Equal("You have reached your ten_secondly_rolling limit.", (string)limited.Body["message"]);
            Assert.Equal("RATE_LIMIT", (string)limited.Body["errorType"]);
            Assert.Equal("TEN_SECONDLY_ROLLING", (string)limited.Body["policyName"]);
            Assert.True(Guid.TryParse((string)limited.Body["correlationId"], out _));
            Assert.True(Guid.TryParse((string)limited.Body["requestId"], out _));
            Assert.Equal("0", Header(limited.Response, "X-HubSpot-RateLimit-Remaining"));
            Assert.Equal("190", Header(limited.Response, "X-HubSpot-RateLimit-Max"));
            Assert.Equal("624810", Header(limited.Response, "X-HubSpot-RateLimit-Daily-Remaining"));

            // Sliding, not fixed: just before t = 10 nothing has left; at t = 10 exactly the 100 from t = 0 have.
            host.Clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
            Assert.Equal(0, await Burst(hub, 3));
            host.Clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(100, host.Sandbox.Limits.HubSpotRemaining());
            Assert.Equal(100, await Burst(hub, 103)); // the 4 + 3 refused calls consumed nothing
            host.Clock.Advance(TimeSpan.FromSeconds(5)); // t = 15: the 90 from t = 5 leave
            Assert.Equal(90, await Burst(hub, 91));
        }

        [Theory]
        [InlineData("Free", 100, 250_000)]
        [InlineData("Starter", 100, 250_000)]
        [InlineData("Professional", 190, 625_000)]
        [InlineData("Enterprise", 190, 1_000_000)]
        [InlineData("ApiLimitIncrease", 250, 1_625_000)]
        public async Task TiersCarryTheDocumentedNumbers(string tier, int perTenSeconds, int daily)
        {
            LimitOptions o = LimitOptions.For("Pro", tier);
            Assert.Equal(perTenSeconds, o.HubSpotPerTenSeconds);
            Assert.Equal(daily, o.HubSpotDaily);
            Assert.Equal(5, o.HubSpotSearchPerSecond);

            using SandboxTestHost host = SandboxTestHost.Create("demo", x => x.Limits = o);
            HttpClient hub = host.HubSpotClient();
            Assert.Equal(perTenSeconds, await Burst(hub, perTenSeconds + 1));
            var limited = await SandboxTestHost.GetAsync(hub, Groups);
            Assert.Equal(perTenSeconds.ToString(), Header(limited.Response, "X-HubSpot-RateLimit-Max"));
            Assert.Equal(daily.ToString(), Header(limited.Response, "X-HubSpot-RateLimit-Daily"));
        }

        [Fact]
        public async Task TheTenSecondLimitIsPerAppAndTheDailyLimitPerAccount()
        {
            var o = LimitOptions.For("Pro", "Starter");
            o.HubSpotDaily = 150;
            using SandboxTestHost host = SandboxTestHost.Create("demo", x => x.Limits = o);
            host.Sandbox.HubSpot.AddApp("pat-na1-second-app-token", 424242);
            HttpClient first = host.HubSpotClient();
            HttpClient second = host.HubSpotClient();
            second.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "pat-na1-second-app-token");

            Assert.Equal(100, await Burst(first, 101));
            var other = await SandboxTestHost.GetAsync(second, Groups);
            Assert.Equal(200, other.Status); // its own ten-second window
            Assert.Equal("99", Header(other.Response, "X-HubSpot-RateLimit-Remaining"));
            Assert.Equal("49", Header(other.Response, "X-HubSpot-RateLimit-Daily-Remaining")); // shared daily count
            Assert.Equal(0, host.Sandbox.Limits.HubSpotRemaining()); // the busiest app
            Assert.Equal(99, host.Sandbox.Limits.HubSpotRemaining("hubspot-app:424242"));
        }

        // The demo with Professional limits, a HubSpot daily limit of <paramref name="daily"/> and the account at UTC-5.
        private static SandboxTestHost DailyLimitAtMinusFive(int daily)
        {
            var o = LimitOptions.For("Pro", "Professional");
            o.HubSpotDaily = daily;
            o.HubSpotTimeZone = TimeZoneInfo.CreateCustomTimeZone("Sandbox-5", TimeSpan.FromHours(-5), "UTC-5", "UTC-5");
            return SandboxTestHost.Create("demo", x => x.Limits = o);
        }

        [Fact]
        public async Task TheDailyLimitAnswersDailyUntilMidnightInTheAccountTimeZone()
        {
            using SandboxTestHost host = DailyLimitAtMinusFive(3); // 12:00 UTC = 07:00 local
            HttpClient hub = host.HubSpotClient();
            Assert.Equal(3, await Burst(hub, 3));

            var daily = await SandboxTestHost.GetAsync(hub, Groups);
            Assert.Equal(429, daily.Status);
            Assert.Equal("You have reached your daily limit.", (string)daily.Body["message"]);
            Assert.Equal("DAILY", (string)daily.Body["policyName"]);
            Assert.Equal("RATE_LIMIT", (string)daily.Body["errorType"]);
            Assert.Equal("0", Header(daily.Response, "X-HubSpot-RateLimit-Daily-Remaining"));
            Assert.Equal("187", Header(daily.Response, "X-HubSpot-RateLimit-Remaining"));
            Assert.Equal(429, (await SandboxTestHost.SendJsonAsync(hub, HttpMethod.Post, Search, SearchBody)).Status);

            host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 21, 4, 59, 59, TimeSpan.Zero)); // 23:59:59 local
            Assert.Equal(429, (await SandboxTestHost.GetAsync(hub, Groups)).Status);
            host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 21, 5, 0, 0, TimeSpan.Zero)); // midnight local
            Assert.Equal(200, (await SandboxTestHost.GetAsync(hub, Groups)).Status);
            Assert.Equal(2, host.Sandbox.Limits.HubSpotDailyRemaining);
        }

        [Fact]
        public async Task TheDailyUsageRouteReportsTheLimitTheTwinEnforces()
        {
            using SandboxTestHost host = DailyLimitAtMinusFive(5); // 12:00 UTC = 07:00 local
            HttpClient hub = host.HubSpotClient();
            Assert.Equal(2, await Burst(hub, 2));

            var usage = await SandboxTestHost.GetAsync(hub, "account-info/v3/api-usage/daily/private-apps");
            Assert.Equal(200, usage.Status);
            var item = usage.Body["results"][0];
            Assert.Equal(5, (int)item["usageLimit"]);
            Assert.Equal(3, (int)item["currentUsage"]); // the limiter admitted (and counted) the usage call itself
            Assert.Equal("2026-11-21T05:00:00.000Z", (string)item["resetsAt"]); // midnight in the account's time zone
            Assert.Equal(2, host.Sandbox.Limits.HubSpotDailyRemaining);
        }

        [Fact]
        public async Task SearchHasItsOwnFivePerSecondLimitWithoutRateHeaders()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Limits = LimitOptions.For("Pro", "Professional"));
            HttpClient hub = host.HubSpotClient();
            for (int i = 0; i < 5; i++)
            {
                var ok = await SandboxTestHost.SendJsonAsync(hub, HttpMethod.Post, Search, SearchBody);
                Assert.Equal(200, ok.Status);
                Assert.DoesNotContain(ok.Response.Headers, h => h.Key.StartsWith("X-HubSpot-RateLimit", StringComparison.OrdinalIgnoreCase));
            }

            Assert.Equal(0, host.Sandbox.Limits.HubSpotSearchRemaining);
            Assert.Equal(190, host.Sandbox.Limits.HubSpotRemaining()); // exempt from the ten-second limit
            var limited = await SandboxTestHost.SendJsonAsync(hub, HttpMethod.Post, Search, SearchBody);
            Assert.Equal(429, limited.Status);
            Assert.Equal("You have reached your secondly limit.", (string)limited.Body["message"]);
            Assert.Equal("RATE_LIMIT", (string)limited.Body["errorType"]);
            Assert.DoesNotContain(limited.Response.Headers, h => h.Key.StartsWith("X-HubSpot-RateLimit", StringComparison.OrdinalIgnoreCase));
            Assert.Equal(200, (await SandboxTestHost.GetAsync(hub, Groups)).Status);

            host.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(200, (await SandboxTestHost.SendJsonAsync(hub, HttpMethod.Post, Search, SearchBody)).Status);
            Assert.Equal(4, host.Sandbox.Limits.HubSpotSearchRemaining);
        }

        [Fact]
        public async Task NoneAdmitsEverythingAndAddsNoHeaders()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Limits = LimitOptions.None);
            HttpClient hub = host.HubSpotClient();
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Equal(300, await Burst(hub, 300));
            for (int i = 0; i < 20; i++) Assert.Equal(200, (await SandboxTestHost.SendJsonAsync(hub, HttpMethod.Post, Search, SearchBody)).Status);
            for (int i = 0; i < 50; i++) Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "users")).Status);
            var last = await SandboxTestHost.GetAsync(hub, Groups);
            Assert.Null(Header(last.Response, "X-HubSpot-RateLimit-Max"));
            Assert.False(LimitOptions.None.Enabled);
        }

        [Fact]
        public async Task OptionsChangedWhileRunningApplyToTheNextRequest()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Limits = LimitOptions.For("Pro", "Professional"));
            HttpClient hub = host.HubSpotClient();
            Assert.Equal(10, await Burst(hub, 10));
            host.Sandbox.Limits.Options.HubSpotPerTenSeconds = 12;
            Assert.Equal(2, await Burst(hub, 5));
            host.Sandbox.Limits.Options = LimitOptions.None;
            Assert.Equal(5, await Burst(hub, 5));
            host.Sandbox.Limits.Options = LimitOptions.For("Pro", "Starter");
            host.Sandbox.Limits.Reset();
            Assert.Equal(100, host.Sandbox.Limits.HubSpotRemaining());
        }

        [Fact]
        public async Task ConcurrentCallersGetExactlyTheLimit()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Limits = LimitOptions.For("Pro", "Starter"));
            HttpClient hub = host.HubSpotClient();
            var calls = Enumerable.Range(0, 160).Select(_ => Task.Run(() => SandboxTestHost.GetAsync(hub, Groups)));
            int[] statuses = (await Task.WhenAll(calls)).Select(r => r.Status).ToArray();
            Assert.Equal(100, statuses.Count(s => s == 200));
            Assert.Equal(60, statuses.Count(s => s == 429));
        }

        [Fact]
        public void CorrelationIdsRepeatForTheSameSeed()
        {
            string Run()
            {
                var clock = new FakeTimeProvider(SandboxTestHost.DefaultNow);
                var o = LimitOptions.For("Pro", "Professional");
                o.HubSpotPerTenSeconds = 0;
                var limits = new SandboxLimits(new SandboxContext(clock, 7, new RequestJournal()), o);
                return limits.Admit(ZoomLimitTests.Request(SandboxApi.HubSpot, "Standard", "hubspot-app:1")).Body;
            }

            Assert.Equal(Run(), Run());
        }
    }
}
