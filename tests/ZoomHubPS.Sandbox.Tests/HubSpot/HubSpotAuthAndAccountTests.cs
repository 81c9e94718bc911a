using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;
using static ZoomHubPS.Sandbox.Tests.HubSpot.HubSpotTestClient;

namespace ZoomHubPS.Sandbox.Tests.HubSpot
{
    public class HubSpotAuthAndAccountTests
    {
        [Fact]
        public async Task MissingToken_Is401InvalidAuthentication()
        {
            using var t = Demo();
            using var anonymous = t.ClientWithToken(null);
            var (status, body, _) = await t.Get("/crm/v3/objects/contacts/101", anonymous);

            Assert.Equal(401, status);
            Assert.Equal("error", body["status"].GetValue<string>());
            Assert.Equal("INVALID_AUTHENTICATION", body["category"].GetValue<string>());
            Assert.StartsWith("Authentication credentials not found", body["message"].GetValue<string>());
            Assert.True(Guid.TryParse(body["correlationId"].GetValue<string>(), out _));
        }

        [Fact]
        public async Task WrongToken_Is401()
        {
            using var t = Demo();
            using var wrong = t.ClientWithToken("pat-na1-not-the-right-one");
            var (status, _, _) = await t.Get("/crm/v3/objects/contacts/101", wrong);
            Assert.Equal(401, status);
        }

        [Fact]
        public async Task SeedToken_IsTheDefaultApp_AndEmptySeedGetsSandboxToken()
        {
            using var demo = Demo();
            Assert.Equal("pat-na1-sandbox-demo-0000-not-a-real-token", demo.Twin.Token);
            using var empty = Empty(s => s.Token = null);
            Assert.StartsWith("pat-na1-", empty.Twin.Token);
            var (status, _, _) = await empty.Get("/account-info/v3/details");
            Assert.Equal(200, status);
        }

        [Fact]
        public async Task SecondAppToken_IsAccepted()
        {
            using var t = Demo();
            t.Twin.AddApp("pat-na1-second-app", 7654321, "Other app");
            using var other = t.ClientWithToken("pat-na1-second-app");
            var (status, _, _) = await t.Get("/crm/v3/objects/contacts/101", other);
            Assert.Equal(200, status);
        }

        [Fact]
        public async Task MissingScope_Is403MissingScopes()
        {
            using var t = Empty(s => s.Scopes = new List<string> { "crm.objects.contacts.read" });
            var (read, _, _) = await t.Get("/crm/v3/objects/contacts");
            var (status, body, _) = await t.Post("/crm/v3/objects/contacts", J("{'properties':{'email':'a@b.example'}}"));

            Assert.Equal(200, read);
            Assert.Equal(403, status);
            Assert.Equal("MISSING_SCOPES", body["category"].GetValue<string>());
            Assert.Equal("crm.objects.contacts.write", body["errors"][0]["context"]["requiredGranularScopes"][0].GetValue<string>());
        }

        [Fact]
        public async Task AccountDetails_HaveTheConnectFields()
        {
            using var t = Demo();
            var (status, body, _) = await t.Get("/account-info/v3/details");

            Assert.Equal(200, status);
            Assert.Equal(21000002, body["portalId"].GetValue<long>());
            Assert.Equal("UTC", body["timeZone"].GetValue<string>());
            Assert.Equal("USD", body["companyCurrency"].GetValue<string>());
            Assert.Equal("+00:00", body["utcOffset"].GetValue<string>());
            Assert.Equal("app.hubspot.com", body["uiDomain"].GetValue<string>());
            Assert.Equal("na1", body["dataHostingLocation"].GetValue<string>());
        }

        [Fact]
        public async Task DailyUsage_CountsHubSpotCallsOfTheDay()
        {
            using var t = Demo();
            await t.Get("/crm/v3/objects/contacts/101");
            await t.Get("/crm/v3/objects/contacts/102");
            var (status, body, _) = await t.Get("/account-info/v3/api-usage/daily/private-apps");

            Assert.Equal(200, status);
            var item = body["results"][0];
            Assert.Equal("private-apps-api-calls-daily", item["name"].GetValue<string>());
            Assert.Equal(625000, item["usageLimit"].GetValue<int>());
            Assert.Equal(2, item["currentUsage"].GetValue<int>());
            Assert.Equal("SUCCESS", item["fetchStatus"].GetValue<string>());
            Assert.EndsWith("T00:00:00.000Z", item["resetsAt"].GetValue<string>());
        }

        [Fact]
        public async Task Responses_CarryCorrelationIdHeader()
        {
            using var t = Demo();
            var (_, _, response) = await t.Get("/crm/v3/objects/contacts/101");
            Assert.True(response.Headers.Contains("X-HubSpot-Correlation-Id"));
        }
    }
}
