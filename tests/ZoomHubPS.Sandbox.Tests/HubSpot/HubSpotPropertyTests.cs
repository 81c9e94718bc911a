using System.Linq;
using System.Threading.Tasks;
using Xunit;
using static ZoomHubPS.Sandbox.Tests.HubSpot.HubSpotTestClient;

namespace ZoomHubPS.Sandbox.Tests.HubSpot
{
    public class HubSpotPropertyTests
    {
        private const string Props = "/crm/v3/properties/contacts";
        private const string Count = "{'name':'zoomhub_webinar_registration_count','label':'Registrations','type':'number','fieldType':'number','groupName':'zoomhub'}";

        [Fact]
        public async Task BuiltInProperties_ExistInContactInformation()
        {
            using var t = Empty();
            var (status, body, _) = await t.Get(Props);
            var names = body["results"].AsArray().Select(p => p["name"].GetValue<string>()).ToList();

            Assert.Equal(200, status);
            Assert.Contains("email", names);
            Assert.Contains("hs_additional_emails", names);
            Assert.Contains("lifecyclestage", names);
            var email = body["results"].AsArray().Single(p => p["name"].GetValue<string>() == "email");
            Assert.Equal("contactinformation", email["groupName"].GetValue<string>());
            Assert.True(email["hubspotDefined"].GetValue<bool>());
            Assert.True(email["hasUniqueValue"].GetValue<bool>());
        }

        [Fact]
        public async Task GroupAndProperty_Create201_Then409()
        {
            using var t = Empty();
            var (group, groupBody, _) = await t.Post(Props + "/groups", J("{'name':'zoomhub','label':'ZoomHub','displayOrder':-1}"));
            var (groupAgain, groupError, _) = await t.Post(Props + "/groups", J("{'name':'zoomhub','label':'ZoomHub'}"));
            var (created, body, _) = await t.Post(Props, J(Count));
            var (again, error, _) = await t.Post(Props, J(Count));

            Assert.Equal(201, group);
            Assert.Equal(new[] { "name", "label", "displayOrder", "archived" }, groupBody.AsObject().Select(p => p.Key).ToArray());
            Assert.Equal(409, groupAgain);
            Assert.Equal("OBJECT_ALREADY_EXISTS", groupError["category"].GetValue<string>());
            Assert.Equal(201, created);
            Assert.Equal("number", body["type"].GetValue<string>());
            Assert.False(body["hubspotDefined"].GetValue<bool>());
            Assert.Empty(body["options"].AsArray());
            Assert.NotNull(body["modificationMetadata"]["readOnlyValue"]);
            Assert.NotNull(body["createdAt"]);
            Assert.Equal(409, again);
            Assert.Equal("OBJECT_ALREADY_EXISTS", error["category"].GetValue<string>());
            Assert.Equal("Property named 'zoomhub_webinar_registration_count' already exists.", error["message"].GetValue<string>());
        }

        [Theory]
        [InlineData("{'name':'p1','label':'P','type':'number','fieldType':'text','groupName':'contactinformation'}")]
        [InlineData("{'name':'p1','label':'P','type':'bool','fieldType':'select','groupName':'contactinformation'}")]
        [InlineData("{'name':'p1','label':'P','type':'enumeration','fieldType':'select','groupName':'contactinformation'}")]
        [InlineData("{'name':'p1','label':'P','type':'string','fieldType':'text','groupName':'no_such_group'}")]
        [InlineData("{'name':'Bad Name','label':'P','type':'string','fieldType':'text','groupName':'contactinformation'}")]
        [InlineData("{'name':'p1','type':'string','fieldType':'text','groupName':'contactinformation'}")]
        public async Task InvalidDefinitions_Are400(string json)
        {
            using var t = Empty();
            var (status, body, _) = await t.Post(Props, J(json));
            Assert.Equal(400, status);
            Assert.Equal("VALIDATION_ERROR", body["category"].GetValue<string>());
        }

