using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Core.WebinarSync;

namespace ZoomHubPS.Core.Tests.Clients
{
    /// <summary>
    /// Every HubSpot request body carries the fields the official OpenAPI specs mark required, also where HubSpot
    /// answers without them (HubSpot/HubSpot-public-api-spec-collection: CRM/Contacts v3, Marketing Events v3,
    /// Timeline v3). Checked on what the module really sends: the demo sync with a timeline app, a registration with
    /// write-back, a secondary-email match and a filtered search.
    /// </summary>
    public class SpecRequiredFieldsTests
    {
        private sealed class RecordingHandler : DelegatingHandler
        {
            public RecordingHandler(HttpMessageHandler inner) : base(inner) { }

            public ConcurrentQueue<(string Method, string Path, string Body)> Sent { get; } = new ConcurrentQueue<(string, string, string)>();

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                string body = request.Content == null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
                Sent.Enqueue((request.Method.Method, request.RequestUri.AbsolutePath, body));
                return await base.SendAsync(request, cancellationToken);
            }
        }

        // Route (path pattern) → JSON paths that must be present, "inputs[]." meaning every input.
        private static readonly (string Route, string[] Required)[] Rules =
        {
            ("/crm/v3/objects/contacts/batch/read", new[] { "inputs", "properties", "propertiesWithHistory" }),                 // BatchReadInputSimplePublicObjectId
            ("/crm/v3/objects/contacts/search", new[] { "after", "filterGroups", "limit", "properties", "sorts" }),               // PublicObjectSearchRequest
            ("/crm/v3/objects/contacts/batch/upsert", new[] { "inputs", "inputs[].id", "inputs[].properties" }),                 // SimplePublicObjectBatchInputUpsert
            ("/email-create", new[] { "inputs", "inputs[].email", "inputs[].interactionDateTime", "inputs[].properties", "inputs[].contactProperties" }), // MarketingEventEmailSubscriber
            ("/create", new[] { "inputs", "inputs[].vid", "inputs[].interactionDateTime", "inputs[].properties" }),                // MarketingEventSubscriber (attendance by contact id)
            ("/event-templates", new[] { "name", "objectType", "tokens", "tokens[].name", "tokens[].label", "tokens[].type", "tokens[].options" }), // TimelineEventTemplateCreateRequest, TimelineEventTemplateToken
            ("/integrators/timeline/v3/events/batch/create", new[] { "inputs", "inputs[].eventTemplateId", "inputs[].id", "inputs[].tokens" }), // TimelineEvent
        };

        [Fact]
        public async Task EveryHubSpotBodyTheModuleSendsHasTheFieldsTheSpecsRequire()
        {
            RecordingHandler recorder = null;
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo", configureConnection: o => o.Handler = recorder = new RecordingHandler(o.Handler));
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            long app = host.Sandbox.HubSpot.DefaultApp.AppId;
            await TimelineTemplates.EnsureAsync(host.Connection, app, whatIf: false);
            var engine = new WebinarSyncEngine(host.Connection);
            SyncOptions options = new SyncOptions().WithTimelineApp(app).WithPeople(false, true, false);
            foreach (var w in host.Sandbox.Zoom.Webinars)
            {
                foreach (var i in host.Sandbox.Zoom.Instances(w.Id)) await engine.SyncAsync(new SyncTarget { WebinarId = w.Id, InstanceUuid = i.Uuid }, options);
            }

            var input = new RegistrationInput(new Dictionary<string, object> { ["Email"] = "spec.check@example.org", ["FirstName"] = "Spec" }, "spec.check@example.org");
            await new WebinarRegistrationEngine(host.Connection).RegisterAsync(86789012345, new[] { input }, new RegistrationOptions { WriteBackToHubSpot = true }, _ => { });
            await host.Connection.HubSpot.Contacts.Search(new HubSpotSearchRequest
            {
                FilterGroups = { new HubSpotFilterGroup { Filters = { new HubSpotFilter { PropertyName = "email", Operator = "CONTAINS_TOKEN", Value = "*contoso.example.org" } } } },
            }).ToListAsync();

            var problems = new List<string>();
            var seen = new HashSet<string>();
            foreach (var (method, path, body) in recorder.Sent.Where(s => s.Method == "POST" && !s.Path.StartsWith("/v2/", StringComparison.Ordinal) && !s.Path.StartsWith("/oauth/", StringComparison.Ordinal)))
            {
                foreach (var (route, required) in Rules.Where(r => path.EndsWith(r.Route, StringComparison.Ordinal) && !(r.Route == "/create" && path.EndsWith("batch/create", StringComparison.Ordinal))))
                {
                    seen.Add(route);
                    JsonNode json = JsonNode.Parse(body);
                    foreach (string field in required.Where(f => !Has(json, f))) problems.Add($"{path}: no {field} in {Short(body)}");
                }
            }

            Assert.Equal(Rules.Select(r => r.Route).OrderBy(r => r), seen.OrderBy(r => r)); // every rule was exercised
            Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(10)));
        }

        private static bool Has(JsonNode json, string path)
        {
            string[] parts = path.Split(new[] { "[]." }, StringSplitOptions.None);
            if (parts.Length == 1) return json is JsonObject o && o.ContainsKey(path) && o[path] != null;
            return json[parts[0]] is JsonArray items && items.All(i => i is JsonObject o && o.ContainsKey(parts[1]) && o[parts[1]] != null);
        }

        private static string Short(string body) => body.Length > 200 ? body.Substring(0, 200) + "…" : body;
    }
}
