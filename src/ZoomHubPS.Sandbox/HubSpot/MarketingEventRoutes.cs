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
    /// Marketing events v3 (FACTS §6): create, upsert, read/update/delete by external ids (same app only) and by object id
    /// (any app), identifiers, search, complete, cancel.
    /// </summary>
    internal static class MarketingEventRoutes
    {
        private const string B = MarketingEventStore.Base;
        private const string R = MarketingEventStore.Read;
        private const string W = MarketingEventStore.Write;

        internal static void Register(HubSpotRouter router)
        {
            HubSpotState s = router.State;
            router.Post(B + "/events", W, (r, app) => Create(s, r, app));
            router.Post(B + "/events/upsert", W, (r, app) => Upsert(s, r, app));
            router.Get(B + "/events/search", R, (r, app) => Search(s, r, app));
            router.Get(B + "/events/{externalEventId}", R, (r, app) => GetExternal(s, r, app));
            router.Put(B + "/events/{externalEventId}", W, (r, app) => PutExternal(s, r, app));
            router.Patch(B + "/events/{externalEventId}", W, (r, app) => PatchExternal(s, r, app));
            router.Delete(B + "/events/{externalEventId}", W, (r, app) => DeleteExternal(s, r, app));
            router.Post(B + "/events/{externalEventId}/complete", W, (r, app) => Complete(s, r, app));
            router.Post(B + "/events/{externalEventId}/cancel", W, (r, app) => Cancel(s, r, app));
            router.Get(B + "/{externalEventId}/identifiers", R, (r, app) => Identifiers(s, r));
            router.Get(B, R, (r, app) => ListAll(s, r));
            router.Get(B + "/{objectId}", R, (r, app) => GetByObjectId(s, r));
            router.Patch(B + "/{objectId}", W, (r, app) => PatchByObjectId(s, r));
            router.Delete(B + "/{objectId}", W, (r, app) => DeleteByObjectId(s, r));
        }

        /// <summary>Validates a MarketingEventCreateRequestParams body; null when fine.</summary>
        private static string Validate(JsonNode body)
        {
            var missing = new List<string>();
            foreach (string name in new[] { "eventName", "eventOrganizer", "externalAccountId", "externalEventId" })
            {
                if (string.IsNullOrEmpty(HubSpotJson.Str(body, name)))
                {
                    missing.Add(name);
                }
            }

            // customProperties is required by the spec; an empty array is fine.
            if (!(body?["customProperties"] is JsonArray))
            {
                missing.Add("customProperties");
            }

            return missing.Count == 0 ? null : "Invalid input JSON: missing required field(s) " + string.Join(", ", missing) + ".";
        }

        private static HubSpotMarketingEvent NewEvent(HubSpotState state, HubSpotApp app, JsonNode body, out string error)
        {
            var e = new HubSpotMarketingEvent
            {
                AppId = app.AppId,
                ExternalAccountId = HubSpotJson.Str(body, "externalAccountId"),
                ExternalEventId = HubSpotJson.Str(body, "externalEventId"),
                CreatedAt = state.Now,
                UpdatedAt = state.Now,
            };
            error = MarketingEventStore.Apply(state, e, body);
            return error == null ? e : null;
        }

        private static SandboxResponse Create(HubSpotState state, SandboxRequest request, HubSpotApp app)
        {
            JsonNode body = request.Json();
            string error = Validate(body);
            if (error != null)
            {
                return HubSpotJson.BadRequest(error);
            }

            // Creating an event the app already has is refused (unconfirmed: the safe side; use upsert to re-run).
            if (MarketingEventStore.ByExternal(state, app, HubSpotJson.Str(body, "externalAccountId"), HubSpotJson.Str(body, "externalEventId")) != null)
            {
                return HubSpotJson.Error(HttpStatusCode.Conflict, HubSpotJson.ObjectAlreadyExists,
                    "A marketing event with externalEventId " + HubSpotJson.Str(body, "externalEventId") + " already exists for this app and account.");
            }

            HubSpotMarketingEvent e = NewEvent(state, app, body, out error);
            if (e == null)
            {
                return HubSpotJson.BadRequest(error);
            }

            MarketingEventStore.Add(state, e);
            return SandboxResponse.Json(HttpStatusCode.OK, MarketingEventStore.DefaultJson(e));
        }

        private static SandboxResponse Upsert(HubSpotState state, SandboxRequest request, HubSpotApp app)
        {
            DateTimeOffset started = state.Now;
            if (!HubSpotJson.TryReadInputs(request, ContactBatchRoutes.MaxInputs, out JsonArray inputs, out SandboxResponse response))
            {
                return response;
            }

            var results = new JsonArray();
            var errors = new List<JsonObject>();
            foreach (JsonNode input in inputs)
            {
                string id = HubSpotJson.Str(input, "externalEventId") ?? string.Empty;
                string error = Validate(input);
                HubSpotMarketingEvent e = error == null ? MarketingEventStore.ByExternal(state, app, HubSpotJson.Str(input, "externalAccountId"), id) : null;
                if (error == null && e != null)
                {
                    error = MarketingEventStore.Apply(state, e, input);
                    e.UpdatedAt = state.Now;
                }
                else if (error == null)
                {
                    e = NewEvent(state, app, input, out error);
                    if (e != null)
                    {
                        MarketingEventStore.Add(state, e);
                    }
                }

                if (error != null)
                {
                    errors.Add(HubSpotJson.BatchError(HubSpotJson.ValidationError, error, new[] { id }));
                    continue;
                }

                results.Add(MarketingEventStore.PublicJson(e));
            }

            return HubSpotJson.Batch(HttpStatusCode.OK, started, state.Now, results, errors);
        }

        private static SandboxResponse PutExternal(HubSpotState state, SandboxRequest request, HubSpotApp app)
        {
            JsonNode body = request.Json() ?? new JsonObject();
            body["externalEventId"] = request.RouteValue("externalEventId");
            string error = Validate(body);
            if (error != null)
            {
                return HubSpotJson.BadRequest(error);
            }

            HubSpotMarketingEvent e = MarketingEventStore.ByExternal(state, app, HubSpotJson.Str(body, "externalAccountId"), request.RouteValue("externalEventId"));
            if (e == null)
            {
                e = NewEvent(state, app, body, out error);
                if (e == null)
                {
                    return HubSpotJson.BadRequest(error);
                }

                MarketingEventStore.Add(state, e);
            }
            else if ((error = MarketingEventStore.Apply(state, e, body)) != null)
            {
                return HubSpotJson.BadRequest(error);
            }

            e.UpdatedAt = state.Now;
            return SandboxResponse.Json(HttpStatusCode.OK, MarketingEventStore.PublicJson(e));
        }

        private static SandboxResponse GetExternal(HubSpotState state, SandboxRequest request, HubSpotApp app)
        {
            HubSpotMarketingEvent e = MarketingEventStore.ResolveExternal(state, app, request, accountRequired: true, out SandboxResponse error);
            return e == null ? error : SandboxResponse.Json(HttpStatusCode.OK, MarketingEventStore.ReadJson(state, e, v2: false));
        }

        private static SandboxResponse PatchExternal(HubSpotState state, SandboxRequest request, HubSpotApp app)
        {
            HubSpotMarketingEvent e = MarketingEventStore.ResolveExternal(state, app, request, accountRequired: true, out SandboxResponse error);
            if (e == null)
            {
                return error;
            }

            string problem = MarketingEventStore.Apply(state, e, request.Json());
            if (problem != null)
            {
                return HubSpotJson.BadRequest(problem);
            }

            e.UpdatedAt = state.Now;
            return SandboxResponse.Json(HttpStatusCode.OK, MarketingEventStore.PublicJson(e));
        }

        private static SandboxResponse DeleteExternal(HubSpotState state, SandboxRequest request, HubSpotApp app)
        {
            HubSpotMarketingEvent e = MarketingEventStore.ResolveExternal(state, app, request, accountRequired: true, out SandboxResponse error);
            if (e == null)
            {
                return error;
            }

            MarketingEventStore.Remove(state, e);
            return SandboxResponse.Empty(HttpStatusCode.NoContent);
        }

        private static SandboxResponse Complete(HubSpotState state, SandboxRequest request, HubSpotApp app)
        {
            HubSpotMarketingEvent e = MarketingEventStore.ResolveExternal(state, app, request, accountRequired: true, out SandboxResponse error);
            if (e == null)
            {
                return error;
            }

            JsonNode body = request.Json();
            if (string.IsNullOrEmpty(HubSpotJson.Str(body, "startDateTime")) || string.IsNullOrEmpty(HubSpotJson.Str(body, "endDateTime")))
            {
                return HubSpotJson.BadRequest("Invalid input JSON: startDateTime and endDateTime are required.");
            }

            var dates = new JsonObject { ["startDateTime"] = body["startDateTime"]?.DeepClone(), ["endDateTime"] = body["endDateTime"]?.DeepClone() };
            string problem = MarketingEventStore.Apply(state, e, dates);
            if (problem != null)
            {
                return HubSpotJson.BadRequest(problem);
            }

            e.EventCompleted = true;
            e.UpdatedAt = state.Now;
            return SandboxResponse.Json(HttpStatusCode.OK, MarketingEventStore.DefaultJson(e));
        }

        private static SandboxResponse Cancel(HubSpotState state, SandboxRequest request, HubSpotApp app)
        {
            HubSpotMarketingEvent e = MarketingEventStore.ResolveExternal(state, app, request, accountRequired: true, out SandboxResponse error);
            if (e == null)
            {
                return error;
            }

            e.EventCancelled = true;
            e.UpdatedAt = state.Now;
            return SandboxResponse.Json(HttpStatusCode.OK, MarketingEventStore.DefaultJson(e));
        }

        private static SandboxResponse Search(HubSpotState state, SandboxRequest request, HubSpotApp app)
        {
            string q = request.QueryValue("q");
            if (string.IsNullOrEmpty(q))
            {
                return HubSpotJson.BadRequest("Required query parameter q is missing.");
            }

            var results = new JsonArray();
            foreach (HubSpotMarketingEvent e in state.Events.Where(e => e.AppId == app.AppId && e.ExternalEventId == q))
            {
                results.Add(new JsonObject
                {
                    ["externalAccountId"] = e.ExternalAccountId,
                    ["externalEventId"] = e.ExternalEventId,
                    ["appId"] = e.AppId,
                    ["objectId"] = e.ObjectId,
                });
            }

            return SandboxResponse.Json(HttpStatusCode.OK, new JsonObject { ["results"] = results });
        }

        private static SandboxResponse Identifiers(HubSpotState state, SandboxRequest request)
        {
            string externalEventId = request.RouteValue("externalEventId");
            var results = new JsonArray();
            foreach (HubSpotMarketingEvent e in state.Events.Where(e => e.ExternalEventId == externalEventId))
            {
                HubSpotApp app = state.Apps.ById(e.AppId);
                results.Add(new JsonObject
                {
                    ["externalAccountId"] = e.ExternalAccountId,
                    ["externalEventId"] = e.ExternalEventId,
                    ["appInfo"] = new JsonObject { ["id"] = e.AppId.ToString(CultureInfo.InvariantCulture), ["name"] = app?.Name ?? "App " + e.AppId },
                    ["objectId"] = e.ObjectId,
                    ["marketingEventName"] = e.EventName,
                });
            }

            return SandboxResponse.Json(HttpStatusCode.OK, new JsonObject { ["total"] = results.Count, ["results"] = results });
        }

        private static SandboxResponse ListAll(HubSpotState state, SandboxRequest request)
        {
            if (!HubSpotJson.TryReadLimit(request, 10, 100, out int limit, out SandboxResponse error))
            {
                return error;
            }

            int offset = int.TryParse(request.QueryValue("after"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int a) ? a : 0;
            var ordered = state.Events.OrderBy(e => long.Parse(e.ObjectId, CultureInfo.InvariantCulture)).ToList();
            var results = new JsonArray();
            foreach (HubSpotMarketingEvent e in ordered.Skip(offset).Take(limit))
            {
                results.Add(MarketingEventStore.ReadJson(state, e, v2: true));
            }

            var body = new JsonObject { ["results"] = results };
            if (offset + limit < ordered.Count)
            {
                body["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = (offset + limit).ToString(CultureInfo.InvariantCulture) } };
            }

            return SandboxResponse.Json(HttpStatusCode.OK, body);
        }

        private static SandboxResponse GetByObjectId(HubSpotState state, SandboxRequest request)
        {
            HubSpotMarketingEvent e = MarketingEventStore.ByObjectId(state, request.RouteValue("objectId"));
            return e == null ? MarketingEventStore.NotFound(request.RouteValue("objectId")) : SandboxResponse.Json(HttpStatusCode.OK, MarketingEventStore.ReadJson(state, e, v2: true));
        }

        private static SandboxResponse PatchByObjectId(HubSpotState state, SandboxRequest request)
        {
            HubSpotMarketingEvent e = MarketingEventStore.ByObjectId(state, request.RouteValue("objectId"));
            if (e == null)
            {
                return MarketingEventStore.NotFound(request.RouteValue("objectId"));
            }

            string problem = MarketingEventStore.Apply(state, e, request.Json());
            if (problem != null)
            {
                return HubSpotJson.BadRequest(problem);
            }

            e.UpdatedAt = state.Now;
            return SandboxResponse.Json(HttpStatusCode.OK, MarketingEventStore.PublicJson(e, v2: true));
        }

        private static SandboxResponse DeleteByObjectId(HubSpotState state, SandboxRequest request)
        {
            HubSpotMarketingEvent e = MarketingEventStore.ByObjectId(state, request.RouteValue("objectId"));
            if (e == null)
            {
                return MarketingEventStore.NotFound(request.RouteValue("objectId"));
            }

            MarketingEventStore.Remove(state, e);
            return SandboxResponse.Empty(HttpStatusCode.NoContent);
        }
    }
}
