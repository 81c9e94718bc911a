using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// Timeline v3 (FACTS §2.7) under both path families (<c>/integrators/timeline/v3/…</c> and the older
    /// <c>/crm/v3/timeline/…</c>): events and batch events, read one event; the event templates are
    /// <see cref="TimelineTemplateRoutes"/>. An event's tokens must be tokens of its template, each value of the token's type.
    /// </summary>
    /// <remarks>
    /// Re-sending an event id: HubSpot says one id means one event ("the last to be processed will win"); whether a re-send
    /// answers 201, 200 or 409 is unconfirmed. The twin answers 201 again, keeps one event per (template, id) and moves it
    /// to the latest object, so a client's retry after a lost response is always safe.
    /// </remarks>
    internal static class TimelineRoutes
    {
        private const string EventScope = "timeline|crm.objects.contacts.write";
        private const int MaxInputs = 100;

        internal static void Register(HubSpotRouter router)
        {
            HubSpotState s = router.State;
            foreach (string family in new[] { "/integrators/timeline/v3", "/crm/v3/timeline" })
            {
                TimelineTemplateRoutes.Register(router, family);
                router.Post(family + "/events", EventScope, (r, app) => CreateEvent(s, r));
                router.Post(family + "/events/batch/create", EventScope, (r, app) => CreateEvents(s, r));
                router.Get(family + "/events/{eventTemplateId}/{eventId}", EventScope, (r, app) => GetEvent(s, r));
            }
        }

        private static SandboxResponse CreateEvent(HubSpotState state, SandboxRequest request)
        {
            JsonNode body = request.Json();
            HubSpotTimelineEvent e = TryStore(state, body, out SandboxResponse error);
            return e == null ? error : SandboxResponse.Json(HttpStatusCode.Created, EventJson(e));
        }

        private static SandboxResponse CreateEvents(HubSpotState state, SandboxRequest request)
        {
            DateTimeOffset started = state.Now;
            if (!HubSpotJson.TryReadInputs(request, MaxInputs, out JsonArray inputs, out SandboxResponse error))
            {
                return error;
            }

            var results = new JsonArray();
            var errors = new List<JsonObject>();
            foreach (JsonNode input in inputs)
            {
                HubSpotTimelineEvent e = TryStore(state, input, out SandboxResponse failed);
                if (e != null)
                {
                    results.Add(EventJson(e));
                    continue;
                }

                JsonNode reason = JsonNode.Parse(failed.Body);
                errors.Add(HubSpotJson.BatchError(HubSpotJson.Str(reason, "category"), HubSpotJson.Str(reason, "message"),
                    new[] { HubSpotJson.Str(input, "id") ?? HubSpotJson.Str(input, "email") ?? string.Empty }));
            }

            return HubSpotJson.Batch(HttpStatusCode.Created, started, state.Now, results, errors);
        }

        private static SandboxResponse GetEvent(HubSpotState state, SandboxRequest request)
        {
            string key = HubSpotState.TimelineKey(request.RouteValue("eventTemplateId"), request.RouteValue("eventId"));
            return state.TimelineEvents.TryGetValue(key, out HubSpotTimelineEvent e)
                ? SandboxResponse.Json(HttpStatusCode.OK, EventJson(e))
                : HubSpotJson.NotFound("Timeline event " + request.RouteValue("eventId") + " not found for template " + request.RouteValue("eventTemplateId") + ".");
        }

        /// <summary>Validates one TimelineEvent and stores it (or replaces the event with the same template and id).</summary>
        private static HubSpotTimelineEvent TryStore(HubSpotState state, JsonNode body, out SandboxResponse error)
        {
            error = null;
            string templateId = HubSpotJson.Str(body, "eventTemplateId");
            if (string.IsNullOrEmpty(templateId) || !(body?["tokens"] is JsonObject tokenNodes))
            {
                error = HubSpotJson.BadRequest("Invalid input JSON: eventTemplateId and tokens are required.");
                return null;
            }

            HubSpotTimelineTemplate template = TimelineTemplateRoutes.Find(state, templateId);
            if (template == null)
            {
                error = TimelineTemplateRoutes.NotFound(templateId);
                return null;
            }

            var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, JsonNode> pair in tokenNodes)
            {
                HubSpotTimelineToken token = template.Tokens.FirstOrDefault(t => t.Name == pair.Key);
                string value = HubSpotJson.Scalar(pair.Value);
                string problem = token == null ? "Token " + pair.Key + " is not defined on event template " + templateId + "." : CheckToken(token, value);
                if (problem != null)
                {
                    error = HubSpotJson.BadRequest(problem);
                    return null;
                }

                tokens[pair.Key] = value;
            }

            DateTimeOffset timestamp = state.Now;
            string timestampText = HubSpotJson.Str(body, "timestamp");
            if (!string.IsNullOrEmpty(timestampText) && !HubSpotJson.TryParseInstant(timestampText, out timestamp))
            {
                error = HubSpotJson.BadRequest("timestamp '" + timestampText + "' is not a valid ISO 8601 date-time.");
                return null;
            }

            HubSpotContact contact = ResolveContact(state, HubSpotJson.Str(body, "objectId"), HubSpotJson.Str(body, "email"), out error);
            if (contact == null)
            {
                return null;
            }

            string id = HubSpotJson.Str(body, "id");
            id = string.IsNullOrEmpty(id) ? NewUuid(state) : id.Replace("{{uuid}}", NewUuid(state));
            string key = HubSpotState.TimelineKey(templateId, id);
            if (!state.TimelineEvents.TryGetValue(key, out HubSpotTimelineEvent e))
            {
                e = new HubSpotTimelineEvent { Id = id, EventTemplateId = templateId, TimesSent = 0 };
                state.TimelineEvents[key] = e;
                state.TimelineOrder.Add(e);
            }

            e.TimesSent++;
            e.ObjectType = "contacts";
            e.ObjectId = contact.Id;
            e.Email = HubSpotJson.Str(body, "email");
            e.Timestamp = timestamp;
            e.Tokens = tokens;
            e.ExtraDataJson = body["extraData"]?.ToJsonString();
            e.TimelineIFrameJson = body["timelineIFrame"]?.ToJsonString();
            WriteTokenProperties(state, template, contact, tokens);
            return e;
        }

        private static string CheckToken(HubSpotTimelineToken token, string value)
        {
            if (value == null)
            {
                return null;
            }

            switch (token.Type)
            {
                case "number":
                    return decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : "Token " + token.Name + " needs a number; got '" + value + "'.";
                case "date":
                    return HubSpotJson.TryParseInstant(value, out _) ? null : "Token " + token.Name + " needs a date (ms since epoch or ISO 8601); got '" + value + "'.";
                case "enumeration":
                    return token.Options.Any(o => o.Key == value) ? null : "Token " + token.Name + " needs one of its options; got '" + value + "'.";
                default:
                    return null;
            }
        }

        /// <summary>objectId wins (and an email alongside it changes the contact's email); an email alone finds or creates the contact.</summary>
        private static HubSpotContact ResolveContact(HubSpotState state, string objectId, string email, out SandboxResponse error)
        {
            error = null;
            if (!string.IsNullOrEmpty(objectId))
            {
                HubSpotContact byId = state.Contacts.ById(objectId);
                if (byId == null || byId.Archived)
                {
                    error = HubSpotJson.NotFound("Contact " + objectId + " not found.");
                    return null;
                }

                if (!string.IsNullOrEmpty(email) && PropertyCatalog.IsValidEmail(email.Trim()) && !string.Equals(byId.Email, email.Trim(), StringComparison.OrdinalIgnoreCase)
                    && ContactRoutes.EmailOwner(state, email, byId) == null)
                {
                    state.Contacts.Update(byId, new Dictionary<string, string> { ["email"] = email.Trim().ToLowerInvariant() }, state.Now);
                }

                return byId;
            }

            if (string.IsNullOrEmpty(email))
            {
                error = HubSpotJson.BadRequest("A contact event needs objectId or email (utk and domain are not supported by the sandbox).");
                return null;
            }

            if (!PropertyCatalog.IsValidEmail(email.Trim()))
            {
                error = HubSpotJson.BadRequest("Email address " + email + " is invalid");
                return null;
            }

            return state.Contacts.ByEmail(email, state.MatchSecondaryEmail)
                ?? state.Contacts.Create(new Dictionary<string, string> { ["email"] = email.Trim().ToLowerInvariant() }, state.Now);
        }

        private static void WriteTokenProperties(HubSpotState state, HubSpotTimelineTemplate template, HubSpotContact contact, Dictionary<string, string> tokens)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (HubSpotTimelineToken token in template.Tokens.Where(t => t.ObjectPropertyName != null && tokens.ContainsKey(t.Name)))
            {
                HubSpotProperty property = state.Properties.Find(token.ObjectPropertyName);
                if (property != null && !property.ReadOnlyValue && state.Properties.TryNormalize(property, JsonValue.Create(tokens[token.Name]), out string value, out _))
                {
                    values[property.Name] = value;
                }
            }

            if (values.Count > 0)
            {
                state.Contacts.Update(contact, values, state.Now);
            }
        }

        private static JsonObject EventJson(HubSpotTimelineEvent e)
        {
            var tokens = new JsonObject();
            foreach (KeyValuePair<string, string> pair in e.Tokens)
            {
                tokens[pair.Key] = pair.Value;
            }

            var json = new JsonObject
            {
                ["objectType"] = e.ObjectType,
                ["objectId"] = e.ObjectId.ToString(CultureInfo.InvariantCulture),
                ["id"] = e.Id,
                ["eventTemplateId"] = e.EventTemplateId,
            };
            if (e.Email != null) json["email"] = e.Email;
            json["timestamp"] = HubSpotJson.Iso(e.Timestamp);
            json["tokens"] = tokens;
            if (e.ExtraDataJson != null) json["extraData"] = JsonNode.Parse(e.ExtraDataJson);
            if (e.TimelineIFrameJson != null) json["timelineIFrame"] = JsonNode.Parse(e.TimelineIFrameJson);
            return json;
        }

        // Deterministic from the twin's seed, shaped like a UUID.
        private static string NewUuid(HubSpotState state)
        {
            const string Hex = "0123456789abcdef";
            var chars = new char[32];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = Hex[state.Context.NextInt(0, 16)];
            }

            string s = new string(chars);
            return s.Substring(0, 8) + "-" + s.Substring(8, 4) + "-" + s.Substring(12, 4) + "-" + s.Substring(16, 4) + "-" + s.Substring(20);
        }
    }
}
