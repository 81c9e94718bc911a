using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;
using static ZoomHubPS.Sandbox.Tests.HubSpot.HubSpotTestClient;

namespace ZoomHubPS.Sandbox.Tests.HubSpot
{
    public class HubSpotContactBatchTests
    {
        private const string Upsert = "/crm/v3/objects/contacts/batch/upsert";
        private const string Read = "/crm/v3/objects/contacts/batch/read";

        private static string Inputs(int count, Func<int, string> input)
            => "{\"inputs\":[" + string.Join(",", Enumerable.Range(0, count).Select(input)) + "]}";

        [Fact]
        public async Task Upsert_UpdatesByPrimaryEmailCaseInsensitively_AndCreatesNew()
        {
            using var t = Demo();
            var (status, body, _) = await t.Post(Upsert, J("{'inputs':["
                + "{'idProperty':'email','id':'Ana.Ruiz@Contoso.example.org','properties':{'jobtitle':'VP'}},"
                + "{'idProperty':'email','id':'zoe.new@example.com','properties':{'firstname':'Zoe'}}]}"));

            Assert.Equal(200, status);
            Assert.Equal("COMPLETE", body["status"].GetValue<string>());
            Assert.NotNull(body["startedAt"]);
            Assert.NotNull(body["completedAt"]);
            var results = body["results"].AsArray();
            var existing = results.Single(r => r["id"].GetValue<string>() == "101");
            var created = results.Single(r => r["id"].GetValue<string>() != "101");
            Assert.False(existing["new"].GetValue<bool>());
            Assert.Equal("VP", existing["properties"]["jobtitle"].GetValue<string>());
            Assert.True(created["new"].GetValue<bool>());
            Assert.Equal("zoe.new@example.com", created["properties"]["email"].GetValue<string>());
            Assert.Equal("ana.ruiz@contoso.example.org", t.Twin.Contact(101).Email);
        }

        [Fact]
        public async Task Upsert_InvalidEmail_Is207WithErrors()
        {
            using var t = Demo();
            var (status, body, _) = await t.Post(Upsert, J("{'inputs':["
                + "{'idProperty':'email','id':'ana.ruiz@contoso.example.org','properties':{}},"
                + "{'idProperty':'email','id':'not-an-email','properties':{}}]}"));

            Assert.Equal(207, status);
            Assert.Equal(1, body["numErrors"].GetValue<int>());
            var error = body["errors"][0];
            Assert.Equal("VALIDATION_ERROR", error["category"].GetValue<string>());
            Assert.Equal("not-an-email", error["context"]["ids"][0].GetValue<string>());
            Assert.Equal("INVALID_EMAIL", error["errors"][0]["code"].GetValue<string>());
            Assert.Single(body["results"].AsArray());
        }

        [Fact]
        public async Task Upsert_TwoInputsForOneRecord_Is400()
        {
            using var t = Demo();
            var (status, body, _) = await t.Post(Upsert, J("{'inputs':["
                + "{'idProperty':'email','id':'x@example.com','properties':{}},"
                + "{'idProperty':'email','id':'X@Example.com','properties':{}}]}"));

            Assert.Equal(400, status);
            Assert.Equal("VALIDATION_ERROR", body["category"].GetValue<string>());
            Assert.Equal(9, t.Twin.ContactCount);
        }

        [Fact]
        public async Task Upsert_MoreThan100Inputs_Is400()
        {
            using var t = Demo();
            var (status, _, _) = await t.Post(Upsert, Inputs(101, i => "{\"idProperty\":\"email\",\"id\":\"p" + i + "@example.com\",\"properties\":{}}"));
            var (ok, _, _) = await t.Post(Upsert, Inputs(100, i => "{\"idProperty\":\"email\",\"id\":\"p" + i + "@example.com\",\"properties\":{}}"));
            Assert.Equal(400, status);
            Assert.Equal(200, ok);
        }

        [Fact]
        public async Task Upsert_NonUniqueIdProperty_Is400()
        {
            using var t = Demo();
            var (status, body, _) = await t.Post(Upsert, J("{'inputs':[{'idProperty':'firstname','id':'Ana','properties':{}}]}"));
            Assert.Equal(400, status);
            Assert.Contains("non-unique", body["message"].GetValue<string>());
        }

        [Fact]
        public async Task SecondaryEmail_IsNotMatchedByDefault()
        {
            using var t = Demo();
            var (_, body, _) = await t.Post(Upsert, J("{'inputs':[{'idProperty':'email','id':'m.garcia@personal.example.org','properties':{}}]}"));
            Assert.True(body["results"][0]["new"].GetValue<bool>());
        }

