using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using static ZoomHubPS.Sandbox.Tests.HubSpot.HubSpotTestClient;

namespace ZoomHubPS.Sandbox.Tests.HubSpot
{
    /// <summary>POST /oauth/v2/private-apps/get/access-token-info (FACTS §E): what a private-app token was granted.</summary>
    public class HubSpotTokenInfoTests
    {
        private const string Route = "/oauth/v2/private-apps/get/access-token-info";

        [Fact]
        public async Task ATokensScopesAreItsSeededScopes()
        {
            using var t = Empty(s => s.Scopes = new List<string> { "crm.objects.contacts.read", "crm.schemas.contacts.read" });
            var (status, body, _) = await t.Post(Route, J("{'tokenKey':'" + t.Twin.Token + "'}"));

            Assert.Equal(200, status);
            Assert.Equal(new[] { "crm.objects.contacts.read", "crm.schemas.contacts.read" }, body["scopes"].AsArray().Select(s => s.GetValue<string>()));
            Assert.Equal(t.Twin.PortalId, body["hubId"].GetValue<long>());
            Assert.Equal(t.Twin.DefaultApp.AppId, body["appId"].GetValue<long>());
            Assert.True(body["userId"].GetValue<long>() > 0);
        }

        [Fact]
        public async Task AnAppWithEveryScopeListsEveryScopeTheRoutesCheck()
        {
            using var t = Demo();
            var (status, body, _) = await t.Post(Route, J("{'tokenKey':'" + t.Twin.Token + "'}"));

            Assert.Equal(200, status);
            var scopes = body["scopes"].AsArray().Select(s => s.GetValue<string>()).ToList();
            foreach (string s in new[] { "crm.objects.contacts.read", "crm.objects.contacts.write", "crm.schemas.contacts.write", "crm.objects.marketing_events.write" })
            {
                Assert.Contains(s, scopes);
            }
        }

        [Fact]
        public async Task NeedsNoScopeButATokenKeyAnAppHolds()
        {
            using var t = Empty(s => s.Scopes = new List<string>());
            var (ok, _, _) = await t.Post(Route, J("{'tokenKey':'" + t.Twin.Token + "'}"));
            var (unknown, body, _) = await t.Post(Route, J("{'tokenKey':'pat-na1-nobody'}"));
            var (missing, _, _) = await t.Post(Route, "{}");

            Assert.Equal(200, ok);
            Assert.Equal(401, unknown);
            Assert.Equal("INVALID_AUTHENTICATION", body["category"].GetValue<string>());
            Assert.Equal(400, missing);
        }

        [Fact]
        public async Task IsNotCountedAsAWrite()
        {
            using var t = Demo();
            await t.Post(Route, J("{'tokenKey':'" + t.Twin.Token + "'}"));
            Assert.DoesNotContain(t.Host.Sandbox.Journal.Entries, e => e.IsWrite);
        }
    }
}
