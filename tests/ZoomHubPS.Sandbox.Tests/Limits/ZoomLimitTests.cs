using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ZoomHubPS.Sandbox.Http;
using ZoomHubPS.Sandbox.Journal;
using ZoomHubPS.Sandbox.Limits;

namespace ZoomHubPS.Sandbox.Tests.Limits
{
    public class ZoomLimitTests
    {
        private const string PerSecondMessage = "You have reached the maximum per-second rate limit for this API. Try again later.";
        private const string Report = "report/webinars/81234567890/participants"; // Heavy
        private const string Users = "users?page_size=1"; // Medium
        private const string OneUser = "users/KDcuGIm1QgePTO8WbOqwIQ"; // Light

        internal static string Header(HttpResponseMessage r, string name)
            => r.Headers.TryGetValues(name, out var v) ? v.First() : (r.Content.Headers.TryGetValues(name, out v) ? v.First() : null);

        [Theory]
        [InlineData("Pro", "Light", 30)]
        [InlineData("Pro", "Medium", 20)]
        [InlineData("Pro", "Heavy", 10)]
        [InlineData("Business", "Light", 80)]
        [InlineData("Business", "Medium", 60)]
        [InlineData("Business", "Heavy", 40)]
        [InlineData("Free", "Light", 4)]
        [InlineData("Free", "Medium", 2)]
        [InlineData("Free", "Heavy", 1)]
        public async Task TheNPlusFirstCallInASecondGets429AndTheNextSecondWorks(string plan, string category, int perSecond)
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Limits = LimitOptions.For(plan, "Professional"));
            HttpClient zoom = await host.ZoomClientAsync();
            string path = category == "Light" ? OneUser : category == "Medium" ? Users : Report;

            for (int i = 0; i < perSecond; i++)
            {
                var ok = await SandboxTestHost.GetAsync(zoom, path);
                Assert.Equal(200, ok.Status);
                Assert.Equal(category, Header(ok.Response, "X-RateLimit-Category"));
                Assert.Equal(perSecond.ToString(), Header(ok.Response, "X-RateLimit-Limit"));
                Assert.Equal((perSecond - i - 1).ToString(), Header(ok.Response, "X-RateLimit-Remaining"));
            }

            var limited = await SandboxTestHost.GetAsync(zoom, path);
            Assert.Equal(429, limited.Status);
            Assert.Equal("{\"code\":429,\"message\":\"" + PerSecondMessage + "\"}", limited.Body.ToJsonString());
            Assert.Equal(category, Header(limited.Response, "X-RateLimit-Category"));
            Assert.Equal("QPS", Header(limited.Response, "X-RateLimit-Type"));
            Assert.Equal(perSecond.ToString(), Header(limited.Response, "X-RateLimit-Limit"));
            Assert.Equal("0", Header(limited.Response, "X-RateLimit-Remaining"));
            Assert.Equal("1", Header(limited.Response, "Retry-After"));

