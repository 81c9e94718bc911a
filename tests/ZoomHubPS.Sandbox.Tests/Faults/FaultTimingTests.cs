using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox.Faults;

namespace ZoomHubPS.Sandbox.Tests.Faults
{
    public class FaultTimingTests
    {
        private const string Groups = "crm/v3/properties/contacts/groups";

        [Fact]
        public async Task TokensIssuedBeforeTheExpiryTimeDieThenAFreshTokenWorks()
        {
            DateTimeOffset at = SandboxTestHost.DefaultNow.AddMinutes(10);
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().ExpireTokensAt(at));
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "users")).Status);

            host.Clock.Advance(TimeSpan.FromMinutes(9));
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "users")).Status);

            host.Clock.Advance(TimeSpan.FromMinutes(1)); // exactly the expiry time; the token's own hour is far from over
            var expired = await SandboxTestHost.GetAsync(zoom, "users");
            Assert.Equal(401, expired.Status);
            Assert.Equal(124, (int)expired.Body["code"]);

            zoom = await host.ZoomClientAsync(); // once only: a token fetched afterwards keeps working
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "users")).Status);
            Assert.Equal(1, host.Sandbox.Journal.Entries.Count(e => e.Fault == "TokenExpiry"));
        }

        [Fact]
        public async Task ATokenRequestAfterTheExpiryTimeGetsATokenThatWorks()
        {
            DateTimeOffset at = SandboxTestHost.DefaultNow.AddMinutes(5);
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().ExpireTokensAt(at));
            HttpClient old = await host.ZoomClientAsync();
            host.Clock.Advance(TimeSpan.FromMinutes(6));

            HttpClient fresh = await host.ZoomClientAsync(); // this token request is the first Zoom call after the moment
            Assert.Equal(200, (await SandboxTestHost.GetAsync(fresh, "users")).Status);
            Assert.Equal(401, (await SandboxTestHost.GetAsync(old, "users")).Status);
        }

        [Fact]
        public async Task ExpiryAtATimeIsReArmedByResetCountersAndReadFromJson()
        {
            FaultOptions faults = FaultOptions.FromJson("{\"expireTokensAt\":\"2026-11-20T12:05:00Z\"}");
            Assert.Equal(new DateTimeOffset(2026, 11, 20, 12, 5, 0, TimeSpan.Zero), faults.ExpireTokensAtTime);
            Assert.Equal("$.expireTokensAt", Assert.Throws<FaultJsonException>(() => FaultOptions.FromJson("{\"expireTokensAt\":\"soon\"}")).KeyPath);

            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = faults);
            host.Clock.Advance(TimeSpan.FromMinutes(6));
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "users")).Status);

            host.Sandbox.Faults.ResetCounters(); // re-armed, and the moment has passed: the next Zoom call ends the tokens
            Assert.Equal(401, (await SandboxTestHost.GetAsync(zoom, "users")).Status);

            faults.Clear();
            Assert.Null(faults.ExpireTokensAtTime);
        }

        [Fact]
        public async Task OneRuleSharedByTwoTwinsFiresExactlyItsCountAcrossBoth()
        {
            // Options reused for several twins share their rules; the rule's count must hold under concurrency.
            FaultRule rule = FaultRule.For("HubSpot").ServerError(503).Times(7);
            using SandboxTestHost a = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().Add(rule));
            using SandboxTestHost b = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().Add(rule));
            HttpClient ha = a.HubSpotClient(), hb = b.HubSpotClient();
            var calls = Enumerable.Range(0, 40).Select(i => SandboxTestHost.GetAsync(i % 2 == 0 ? ha : hb, Groups));
            var answers = await Task.WhenAll(calls);
            Assert.Equal(7, answers.Count(r => r.Status == 503));
            Assert.Equal(33, answers.Count(r => r.Status == 200));
            Assert.Equal(0, rule.Remaining);
        }
    }
}
