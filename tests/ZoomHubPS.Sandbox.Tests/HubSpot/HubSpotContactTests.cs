using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static ZoomHubPS.Sandbox.Tests.HubSpot.HubSpotTestClient;

namespace ZoomHubPS.Sandbox.Tests.HubSpot
{
    public class HubSpotContactTests
    {
        [Fact]
        public async Task GetById_ReturnsDefaultPropertiesAsStrings()
        {
            using var t = Demo();
            var (status, body, _) = await t.Get("/crm/v3/objects/contacts/101");

            Assert.Equal(200, status);
            Assert.Equal("101", body["id"].GetValue<string>());
            var props = body["properties"].AsObject();
            Assert.Equal(new[] { "createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname" }, props.Select(p => p.Key).ToArray());
            Assert.Equal("101", props["hs_object_id"].GetValue<string>());
            Assert.Equal("ana.ruiz@contoso.example.org", props["email"].GetValue<string>());
            Assert.False(body["archived"].GetValue<bool>());
            Assert.EndsWith("Z", body["createdAt"].GetValue<string>());
        }

        [Fact]
        public async Task GetByEmail_IsCaseInsensitive_AndRequestedPropertiesComeBack()
        {
            using var t = Demo();
            var (status, body, _) = await t.Get("/crm/v3/objects/contacts/ANA.RUIZ@contoso.example.org?idProperty=email&properties=company,jobtitle,phone");

            Assert.Equal(200, status);
            var props = body["properties"];
            Assert.Equal("Contoso", props["company"].GetValue<string>());
            Assert.Null(props["phone"]);
            Assert.True(props.AsObject().ContainsKey("phone"));
            Assert.False(props.AsObject().ContainsKey("firstname"));
            Assert.Equal("101", props["hs_object_id"].GetValue<string>());
        }

        [Fact]
        public async Task Missing_Is404ObjectNotFound()
        {
            using var t = Demo();
            var (status, body, _) = await t.Get("/crm/v3/objects/contacts/999999");
            Assert.Equal(404, status);
            Assert.Equal("OBJECT_NOT_FOUND", body["category"].GetValue<string>());
        }

        [Fact]
        public async Task Archived_IsInvisible_UnlessArchivedTrue()
        {
            using var t = Demo();
            var (normal, _, _) = await t.Get("/crm/v3/objects/contacts/104");
            var (byEmail, _, _) = await t.Get("/crm/v3/objects/contacts/ben.carter@fabrikam.example.com?idProperty=email");
            var (archived, body, _) = await t.Get("/crm/v3/objects/contacts/104?archived=true");

            Assert.Equal(404, normal);
            Assert.Equal(404, byEmail);
            Assert.Equal(200, archived);
            Assert.True(body["archived"].GetValue<bool>());
            Assert.NotNull(body["archivedAt"]);
        }

        [Fact]
        public async Task Create_Is201_AndExistingEmailIs409WithExistingId()
        {
            using var t = Demo();
            var (created, body, _) = await t.Post("/crm/v3/objects/contacts", J("{'properties':{'email':'New.Person@Example.com','firstname':'New'}}"));
            var (conflict, error, _) = await t.Post("/crm/v3/objects/contacts", J("{'properties':{'email':'ana.ruiz@contoso.example.org'}}"));

            Assert.Equal(201, created);
            Assert.Equal("new.person@example.com", body["properties"]["email"].GetValue<string>());
            Assert.Equal(409, conflict);
            Assert.Equal("CONFLICT", error["category"].GetValue<string>());
            Assert.Equal("Contact already exists. Existing ID: 101", error["message"].GetValue<string>());
        }

        [Fact]
        public async Task Write_UnknownProperty_Is400PropertyDoesntExist()
        {
            using var t = Demo();
            var (status, body, _) = await t.Post("/crm/v3/objects/contacts", J("{'properties':{'email':'x@y.example','nope_prop':'1'}}"));

            Assert.Equal(400, status);
            Assert.Equal("VALIDATION_ERROR", body["category"].GetValue<string>());
            Assert.Contains("PROPERTY_DOESNT_EXIST", body["message"].GetValue<string>());
            Assert.Equal("nope_prop", body["errors"][0]["in"].GetValue<string>());
        }

