using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static ZoomHubPS.Sandbox.Tests.HubSpot.HubSpotTestClient;

namespace ZoomHubPS.Sandbox.Tests.HubSpot
{
    public class HubSpotSearchTests
    {
        private const string Search = "/crm/v3/objects/contacts/search";

        private static string[] Ids(JsonNode body) => body["results"].AsArray().Select(r => r["id"].GetValue<string>()).ToArray();

        private static string Filter(string property, string op, string valueJson)
            => "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"" + property + "\",\"operator\":\"" + op + "\"" + valueJson + "}]}],\"limit\":100}";

        [Theory]
        [InlineData("email", "EQ", ",\"value\":\"ANA.RUIZ@contoso.example.org\"", new[] { "101" })]
        [InlineData("company", "NEQ", ",\"value\":\"contoso\"", new[] { "102", "103", "105", "107", "108" })]
        [InlineData("company", "IN", ",\"values\":[\"Fabrikam\",\"Tailspin Toys\"]", new[] { "102", "103", "105", "107" })]
        [InlineData("company", "NOT_IN", ",\"values\":[\"Fabrikam\",\"Contoso\"]", new[] { "103", "105", "108" })]
        [InlineData("company", "HAS_PROPERTY", "", new[] { "101", "102", "103", "105", "106", "107", "109" })]
        [InlineData("company", "NOT_HAS_PROPERTY", "", new[] { "108" })]
        [InlineData("jobtitle", "CONTAINS_TOKEN", ",\"value\":\"manager\"", new[] { "105" })]
        [InlineData("email", "CONTAINS_TOKEN", ",\"value\":\"*@contoso.example.org\"", new[] { "101", "106", "108", "109" })]
        [InlineData("email", "NOT_CONTAINS_TOKEN", ",\"value\":\"*@contoso.example.org\"", new[] { "102", "103", "105", "107" })]
        [InlineData("hs_object_id", "GT", ",\"value\":\"107\"", new[] { "108", "109" })]
        [InlineData("hs_object_id", "LTE", ",\"value\":\"102\"", new[] { "101", "102" })]
        [InlineData("hs_object_id", "BETWEEN", ",\"value\":\"99\",\"highValue\":\"102\"", new[] { "101", "102" })]
        public async Task Operators(string property, string op, string valueJson, string[] expected)
        {
            using var t = Demo();
            var (status, body, _) = await t.Post(Search, Filter(property, op, valueJson));
            Assert.Equal(200, status);
            Assert.Equal(expected, Ids(body));
            Assert.Equal(expected.Length, body["total"].GetValue<int>());
        }

        [Fact]
        public async Task NumberProperties_CompareNumerically()
        {
            using var t = Demo();
            await t.Post("/crm/v3/properties/contacts", J("{'name':'score','label':'Score','type':'number','fieldType':'number','groupName':'contactinformation'}"));
            await t.Patch("/crm/v3/objects/contacts/101", J("{'properties':{'score':'9'}}"));
            await t.Patch("/crm/v3/objects/contacts/102", J("{'properties':{'score':'10'}}"));
            var (_, body, _) = await t.Post(Search, Filter("score", "GTE", ",\"value\":\"9.5\""));
            Assert.Equal(new[] { "102" }, Ids(body));
        }

        [Fact]
        public async Task DateFilters_AcceptEpochMilliseconds()
        {
            using var t = Demo();
            var created = t.Twin.Contact(101).CreatedAt.ToUnixTimeMilliseconds();
            var (_, body, _) = await t.Post(Search, Filter("createdate", "LTE", ",\"value\":\"" + created + "\""));
            Assert.Contains("101", Ids(body));
        }