            host.Clock.Advance(TimeSpan.FromSeconds(1));
            var next = await SandboxTestHost.GetAsync(zoom, path);
            Assert.Equal(200, next.Status);
            Assert.Equal((perSecond - 1).ToString(), Header(next.Response, "X-RateLimit-Remaining"));
        }

        [Fact]
        public async Task CategoriesHaveSeparateCountersAndTheTokenEndpointIsUnlimited()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Limits = LimitOptions.For("Free", "Professional"));
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, Report)).Status);
            Assert.Equal(429, (await SandboxTestHost.GetAsync(zoom, Report)).Status); // Heavy: 1/s on Free
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, Users)).Status);   // Medium has its own counter
            Assert.Equal(0, host.Sandbox.Limits.ZoomRemaining("Heavy"));
            Assert.Equal(1, host.Sandbox.Limits.ZoomRemaining("Medium"));
            Assert.Equal(4, host.Sandbox.Limits.ZoomRemaining("Light"));

            for (int i = 0; i < 20; i++) await host.GetZoomTokenAsync(); // OAuth: bucket None, never limited
            HttpResponseMessage token = await host.Http.PostAsync(SandboxTestHost.ZoomTokenUri, new StringContent(string.Empty));
            Assert.Null(Header(token, "X-RateLimit-Category"));
        }

        [Fact]
        public async Task TheHeavyDailyCapSaysWhenToResumeAndResetsAtMidnightUtc()
        {
            var limits = LimitOptions.For("Pro", "Professional");
            limits.ZoomHeavyDaily = 3;
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Limits = limits);
            HttpClient zoom = await host.ZoomClientAsync();
            for (int i = 0; i < 3; i++) Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, Report)).Status);
            Assert.Equal(0, host.Sandbox.Limits.ZoomDailyRemaining("Heavy"));
            Assert.Equal(0, host.Sandbox.Limits.ZoomDailyRemaining("ResourceIntensive")); // the same shared cap
            Assert.Null(host.Sandbox.Limits.ZoomDailyRemaining("Light")); // no daily cap on Pro

            host.Clock.Advance(TimeSpan.FromSeconds(5)); // a new second: only the daily cap is in the way
            var daily = await SandboxTestHost.GetAsync(zoom, Report);
            Assert.Equal(429, daily.Status);
            Assert.Equal(429, (int)daily.Body["code"]);
            Assert.Equal("You have exceeded the daily rate limit (3) of Heavy API requests permitted for this particular account. You may resume these requests at GMT 00:00:00.", (string)daily.Body["message"]);
            Assert.Equal("Daily-limit", Header(daily.Response, "X-RateLimit-Type"));
            Assert.Equal("Heavy", Header(daily.Response, "X-RateLimit-Category"));
            Assert.Equal("3", Header(daily.Response, "X-RateLimit-Limit"));
            Assert.Equal("0", Header(daily.Response, "X-RateLimit-Remaining"));
            Assert.Equal("2026-11-21T00:00:00Z", Header(daily.Response, "Retry-After"));

            // One second before midnight UTC it is still refused; at 00:00:00 UTC the day starts over.
            host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 23, 59, 59, TimeSpan.Zero));
            zoom = await host.ZoomClientAsync(); // the first token has expired by now
            Assert.Equal(429, (await SandboxTestHost.GetAsync(zoom, Report)).Status);
            host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero));
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, Report)).Status);
            Assert.Equal(2, host.Sandbox.Limits.ZoomDailyRemaining("Heavy"));
        }

        [Fact]
        public async Task RefusedCallsDoNotConsumeTheDailyQuota()
        {
            var limits = LimitOptions.For("Pro", "Professional");
            limits.ZoomHeavyDaily = 100;
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Limits = limits);
            HttpClient zoom = await host.ZoomClientAsync();
            int ok = 0;
            for (int i = 0; i < 25; i++)
            {
                if ((await SandboxTestHost.GetAsync(zoom, Report)).Status == 200) ok++;
            }

            Assert.Equal(10, ok); // 10/s on Pro; the 15 refused ones cost nothing
            Assert.Equal(90, host.Sandbox.Limits.ZoomDailyRemaining("Heavy"));
        }

        [Fact]
        public void ResourceIntensiveAllowsTenPerClockMinuteAndSharesTheHeavyDailyCap()
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 45, TimeSpan.Zero));
            var options = LimitOptions.For("Pro", "Professional");
            options.ZoomHeavyDaily = 12;
            var limits = new SandboxLimits(new SandboxContext(clock, 1, new RequestJournal()), options);
            SandboxRequest Ri() => Request(SandboxApi.Zoom, "ResourceIntensive");

            for (int i = 0; i < 10; i++) Assert.Null(limits.Admit(Ri()));
            SandboxResponse limited = limits.Admit(Ri());
            Assert.Equal(429, (int)limited.Status);
            Assert.Equal("Resource-intensive", limited.Headers["X-RateLimit-Category"]);
            Assert.Equal("QPS", limited.Headers["X-RateLimit-Type"]);
            Assert.Equal("10", limited.Headers["X-RateLimit-Limit"]);
            Assert.Equal("15", limited.Headers["Retry-After"]); // the rest of the clock minute

            clock.Advance(TimeSpan.FromSeconds(15)); // 12:01:00, a new minute
            Assert.Null(limits.Admit(Request(SandboxApi.Zoom, "Heavy")));
            Assert.Null(limits.Admit(Ri()));
            // 12 of the shared daily cap are used (10 RI + 1 Heavy + 1 RI): both categories are now refused for the day.
            SandboxResponse daily = limits.Admit(Request(SandboxApi.Zoom, "Heavy"));
            Assert.Equal("Daily-limit", daily.Headers["X-RateLimit-Type"]);
            Assert.Equal("Daily-limit", limits.Admit(Ri()).Headers["X-RateLimit-Type"]);
        }

        [Fact]
        public void DecorateKeepsHeadersARouteAlreadySet()
        {
            var clock = new FakeTimeProvider(SandboxTestHost.DefaultNow);
            var limits = new SandboxLimits(new SandboxContext(clock, 1, new RequestJournal()), LimitOptions.For("Pro", "Professional"));
            SandboxRequest request = Request(SandboxApi.Zoom, "Light");
            SandboxResponse own = SandboxResponse.ZoomError((System.Net.HttpStatusCode)429, 429, "daily registrant limit");
            own.Headers["Retry-After"] = "2026-11-21T00:00:00Z";
            own.Headers["X-RateLimit-Type"] = "Daily-limit";

            limits.Decorate(request, own);

            Assert.Equal("2026-11-21T00:00:00Z", own.Headers["Retry-After"]);
            Assert.Equal("Daily-limit", own.Headers["X-RateLimit-Type"]);
            Assert.Equal("Light", own.Headers["X-RateLimit-Category"]);
            Assert.Equal("30", own.Headers["X-RateLimit-Limit"]);
        }

        [Fact]
        public async Task ConcurrentCallersGetExactlyTheLimit()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Limits = LimitOptions.For("Pro", "Professional"));
            HttpClient zoom = await host.ZoomClientAsync();
            var calls = Enumerable.Range(0, 50).Select(_ => Task.Run(() => SandboxTestHost.GetAsync(zoom, Users)));
            int[] statuses = (await Task.WhenAll(calls)).Select(r => r.Status).ToArray();
            Assert.Equal(20, statuses.Count(s => s == 200));
            Assert.Equal(30, statuses.Count(s => s == 429));
        }

        [Theory]
        [InlineData("Pro", 30, 20, 10, 10, 30_000, 0, 0)]
        [InlineData("Business", 80, 60, 40, 20, 60_000, 0, 0)]
        [InlineData("Free", 4, 2, 1, 1, 1_000, 6_000, 2_000)]
        public void PlansCarryTheDocumentedNumbers(string plan, int light, int medium, int heavy, int riPerMinute, int heavyDaily, int lightDaily, int mediumDaily)
        {
            LimitOptions o = LimitOptions.For(plan, "Professional");
            Assert.True(o.Enabled);
            Assert.Equal(new[] { light, medium, heavy, riPerMinute, heavyDaily, lightDaily, mediumDaily },
                new[] { o.ZoomLightPerSecond, o.ZoomMediumPerSecond, o.ZoomHeavyPerSecond, o.ZoomResourceIntensivePerMinute, o.ZoomHeavyDaily, o.ZoomLightDaily, o.ZoomMediumDaily });
        }

        [Fact]
        public void UnknownPlansAndTiersAreRefused()
        {
            Assert.Throws<ArgumentException>(() => LimitOptions.For("Platinum", "Professional"));
            Assert.Throws<ArgumentException>(() => LimitOptions.For("Pro", "Gold"));
        }

        internal static SandboxRequest Request(SandboxApi api, string bucket, string principal = null)
        {
            var route = new SandboxRoute(api, HttpMethod.Get, "/test/" + bucket, bucket, false, _ => SandboxResponse.Empty(System.Net.HttpStatusCode.OK));
            var uri = new Uri("https://sandbox.invalid/test/" + bucket);
            return new SandboxRequest(HttpMethod.Get, uri, uri.AbsolutePath, new Dictionary<string, string>(), new Dictionary<string, string>(), null)
            {
                Route = route,
                Principal = principal,
            };
        }
    }
}
