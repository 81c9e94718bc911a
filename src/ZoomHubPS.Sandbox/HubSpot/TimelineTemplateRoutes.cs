using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// Timeline v3 event templates of an app ([HS-TIMELINE]) under both path families: list, create (201), read, update
    /// (PUT with the full token list, 200), delete (204), and the token routes: add (POST, 200), update (PUT: label,
    /// options, objectPropertyName), delete (204). Developer key (<c>?hapikey=</c>) or a Bearer token.
    /// </summary>
    /// <remarks>
    /// What the spec leaves open, decided on the safe side (docs/api-facts-additions.md): a token's type cannot change
    /// (the token update request has no type), so a PUT that changes one is a 400; a PUT drops the tokens it leaves
    /// out; adding a token whose name exists is a 409.
    /// </remarks>
    internal static class TimelineTemplateRoutes
    {
        private const int MaxTemplatesPerApp = 750;

        private static readonly Regex TokenName = new Regex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant);
        private static readonly string[] TokenTypes = { "date", "enumeration", "number", "string" };

        internal static void Register(HubSpotRouter router, string family)
        {
            HubSpotState s = router.State;
            string templates = family + "/{appId}/event-templates";
            string one = templates + "/{eventTemplateId}";
            router.Get(templates, null, (r, app) => List(s, r), developerKey: true);
            router.Post(templates, null, (r, app) => Create(s, r), developerKey: true);
            router.Get(one, null, (r, app) => WithTemplate(s, r, t => SandboxResponse.Json(HttpStatusCode.OK, Json(t))), developerKey: true);
            router.Put(one, null, (r, app) => WithTemplate(s, r, t => Update(s, r, t)), developerKey: true);
            router.Delete(one, null, (r, app) => WithTemplate(s, r, t => Delete(s, t)), developerKey: true);
            router.Post(one + "/tokens", null, (r, app) => WithTemplate(s, r, t => AddToken(s, r, t)), developerKey: true);
            router.Put(one + "/tokens/{tokenName}", null, (r, app) => WithTemplate(s, r, t => UpdateToken(s, r, t)), developerKey: true);
            router.Delete(one + "/tokens/{tokenName}", null, (r, app) => WithTemplate(s, r, t => DeleteToken(s, r, t)), developerKey: true);
        }

        /// <summary>A template by id (any app), or null.</summary>
        internal static HubSpotTimelineTemplate Find(HubSpotState state, string id)
            => id != null && state.Templates.TryGetValue(id, out HubSpotTimelineTemplate t) ? t : null;

        internal static SandboxResponse NotFound(string id) => HubSpotJson.NotFound("Event template " + id + " not found.");

        /// <summary>TimelineEventTemplate JSON: every token carries options (empty unless enumeration) and its own dates.</summary>
        internal static JsonObject Json(HubSpotTimelineTemplate t)
        {
            var json = new JsonObject
            {
                ["id"] = t.Id,
                ["name"] = t.Name,
                ["objectType"] = t.ObjectType,
                ["tokens"] = new JsonArray(t.Tokens.Select(token => (JsonNode)TokenJson(token)).ToArray()),
                ["createdAt"] = HubSpotJson.Iso(t.CreatedAt),
                ["updatedAt"] = HubSpotJson.Iso(t.UpdatedAt),
            };
            if (t.HeaderTemplate != null) json["headerTemplate"] = t.HeaderTemplate;
            if (t.DetailTemplate != null) json["detailTemplate"] = t.DetailTemplate;
            return json;
        }

        private static JsonObject TokenJson(HubSpotTimelineToken token)
        {
            var obj = new JsonObject
            {
                ["name"] = token.Name,
                ["label"] = token.Label,
                ["type"] = token.Type,
                ["options"] = new JsonArray(token.Options.Select(o => (JsonNode)new JsonObject { ["value"] = o.Key, ["label"] = o.Value }).ToArray()),
                ["createdAt"] = HubSpotJson.Iso(token.CreatedAt),
                ["updatedAt"] = HubSpotJson.Iso(token.UpdatedAt),
            };
            if (token.ObjectPropertyName != null)
            {
                obj["objectPropertyName"] = token.ObjectPropertyName;
            }

            return obj;
        }

        private static bool TryAppId(SandboxRequest request, out long appId, out SandboxResponse error)
        {
            error = null;
            if (!long.TryParse(request.RouteValue("appId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out appId))
            {
                error = HubSpotJson.BadRequest("appId must be a number.");
                return false;
            }

            return true;
        }

        // Resolves {appId}/{eventTemplateId}: a template of another app is as absent as one that does not exist.
        private static SandboxResponse WithTemplate(HubSpotState state, SandboxRequest request, Func<HubSpotTimelineTemplate, SandboxResponse> handle)
        {
            if (!TryAppId(request, out long appId, out SandboxResponse error))
            {
                return error;
            }

            HubSpotTimelineTemplate t = Find(state, request.RouteValue("eventTemplateId"));
            return t == null || t.AppId != appId ? NotFound(request.RouteValue("eventTemplateId")) : handle(t);
        }

        private static SandboxResponse List(HubSpotState state, SandboxRequest request)
        {
            if (!TryAppId(request, out long appId, out SandboxResponse error))
            {
                return error;
            }

            var results = new JsonArray(state.Templates.Values.Where(t => t.AppId == appId).Select(t => (JsonNode)Json(t)).ToArray());
            return SandboxResponse.Json(HttpStatusCode.OK, new JsonObject { ["results"] = results });
        }

        private static SandboxResponse Create(HubSpotState state, SandboxRequest request)
        {
            if (!TryAppId(request, out long appId, out SandboxResponse error))
            {
                return error;
            }

            JsonNode body = request.Json();
            string name = HubSpotJson.Str(body, "name");
            string objectType = HubSpotJson.Str(body, "objectType");
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(objectType) || !(body?["tokens"] is JsonArray tokenNodes))
            {
                return HubSpotJson.BadRequest("Invalid input JSON: name, objectType and tokens are required.");
            }

            if (!string.Equals(objectType, "contacts", StringComparison.OrdinalIgnoreCase) && !string.Equals(objectType, "0-1", StringComparison.Ordinal))
            {
                return HubSpotJson.BadRequest("The sandbox supports timeline templates for contacts only; got objectType '" + objectType + "'.");
            }

            if (state.Templates.Values.Count(t => t.AppId == appId) >= MaxTemplatesPerApp)
            {
                return HubSpotJson.BadRequest("An app can have at most 750 event templates.");
            }

            if (!TryReadTokens(tokenNodes, null, state.Now, out List<HubSpotTimelineToken> tokens, out error))
            {
                return error;
            }

            var template = new HubSpotTimelineTemplate
            {
                Id = (state.NextTemplateId++).ToString(CultureInfo.InvariantCulture),
                AppId = appId,
                Name = name,
                ObjectType = "contacts",
                HeaderTemplate = HubSpotJson.Str(body, "headerTemplate"),
                DetailTemplate = HubSpotJson.Str(body, "detailTemplate"),
                Tokens = tokens,
                CreatedAt = state.Now,
                UpdatedAt = state.Now,
            };
            state.Templates[template.Id] = template;
            return SandboxResponse.Json(HttpStatusCode.Created, Json(template));
        }

        /// <summary>PUT: TimelineEventTemplateUpdateRequest (<c>id</c>, <c>name</c>, <c>tokens</c> required); the token list replaces the old one.</summary>
        private static SandboxResponse Update(HubSpotState state, SandboxRequest request, HubSpotTimelineTemplate t)
        {
            JsonNode body = request.Json();
            string id = HubSpotJson.Str(body, "id");
            string name = HubSpotJson.Str(body, "name");
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(name) || !(body?["tokens"] is JsonArray tokenNodes))
            {
                return HubSpotJson.BadRequest("Invalid input JSON: id, name and tokens are required.");
            }

            if (id != t.Id)
            {
                return HubSpotJson.BadRequest("The id in the body (" + id + ") does not match the event template in the path (" + t.Id + ").");
            }

            if (!TryReadTokens(tokenNodes, t.Tokens, state.Now, out List<HubSpotTimelineToken> tokens, out SandboxResponse error))
            {
                return error;
            }

            t.Name = name;
            t.HeaderTemplate = HubSpotJson.Str(body, "headerTemplate") ?? t.HeaderTemplate;
            t.DetailTemplate = HubSpotJson.Str(body, "detailTemplate") ?? t.DetailTemplate;
            t.Tokens = tokens;
            t.UpdatedAt = state.Now;
            return SandboxResponse.Json(HttpStatusCode.OK, Json(t));
        }

        private static SandboxResponse Delete(HubSpotState state, HubSpotTimelineTemplate t)
        {
            state.Templates.Remove(t.Id);
            return SandboxResponse.Empty(HttpStatusCode.NoContent);
        }

        private static SandboxResponse AddToken(HubSpotState state, SandboxRequest request, HubSpotTimelineTemplate t)
        {
            JsonNode body = request.Json();
            if (!TryReadToken(body, state.Now, out HubSpotTimelineToken token, out SandboxResponse error))
            {
                return error;
            }

            if (t.Tokens.Any(x => x.Name == token.Name))
            {
                return HubSpotJson.Error(HttpStatusCode.Conflict, HubSpotJson.ObjectAlreadyExists, "Token " + token.Name + " already exists on event template " + t.Id + ".");
            }

            t.Tokens = t.Tokens.Concat(new[] { token }).ToList();
            t.UpdatedAt = state.Now;
            return SandboxResponse.Json(HttpStatusCode.OK, TokenJson(token));
        }

        /// <summary>PUT a token: TimelineEventTemplateTokenUpdateRequest (<c>label</c>, <c>options</c> required; no type).</summary>
        private static SandboxResponse UpdateToken(HubSpotState state, SandboxRequest request, HubSpotTimelineTemplate t)
        {
            HubSpotTimelineToken token = t.Tokens.FirstOrDefault(x => x.Name == request.RouteValue("tokenName"));
            if (token == null)
            {
                return HubSpotJson.NotFound("Token " + request.RouteValue("tokenName") + " not found on event template " + t.Id + ".");
            }

            JsonNode body = request.Json();
            string label = HubSpotJson.Str(body, "label");
            if (string.IsNullOrEmpty(label) || !(body?["options"] is JsonArray))
            {
                return HubSpotJson.BadRequest("Invalid input JSON: label and options are required.");
            }

            if (!TryReadOptions(body, token.Type, token.Name, out List<KeyValuePair<string, string>> options, out SandboxResponse error))
            {
                return error;
            }

            token.Label = label;
            token.Options = options;
            token.ObjectPropertyName = HubSpotJson.Str(body, "objectPropertyName") ?? token.ObjectPropertyName;
            token.UpdatedAt = state.Now;
            t.UpdatedAt = state.Now;
            return SandboxResponse.Json(HttpStatusCode.OK, TokenJson(token));
        }

        private static SandboxResponse DeleteToken(HubSpotState state, SandboxRequest request, HubSpotTimelineTemplate t)
        {
            string name = request.RouteValue("tokenName");
            if (!t.Tokens.Any(x => x.Name == name))
            {
                return HubSpotJson.NotFound("Token " + name + " not found on event template " + t.Id + ".");
            }

            t.Tokens = t.Tokens.Where(x => x.Name != name).ToList();
            t.UpdatedAt = state.Now;
            return SandboxResponse.Empty(HttpStatusCode.NoContent);
        }

        // Reads a token list; tokens that already exist keep their type (a change is refused) and creation time.
        private static bool TryReadTokens(JsonArray nodes, IReadOnlyList<HubSpotTimelineToken> existing, DateTimeOffset now,
            out List<HubSpotTimelineToken> tokens, out SandboxResponse error)
        {
            tokens = new List<HubSpotTimelineToken>();
            error = null;
            foreach (JsonNode node in nodes)
            {
                if (!TryReadToken(node, now, out HubSpotTimelineToken token, out error))
                {
                    return false;
                }

                if (tokens.Any(x => x.Name == token.Name))
                {
                    error = HubSpotJson.BadRequest("Token names must be unique within a template; " + token.Name + " appears twice.");
                    return false;
                }

                HubSpotTimelineToken old = existing?.FirstOrDefault(x => x.Name == token.Name);
                if (old != null && old.Type != token.Type)
                {
                    error = HubSpotJson.BadRequest("The type of token " + token.Name + " cannot be changed from " + old.Type + " to " + token.Type + ".");
                    return false;
                }

                if (old != null)
                {
                    token.CreatedAt = old.CreatedAt;
                    bool same = old.Label == token.Label && old.ObjectPropertyName == token.ObjectPropertyName && old.Options.SequenceEqual(token.Options);
                    token.UpdatedAt = same ? old.UpdatedAt : now;
                }

                tokens.Add(token);
            }

            return true;
        }

        private static bool TryReadToken(JsonNode node, DateTimeOffset now, out HubSpotTimelineToken token, out SandboxResponse error)
        {
            token = null;
            string name = HubSpotJson.Str(node, "name");
            string label = HubSpotJson.Str(node, "label");
            string type = HubSpotJson.Str(node, "type");
            if (string.IsNullOrEmpty(name) || !TokenName.IsMatch(name))
            {
                error = HubSpotJson.BadRequest("Token name '" + name + "' is invalid: use letters, digits, '.', '-' and '_'.");
                return false;
            }

            if (string.IsNullOrEmpty(label) || Array.IndexOf(TokenTypes, type) < 0)
            {
                error = HubSpotJson.BadRequest("Token " + name + " needs a label and a type of date, enumeration, number or string.");
                return false;
            }

            if (!TryReadOptions(node, type, name, out List<KeyValuePair<string, string>> options, out error))
            {
                return false;
            }

            token = new HubSpotTimelineToken
            {
                Name = name, Label = label, Type = type, Options = options, ObjectPropertyName = HubSpotJson.Str(node, "objectPropertyName"),
                CreatedAt = now, UpdatedAt = now,
            };
            return true;
        }

        private static bool TryReadOptions(JsonNode node, string type, string name, out List<KeyValuePair<string, string>> options, out SandboxResponse error)
        {
            error = null;
            options = new List<KeyValuePair<string, string>>();
            if (node?["options"] is JsonArray optionNodes)
            {
                foreach (JsonNode o in optionNodes)
                {
                    options.Add(new KeyValuePair<string, string>(HubSpotJson.Str(o, "value"), HubSpotJson.Str(o, "label")));
                }
            }

            if (type == "enumeration" && options.Count == 0)
            {
                error = HubSpotJson.BadRequest("Enumeration token " + name + " needs options.");
                return false;
            }

            return true;
        }
    }
}
