using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>Attendance counters of one marketing event.</summary>
    internal struct AttendanceCounters
    {
        internal int Registered;
        internal int Attended;
        internal int Cancelled;
        internal int NoShows;
    }

    /// <summary>
    /// Finding marketing events (the same-app rule lives here), recording participations, counting them, and the JSON
    /// shapes of FACTS §6 / the Marketing Events v3 spec.
    /// </summary>
    internal static class MarketingEventStore
    {
        internal const string Read = "crm.objects.marketing_events.read";
        internal const string Write = "crm.objects.marketing_events.write";
        internal const string Base = "/marketing/v3/marketing-events";

        /// <summary>
        /// The event <paramref name="app"/> created with these external ids. Events of other apps are invisible here (404),
        /// as HubSpot's external-id endpoints only reach events of the calling app.
        /// </summary>
        internal static HubSpotMarketingEvent ByExternal(HubSpotState state, HubSpotApp app, string externalAccountId, string externalEventId)
            => state.EventsByExternalKey.TryGetValue(HubSpotState.ExternalKey(app.AppId, externalAccountId, externalEventId), out HubSpotMarketingEvent e) ? e : null;

        /// <summary>The event with this object id (any app may use object-id endpoints).</summary>
        internal static HubSpotMarketingEvent ByObjectId(HubSpotState state, string objectId)
            => objectId != null && state.EventsByObjectId.TryGetValue(objectId, out HubSpotMarketingEvent e) ? e : null;

        /// <summary>
        /// Resolves an external-id route: <c>externalAccountId</c> from the query when given (required when
        /// <paramref name="accountRequired"/>), else the calling app's only event with that externalEventId.
        /// </summary>
        internal static HubSpotMarketingEvent ResolveExternal(HubSpotState state, HubSpotApp app, SandboxRequest request, bool accountRequired, out SandboxResponse error)
        {
            error = null;
            string externalEventId = request.RouteValue("externalEventId");
            string account = request.QueryValue("externalAccountId");
            if (string.IsNullOrEmpty(account))
            {
                if (accountRequired)
                {
                    error = HubSpotJson.BadRequest("Required query parameter externalAccountId is missing.");
                    return null;
                }

                var candidates = state.Events.Where(e => e.AppId == app.AppId && e.ExternalEventId == externalEventId).ToList();
                if (candidates.Count > 1)
                {
                    error = HubSpotJson.BadRequest("Several marketing events have externalEventId " + externalEventId + "; pass externalAccountId.");
                    return null;
                }

                if (candidates.Count == 1)
                {
                    return candidates[0];
                }
            }
            else
            {
                HubSpotMarketingEvent found = ByExternal(state, app, account, externalEventId);
                if (found != null)
                {
                    return found;
                }
            }

            error = NotFound(externalEventId);
            return null;
        }

        internal static SandboxResponse NotFound(string id)
            => HubSpotJson.NotFound("Marketing event " + id + " not found.");

        internal static void Add(HubSpotState state, HubSpotMarketingEvent e)
        {
            e.ObjectId = (state.NextEventObjectId++).ToString(CultureInfo.InvariantCulture);
            state.Events.Add(e);
            state.EventsByObjectId[e.ObjectId] = e;
            state.EventsByExternalKey[HubSpotState.ExternalKey(e.AppId, e.ExternalAccountId, e.ExternalEventId)] = e;
        }

        internal static void Remove(HubSpotState state, HubSpotMarketingEvent e)
        {
            state.Events.Remove(e);
            state.EventsByObjectId.Remove(e.ObjectId);
            state.EventsByExternalKey.Remove(HubSpotState.ExternalKey(e.AppId, e.ExternalAccountId, e.ExternalEventId));
            foreach (HubSpotParticipation p in e.Recorded)
            {
                if (state.ParticipationsByContact.TryGetValue(p.ContactId, out var list))
                {
                    list.RemoveAll(pair => pair.Value == p);
                }
            }
        }

        /// <summary>
        /// Applies the event fields present in <paramref name="body"/>. Returns an error message for a bad date, else null.
        /// customProperties are kept by name (given ones set or, with "", clear; others stay) when the marketing-event object
        /// defines the property; unknown names are dropped silently, as HubSpot does (FACTS §D), and so are values the
        /// property's type refuses (unconfirmed). Values are stored as the catalog normalises them.
        /// </summary>
        internal static string Apply(HubSpotState state, HubSpotMarketingEvent e, JsonNode body)
        {
            if (!(body is JsonObject obj))
            {
                return null;
            }

            foreach (string name in new[] { "startDateTime", "endDateTime" })
            {
                if (obj.TryGetPropertyValue(name, out JsonNode node) && node != null)
                {
                    string text = HubSpotJson.Scalar(node);
                    if (!HubSpotJson.TryParseInstant(text, out DateTimeOffset when))
                    {
                        return name + " '" + text + "' is not a valid ISO 8601 date-time.";
                    }

                    if (name == "startDateTime") e.StartDateTime = when; else e.EndDateTime = when;
                }
            }

            e.EventName = HubSpotJson.Str(obj, "eventName") ?? e.EventName;
            e.EventOrganizer = HubSpotJson.Str(obj, "eventOrganizer") ?? e.EventOrganizer;
            e.EventType = HubSpotJson.Str(obj, "eventType") ?? e.EventType;
            e.EventDescription = HubSpotJson.Str(obj, "eventDescription") ?? e.EventDescription;
            e.EventUrl = HubSpotJson.Str(obj, "eventUrl") ?? e.EventUrl;
            if (HubSpotJson.Str(obj, "eventCancelled") is string cancelled)
            {
                e.EventCancelled = cancelled == "true";
            }

            if (HubSpotJson.Str(obj, "eventCompleted") is string completed)
            {
                e.EventCompleted = completed == "true";
            }

            if (obj["customProperties"] is JsonArray custom)
            {
                MarketingEventCustomProperties.Apply(state.MarketingEventProperties, e, custom);
            }

            return null;
        }

        /// <summary>
        /// Counters (unconfirmed semantics, chosen to match what a marketer reads in HubSpot): registered = contacts with a
        /// register participation; attended = contacts with an attend participation; cancelled = contacts whose latest
        /// register/cancel is a cancel; noShows = registered, not cancelled, never attended, once the event is over
        /// (completed, or its end has passed).
        /// </summary>
        internal static AttendanceCounters Count(HubSpotMarketingEvent e, DateTimeOffset now)
        {
            var registered = new HashSet<long>();
            var attended = new HashSet<long>();
            var latest = new Dictionary<long, HubSpotParticipation>();
            foreach (HubSpotParticipation p in e.Recorded)
            {
                if (p.State == "attend")
                {
                    attended.Add(p.ContactId);
                    continue;
                }

                if (p.State == "register")
                {
                    registered.Add(p.ContactId);
                }

                if (!latest.TryGetValue(p.ContactId, out HubSpotParticipation current) || p.InteractionDateTime >= current.InteractionDateTime)
                {
                    latest[p.ContactId] = p;
                }
            }

            var cancelled = new HashSet<long>(latest.Where(pair => pair.Value.State == "cancel").Select(pair => pair.Key));
            bool over = e.EventCompleted || (e.EndDateTime.HasValue && e.EndDateTime.Value <= now);
            return new AttendanceCounters
            {
                Registered = registered.Count,
                Attended = attended.Count,
                Cancelled = cancelled.Count,
                NoShows = over ? registered.Count(id => !cancelled.Contains(id) && !attended.Contains(id)) : 0,
            };
        }

        /// <summary>The event's fields as every response shape has them (V2 shapes give custom properties as name/value pairs).</summary>
        private static void Fields(JsonObject obj, HubSpotMarketingEvent e, bool v2 = false)
        {
            obj["eventName"] = e.EventName;
            obj["eventOrganizer"] = e.EventOrganizer;
            if (e.EventType != null) obj["eventType"] = e.EventType;
            if (e.StartDateTime.HasValue) obj["startDateTime"] = HubSpotJson.Iso(e.StartDateTime.Value);
            if (e.EndDateTime.HasValue) obj["endDateTime"] = HubSpotJson.Iso(e.EndDateTime.Value);
            if (e.EventDescription != null) obj["eventDescription"] = e.EventDescription;
            if (e.EventUrl != null) obj["eventUrl"] = e.EventUrl;
            obj["eventCancelled"] = e.EventCancelled;
            obj["eventCompleted"] = e.EventCompleted;
            obj["customProperties"] = MarketingEventCustomProperties.Json(e, v2);
            obj["objectId"] = e.ObjectId;
        }

        /// <summary>MarketingEventDefaultResponse (create, complete, cancel).</summary>
        internal static JsonObject DefaultJson(HubSpotMarketingEvent e)
        {
            var obj = new JsonObject();
            Fields(obj, e);
            return obj;
        }

        /// <summary>MarketingEventPublicDefaultResponse (upsert, patch by external ids), or its V2 form (patch by object id: no id).</summary>
        internal static JsonObject PublicJson(HubSpotMarketingEvent e, bool v2 = false)
        {
            var obj = new JsonObject();
            if (!v2)
            {
                obj["id"] = e.ObjectId;
            }

            Fields(obj, e, v2);
            obj["createdAt"] = HubSpotJson.Iso(e.CreatedAt);
            obj["updatedAt"] = HubSpotJson.Iso(e.UpdatedAt);
            return obj;
        }

        /// <summary>MarketingEventPublicReadResponse (GET by external ids) or its V2 form (GET by object id, adds appInfo and eventStatus).</summary>
        internal static JsonObject ReadJson(HubSpotState state, HubSpotMarketingEvent e, bool v2)
        {
            JsonObject obj = PublicJson(e, v2);
            if (v2)
            {
                HubSpotApp app = state.Apps.ById(e.AppId);
                obj["appInfo"] = new JsonObject { ["id"] = e.AppId.ToString(CultureInfo.InvariantCulture), ["name"] = app?.Name ?? "App " + e.AppId };
                obj["eventStatus"] = Status(e, state.Now);
            }

            obj["externalEventId"] = e.ExternalEventId;
            AttendanceCounters c = Count(e, state.Now);
            obj["registrants"] = c.Registered;
            obj["attendees"] = c.Attended;
            obj["cancellations"] = c.Cancelled;
            obj["noShows"] = c.NoShows;
            return obj;
        }

        internal static JsonObject CountersJson(AttendanceCounters c)
            => new JsonObject { ["attended"] = c.Attended, ["cancelled"] = c.Cancelled, ["noShows"] = c.NoShows, ["registered"] = c.Registered };

        // eventStatus values are unconfirmed; these read naturally and never contradict the flags.
        private static string Status(HubSpotMarketingEvent e, DateTimeOffset now)
        {
            if (e.EventCancelled) return "CANCELLED";
            if (e.EventCompleted || (e.EndDateTime.HasValue && e.EndDateTime.Value <= now)) return "PAST";
            if (e.StartDateTime.HasValue && e.StartDateTime.Value > now) return "UPCOMING";
            return "ONGOING";
        }
    }
}
