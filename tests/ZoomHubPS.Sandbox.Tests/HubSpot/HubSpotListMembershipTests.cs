using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox.Scenarios;
using static ZoomHubPS.Sandbox.Tests.HubSpot.HubSpotTestClient;

namespace ZoomHubPS.Sandbox.Tests.HubSpot
{
    /// <summary>List memberships (FACTS §C): paging, join order, MANUAL/SNAPSHOT writes, DYNAMIC re-evaluation and refusal.</summary>
    public class HubSpotListMembershipTests
    {
        private static string[] Ids(JsonNode page) => page["results"].AsArray().Select(r => r["recordId"].GetValue<string>()).ToArray();

        private static HubSpotTestClient Generated(int members)
            => Of(ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 10, ListMembers = members }));

        [Fact]
        public async Task Memberships_AreAscendingRecordIds_WithTimestamps()
        {
            using var t = Demo();
            var (status, body, _) = await t.Get("/crm/v3/lists/43/memberships");
            Assert.Equal(200, status);
            Assert.Equal(new[] { "101", "106", "108", "109" }, Ids(body));
            Assert.Equal(4, body["total"].GetValue<int>());
            Assert.Null(body["paging"]);
            Assert.EndsWith("Z", body["results"][0]["membershipTimestamp"].GetValue<string>());
            Assert.Equal(new[] { "102", "107" }, Ids((await t.Get("/crm/v3/lists/44/memberships")).Body));
        }

        [Fact]
        public async Task AThousandMembers_PageBy250_ForwardWithAfter_AndBackWithBefore()
        {
            using var t = Generated(1000);
            var seen = new List<string>();
            string after = null;
            int pages = 0;
            do
            {
                JsonNode page = (await t.Get("/crm/v3/lists/9001/memberships?limit=250" + (after == null ? "" : "&after=" + after))).Body;
                seen.AddRange(Ids(page));
                after = page["paging"]?["next"]?["after"]?.GetValue<string>();
                pages++;
            }
            while (after != null);

            Assert.Equal(4, pages);
            Assert.Equal(1000, seen.Distinct().Count());
            Assert.Equal(seen.OrderBy(id => long.Parse(id)).ToArray(), seen.ToArray());
            Assert.Equal(100, Ids((await t.Get("/crm/v3/lists/9001/memberships")).Body).Length);
            Assert.Equal(400, (await t.Get("/crm/v3/lists/9001/memberships?limit=251")).Status);
            Assert.Equal(400, (await t.Get("/crm/v3/lists/9001/memberships?after=%25%25")).Status);

            JsonNode second = (await t.Get("/crm/v3/lists/9001/memberships?limit=250&after=" + (await t.Get("/crm/v3/lists/9001/memberships?limit=250")).Body["paging"]["next"]["after"])).Body;
            string before = second["paging"]["prev"]["before"].GetValue<string>();
            JsonNode back = (await t.Get("/crm/v3/lists/9001/memberships?limit=3&before=" + before)).Body;
            Assert.Equal(new[] { seen[249], seen[248], seen[247] }, Ids(back));
        }

        [Fact]
        public async Task JoinOrder_ListsTheEarliestAddedFirst()
        {
            using var t = Demo();
            t.Host.Clock.Advance(TimeSpan.FromMinutes(1));
            await t.Send(HttpMethod.Put, "/crm/v3/lists/42/memberships/add", "[\"101\"]");
            t.Host.Clock.Advance(TimeSpan.FromMinutes(1));
            await t.Send(HttpMethod.Put, "/crm/v3/lists/42/memberships/add", "[\"102\"]");

            Assert.Equal(new[] { "101", "102", "106", "107", "108" }, Ids((await t.Get("/crm/v3/lists/42/memberships")).Body));
            JsonNode joined = (await t.Get("/crm/v3/lists/42/memberships/join-order?limit=4")).Body;
            Assert.Equal(new[] { "106", "107", "108", "101" }, Ids(joined));
            JsonNode rest = (await t.Get("/crm/v3/lists/42/memberships/join-order?after=" + joined["paging"]["next"]["after"])).Body;
            Assert.Equal(new[] { "102" }, Ids(rest));
        }

        [Fact]
        public async Task AddRemoveAndClear_ChangeAManualList_ReportingMissingRecords()
        {
            using var t = Demo();
            var (status, added, _) = await t.Send(HttpMethod.Put, "/crm/v3/lists/42/memberships/add", "[\"101\",\"106\",\"104\",\"99999\"]");
            Assert.Equal(200, status);
            Assert.Equal(new[] { "101" }, added["recordsIdsAdded"].AsArray().Select(x => x.GetValue<string>()).ToArray());
            Assert.Empty(added["recordIdsRemoved"].AsArray());
            Assert.Equal(new[] { "104", "99999" }, added["recordIdsMissing"].AsArray().Select(x => x.GetValue<string>()).ToArray());

            JsonNode removed = (await t.Send(HttpMethod.Put, "/crm/v3/lists/42/memberships/remove", "[\"107\",\"102\"]")).Body;
            Assert.Equal(new[] { "107" }, removed["recordIdsRemoved"].AsArray().Select(x => x.GetValue<string>()).ToArray());

            JsonNode both = (await t.Send(HttpMethod.Put, "/crm/v3/lists/42/memberships/add-and-remove", J("{'recordIdsToAdd':['105'],'recordIdsToRemove':['101']}"))).Body;
            Assert.Equal(new[] { "105" }, both["recordsIdsAdded"].AsArray().Select(x => x.GetValue<string>()).ToArray());
            Assert.Equal(new long[] { 105, 106, 108 }, t.Twin.List("42").Members.Keys.OrderBy(k => k).ToArray());
            Assert.Equal(400, (await t.Send(HttpMethod.Put, "/crm/v3/lists/42/memberships/add", J("{'ids':['101']}"))).Status);

            Assert.Equal(204, (await t.Delete("/crm/v3/lists/42/memberships")).Status);
            Assert.Equal(0, (await t.Get("/crm/v3/lists/42")).Body["list"]["size"].GetValue<int>());
            Assert.Equal(200, (await t.Send(HttpMethod.Put, "/crm/v3/lists/44/memberships/add", "[\"101\"]")).Status);
        }

        [Fact]
        public async Task ADynamicList_RefusesMembershipWrites()
        {
            using var t = Demo();
            foreach (var (status, body, _) in new[]
            {
                await t.Send(HttpMethod.Put, "/crm/v3/lists/43/memberships/add", "[\"102\"]"),
                await t.Send(HttpMethod.Put, "/crm/v3/lists/43/memberships/remove", "[\"101\"]"),
                await t.Send(HttpMethod.Put, "/crm/v3/lists/43/memberships/add-and-remove", J("{'recordIdsToAdd':['102'],'recordIdsToRemove':[]}")),
                await t.Delete("/crm/v3/lists/43/memberships"),
            })
            {
                Assert.Equal(400, status);
                Assert.Equal("VALIDATION_ERROR", body["category"].GetValue<string>());
                Assert.Contains("DYNAMIC", body["message"].GetValue<string>());
            }

            Assert.Equal(4, t.Twin.List("43").Members.Count);
        }

        [Fact]
        public async Task ADynamicList_FollowsItsContacts_WhileASnapshotKeepsItsFirstMatches()
        {
            using var t = Demo();
            t.Host.Clock.Advance(TimeSpan.FromMinutes(3));
            DateTimeOffset changedAt = t.Host.Clock.GetUtcNow();
            string upsert = J("{'inputs':[{'idProperty':'email','id':'pat.kelly@contoso.example.org','properties':{'email':'pat.kelly@contoso.example.org','company':'Fabrikam'}}]}");
            Assert.Equal(200, (await t.Post("/crm/v3/objects/contacts/batch/upsert", upsert)).Status);
            Assert.Equal(200, (await t.Post("/crm/v3/objects/contacts/batch/update", J("{'inputs':[{'id':'102','properties':{'email':'li.wei@contoso.example.org'}}]}"))).Status);
            t.Twin.ArchiveContact(109);

            JsonNode page = (await t.Get("/crm/v3/lists/43/memberships")).Body;
            long pat = t.Twin.ContactByEmail("pat.kelly@contoso.example.org").Id;
            Assert.Equal(new[] { "101", "102", "106", "108", pat.ToString() }, Ids(page));
            Assert.Equal(changedAt, DateTimeOffset.Parse(page["results"].AsArray().Single(r => r["recordId"].GetValue<string>() == pat.ToString())["membershipTimestamp"].GetValue<string>()));
            Assert.Equal(new[] { "102", "107" }, Ids((await t.Get("/crm/v3/lists/44/memberships")).Body));
            Assert.Equal(3, (await t.Get("/crm/v3/lists/42/memberships")).Body["total"].GetValue<int>());
        }

        [Fact]
        public void TheGenerator_MakesAListOfNContactsBesideTheRegistrants()
        {
            Scenario scenario = ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 100, ListMembers = 1000 });
            HubSpotListSeed list = Assert.Single(scenario.HubSpot.Lists);
            Assert.Equal(1000, list.Members.Count);
            Assert.Equal(1000 + 10, scenario.HubSpot.Contacts.Count);
            Assert.Empty(ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 100 }).HubSpot.Lists);
        }
    }
}