        [Fact]
        public async Task BatchCreate_Is207WhenOneExists()
        {
            using var t = Empty();
            var (status, body, _) = await t.Post(Props + "/batch/create", J("{'inputs':["
                + "{'name':'zoomhub_a','label':'A','type':'string','fieldType':'text','groupName':'contactinformation'},"
                + "{'name':'email','label':'E','type':'string','fieldType':'text','groupName':'contactinformation'}]}"));

            Assert.Equal(207, status);
            Assert.Equal("zoomhub_a", body["results"][0]["name"].GetValue<string>());
            Assert.Equal("OBJECT_ALREADY_EXISTS", body["errors"][0]["category"].GetValue<string>());
        }

        [Fact]
        public async Task GetPatchDelete_OneProperty()
        {
            using var t = Empty();
            await t.Post(Props, J("{'name':'zoomhub_history','label':'History','type':'string','fieldType':'textarea','groupName':'contactinformation','hidden':true}"));
            var (get, got, _) = await t.Get(Props + "/zoomhub_history");
            var (patch, patched, _) = await t.Patch(Props + "/zoomhub_history", J("{'label':'Webinar history'}"));
            var (delete, _, _) = await t.Delete(Props + "/zoomhub_history");
            var (after, _, _) = await t.Get(Props + "/zoomhub_history");
            var (builtIn, _, _) = await t.Delete(Props + "/email");

            Assert.Equal(200, get);
            Assert.True(got["hidden"].GetValue<bool>());
            Assert.Equal(200, patch);
            Assert.Equal("Webinar history", patched["label"].GetValue<string>());
            Assert.Equal(204, delete);
            Assert.Equal(404, after);
            Assert.Equal(400, builtIn);
        }

        [Fact]
        public async Task EnumerationAndDateValues_AreValidatedOnWrite()
        {
            using var t = Demo();
            await t.Post(Props, J("{'name':'tier','label':'Tier','type':'enumeration','fieldType':'select','groupName':'contactinformation','options':[{'label':'Gold','value':'gold'}]}"));
            await t.Post(Props, J("{'name':'last_day','label':'Day','type':'date','fieldType':'date','groupName':'contactinformation'}"));
            await t.Post(Props, J("{'name':'last_seen','label':'Seen','type':'datetime','fieldType':'date','groupName':'contactinformation'}"));

            Assert.Equal(400, (await t.Patch("/crm/v3/objects/contacts/101", J("{'properties':{'tier':'silver'}}"))).Status);
            Assert.Equal(400, (await t.Patch("/crm/v3/objects/contacts/101", J("{'properties':{'last_day':'1749571272000'}}"))).Status);
            var (ok, body, _) = await t.Patch("/crm/v3/objects/contacts/101", J("{'properties':{'tier':'gold','last_day':'2025-06-10','last_seen':1749571272000}}"));
            Assert.Equal(200, ok);
            Assert.Equal("1749513600000", body["properties"]["last_day"].GetValue<string>());
            Assert.Equal("2025-06-10T16:01:12.000Z", body["properties"]["last_seen"].GetValue<string>());
        }

        [Fact]
        public async Task Values_LongerThan65536Characters_AreRefused()
        {
            using var t = Demo();
            await t.Post(Props, J("{'name':'zoomhub_history','label':'History','type':'string','fieldType':'textarea','groupName':'contactinformation'}"));
            string tooLong = new string('x', 65537);
            var (status, _, _) = await t.Patch("/crm/v3/objects/contacts/101", "{\"properties\":{\"zoomhub_history\":\"" + tooLong + "\"}}");
            var (ok, _, _) = await t.Patch("/crm/v3/objects/contacts/101", "{\"properties\":{\"zoomhub_history\":\"" + tooLong.Substring(1) + "\"}}");
            Assert.Equal(400, status);
            Assert.Equal(200, ok);
        }
    }
}
