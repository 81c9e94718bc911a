using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static ZoomHubPS.Sandbox.Tests.HubSpot.HubSpotTestClient;

namespace ZoomHubPS.Sandbox.Tests.HubSpot
{
    /// <summary>Lists v3 reads (FACTS §C): by id, by name, search, legacy id mapping, 404s and scopes.</summary>
    public class HubSpotListTests
    {
        [Fact]
        public async Task AListById_HasThePublicObjectListFields_AndItsFiltersOnlyWhenAsked()
        {
            using var t = Demo();
            var (status, body, _) = await t.Get("/crm/v3/lists/43");
            Assert.Equal(200, status);
            JsonObject list = body["list"].AsObject();
            Assert.Equal(new[] { "createdAt", "filtersUpdatedAt", "listId", "listVersion", "name", "objectTypeId", "processingStatus", "processingType", "size", "updatedAt" },
                list.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());
            Assert.Equal("43", list["listId"].GetValue<string>());
            Assert.Equal("0-1", list["objectTypeId"].GetValue<string>());
            Assert.Equal("DYNAMIC", list["processingType"].GetValue<string>());
            Assert.Equal("COMPLETE", list["processingStatus"].GetValue<string>());
            Assert.Equal(4, list["size"].GetValue<int>());

            JsonNode withFilters = (await t.Get("/crm/v3/lists/43?includeFilters=true")).Body["list"]["filterBranch"];
            Assert.Equal("OR", withFilters["filterBranchType"].GetValue<string>());
            Assert.Equal("hs_email_domain", withFilters["filterBranches"][0]["filters"][0]["property"].GetValue<string>());
            Assert.Null((await t.Get("/crm/v3/lists/42?includeFilters=true")).Body["list"]["filterBranch"]);
        }

        [Fact]
        public async Task AListByName_IsCaseInsensitive_AndTheNameIsUrlEncoded()
        {
            using var t = Demo();
            var (status, body, _) = await t.Get("/crm/v3/lists/object-type-id/0-1/name/" + Uri.EscapeDataString("security DEEP dive Invitees"));
            Assert.Equal(200, status);
            Assert.Equal("42", body["list"]["listId"].GetValue<string>());
            Assert.Equal(3, body["list"]["size"].GetValue<int>());
            Assert.Equal(404, (await t.Get("/crm/v3/lists/object-type-id/0-2/name/" + Uri.EscapeDataString("Security deep dive invitees"))).Status);
            Assert.Equal(404, (await t.Get("/crm/v3/lists/object-type-id/0-1/name/nope")).Status);
        }

        [Fact]
        public async Task UnknownLists_Are404ObjectNotFound()
        {
            using var t = Demo();
            foreach (string path in new[] { "/crm/v3/lists/999", "/crm/v3/lists/999/memberships", "/crm/v3/lists/not-a-number" })
            {
                var (status, body, _) = await t.Get(path);
                Assert.Equal(404, status);
                Assert.Equal("OBJECT_NOT_FOUND", body["category"].GetValue<string>());
            }
        }

        [Fact]
        public async Task Search_MatchesNamesAndTypes_PagesByOffset_AndCapsCountAt500()
        {
            using var t = Demo();
            var (status, body, _) = await t.Post("/crm/v3/lists/search", J("{'query':'','offset':0,'count':2,'additionalProperties':['hs_list_size_week_delta']}"));
            Assert.Equal(200, status);
            Assert.Equal(3, body["total"].GetValue<int>());
            Assert.True(body["hasMore"].GetValue<bool>());
            Assert.Equal(2, body["offset"].GetValue<int>());
            JsonObject first = body["lists"][0].AsObject();
            Assert.Null(first["size"]);
            Assert.Null(first["filterBranch"]);
            Assert.Equal("3", first["additionalProperties"]["hs_list_size"].GetValue<string>());
            Assert.Null(first["additionalProperties"]["hs_list_size_week_delta"]);

            JsonNode rest = (await t.Post("/crm/v3/lists/search", J("{'query':'','offset':2,'count':2,'additionalProperties':[]}"))).Body;
            Assert.False(rest["hasMore"].GetValue<bool>());
            Assert.Single(rest["lists"].AsArray());

            JsonNode dynamicOnly = (await t.Post("/crm/v3/lists/search", J("{'query':'CONTOSO','processingTypes':['DYNAMIC'],'offset':0,'additionalProperties':[]}"))).Body;
            Assert.Equal(new[] { "43" }, dynamicOnly["lists"].AsArray().Select(l => l["listId"].GetValue<string>()).ToArray());
            Assert.Equal(400, (await t.Post("/crm/v3/lists/search", J("{'query':'','offset':0,'count':501,'additionalProperties':[]}"))).Status);
            Assert.Equal(400, (await t.Post("/crm/v3/lists/search", J("{'processingTypes':['STATIC'],'offset':0,'additionalProperties':[]}"))).Status);
        }

