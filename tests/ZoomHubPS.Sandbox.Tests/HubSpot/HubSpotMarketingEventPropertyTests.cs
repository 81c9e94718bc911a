using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using static ZoomHubPS.Sandbox.Tests.HubSpot.HubSpotTestClient;

namespace ZoomHubPS.Sandbox.Tests.HubSpot
{
    /// <summary>Marketing-event custom properties (FACTS §D): kept when defined on the 0-54 object, dropped silently otherwise.</summary>
    public class HubSpotMarketingEventPropertyTests
    {
        private const string B = "/marketing/v3/marketing-events";

        private static string Event(string customProperties)
            => J("{'eventName':'Onboarding clinic','eventOrganizer':'Northwind','eventType':'WEBINAR','externalAccountId':'acct1','externalEventId':'82345678901-20261117T1500Z',"
                + "'startDateTime':'2026-11-17T15:00:00Z','endDateTime':'2026-11-17T15:45:00Z','customProperties':[" + customProperties + "]}");

        private static string[] Names(JsonNode body) => body["customProperties"].AsArray().Select(p => p["name"].GetValue<string>()).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        private static string Value(JsonNode body, string name) => body["customProperties"].AsArray().Single(p => p["name"].GetValue<string>() == name)["value"].GetValue<string>();

        [Fact]
        public async Task TheDemoDefinesTheRecordingProperties_OnTheMarketingEventObject()
        {
            using var t = Demo();
            foreach (string path in new[] { "/crm/v3/properties/marketing_events", "/crm/v3/properties/0-54" })
            {
                var (status, body, _) = await t.Get(path);
                Assert.Equal(200, status);
                Assert.Equal(new[] { "zoomhub_recording_duration_minutes", "zoomhub_recording_start", "zoomhub_recording_url", "zoomhub_transcript_url" },
                    body["results"].AsArray().Select(p => p["name"].GetValue<string>()).OrderBy(n => n, StringComparer.Ordinal).ToArray());
            }

            JsonNode start = (await t.Get("/crm/v3/properties/marketing_events/zoomhub_recording_start")).Body;
            Assert.Equal("datetime", start["type"].GetValue<string>());
            Assert.Equal("zoomhub", start["groupName"].GetValue<string>());
            var (missing, error, _) = await t.Get("/crm/v3/properties/marketing_events/how_heard");
            Assert.Equal(404, missing);
            Assert.Contains("marketing_events", error["message"].GetValue<string>());
            Assert.Contains((await t.Get("/crm/v3/properties/marketing_events/groups")).Body["results"].AsArray(), g => g["name"].GetValue<string>() == "zoomhub");
        }

        [Fact]
        public async Task DefinedCustomProperties_AreKeptAndNormalised_UnknownOrInvalidOnesDropSilently()
        {
            using var t = Demo();
            var (status, created, _) = await t.Post(B + "/events", Event(
                "{'name':'zoomhub_recording_url','value':'https://zoom.example/rec/share/abc'},{'name':'zoomhub_recording_start','value':'2026-11-17T15:00:01Z'},"
                + "{'name':'zoomhub_recording_duration_minutes','value':'45.0'},{'name':'no_such_property','value':'x'},{'name':'how_heard','value':'Email'},"
                + "{'name':'zoomhub_transcript_url','value':''}"));

            Assert.Equal(200, status);
            Assert.Equal(new[] { "zoomhub_recording_duration_minutes", "zoomhub_recording_start", "zoomhub_recording_url" }, Names(created));
            Assert.Equal("45", Value(created, "zoomhub_recording_duration_minutes"));
            Assert.Equal("2026-11-17T15:00:01.000Z", Value(created, "zoomhub_recording_start"));

            string objectId = created["objectId"].GetValue<string>();
            var (_, patched, _) = await t.Patch(B + "/" + objectId, J("{'customProperties':[{'name':'zoomhub_recording_duration_minutes','value':'forty'},"
                + "{'name':'zoomhub_transcript_url','value':'https://zoom.example/rec/download/t'},{'name':'zoomhub_recording_url','value':''}]}"));
            Assert.Equal(new[] { "zoomhub_recording_duration_minutes", "zoomhub_recording_start", "zoomhub_transcript_url" }, Names(patched));
            Assert.Equal("45", Value(patched, "zoomhub_recording_duration_minutes"));
            Assert.Equal(new[] { "zoomhub_recording_duration_minutes", "zoomhub_recording_start", "zoomhub_transcript_url" },
                t.Twin.MarketingEvent(objectId).CustomProperties.Keys.OrderBy(n => n, StringComparer.Ordinal).ToArray());
        }