        [Fact]
        public async Task Write_NumberValues_AreValidated_AndEchoedAsStrings()
        {
            using var t = Demo();
            await t.Post("/crm/v3/properties/contacts", J("{'name':'visits','label':'Visits','type':'number','fieldType':'number','groupName':'contactinformation'}"));
            var (bad, error, _) = await t.Patch("/crm/v3/objects/contacts/101", J("{'properties':{'visits':'three'}}"));
            var (ok, body, _) = await t.Patch("/crm/v3/objects/contacts/101", J("{'properties':{'visits':3.0}}"));

            Assert.Equal(400, bad);
            Assert.Contains("INVALID_INTEGER", error["message"].GetValue<string>());
            Assert.Equal(200, ok);
            Assert.Equal(JsonValueKind.String, body["properties"]["visits"].GetValueKind());
            Assert.Equal("3", body["properties"]["visits"].GetValue<string>());
        }

        [Fact]
        public async Task Update_MovesLastModified_OnlyWhenAValueChanges()
        {
            using var t = Demo();
            var (_, first, _) = await t.Patch("/crm/v3/objects/contacts/101", J("{'properties':{'jobtitle':'COO'}}"));
            t.Host.Clock.Advance(TimeSpan.FromMinutes(5));
            var (_, same, _) = await t.Patch("/crm/v3/objects/contacts/101", J("{'properties':{'jobtitle':'COO'}}"));
            t.Host.Clock.Advance(TimeSpan.FromMinutes(5));
            var (_, changed, _) = await t.Patch("/crm/v3/objects/contacts/101", J("{'properties':{'jobtitle':'CEO'}}"));

            Assert.Equal(first["updatedAt"].GetValue<string>(), same["updatedAt"].GetValue<string>());
            Assert.NotEqual(same["updatedAt"].GetValue<string>(), changed["updatedAt"].GetValue<string>());
            Assert.Equal(changed["updatedAt"].GetValue<string>(), changed["properties"]["lastmodifieddate"].GetValue<string>());
        }

        [Fact]
        public async Task List_PagesWithAfter_AndSkipsArchived()
        {
            using var t = Demo();
            var (status, page1, _) = await t.Get("/crm/v3/objects/contacts?limit=5");
            string after = page1["paging"]["next"]["after"].GetValue<string>();
            var (_, page2, _) = await t.Get("/crm/v3/objects/contacts?limit=5&after=" + after);
            var (bad, _, _) = await t.Get("/crm/v3/objects/contacts?limit=101");
            var (_, archived, _) = await t.Get("/crm/v3/objects/contacts?archived=true");

            Assert.Equal(200, status);
            Assert.Equal(5, page1["results"].AsArray().Count);
            Assert.Equal(3, page2["results"].AsArray().Count);
            Assert.Null(page2["paging"]);
            Assert.DoesNotContain(page1["results"].AsArray().Concat(page2["results"].AsArray()), r => r["id"].GetValue<string>() == "104");
            Assert.Equal(400, bad);
            Assert.Equal("104", Assert.Single(archived["results"].AsArray())["id"].GetValue<string>());
        }

        [Fact]
        public async Task Delete_Is204_ThenUpsertCreatesANewContact()
        {
            using var t = Demo();
            var (deleted, _, _) = await t.Delete("/crm/v3/objects/contacts/101");
            var (upsert, body, _) = await t.Post("/crm/v3/objects/contacts/batch/upsert",
                J("{'inputs':[{'idProperty':'email','id':'ana.ruiz@contoso.example.org','properties':{'firstname':'Ana'}}]}"));

            Assert.Equal(204, deleted);
            Assert.Equal(200, upsert);
            var result = body["results"][0];
            Assert.True(result["new"].GetValue<bool>());
            Assert.NotEqual("101", result["id"].GetValue<string>());
            Assert.True(t.Twin.Contact(101).Archived);
        }

        [Fact]
        public async Task Merge_OldIdReadsTheSurvivor_WithMergedIdsAndAdditionalEmail()
        {
            using var t = Demo();
            var (status, body, _) = await t.Post("/crm/v3/objects/contacts/merge", J("{'primaryObjectId':'105','objectIdToMerge':'106'}"));
            var (_, read, _) = await t.Get("/crm/v3/objects/contacts/106?properties=hs_merged_object_ids,hs_additional_emails");

            Assert.Equal(200, status);
            Assert.Equal("105", body["id"].GetValue<string>());
            Assert.Equal("105", read["id"].GetValue<string>());
            Assert.Equal("106", read["properties"]["hs_merged_object_ids"].GetValue<string>());
            Assert.Contains("noah.patel@contoso.example.org", read["properties"]["hs_additional_emails"].GetValue<string>());
        }
    }
}
