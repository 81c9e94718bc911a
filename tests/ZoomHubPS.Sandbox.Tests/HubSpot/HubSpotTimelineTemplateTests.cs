using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static ZoomHubPS.Sandbox.Tests.HubSpot.HubSpotTestClient;

namespace ZoomHubPS.Sandbox.Tests.HubSpot
{
    /// <summary>Event templates that change ([HS-TIMELINE]): read, update with tokens, token routes, delete; events follow the template.</summary>
    public class HubSpotTimelineTemplateTests
    {
        private const string Templates = "/integrators/timeline/v3/1234567/event-templates";

        private const string Recording = "{'name':'Recording available','objectType':'contacts','headerTemplate':'Recording of {{webinarTopic}}','tokens':["
            + "{'name':'webinarTopic','label':'Topic','type':'string'},{'name':'durationMinutes','label':'Minutes','type':'number'}]}";

        private static async Task<string> CreateAsync(HubSpotTestClient t)
        {
            var (status, body, _) = await t.Post(Templates, J(Recording));
            Assert.Equal(201, status);
            return body["id"].GetValue<string>();
        }

        private static string EventWith(string templateId, string tokens)
            => J("{'eventTemplateId':'" + templateId + "','email':'ana.ruiz@contoso.example.org','tokens':{" + tokens + "}}");

        [Fact]
        public async Task ATemplate_ListsEveryTokenWithOptionsAndDates_AsTheSpecRequires()
        {
            using var t = Demo();
            string id = await CreateAsync(t);
            JsonNode body = (await t.Get(Templates + "/" + id)).Body;
            Assert.Equal(new[] { "createdAt", "headerTemplate", "id", "name", "objectType", "tokens", "updatedAt" },
                body.AsObject().Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());
            JsonObject token = body["tokens"][0].AsObject();
            Assert.Equal(new[] { "createdAt", "label", "name", "options", "type", "updatedAt" }, token.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());
            Assert.Empty(token["options"].AsArray());
            Assert.Single((await t.Get(Templates)).Body["results"].AsArray());
        }

        [Fact]
        public async Task APut_ReplacesNameTextAndTokens_KeepsTheId_AndRefusesATypeChange()
        {
            using var t = Demo();
            string id = await CreateAsync(t);
            t.Host.Clock.Advance(TimeSpan.FromMinutes(5));
            string update = J("{'id':'" + id + "','name':'Recording available (v2)','headerTemplate':'Watch {{webinarTopic}}','tokens':["
                + "{'name':'webinarTopic','label':'Webinar topic','type':'string'},{'name':'shareUrl','label':'Link','type':'string'}]}");
            var (status, body, _) = await t.Send(HttpMethod.Put, Templates + "/" + id, update);

            Assert.Equal(200, status);
            Assert.Equal(id, body["id"].GetValue<string>());
            Assert.Equal("Recording available (v2)", body["name"].GetValue<string>());
            Assert.Equal(new[] { "webinarTopic", "shareUrl" }, body["tokens"].AsArray().Select(x => x["name"].GetValue<string>()).ToArray());
            Assert.NotEqual(body["createdAt"].GetValue<string>(), body["updatedAt"].GetValue<string>());
            Assert.Single(t.Twin.TimelineTemplates);

            string retype = J("{'id':'" + id + "','name':'x','tokens':[{'name':'webinarTopic','label':'Topic','type':'number'}]}");
            Assert.Equal(400, (await t.Send(HttpMethod.Put, Templates + "/" + id, retype)).Status);
            string otherId = J("{'id':'999','name':'x','tokens':[]}");
            Assert.Equal(400, (await t.Send(HttpMethod.Put, Templates + "/" + id, otherId)).Status);
            Assert.Equal(400, (await t.Send(HttpMethod.Put, Templates + "/" + id, J("{'name':'x'}"))).Status);
            Assert.Equal(404, (await t.Send(HttpMethod.Put, Templates + "/424242", update)).Status);
        }

        [Fact]
        public async Task TokenRoutes_AddUpdateAndDelete_OneToken()
        {
            using var t = Demo();
            string id = await CreateAsync(t);
            string tokens = Templates + "/" + id + "/tokens";

            var (added, token, _) = await t.Post(tokens, J("{'name':'attended','label':'Attended','type':'enumeration','options':[{'value':'yes','label':'Yes'},{'value':'no','label':'No'}]}"));
            Assert.Equal(200, added);
            Assert.Equal(2, token["options"].AsArray().Count);
            Assert.Equal(409, (await t.Post(tokens, J("{'name':'attended','label':'Again','type':'string'}"))).Status);
            Assert.Equal(400, (await t.Post(tokens, J("{'name':'choice','label':'Choice','type':'enumeration'}"))).Status);

            var (updated, changed, _) = await t.Send(HttpMethod.Put, tokens + "/attended", J("{'label':'Did attend','options':[{'value':'yes','label':'Yes'}]}"));
            Assert.Equal(200, updated);
            Assert.Equal("Did attend", changed["label"].GetValue<string>());
            Assert.Equal("enumeration", changed["type"].GetValue<string>());
            Assert.Equal(404, (await t.Send(HttpMethod.Put, tokens + "/missing", J("{'label':'x','options':[]}"))).Status);

            Assert.Equal(204, (await t.Delete(tokens + "/durationMinutes")).Status);
            Assert.Equal(404, (await t.Delete(tokens + "/durationMinutes")).Status);
            Assert.Equal(new[] { "webinarTopic", "attended" }, (await t.Get(Templates + "/" + id)).Body["tokens"].AsArray().Select(x => x["name"].GetValue<string>()).ToArray());
        }

        [Fact]
        public async Task Events_FollowTheTemplatesCurrentTokens_AndTheirTypes()
        {
            using var t = Demo();
            string id = await CreateAsync(t);
            Assert.Equal(201, (await t.Post("/integrators/timeline/v3/events", EventWith(id, "'webinarTopic':'Q4','durationMinutes':45"))).Status);

            var (wrongType, error, _) = await t.Post("/integrators/timeline/v3/events", EventWith(id, "'durationMinutes':'three quarters'"));
            Assert.Equal(400, wrongType);
            Assert.Equal("VALIDATION_ERROR", error["category"].GetValue<string>());

            await t.Delete(Templates + "/" + id + "/tokens/durationMinutes");
            Assert.Equal(400, (await t.Post("/integrators/timeline/v3/events", EventWith(id, "'durationMinutes':45"))).Status);
            await t.Post(Templates + "/" + id + "/tokens", J("{'name':'shareUrl','label':'Link','type':'string'}"));
            Assert.Equal(201, (await t.Post("/integrators/timeline/v3/events", EventWith(id, "'shareUrl':'https://example.org/rec'"))).Status);
        }

        [Fact]
        public async Task ADeletedTemplate_IsGone_AndAnotherAppsTemplateIsNotFound()
        {
            using var t = Demo();
            string id = await CreateAsync(t);
            Assert.Equal(404, (await t.Get("/integrators/timeline/v3/7654321/event-templates/" + id)).Status);
            Assert.Equal(204, (await t.Delete(Templates + "/" + id)).Status);
            Assert.Equal(404, (await t.Get(Templates + "/" + id)).Status);
            Assert.Equal(404, (await t.Post("/integrators/timeline/v3/events", EventWith(id, "'webinarTopic':'x'"))).Status);
        }
    }
}
