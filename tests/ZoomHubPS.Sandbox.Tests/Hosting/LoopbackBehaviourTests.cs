using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Hosting;
using ZoomHubPS.Sandbox.Limits;

namespace ZoomHubPS.Sandbox.Tests.Hosting
{
    public class LoopbackBehaviourTests
    {
        private static (ZoomHubSandbox Sandbox, LoopbackHost Host, HttpClient Hub) Start(LimitOptions limits = null, FaultOptions faults = null)
        {
            var sandbox = new ZoomHubSandbox(new SandboxOptions
            {
                Scenario = "demo",
                Clock = new FakeTimeProvider(SandboxTestHost.DefaultNow),
                Limits = limits ?? LimitOptions.None,
                Faults = faults ?? new FaultOptions(),
            });
            var host = new LoopbackHost(sandbox);
            host.Start();
            var hub = new HttpClient { BaseAddress = host.HubSpotUri, Timeout = TimeSpan.FromSeconds(10) };
            hub.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.Credentials.HubSpotToken);
            return (sandbox, host, hub);
        }

        [Fact]
        public async Task GetAndPostTravelOverRealHttpWithStatusHeadersAndBody()
        {
            var (sandbox, host, hub) = Start(LimitOptions.For("Pro", "Professional"));
            using (sandbox)
            using (host)
            using (hub)
            {
                Assert.True(host.IsRunning);
                Assert.Equal(new Uri(host.BaseUri, "v2/"), host.ZoomApiUri);
                Assert.Equal(host.BaseUri, host.ZoomOAuthUri);
                Assert.Equal(host.BaseUri, host.HubSpotUri);

                var content = new StringContent("{\"properties\":{\"email\":\"loopback@example.com\",\"firstname\":\"Loop\"}}", Encoding.UTF8, "application/json");
                HttpResponseMessage created = await hub.PostAsync("crm/v3/objects/contacts", content);
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                Assert.StartsWith("application/json", created.Content.Headers.ContentType.ToString());
                Assert.Equal("190", created.Headers.GetValues("X-HubSpot-RateLimit-Max").Single());
                string id = (string)(await SandboxTestHost.ReadJsonAsync(created))["id"];

                HttpResponseMessage read = await hub.GetAsync("crm/v3/objects/contacts/" + id + "?properties=email");
                Assert.Equal(HttpStatusCode.OK, read.StatusCode);
                Assert.Equal("loopback@example.com", (string)(await SandboxTestHost.ReadJsonAsync(read))["properties"]["email"]);
                Assert.Equal("188", read.Headers.GetValues("X-HubSpot-RateLimit-Remaining").Single());
            }
        }

        [Fact]
        public async Task TheRawPathReachesThePipelineUntouched()
        {
            var (sandbox, host, hub) = Start();
            using (sandbox)
            using (host)
            using (hub)
            {
                await hub.GetAsync("crm/v3/objects/contacts/%252Fabc%253D%253D?properties=email");
                Assert.Equal("/crm/v3/objects/contacts/%252Fabc%253D%253D?properties=email", sandbox.Journal.Entries.Last().PathAndQuery);
            }
        }

        [Fact]
        public async Task ConcurrentRequestsAreServedInParallel()
        {
            var (sandbox, host, hub) = Start();
            using (sandbox)
            using (host)
            using (hub)
            {
                HttpResponseMessage[] answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => hub.GetAsync("crm/v3/properties/contacts/groups")));
                Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
                Assert.Equal(16, sandbox.Journal.Total);
            }
        }

        [Fact]
        public async Task AResetFaultAbortsTheConnection()
        {
            var (sandbox, host, hub) = Start(faults: new FaultOptions().Add(FaultRule.For("HubSpot").ConnectionReset().Times(1)));
            using (sandbox)
            using (host)
            using (hub)
            {
                await Assert.ThrowsAsync<HttpRequestException>(() => hub.GetAsync("crm/v3/properties/contacts/groups"));
                Assert.Equal(HttpStatusCode.OK, (await hub.GetAsync("crm/v3/properties/contacts/groups")).StatusCode);
            }
        }

        [Fact]
        public async Task ATimeoutFaultHoldsTheCallUntilTheClientGivesUpAndStopStillReturns()
        {
            var (sandbox, host, hub) = Start(faults: new FaultOptions().Add(FaultRule.For("*").Timeout().Times(1)));
            using (sandbox)
            using (hub)
            {
                using var cts = new CancellationTokenSource();
                Task<HttpResponseMessage> held = hub.GetAsync("crm/v3/properties/contacts/groups", cts.Token);
                for (int i = 0; i < 500 && sandbox.Journal.Total == 0; i++) await Task.Delay(10); // until the server holds it
                Assert.Equal("Timeout", sandbox.Journal.Entries.Single().Fault);
                await Task.Delay(20);
                Assert.False(held.IsCompleted);
                cts.Cancel();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held);
                Assert.Equal(HttpStatusCode.OK, (await hub.GetAsync("crm/v3/properties/contacts/groups")).StatusCode);
                host.Stop(); // the held request is cancelled, not waited for
                Assert.False(host.IsRunning);
            }
        }

        [Fact]
        public void StopFreesThePortAndAFixedBusyPortIsRefused()
        {
            var blocker = new TcpListener(IPAddress.Loopback, 0);
            blocker.Start();
            int busy = ((IPEndPoint)blocker.LocalEndpoint).Port;
            try
            {
                using var sandbox = new ZoomHubSandbox(new SandboxOptions { Scenario = "demo", Limits = LimitOptions.None });
                using var taken = new LoopbackHost(sandbox, busy);
                Assert.ThrowsAny<Exception>(() => taken.Start());
                Assert.False(taken.IsRunning);
            }
            finally
            {
                blocker.Stop();
            }

            using (var sandbox = new ZoomHubSandbox(new SandboxOptions { Scenario = "demo", Limits = LimitOptions.None }))
            {
                var host = new LoopbackHost(sandbox);
                host.Start();
                int port = host.BaseUri.Port;
                host.Dispose();
                Assert.False(host.IsRunning);
                var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start(); // free again
                probe.Stop();

                // And the same fixed port can serve again.
                using var again = new LoopbackHost(sandbox, port);
                again.Start();
                Assert.Equal(port, again.BaseUri.Port);
            }
        }

        [Fact]
        public void PortsOutsideTheTcpRangeAreRefused()
        {
            using var sandbox = new ZoomHubSandbox(new SandboxOptions { Scenario = "demo", Limits = LimitOptions.None });
            Assert.Throws<ArgumentOutOfRangeException>(() => new LoopbackHost(sandbox, 70000));
            Assert.Throws<ArgumentNullException>(() => new LoopbackHost(null));
        }
    }
}