        [Fact]
        public async Task SecondaryEmail_MatchesWhenTurnedOn_WithoutChangingThePrimary()
        {
            using var t = Demo();
            t.Twin.MatchSecondaryEmail = true;
            var (_, body, _) = await t.Post(Upsert, J("{'inputs':[{'idProperty':'email','id':'m.garcia@personal.example.org','properties':{'jobtitle':'Lead'}}]}"));
            var (_, read, _) = await t.Post(Read, J("{'idProperty':'email','inputs':[{'id':'m.garcia@personal.example.org'}]}"));

            Assert.False(body["results"][0]["new"].GetValue<bool>());
            Assert.Equal("103", body["results"][0]["id"].GetValue<string>());
            Assert.Equal("maria.garcia@tailspin.example.net", t.Twin.Contact(103).Email);
            Assert.Equal("103", read["results"][0]["id"].GetValue<string>());
        }

        [Fact]
        public async Task BatchRead_ByEmail_MissingIdsGive207ObjectNotFound()
        {
            using var t = Demo();
            var (status, body, _) = await t.Post(Read, J("{'idProperty':'email','properties':['company'],'inputs':[{'id':'ana.ruiz@contoso.example.org'},{'id':'nobody@example.com'},{'id':'ben.carter@fabrikam.example.com'}]}"));

            Assert.Equal(207, status);
            Assert.Equal("Contoso", body["results"][0]["properties"]["company"].GetValue<string>());
            var error = body["errors"][0];
            Assert.Equal("OBJECT_NOT_FOUND", error["category"].GetValue<string>());
            Assert.Equal(new[] { "nobody@example.com", "ben.carter@fabrikam.example.com" }, error["context"]["ids"].AsArray().Select(n => n.GetValue<string>()).ToArray());
        }

        [Fact]
        public async Task BatchRead_ArchivedTrue_ReturnsArchivedOnes()
        {
            using var t = Demo();
            var (status, body, _) = await t.Post(Read + "?archived=true", J("{'inputs':[{'id':'104'}]}"));
            Assert.Equal(200, status);
            Assert.True(body["results"][0]["archived"].GetValue<bool>());
        }

        [Fact]
        public async Task BatchRead_PropertiesWithHistory_CappedAt50()
        {
            using var t = Demo();
            var (status, body, _) = await t.Post(Read, "{\"propertiesWithHistory\":[\"jobtitle\"]," + Inputs(51, i => "{\"id\":\"" + (101 + i) + "\"}").Substring(1));
            var (ok, history, _) = await t.Post(Read, J("{'propertiesWithHistory':['jobtitle'],'inputs':[{'id':'101'}]}"));

            Assert.Equal(400, status);
            Assert.Equal("The maximum number of inputs supported in a batch request for property histories is 50", body["message"].GetValue<string>());
            Assert.Equal(200, ok);
            Assert.Equal("Head of Operations", history["results"][0]["propertiesWithHistory"]["jobtitle"][0]["value"].GetValue<string>());
        }

        [Fact]
        public async Task BatchCreate_Is201_AndAnExistingEmailIs409()
        {
            using var t = Demo();
            var (created, body, _) = await t.Post("/crm/v3/objects/contacts/batch/create", J("{'inputs':[{'properties':{'email':'one@example.com'}},{'properties':{'email':'two@example.com'}}]}"));
            var (conflict, error, _) = await t.Post("/crm/v3/objects/contacts/batch/create", J("{'inputs':[{'properties':{'email':'three@example.com'}},{'properties':{'email':'one@example.com'}}]}"));

            Assert.Equal(201, created);
            Assert.Equal(2, body["results"].AsArray().Count);
            Assert.Equal(409, conflict);
            Assert.StartsWith("Contact already exists. Existing ID: ", error["message"].GetValue<string>());
            Assert.Null(t.Twin.ContactByEmail("three@example.com"));
        }

        [Fact]
        public async Task BatchUpdate_UnknownIdIs207_OthersApplied()
        {
            using var t = Demo();
            var (status, body, _) = await t.Post("/crm/v3/objects/contacts/batch/update", J("{'inputs':[{'id':'101','properties':{'company':'Contoso Ltd'}},{'id':'424242','properties':{'company':'X'}}]}"));

            Assert.Equal(207, status);
            Assert.Equal("Contoso Ltd", t.Twin.Contact(101).Get("company"));
            Assert.Equal("OBJECT_NOT_FOUND", body["errors"][0]["category"].GetValue<string>());
        }

        [Fact]
        public async Task LargePortal_UpsertAndReadStayFast()
        {
            using var t = Empty();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (int batch = 0; batch < 500; batch++)
            {
                var lookup = t.Twin;
                for (int i = 0; i < 100; i++)
                {
                    lookup.AddContact(new System.Collections.Generic.Dictionary<string, string> { ["email"] = "c" + (batch * 100 + i) + "@example.com" });
                }
            }

            var (status, body, _) = await t.Post(Upsert, Inputs(100, i => "{\"idProperty\":\"email\",\"id\":\"c" + (49900 + i) + "@example.com\",\"properties\":{\"firstname\":\"X\"}}"));
            Assert.Equal(200, status);
            Assert.All(body["results"].AsArray(), r => Assert.False(r["new"].GetValue<bool>()));
            Assert.Equal(50000, t.Twin.ContactCount);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "50,000 contacts took " + watch.Elapsed);
        }
    }
}