        [Fact]
        public async Task LegacyIds_MapToIlsIds_OneListsLegacyIdCanBeAnothersIlsId()
        {
            using var t = Demo();
            JsonNode one = (await t.Get("/crm/v3/lists/idmapping?legacyListId=42")).Body;
            Assert.Equal("42", one["legacyListId"].GetValue<string>());
            Assert.Equal("43", one["listId"].GetValue<string>());
            Assert.Equal(404, (await t.Get("/crm/v3/lists/idmapping?legacyListId=1234")).Status);
            Assert.Equal(400, (await t.Get("/crm/v3/lists/idmapping")).Status);

            var (status, many, _) = await t.Post("/crm/v3/lists/idmapping", "[\"7\",\"42\",\"1234\"]");
            Assert.Equal(200, status);
            Assert.Equal(new[] { "7:42", "42:43" }, many["legacyListIdsToIdsMapping"].AsArray().Select(m => m["legacyListId"] + ":" + m["listId"]).ToArray());
            Assert.Equal(new[] { "1234" }, many["missingLegacyListIds"].AsArray().Select(m => m.GetValue<string>()).ToArray());
            string tooMany = "[" + string.Join(",", Enumerable.Range(1, 10001).Select(i => "\"" + i + "\"")) + "]";
            Assert.Equal(400, (await t.Post("/crm/v3/lists/idmapping", tooMany)).Status);
        }

        [Fact]
        public async Task WithoutListScopes_TheAnswerIs403MissingScopes_NamingWhatIsMissing()
        {
            using var t = Demo();
            t.Twin.AddApp("pat-na1-contacts-only", 3001, "Contacts only", new[] { "crm.objects.contacts.read" });
            t.Twin.AddApp("pat-na1-lists-read", 3002, "Lists read", new[] { "crm.lists.read" });
            using HttpClient none = t.ClientWithToken("pat-na1-contacts-only");
            using HttpClient readOnly = t.ClientWithToken("pat-na1-lists-read");

            var (status, body, _) = await t.Get("/crm/v3/lists/42", none);
            Assert.Equal(403, status);
            Assert.Equal("MISSING_SCOPES", body["category"].GetValue<string>());
            Assert.Equal(new[] { "crm.lists.read" }, body["errors"][0]["context"]["requiredGranularScopes"].AsArray().Select(s => s.GetValue<string>()).ToArray());

            Assert.Equal(200, (await t.Get("/crm/v3/lists/42/memberships", readOnly)).Status);
            var (write, writeBody, _) = await t.Send(HttpMethod.Put, "/crm/v3/lists/42/memberships/add", "[\"101\"]", readOnly);
            Assert.Equal(403, write);
            // Either remaining scope completes one of the spec's alternatives (read + write, or read + access-groups write).
            Assert.Equal(new[] { "crm.lists.write", "cms.membership.access_groups.write" },
                writeBody["errors"][0]["context"]["requiredGranularScopes"].AsArray().Select(s => s.GetValue<string>()).ToArray());
        }

        [Fact]
        public void ListRoutes_CountAgainstTheStandardBucket()
        {
            using var t = Demo();
            var lists = t.Host.Sandbox.Routes.Where(r => r.Template.StartsWith("/crm/v3/lists", StringComparison.Ordinal)).ToList();
            Assert.True(lists.Count >= 11);
            Assert.All(lists, r => Assert.Equal("Standard", r.Bucket));
            Assert.Equal(new[] { "DELETE", "PUT" }, lists.Where(r => r.IsWrite).Select(r => r.Method.Method).Distinct().OrderBy(m => m).ToArray());
        }
    }
}
