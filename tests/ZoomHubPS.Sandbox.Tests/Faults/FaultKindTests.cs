using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Http;
using ZoomHubPS.Sandbox.Limits;

namespace ZoomHubPS.Sandbox.Tests.Faults
{
    public class FaultKindTests
    {
        private const string Groups = "crm/v3/properties/contacts/groups";

        private static async Task<string> Statuses(HttpClient client, string path, int count)
        {
            var list = new List<int>();
            for (int i = 0; i < count; i++) list.Add((await SandboxTestHost.GetAsync(client, path)).Status);
            return string.Join(",", list);
        }

        private static Task<(int Status, System.Text.Json.Nodes.JsonNode Body, HttpResponseMessage Response)> NewGroup(HttpClient hub, string name)
            => SandboxTestHost.SendJsonAsync(hub, HttpMethod.Post, Groups, new { name, label = name });

        [Theory]
        [InlineData("*", true, true)]
        [InlineData("HubSpot", true, false)]
        [InlineData("Zoom", false, true)]
        [InlineData("GET /v2/users", false, true)]
        [InlineData("GET /v2/*", false, true)]
        [InlineData("* /crm/v3/properties/*", true, false)]
        [InlineData("/crm/v3/properties/contacts/groups", true, false)]
        [InlineData("POST /crm/v3/properties/contacts/groups", false, false)]
        [InlineData("GET /v2/users/{userId}", false, false)]
        public async Task RulesMatchByRouteKeyTemplateWildcardOrApi(string pattern, bool hubSpotFails, bool zoomFails)
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync(); // before the rule: the token route is "Zoom" too
            host.Sandbox.Faults.Options.Add(FaultRule.For(pattern).ServerError(502));
            Assert.Equal(hubSpotFails ? 502 : 200, (await SandboxTestHost.GetAsync(host.HubSpotClient(), Groups)).Status);
            Assert.Equal(zoomFails ? 502 : 200, (await SandboxTestHost.GetAsync(zoom, "users")).Status);
        }

        [Fact]
        public void GlobPatternsMatchAnyRunOfCharacters()
        {
            Assert.True(FaultRule.Glob("GET /v2/webinars/*/registrants", "GET /v2/webinars/{webinarId}/registrants"));
            Assert.True(FaultRule.Glob("* /crm/*/batch/*", "POST /crm/v3/objects/contacts/batch/upsert"));
            Assert.False(FaultRule.Glob("GET /v2/webinars/*/registrants", "GET /v2/webinars/{webinarId}/registrants/questions"));
            Assert.False(FaultRule.Glob("post /crm/*", "POST /crm/v3/objects/contacts"));
        }