        [Fact]
        public async Task CustomProperties_ArePropertyValuesInV1Answers_AndNameValuePairsInV2Answers()
        {
            using var t = Demo();
            var (_, created, _) = await t.Post(B + "/events", Event("{'name':'zoomhub_recording_url','value':'https://zoom.example/rec/share/abc'}"));
            string[] required = { "dataSensitivity", "isEncrypted", "isLargeValue", "maskedSubstrings", "name", "persistenceTimestamp", "requestId", "selectedByUser",
                "selectedByUserTimestamp", "source", "sourceId", "sourceLabel", "sourceMetadata", "sourceUpstreamDeployable", "sourceVid", "timestamp", "unit",
                "updatedByUserId", "useTimestampAsPersistenceTimestamp", "value" };
            Assert.Equal(required, created["customProperties"][0].AsObject().Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());
            Assert.Equal("API", created["customProperties"][0]["source"].GetValue<string>());

            JsonNode v2 = (await t.Get(B + "/" + created["objectId"].GetValue<string>())).Body;
            Assert.Equal(new[] { "name", "value" }, v2["customProperties"][0].AsObject().Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());
        }

        [Fact]
        public async Task UpsertWritesTheSameCustomProperties()
        {
            using var t = Demo();
            string upsert = "{\"inputs\":[" + Event("{'name':'zoomhub_recording_url','value':'https://zoom.example/rec/share/abc'},{'name':'unknown','value':'1'}") + "]}";
            var (status, body, _) = await t.Post(B + "/events/upsert", upsert);
            Assert.Equal(200, status);
            Assert.Equal(new[] { "zoomhub_recording_url" }, Names(body["results"][0]));
        }

        [Fact]
        public async Task DefinitionWrites_AreRefusedWith403_UnlessTheScenarioAllowsThem()
        {
            using var t = Demo();
            string definition = J("{'name':'zoomhub_poll_count','label':'Polls','type':'number','fieldType':'number','groupName':'zoomhub'}");
            foreach (var (status, body, _) in new[]
            {
                await t.Post("/crm/v3/properties/marketing_events", definition),
                await t.Post("/crm/v3/properties/0-54/batch/create", "{\"inputs\":[" + definition + "]}"),
                await t.Patch("/crm/v3/properties/marketing_events/zoomhub_recording_url", J("{'label':'Recording'}")),
                await t.Delete("/crm/v3/properties/marketing_events/zoomhub_recording_url"),
                await t.Post("/crm/v3/properties/marketing_events/groups", J("{'name':'more','label':'More'}")),
            })
            {
                Assert.Equal(403, status);
                Assert.Equal("MISSING_SCOPES", body["category"].GetValue<string>());
            }

            Assert.Equal(201, (await t.Post("/crm/v3/properties/contacts", J("{'name':'zoomhub_poll_count','label':'Polls','type':'number','fieldType':'number','groupName':'contactinformation'}"))).Status);
            t.Twin.AllowMarketingEventPropertyWrites = true;
            Assert.Equal(201, (await t.Post("/crm/v3/properties/marketing_events", definition)).Status);
            var (_, created, _) = await t.Post(B + "/events", Event("{'name':'zoomhub_poll_count','value':'2'}"));
            Assert.Equal("2", Value(created, "zoomhub_poll_count"));
        }

        [Fact]
        public async Task ReadingDefinitions_TakesAMarketingEventScope_OrTheContactSchemaRead()
        {
            using var t = Demo();
            t.Twin.AddApp("pat-na1-events-only", 2001, "Events", new[] { "crm.objects.marketing_events.read" });
            t.Twin.AddApp("pat-na1-contacts-write", 2002, "Contacts", new[] { "crm.schemas.contacts.write" });
            using HttpClient events = t.ClientWithToken("pat-na1-events-only");
            using HttpClient contacts = t.ClientWithToken("pat-na1-contacts-write");
            Assert.Equal(200, (await t.Get("/crm/v3/properties/marketing_events", events)).Status);
            Assert.Equal(403, (await t.Get("/crm/v3/properties/contacts", events)).Status);
            Assert.Equal(403, (await t.Get("/crm/v3/properties/marketing_events", contacts)).Status);
        }
    }
}
