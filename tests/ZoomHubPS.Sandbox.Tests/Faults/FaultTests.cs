using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox.Faults;

namespace ZoomHubPS.Sandbox.Tests.Faults
{
    public class FaultTests
    {
        private const string Groups = "crm/v3/properties/contacts/groups";

        [Fact]
        public async Task ServerErrorsHitTheNextNMatchingRequestsOnly()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().Add(FaultRule.For("GET /crm/v3/properties/contacts/groups").ServerError(503).Times(2)));
            HttpClient hub = host.HubSpotClient();
            Assert.Equal(503, (await SandboxTestHost.GetAsync(hub, Groups)).Status);
            Assert.Equal(503, (await SandboxTestHost.GetAsync(hub, Groups)).Status);
            Assert.Equal(200, (await SandboxTestHost.GetAsync(hub, Groups)).Status);
            Assert.Equal(2, host.Sandbox.Journal.Entries.Count(e => e.Fault == "ServerError"));
        }

        [Fact]
        public async Task TooManyRequestsCarriesRetryAfter()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().Add(FaultRule.For("HubSpot").TooManyRequests(TimeSpan.FromSeconds(3)).Times(1)));
            var r = await SandboxTestHost.GetAsync(host.HubSpotClient(), Groups);
            Assert.Equal(429, r.Status);
            Assert.Equal("3", r.Response.Headers.GetValues("Retry-After").First());
        }

        [Fact]
        public async Task ConnectionResetThrowsLikeADroppedConnection()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().Add(FaultRule.For("*").ConnectionReset().Times(1)));
            await Assert.ThrowsAsync<HttpRequestException>(() => SandboxTestHost.GetAsync(host.HubSpotClient(), Groups));
        }

        [Fact]
        public async Task TimeoutNeverAnswersUntilTheCallerGivesUp()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().Add(FaultRule.For("*").Timeout().Times(1)));
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.HubSpotClient().GetAsync(Groups, cts.Token));
        }

        [Fact]
        public async Task FailAfterNWritesRefusesEveryLaterWrite()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().FailAfterWrites(2));
            HttpClient hub = host.HubSpotClient();
            for (int i = 0; i < 2; i++)
            {
                var ok = await SandboxTestHost.SendJsonAsync(hub, HttpMethod.Post, "crm/v3/properties/contacts/groups", new { name = "g" + i, label = "G" + i });
                Assert.Equal(201, ok.Status);
            }

            var refused = await SandboxTestHost.SendJsonAsync(hub, HttpMethod.Post, "crm/v3/properties/contacts/groups", new { name = "g9", label = "G9" });
            Assert.Equal(503, refused.Status);
            Assert.Equal(200, (await SandboxTestHost.GetAsync(hub, Groups)).Status); // reads still work
        }

        [Fact]
        public async Task LatencyIsAppliedOnTheSandboxClockAndJournaled()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().Latency(TimeSpan.FromMilliseconds(80), TimeSpan.FromMilliseconds(30)));
            Task<(int, System.Text.Json.Nodes.JsonNode, HttpResponseMessage)> call = SandboxTestHost.GetAsync(host.HubSpotClient(), Groups);
            for (int i = 0; i < 50 && !call.IsCompleted; i++)
            {
                await Task.Delay(1);
                host.Clock.Advance(TimeSpan.FromMilliseconds(10));
            }

            Assert.Equal(200, (await call).Item1);
            TimeSpan latency = host.Sandbox.Journal.Entries.Last().Latency;
            Assert.InRange(latency.TotalMilliseconds, 50, 110);
        }

        [Fact]
        public async Task TheSameSeedGivesTheSameFaults()
        {
            async Task<string> Run()
            {
                using SandboxTestHost host = SandboxTestHost.Create("demo", o => { o.Seed = 42; o.Faults = new FaultOptions().Add(FaultRule.For("*").ServerError(500).WithProbability(0.5)); });
                var statuses = new System.Collections.Generic.List<int>();
                for (int i = 0; i < 30; i++) statuses.Add((await SandboxTestHost.GetAsync(host.HubSpotClient(), Groups)).Status);
                return string.Join(",", statuses);
            }

            string a = await Run();
            Assert.Equal(a, await Run());
            Assert.Contains("500", a);
            Assert.Contains("200", a);
        }

        [Fact]
        public async Task EarlyTokenExpiryInvalidatesZoomTokens()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions { ExpireTokensAfterZoomCalls = 2 });
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "users")).Status);
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "users")).Status);
            var expired = await SandboxTestHost.GetAsync(zoom, "users");
            Assert.Equal(401, expired.Status);
            Assert.Equal(124, (int)expired.Body["code"]);
        }

        [Fact]
        public void ReadsFaultsFromJson()
        {
            FaultOptions o = FaultOptions.FromJson("{\"latencyMs\":80,\"jitterMs\":30,\"failAfterWrites\":10,\"rules\":[{\"route\":\"POST /crm/v3/objects/contacts/batch/upsert\",\"kind\":\"serverError\",\"status\":502,\"times\":2}]}");
            Assert.Equal(10, o.FailAfterWritesCount);
            Assert.Equal(2, o.Rules.Count);
            Assert.Equal(502, o.Rules[1].Status);
            Assert.Equal("$.rules[0].kind", Assert.Throws<FaultJsonException>(() => FaultOptions.FromJson("{\"rules\":[{\"kind\":\"explode\"}]}")).KeyPath);
        }
    }
}