        [Fact]
        public async Task EveryKthRequestFailsWithTheChosenStatusInTheApiErrorShape()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions()
                .Add(FaultRule.For("GET /v2/users").ServerError(500).Every(3))
                .Add(FaultRule.For("HubSpot").ServerError(503).Every(2).Times(1)));
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Equal("200,200,500,200,200,500", await Statuses(zoom, "users", 6));
            var error = await SandboxTestHost.GetAsync(zoom, "users");
            error = await SandboxTestHost.GetAsync(zoom, "users");
            error = await SandboxTestHost.GetAsync(zoom, "users");
            Assert.Equal(500, (int)error.Body["code"]);

            HttpClient hub = host.HubSpotClient();
            var statuses = new List<(int Status, System.Text.Json.Nodes.JsonNode Body, HttpResponseMessage Response)>();
            for (int i = 0; i < 6; i++) statuses.Add(await SandboxTestHost.GetAsync(hub, Groups));
            Assert.Equal("200,503,200,200,200,200", string.Join(",", statuses.Select(s => s.Status)));
            Assert.Equal("error", (string)statuses[1].Body["status"]);
        }

        [Fact]
        public async Task A429BurstLooksLikeTheRealLimitAndCarriesRetryAfter()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o =>
            {
                o.Limits = LimitOptions.For("Pro", "Professional");
                o.Faults = new FaultOptions().Add(FaultRule.For("*").TooManyRequests(TimeSpan.FromSeconds(2.5)).Times(2));
            });
            var hub = await SandboxTestHost.GetAsync(host.HubSpotClient(), Groups);
            Assert.Equal(429, hub.Status);
            Assert.Equal("TEN_SECONDLY_ROLLING", (string)hub.Body["policyName"]);
            Assert.Equal("RATE_LIMIT", (string)hub.Body["errorType"]);
            Assert.Equal("3", ZoomLimitTestsHeader(hub.Response, "Retry-After")); // whole seconds, rounded up
            Assert.Equal("0", ZoomLimitTestsHeader(hub.Response, "X-HubSpot-RateLimit-Remaining"));
            Assert.Equal("190", ZoomLimitTestsHeader(hub.Response, "X-HubSpot-RateLimit-Max"));

            var search = await SandboxTestHost.SendJsonAsync(host.HubSpotClient(), HttpMethod.Post, "crm/v3/objects/contacts/search", new { limit = 1 });
            Assert.Equal(429, search.Status);
            Assert.Equal("You have reached your secondly limit.", (string)search.Body["message"]);
            Assert.Null(ZoomLimitTestsHeader(search.Response, "X-HubSpot-RateLimit-Remaining"));

            HttpClient zoom = await host.ZoomClientAsync(); // the burst is spent: the token call works
            var z = await SandboxTestHost.GetAsync(zoom, "users");
            Assert.Equal(200, z.Status);
            host.Sandbox.Faults.Options.Add(FaultRule.For("Zoom").TooManyRequests().Times(1));
            z = await SandboxTestHost.GetAsync(zoom, "users");
            Assert.Equal(429, z.Status);
            Assert.Equal("You have reached the maximum per-second rate limit for this API. Try again later.", (string)z.Body["message"]);
            Assert.Equal("QPS", ZoomLimitTestsHeader(z.Response, "X-RateLimit-Type"));
            Assert.Equal("Medium", ZoomLimitTestsHeader(z.Response, "X-RateLimit-Category"));
            Assert.Equal("1", ZoomLimitTestsHeader(z.Response, "Retry-After"));
        }

        [Fact]
        public async Task ProbabilisticFaultsRepeatForTheSameSeedAndDifferForAnother()
        {
            async Task<string> Run(int seed)
            {
                using SandboxTestHost host = SandboxTestHost.Create("demo", o =>
                {
                    o.Seed = seed;
                    o.Faults = new FaultOptions().Add(FaultRule.For("HubSpot").TooManyRequests().WithProbability(0.3))
                        .Latency(TimeSpan.Zero, TimeSpan.Zero);
                });
                return await Statuses(host.HubSpotClient(), Groups, 40);
            }

            string a = await Run(1);
            Assert.Equal(a, await Run(1));
            Assert.NotEqual(a, await Run(2));
            int failures = a.Split(',').Count(s => s == "429");
            Assert.InRange(failures, 4, 22);
        }

        [Fact]
        public async Task ConnectionResetThrowsWhatHttpClientThrowsForARealResetAndIsJournaledWithoutAStatus()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().Add(FaultRule.For("HubSpot").ConnectionReset().Times(1)));
            HttpRequestException ex = await Assert.ThrowsAsync<HttpRequestException>(() => host.HubSpotClient().GetAsync(Groups));
            // The chain SocketsHttpHandler produces on Linux when the peer resets the connection (seen against a real socket).
            Assert.Equal("An error occurred while sending the request.", ex.Message);
            System.IO.IOException io = Assert.IsType<System.IO.IOException>(ex.InnerException);
            Assert.Equal(System.Net.Sockets.SocketError.ConnectionReset, Assert.IsType<System.Net.Sockets.SocketException>(io.InnerException).SocketErrorCode);
            Assert.Equal(0, host.Sandbox.Journal.Entries.Last().Status);
            Assert.Equal("ConnectionReset", host.Sandbox.Journal.Entries.Last().Fault);
            Assert.Equal(200, (await SandboxTestHost.GetAsync(host.HubSpotClient(), Groups)).Status);
        }

        [Fact]
        public async Task TimeoutHoldsTheCallUntilTheCallerCancels()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().Add(FaultRule.For("GET /crm/v3/properties/contacts/groups").Timeout().Times(1)));
            using var cts = new CancellationTokenSource();
            Task<HttpResponseMessage> call = host.HubSpotClient().GetAsync(Groups, cts.Token);
            host.Clock.Advance(TimeSpan.FromDays(1)); // sandbox time passing does not end it
            await Task.Delay(20);
            Assert.False(call.IsCompleted);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            Assert.Equal("Timeout", host.Sandbox.Journal.Entries.Last().Fault);
            Assert.Equal(200, (await SandboxTestHost.GetAsync(host.HubSpotClient(), Groups)).Status);
        }

        [Fact]
        public async Task RouteLatencyIsWaitedOnTheSandboxClock()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions()
                .Add(FaultRule.For("/crm/*").Latency(TimeSpan.FromMilliseconds(250), TimeSpan.Zero)));
            Task<HttpResponseMessage> call = host.HubSpotClient().GetAsync(Groups);
            await Task.Delay(20);
            Assert.False(call.IsCompleted);
            host.Clock.Advance(TimeSpan.FromMilliseconds(249));
            await Task.Delay(20);
            Assert.False(call.IsCompleted);
            host.Clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(200, (int)(await call).StatusCode);
            Assert.Equal(TimeSpan.FromMilliseconds(250), host.Sandbox.Journal.Entries.Last().Latency);

            HttpClient zoom = await host.ZoomClientAsync(); // /v2 and /oauth are not matched: no wait
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "users")).Status);
        }

        [Fact]
        public async Task FailAfterNWritesCountsOnlySuccessfulWritesAndLastsUntilReset()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().FailAfterWrites(2));
            HttpClient hub = host.HubSpotClient();
            Assert.Equal(201, (await NewGroup(hub, "one")).Status);
            Assert.NotInRange((await NewGroup(hub, "one")).Status, 200, 299); // a refused write does not count
            Assert.Equal(201, (await NewGroup(hub, "two")).Status);
            Assert.Equal(2, host.Sandbox.Faults.SuccessfulWrites);

            for (int i = 0; i < 3; i++)
            {
                var refused = await NewGroup(hub, "three");
                Assert.Equal(503, refused.Status);
                Assert.Equal("error", (string)refused.Body["status"]);
            }

            HttpClient zoom = await host.ZoomClientAsync(); // the token POST is not a write
            var registrant = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, "webinars/81234567890/registrants", new { email = "late@example.com", first_name = "Late" });
            Assert.Equal(503, registrant.Status); // Zoom writes count and fail too
            Assert.Equal(200, (await SandboxTestHost.GetAsync(hub, Groups)).Status);
            Assert.Equal(4, host.Sandbox.Journal.Entries.Count(e => e.Fault == "FailAfterWrites"));

            host.Sandbox.Faults.ResetCounters();
            Assert.Equal(201, (await NewGroup(hub, "three")).Status);
        }

        [Fact]
        public async Task FailAfterWritesCanDropTheConnectionInstead()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().FailAfterWrites(0, status: 0));
            await Assert.ThrowsAsync<HttpRequestException>(() => NewGroup(host.HubSpotClient(), "x"));
        }

        [Fact]
        public async Task EarlyTokenExpiryHitsTheCallAfterNAndIsReArmedByReset()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().ExpireTokensAfter(3));
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Equal("200,200,200,401", await Statuses(zoom, "users", 4));
            Assert.Equal(0, host.Sandbox.Zoom.ActiveTokenCount);
            Assert.Equal(1, host.Sandbox.Journal.Entries.Count(e => e.Fault == "TokenExpiry"));

            zoom = await host.ZoomClientAsync(); // a fresh token works: the fault fires once
            Assert.Equal("200,200,200,200,200", await Statuses(zoom, "users", 5));

            host.Sandbox.Faults.ResetCounters();
            Assert.Equal("200,200,200,401", await Statuses(zoom, "users", 4));
        }

        [Fact]
        public async Task RulesAddedOrRemovedWhileRunningApplyFromTheNextRequest()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo");
            HttpClient hub = host.HubSpotClient();
            Assert.Equal(200, (await SandboxTestHost.GetAsync(hub, Groups)).Status);
            FaultRule rule = FaultRule.For("HubSpot").ServerError(502);
            host.Sandbox.Faults.Options.Add(rule);
            Assert.Equal(502, (await SandboxTestHost.GetAsync(hub, Groups)).Status);
            Assert.True(host.Sandbox.Faults.Options.Remove(rule));
            Assert.Equal(200, (await SandboxTestHost.GetAsync(hub, Groups)).Status);
            host.Sandbox.Faults.Options.FailAfterWrites(0);
            Assert.Equal(503, (await NewGroup(hub, "g")).Status);
            host.Sandbox.Faults.Options.Clear();
            Assert.Equal(201, (await NewGroup(hub, "g")).Status);
        }

        [Fact]
        public async Task ConcurrentRequestsSeeExactlyTheNextNFaults()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().Add(FaultRule.For("*").ServerError(503).Times(5)));
            HttpClient hub = host.HubSpotClient();
            var calls = Enumerable.Range(0, 30).Select(_ => Task.Run(() => SandboxTestHost.GetAsync(hub, Groups)));
            int[] statuses = (await Task.WhenAll(calls)).Select(r => r.Status).ToArray();
            Assert.Equal(5, statuses.Count(s => s == 503));
            Assert.Equal(25, statuses.Count(s => s == 200));
        }

        [Fact]
        public void FaultsReadFromJsonBehaveLikeTheFluentForm()
        {
            FaultOptions o = FaultOptions.FromJson(@"{
              ""latencyMs"": 80, ""jitterMs"": 30, ""failAfterWrites"": 10, ""failAfterWritesStatus"": 502, ""expireTokensAfterZoomCalls"": 5,
              ""rules"": [
                { ""route"": ""POST /crm/v3/objects/contacts/batch/upsert"", ""kind"": ""serverError"", ""status"": 503, ""times"": 2 },
                { ""route"": ""Zoom"", ""kind"": ""tooManyRequests"", ""retryAfterSeconds"": 4, ""probability"": 0.25 },
                { ""route"": ""GET /v2/*"", ""kind"": ""502"", ""every"": 5 },
                { ""pattern"": ""HubSpot"", ""kind"": ""reset"", ""times"": 1 },
                { ""route"": ""*"", ""kind"": ""timeout"", ""times"": 1 },
                { ""route"": ""/crm/*"", ""latencyMs"": 200 }
              ] }");

            Assert.Equal(10, o.FailAfterWritesCount);
            Assert.Equal(502, o.FailAfterWritesStatus);
            Assert.Equal(5, o.ExpireTokensAfterZoomCalls);
            Assert.Equal(7, o.Rules.Count);
            Assert.Equal(TimeSpan.FromMilliseconds(30), o.Rules[0].Jitter);
            Assert.Equal((FaultKind.ServerError, 503, 2), (o.Rules[1].Kind, o.Rules[1].Status, o.Rules[1].Remaining.Value));
            Assert.Equal((FaultKind.TooManyRequests, TimeSpan.FromSeconds(4), 0.25), (o.Rules[2].Kind, o.Rules[2].RetryAfter, o.Rules[2].Probability));
            Assert.Equal((FaultKind.ServerError, 502, 5), (o.Rules[3].Kind, o.Rules[3].Status, o.Rules[3].EveryNth));
            Assert.Equal(("HubSpot", FaultKind.ConnectionReset), (o.Rules[4].Pattern, o.Rules[4].Kind));
            Assert.Equal(FaultKind.Timeout, o.Rules[5].Kind);
            Assert.Equal((FaultKind.None, TimeSpan.FromMilliseconds(200)), (o.Rules[6].Kind, o.Rules[6].FixedLatency));

            Assert.Equal("$", Assert.Throws<FaultJsonException>(() => FaultOptions.FromJson("[]")).KeyPath);
            Assert.Equal("$.rules[0].kind", Assert.Throws<FaultJsonException>(() => FaultOptions.FromJson("{\"rules\":[{\"kind\":\"explode\"}]}")).KeyPath);
            Assert.Equal("$.rules[0].probability", Assert.Throws<FaultJsonException>(() => FaultOptions.FromJson("{\"rules\":[{\"kind\":\"429\",\"probability\":1.5}]}")).KeyPath);
            Assert.Throws<ArgumentOutOfRangeException>(() => FaultRule.For("*").ServerError(404));
        }

        private static string ZoomLimitTestsHeader(HttpResponseMessage r, string name) => Limits.ZoomLimitTests.Header(r, name);
    }
}
