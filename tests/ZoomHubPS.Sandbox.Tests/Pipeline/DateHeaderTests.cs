using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Hosting;
using ZoomHubPS.Sandbox.Limits;

namespace ZoomHubPS.Sandbox.Tests.Pipeline
{
    /// <summary>Every answer carries <c>Date</c> from the twin's clock (a pinned 2026-11-20 here, never the machine's date).</summary>
    public class DateHeaderTests
    {
        private const string Security = "webinars/83456789012/registrants";

        [Fact]
        public async Task EveryAnswerOfBothApisCarriesTheTwinsTimeInRfc1123Form()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo");
            host.Clock.Advance(TimeSpan.FromMinutes(90.5)); // 13:30:30
            HttpClient zoom = await host.ZoomClientAsync();
            HttpClient hub = host.HubSpotClient();

            HttpResponseMessage[] answers =
            {
                await zoom.GetAsync("users"),                                          // 200
                await zoom.GetAsync("webinars/1"),                                     // 404 Zoom error body
                await host.Http.GetAsync(new Uri(ZoomHubSandbox.InProcessZoomApiUri, "users")), // 401, no token
                await hub.GetAsync("crm/v3/properties/contacts/groups"),               // 200
                await hub.GetAsync("crm/v3/no/such/path"),                             // 404 HubSpot's empty page
                await zoom.PostAsync("users", new StringContent("{}")),                // 405
            };

            Assert.Equal(new[] { 200, 404, 401, 200, 404, 405 }, answers.Select(a => (int)a.StatusCode));
            Assert.All(answers, a => Assert.Equal("Fri, 20 Nov 2026 13:30:30 GMT", a.Headers.GetValues("Date").Single()));
        }

        [Fact]
        public async Task InjectedErrorsCarryDateToo()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions()
                .Add(FaultRule.For("GET /crm/v3/properties/contacts/groups").ServerError(503).Times(1))
                .Add(FaultRule.For("GET /crm/v3/properties/contacts/groups").TooManyRequests().Times(1)));
            HttpClient hub = host.HubSpotClient();
            HttpResponseMessage unavailable = await hub.GetAsync("crm/v3/properties/contacts/groups");
            HttpResponseMessage limited = await hub.GetAsync("crm/v3/properties/contacts/groups");
            Assert.Equal((503, 429), ((int)unavailable.StatusCode, (int)limited.StatusCode));
            Assert.Equal(SandboxTestHost.DefaultNow, unavailable.Headers.Date);
            Assert.Equal(SandboxTestHost.DefaultNow, limited.Headers.Date);
        }

        [Fact]
        public async Task ADailyLimit429CarriesDateAndRetryAfterOnTheTwinClock()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo");
            host.Clock.Advance(TimeSpan.FromHours(9) + TimeSpan.FromMinutes(15)); // 21:15 sandbox time
            HttpClient zoom = await host.ZoomClientAsync();
            object noah = new
            {
                email = "noah.patel@contoso.example.org", first_name = "Noah", last_name = "Patel", org = "Contoso",
                custom_questions = new[] { new { title = "How did you hear about us?", value = "Partner" } },
            };
            for (int i = 0; i < 3; i++) await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, Security, noah);

            var (status, _, response) = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, Security, noah);

            Assert.Equal(429, status);
            DateTimeOffset date = response.Headers.Date.Value;
            DateTimeOffset retryAfter = DateTimeOffset.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(host.Clock.GetUtcNow(), date);
            Assert.Equal(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(45), retryAfter - date); // the reset, on the server's clock
        }

        [Fact]
        public async Task OverLoopbackDateComesFromTheTwinNotFromTheListener()
        {
            var clock = new FakeTimeProvider(SandboxTestHost.DefaultNow.AddSeconds(7));
            using var sandbox = new ZoomHubSandbox(new SandboxOptions { Scenario = "demo", Clock = clock, Limits = LimitOptions.None });
            using var host = new LoopbackHost(sandbox);
            host.Start();
            using var hub = new HttpClient { BaseAddress = host.HubSpotUri, Timeout = TimeSpan.FromSeconds(10) };
            hub.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.Credentials.HubSpotToken);

            HttpResponseMessage ok = await hub.GetAsync("crm/v3/properties/contacts/groups");
            HttpResponseMessage unauthorized = await new HttpClient { Timeout = TimeSpan.FromSeconds(10) }.GetAsync(new Uri(host.ZoomApiUri, "users"));

            Assert.Equal("Fri, 20 Nov 2026 12:00:07 GMT", ok.Headers.GetValues("Date").Single());
            Assert.Equal(401, (int)unauthorized.StatusCode);
            Assert.Equal(clock.GetUtcNow(), unauthorized.Headers.Date);
        }
    }
}
