using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static ZoomHubPS.Sandbox.Tests.HubSpot.HubSpotTestClient;

namespace ZoomHubPS.Sandbox.Tests.HubSpot
{
    public class HubSpotTimelineTests
    {
        private const string Template = "{'name':'Zoom: Webinar attendance','objectType':'contacts','headerTemplate':'Attended {{webinarTopic}}','tokens':["
            + "{'name':'webinarTopic','label':'Topic','type':'string'},{'name':'joinTime','label':'Join time','type':'date'},{'name':'durationMinutes','label':'Minutes','type':'number'}]}";

        private static async Task<string> CreateTemplate(HubSpotTestClient t, string family = "/integrators/timeline/v3")
        {
            var (status, body, _) = await t.Post(family + "/1234567/event-templates", J(Template));
            Assert.Equal(201, status);
            return body["id"].GetValue<string>();
        }

        private static string Event(string templateId, string id, string email = "ana.ruiz@contoso.example.org")
            => J("{'eventTemplateId':'" + templateId + "','email':'" + email + "','id':'" + id + "','timestamp':'2025-06-10T16:01:12Z',"
                + "'tokens':{'webinarTopic':'Quarterly update','joinTime':1749571272000,'durationMinutes':57}}");

        [Fact]
        public async Task Templates_WorkUnderBothPathFamilies_AndWithTheDeveloperKey()
        {
            using var t = Demo();
            string id = await CreateTemplate(t);
            await CreateTemplate(t, "/crm/v3/timeline");
            var (status, body, _) = await t.Get("/crm/v3/timeline/1234567/event-templates/" + id);
            using var anonymous = t.ClientWithToken(null);
            var (viaKey, list, _) = await t.Get("/integrators/timeline/v3/1234567/event-templates?hapikey=" + t.Twin.DeveloperApiKey, anonymous);

            Assert.Equal(200, status);
            Assert.Equal("Zoom: Webinar attendance", body["name"].GetValue<string>());
            Assert.Equal(3, body["tokens"].AsArray().Count);
            Assert.Equal(200, viaKey);
            Assert.Equal(2, list["results"].AsArray().Count);
            Assert.Equal(401, (await t.Post("/integrators/timeline/v3/events", "{}", anonymous)).Status);
        }

        [Fact]
        public async Task Event_EchoesTokensAsStrings_AndResolvesTheContact()
        {
            using var t = Demo();
            string templateId = await CreateTemplate(t);
            var (status, body, _) = await t.Post("/integrators/timeline/v3/events", Event(templateId, "att-1"));

            Assert.Equal(201, status);
            Assert.Equal("contacts", body["objectType"].GetValue<string>());
            Assert.Equal("101", body["objectId"].GetValue<string>());
            Assert.Equal("att-1", body["id"].GetValue<string>());
            Assert.Equal(JsonValueKind.String, body["tokens"]["durationMinutes"].GetValueKind());
            Assert.Equal("57", body["tokens"]["durationMinutes"].GetValue<string>());
            Assert.Equal("1749571272000", body["tokens"]["joinTime"].GetValue<string>());
            Assert.Equal("2025-06-10T16:01:12.000Z", body["timestamp"].GetValue<string>());

            var (read, readBody, _) = await t.Get("/integrators/timeline/v3/events/" + templateId + "/att-1");
            Assert.Equal(200, read);
            Assert.Equal("57", readBody["tokens"]["durationMinutes"].GetValue<string>());
        }

        [Fact]
        public async Task SameIdTwice_KeepsOneEvent()
        {
            using var t = Demo();
            string templateId = await CreateTemplate(t);
            var (first, _, _) = await t.Post("/crm/v3/timeline/events", Event(templateId, "att-1"));
            var (second, _, _) = await t.Post("/integrators/timeline/v3/events", Event(templateId, "att-1"));

            Assert.Equal(201, first);
            Assert.Equal(201, second);
            var e = Assert.Single(t.Twin.TimelineEvents);
            Assert.Equal(2, e.TimesSent);
        }

        [Fact]
        public async Task UnknownEmail_CreatesTheContact()
        {
            using var t = Demo();
            string templateId = await CreateTemplate(t);
            var (status, body, _) = await t.Post("/integrators/timeline/v3/events", Event(templateId, "att-9", "fresh@example.com"));

            Assert.Equal(201, status);
            Assert.Equal(t.Twin.ContactByEmail("fresh@example.com").Id.ToString(), body["objectId"].GetValue<string>());
        }

        [Fact]
        public async Task Batch_Is201_Or207_AndValidatesTokens()
        {
            using var t = Demo();
            string templateId = await CreateTemplate(t);
            var (ok, okBody, _) = await t.Post("/integrators/timeline/v3/events/batch/create", "{\"inputs\":[" + Event(templateId, "a") + "," + Event(templateId, "b") + "]}");
            string badToken = J("{'eventTemplateId':'" + templateId + "','email':'ana.ruiz@contoso.example.org','id':'c','tokens':{'durationMinutes':'lots'}}");
            string unknownToken = J("{'eventTemplateId':'" + templateId + "','email':'ana.ruiz@contoso.example.org','id':'d','tokens':{'nope':'x'}}");
            var (partial, body, _) = await t.Post("/crm/v3/timeline/events/batch/create", "{\"inputs\":[" + Event(templateId, "e") + "," + badToken + "," + unknownToken + "]}");

            Assert.Equal(201, ok);
            Assert.Equal("COMPLETE", okBody["status"].GetValue<string>());
            Assert.Equal(2, okBody["results"].AsArray().Count);
            Assert.Equal(207, partial);
            Assert.Equal(2, body["numErrors"].GetValue<int>());
            Assert.Equal(3, t.Twin.TimelineEvents.Count);
        }

        [Fact]
        public async Task UnknownTemplate_Is404()
        {
            using var t = Demo();
            var (status, body, _) = await t.Post("/integrators/timeline/v3/events", Event("999", "x"));
            Assert.Equal(404, status);
            Assert.Equal("OBJECT_NOT_FOUND", body["category"].GetValue<string>());
        }
    }
}
