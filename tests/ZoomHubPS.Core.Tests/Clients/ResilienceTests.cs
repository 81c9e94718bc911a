using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ZoomHubPS.Core.Http;

namespace ZoomHubPS.Core.Tests.Clients
{
    /// <summary>Retries, Retry-After and daily limits, on a fake clock with a scripted handler.</summary>
    public class ResilienceTests
    {
        private sealed class ScriptedHandler : HttpMessageHandler
        {
            private readonly Queue<Func<HttpResponseMessage>> _answers;

            public ScriptedHandler(params Func<HttpResponseMessage>[] answers) => _answers = new Queue<Func<HttpResponseMessage>>(answers);

            public List<DateTimeOffset> Times { get; } = new List<DateTimeOffset>();

            public TimeProvider Clock { get; set; }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Times.Add(Clock.GetUtcNow());
                return Task.FromResult(_answers.Count > 0 ? _answers.Dequeue()() : Json(200, "{\"portalId\":1}"));
            }
        }

        private static HttpResponseMessage Json(int status, string body, params (string, string)[] headers)
        {
            var m = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            foreach (var (name, value) in headers) m.Headers.TryAddWithoutValidation(name, value);
            return m;
        }

        private static (ApiConnection Api, ScriptedHandler Handler, FakeTimeProvider Clock) HubSpot(params Func<HttpResponseMessage>[] answers)
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
            var handler = new ScriptedHandler(answers) { Clock = clock };
            var api = new ApiConnection(new HubSpotProfile(), new HttpClient(handler), new Uri("https://api.test/"), null, null, new RetryOptions(), clock, new RequestCounters());
            return (api, handler, clock);
        }

        [Fact]
        public async Task HonoursRetryAfterSecondsOnTheFakeClock()
        {
            var (api, handler, clock) = HubSpot(() => Json(429, "{\"status\":\"error\",\"message\":\"You have reached your ten_secondly_rolling limit.\",\"policyName\":\"TEN_SECONDLY_ROLLING\"}", ("Retry-After", "7")));
            var result = await CoreTestHost.RunAdvancingAsync(clock, () => api.SendAsync<Dictionary<string, object>>(HttpMethod.Get, "x", null, RateCategory.Standard, CancellationToken.None), TimeSpan.FromMilliseconds(250));
            Assert.NotNull(result);
            Assert.Equal(2, handler.Times.Count);
            Assert.InRange((handler.Times[1] - handler.Times[0]).TotalSeconds, 7, 8);
        }

        [Fact]
        public async Task HonoursRetryAfterAsAnHttpDate()
        {
            var start = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
            var (api, handler, clock) = HubSpot(() => Json(503, "{}", ("Retry-After", start.AddSeconds(20).ToString("r"))));
            await CoreTestHost.RunAdvancingAsync(clock, () => api.SendAsync<Dictionary<string, object>>(HttpMethod.Get, "x", null, RateCategory.Standard, CancellationToken.None), TimeSpan.FromMilliseconds(500));
            // An HTTP date is a moment, not a delay: the retry happens at that moment, whenever the first attempt ran.
            Assert.InRange((handler.Times[1] - start).TotalSeconds, 20, 21.5);
        }

        [Fact]
        public async Task RetriesServerErrorsThenSucceeds()
        {
            var (api, handler, clock) = HubSpot(() => Json(502, "{}"), () => Json(500, "{}"));
            var result = await CoreTestHost.RunAdvancingAsync(clock, () => api.SendAsync<Dictionary<string, object>>(HttpMethod.Get, "x", null, RateCategory.Standard, CancellationToken.None), TimeSpan.FromMilliseconds(200));
            Assert.NotNull(result);
            Assert.Equal(3, handler.Times.Count);
        }

        [Fact]
        public async Task GivesUpWhenTheNextWaitWouldPassTheTimeBudgetAndSaysHowLongItTried()
        {
            var answers = new Func<HttpResponseMessage>[200];
            for (int i = 0; i < answers.Length; i++) answers[i] = () => Json(503, "{\"status\":\"error\",\"message\":\"down for maintenance\",\"category\":\"SERVICE_UNAVAILABLE\"}");
            var (api, handler, clock) = HubSpot(answers);
            var ex = await Assert.ThrowsAsync<ZoomHubApiException>(() => CoreTestHost.RunAdvancingAsync(clock, () => api.SendAsync<object>(HttpMethod.Get, "x", null, RateCategory.Standard, CancellationToken.None), TimeSpan.FromSeconds(1)));
            Assert.Equal(ErrorKind.ServerError, ex.Kind);
            Assert.Equal("down for maintenance", ex.VendorMessage);
            Assert.Equal(handler.Times.Count, ex.Attempts);
            Assert.True(ex.Attempts > 5, "backoffs of 0.5, 1, 2, 4, 8, 10 … s fit several times into the default 60 s budget");
            // The fake clock moves 1 s every real millisecond whether or not the call is waiting, so on a loaded machine
            // a send planned inside the 60 s budget can be stamped a step or two later (seen: 61 s).
            Assert.InRange((handler.Times[handler.Times.Count - 1] - handler.Times[0]).TotalSeconds, 40, 62);
            Assert.Contains($"Gave up after {ex.Attempts} attempts", ex.Message);
        }

        [Fact]
        public async Task AHubSpotDailyLimitResetsAtMidnightInThePortalsTimeZone()
        {
            // HubSpot's daily 429 names no reset time: it is midnight in the portal's time zone (FACTS §2.8), which the
            // connection learned from the account details when it connected.
            var scenario = ZoomHubPS.Sandbox.Scenarios.ScenarioLoader.Load("demo");
            scenario.HubSpot.TimeZone = "America/New_York";
            var limits = ZoomHubPS.Sandbox.Limits.LimitOptions.For("Pro", "Professional", "America/New_York");
            limits.HubSpotDaily = 3;
            using CoreTestHost host = await CoreTestHost.CreateAsync(scenario, o => o.Limits = limits); // Connect used 2: account details, token scopes
            await host.Connection.HubSpot.Account.GetDetailsAsync();
            var ex = await Assert.ThrowsAsync<ZoomHubApiException>(() => host.Connection.HubSpot.Account.GetDetailsAsync());

            Assert.True(ex.IsDaily);
            TimeZoneInfo newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
            DateTime localMidnight = TimeZoneInfo.ConvertTime(host.Clock.GetUtcNow(), newYork).Date.AddDays(1);
            DateTimeOffset expected = new DateTimeOffset(localMidnight, newYork.GetUtcOffset(localMidnight));
            Assert.Equal(expected, ex.ResetsAt);
            Assert.NotEqual(TimeSpan.Zero, expected.Offset);
        }

        [Fact]
        public void APortalTimeZoneUnknownToTheSystemFallsBackToItsReportedOffset()
        {
            TimeZoneInfo zone = ZoomHubConnection.PortalTimeZone(new ZoomHubPS.Core.HubSpot.HubSpotAccountDetails { TimeZone = "Nowhere/Invented", UtcOffsetMilliseconds = -5 * 3600 * 1000 });
            Assert.Equal(TimeSpan.FromHours(-5), zone.BaseUtcOffset);
            Assert.Equal(TimeZoneInfo.Utc, ZoomHubConnection.PortalTimeZone(new ZoomHubPS.Core.HubSpot.HubSpotAccountDetails { TimeZone = "Nowhere/Invented" }));
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.Zero)); // 18:30 at -05:00
            Assert.Equal(new DateTimeOffset(2026, 11, 21, 5, 0, 0, TimeSpan.Zero), ApiProfile.NextMidnight(clock, zone));
        }

        [Fact]
        public async Task NeverRetriesADailyLimitAndNamesTheResetTime()
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
            var handler = new ScriptedHandler(() => Json(429, "{\"code\":429,\"message\":\"You have exceeded the daily rate limit (30000) of Heavy API requests. You may resume these requests at GMT 00:00:00.\"}",
                ("X-RateLimit-Type", "Daily-limit"), ("Retry-After", "2026-11-21T00:00:00Z"))) { Clock = clock };
            var api = new ApiConnection(new ZoomProfile(), new HttpClient(handler), new Uri("https://api.test/v2/"), null, null, new RetryOptions(), clock, new RequestCounters());
            var ex = await Assert.ThrowsAsync<ZoomHubApiException>(() => api.SendAsync<object>(HttpMethod.Get, "report/webinars/1/participants", null, RateCategory.Heavy, CancellationToken.None));
            Assert.True(ex.IsDaily);
            Assert.Equal(new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero), ex.ResetsAt);
            Assert.Single(handler.Times);
            Assert.Contains("2026-11-21 00:00:00", ex.Message);
        }

        [Fact]
        public async Task MapsAZoomNotFoundWithItsCodeAndMessage()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync();
            var ex = await Assert.ThrowsAsync<ZoomHubApiException>(() => host.Connection.Zoom.Webinars.GetAsync(99999999999));
            Assert.Equal(ErrorKind.NotFound, ex.Kind);
            Assert.Equal(3001, ex.ZoomCode);
            Assert.Contains("99999999999", ex.VendorMessage);
        }

        [Fact]
        public async Task ATenSecondly429WithoutTheIntervalHeaderWaitsTheWholeWindow()
        {
            var (api, handler, clock) = HubSpot(() => Json(429, "{\"status\":\"error\",\"message\":\"You have reached your ten_secondly_rolling limit.\",\"policyName\":\"TEN_SECONDLY_ROLLING\"}"));
            await CoreTestHost.RunAdvancingAsync(clock, () => api.SendAsync<Dictionary<string, object>>(HttpMethod.Get, "crm/v3/objects/contacts", null, RateCategory.Standard, CancellationToken.None), TimeSpan.FromMilliseconds(250));
            Assert.InRange((handler.Times[1] - handler.Times[0]).TotalSeconds, 10, 11);
        }

        [Fact]
        public async Task TheTokenGivenToAListMethodCancelsTheListing()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync();
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Connection.Zoom.Users.List(cancellationToken: cts.Token).ToListAsync());
            Assert.Equal(0, host.Sandbox.Journal.Total);
        }

        [Fact]
        public async Task CancellationStopsAWaitingRequestAtOnce()
        {
            var (api, handler, clock) = HubSpot(() => Json(429, "{}", ("Retry-After", "30")));
            using var cts = new CancellationTokenSource();
            Task call = api.SendAsync<object>(HttpMethod.Get, "x", null, RateCategory.Standard, cts.Token);
            await Task.Delay(20);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            Assert.Single(handler.Times);
        }
    }
}