        [Fact]
        public async Task GroupsAreOred_FiltersAreAnded()
        {
            using var t = Demo();
            var (_, body, _) = await t.Post(Search, J("{'filterGroups':["
                + "{'filters':[{'propertyName':'company','operator':'EQ','value':'Contoso'},{'propertyName':'jobtitle','operator':'HAS_PROPERTY'}]},"
                + "{'filters':[{'propertyName':'email','operator':'EQ','value':'li.wei@fabrikam.example.com'}]}]}"));
            Assert.Equal(new[] { "101", "102", "106" }, Ids(body));
        }

        [Fact]
        public async Task QuerySortsAndProperties()
        {
            using var t = Demo();
            var (_, body, _) = await t.Post(Search, J("{'query':'tailspin','sorts':[{'propertyName':'firstname','direction':'DESCENDING'}],'properties':['company']}"));
            Assert.Equal(new[] { "105", "103" }, Ids(body));
            var props = body["results"][0]["properties"].AsObject();
            Assert.Equal(new[] { "company", "createdate", "hs_object_id", "lastmodifieddate" }, props.Select(p => p.Key).OrderBy(k => k).ToArray());
        }

        [Fact]
        public async Task Paging_UsesAfterOffset_AndTotal()
        {
            using var t = Demo();
            var (_, page1, _) = await t.Post(Search, J("{'limit':3}"));
            var (_, page3, _) = await t.Post(Search, J("{'limit':3,'after':'6'}"));

            Assert.Equal(8, page1["total"].GetValue<int>());
            Assert.Equal("3", page1["paging"]["next"]["after"].GetValue<string>());
            Assert.Equal(new[] { "108", "109" }, Ids(page3));
            Assert.Null(page3["paging"]);
        }

        [Fact]
        public async Task Caps_LimitGroupsFiltersAndResultWindow()
        {
            using var t = Demo();
            string group = "{\"filters\":[{\"propertyName\":\"email\",\"operator\":\"HAS_PROPERTY\"}]}";
            string sevenFilters = "{\"filters\":[" + string.Join(",", Enumerable.Repeat("{\"propertyName\":\"email\",\"operator\":\"HAS_PROPERTY\"}", 7)) + "]}";

            Assert.Equal(400, (await t.Post(Search, J("{'limit':201}"))).Status);
            Assert.Equal(200, (await t.Post(Search, J("{'limit':200}"))).Status);
            Assert.Equal(400, (await t.Post(Search, "{\"filterGroups\":[" + string.Join(",", Enumerable.Repeat(group, 6)) + "]}")).Status);
            Assert.Equal(200, (await t.Post(Search, "{\"filterGroups\":[" + string.Join(",", Enumerable.Repeat(group, 5)) + "]}")).Status);
            Assert.Equal(400, (await t.Post(Search, "{\"filterGroups\":[" + sevenFilters + "]}")).Status);
            Assert.Equal(400, (await t.Post(Search, J("{'after':'10000'}"))).Status);
            Assert.Equal(400, (await t.Post(Search, J("{'sorts':['email','firstname']}"))).Status);
        }

        [Fact]
        public async Task ResultWindow_StopsAt10000()
        {
            using var t = Empty();
            for (int i = 0; i < 10050; i++)
            {
                t.Twin.AddContact(new Dictionary<string, string> { ["email"] = "s" + i + "@example.com" });
            }

            var (_, body, _) = await t.Post(Search, J("{'limit':100,'after':'9900'}"));
            Assert.Equal(10050, body["total"].GetValue<int>());
            Assert.Equal(100, body["results"].AsArray().Count);
            Assert.Null(body["paging"]);
        }

        [Fact]
        public async Task Search_IsInTheSearchBucket_AndArchivedAreInvisible()
        {
            using var t = Demo();
            var (_, body, _) = await t.Post(Search, Filter("email", "EQ", ",\"value\":\"ben.carter@fabrikam.example.com\""));
            Assert.Equal(0, body["total"].GetValue<int>());
            Assert.Equal(1, t.Host.Sandbox.Journal.CountsByBucket()["HubSpot/Search"]);
        }
    }
}
