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
    /// Marketing event attendance (register / attend / cancel by contact id or by email) and the participation counters
    /// and breakdowns (FACTS §6).
    /// </summary>
    /// <remarks>
    /// Idempotency (unconfirmed; HubSpot is understood to dedupe re-sent attendance): the same (contact, state,
    /// interactionDateTime) recorded again is the same participation. Its properties take the latest values and
    /// <see cref="HubSpotParticipation.TimesRecorded"/> counts the re-sends, but no second participation appears, so a
    /// re-run of a sync leaves the breakdowns and counters unchanged.
    /// </remarks>
    internal static class ParticipationRoutes
    {
        private const string B = MarketingEventStore.Base;
        private const string R = MarketingEventStore.Read;
        private const string W = MarketingEventStore.Write;

        // Input cap for attendance batches: not documented; 100 like every other batch (the safe side for a client).
        private const int MaxInputs = 100;

        private static readonly string[] States = { "register", "attend", "cancel" };

        // FACTS §6: for attend only joinedAt and leftAt are allowed; the other states take no properties.
        private static readonly string[] AttendProperties = { "joinedAt", "leftAt" };

        internal static void Register(HubSpotRouter router)
        {
            HubSpotState s = router.State;
            router.Post(B + "/attendance/{externalEventId}/{subscriberState}/create", W, (r, app) => Record(s, r, External(s, r, app), byEmail: false));
            router.Post(B + "/attendance/{externalEventId}/{subscriberState}/email-create", W, (r, app) => Record(s, r, External(s, r, app), byEmail: true));
            router.Post(B + "/{objectId}/attendance/{subscriberState}/create", W, (r, app) => Record(s, r, ByObject(s, r), byEmail: false));
            router.Post(B + "/{objectId}/attendance/{subscriberState}/email-create", W, (r, app) => Record(s, r, ByObject(s, r), byEmail: true));
            router.Get(B + "/participations/contacts/{contactIdentifier}/breakdown", R, (r, app) => ContactBreakdown(s, r));
            router.Get(B + "/participations/{externalAccountId}/{externalEventId}/breakdown", R, (r, app) => EventBreakdown(s, r, ExternalByPath(s, r, app)));
            router.Get(B + "/participations/{externalAccountId}/{externalEventId}", R, (r, app) => Counters(s, ExternalByPath(s, r, app)));
            router.Get(B + "/participations/{marketingEventId}/breakdown", R, (r, app) => EventBreakdown(s, r, ByObject(s, r, "marketingEventId")));
            router.Get(B + "/participations/{marketingEventId}", R, (r, app) => Counters(s, ByObject(s, r, "marketingEventId")));
        }

        private static Lookup External(HubSpotState s, SandboxRequest r, HubSpotApp app)
        {
            HubSpotMarketingEvent e = MarketingEventStore.ResolveExternal(s, app, r, accountRequired: false, out SandboxResponse error);
            return new Lookup(e, error);
        }

        private static Lookup ExternalByPath(HubSpotState s, SandboxRequest r, HubSpotApp app)
        {
            HubSpotMarketingEvent e = MarketingEventStore.ByExternal(s, app, r.RouteValue("externalAccountId"), r.RouteValue("externalEventId"));
            return new Lookup(e, e == null ? MarketingEventStore.NotFound(r.RouteValue("externalEventId")) : null);
        }

        private static Lookup ByObject(HubSpotState s, SandboxRequest r, string name = "objectId")
        {
            HubSpotMarketingEvent e = MarketingEventStore.ByObjectId(s, r.RouteValue(name));
            return new Lookup(e, e == null ? MarketingEventStore.NotFound(r.RouteValue(name)) : null);
        }

        private static SandboxResponse Record(HubSpotState state, SandboxRequest request, Lookup lookup, bool byEmail)
        {
            DateTimeOffset started = state.Now;
            string subscriberState = (request.RouteValue("subscriberState") ?? string.Empty).ToLowerInvariant();
            if (Array.IndexOf(States, subscriberState) < 0)
            {
                return HubSpotJson.BadRequest("subscriberState must be one of register, attend, cancel; got '" + request.RouteValue("subscriberState") + "'.");
            }

            if (lookup.Event == null)
            {
                return lookup.Error;
            }

            if (!HubSpotJson.TryReadInputs(request, MaxInputs, out JsonArray inputs, out SandboxResponse error))
            {
                return error;
            }

            HubSpotMarketingEvent e = lookup.Event;
            var results = new JsonArray();
            var errors = new List<JsonObject>();
            foreach (JsonNode input in inputs)
            {
                string key = byEmail ? HubSpotJson.Str(input, "email") : HubSpotJson.Str(input, "vid");
                string problem = ReadInput(input, subscriberState, out long interaction, out Dictionary<string, string> properties);
                if (problem != null)
                {
                    errors.Add(HubSpotJson.BatchError(HubSpotJson.ValidationError, problem, new[] { key ?? string.Empty }));
                    continue;
                }

                HubSpotContact contact = byEmail
                    ? ContactForEmail(state, key, input?["contactProperties"], out problem)
                    : ContactForVid(state, key, out problem);
                if (contact == null)
                {
                    string category = byEmail ? HubSpotJson.ValidationError : HubSpotJson.ObjectNotFound;
                    errors.Add(HubSpotJson.BatchError(category, problem, new[] { key ?? string.Empty }));
                    continue;
                }

                Save(state, e, contact, subscriberState, interaction, properties);
                var result = new JsonObject { ["vid"] = contact.Id };
                if (byEmail)
                {
                    result["email"] = contact.Email;
                }

                results.Add(result);
            }

            return HubSpotJson.Batch(HttpStatusCode.OK, started, state.Now, results, errors);
        }

        private static string ReadInput(JsonNode input, string subscriberState, out long interaction, out Dictionary<string, string> properties)
        {
            interaction = 0;
            properties = new Dictionary<string, string>(StringComparer.Ordinal);
            string when = HubSpotJson.Str(input, "interactionDateTime");
            if (!long.TryParse(when, NumberStyles.Integer, CultureInfo.InvariantCulture, out interaction))
            {
                return "interactionDateTime is required, in milliseconds since the epoch.";
            }

            if (input?["properties"] is JsonObject props)
            {
                foreach (KeyValuePair<string, JsonNode> pair in props)
                {
                    bool allowed = subscriberState == "attend" && Array.IndexOf(AttendProperties, pair.Key) >= 0;
                    if (!allowed)
                    {
                        return "Property " + pair.Key + " is not allowed for state " + subscriberState
                            + (subscriberState == "attend" ? "; allowed: joinedAt, leftAt." : "; this state takes no properties.");
                    }

                    string value = HubSpotJson.Scalar(pair.Value);
                    if (!string.IsNullOrEmpty(value) && !HubSpotJson.TryParseInstant(value, out _))
                    {
                        return pair.Key + " '" + value + "' is not a valid time (ms since epoch or ISO 8601).";
                    }

                    properties[pair.Key] = value;
                }
            }

            return null;
        }

        private static HubSpotContact ContactForVid(HubSpotState state, string vid, out string problem)
        {
            HubSpotContact contact = state.Contacts.ById(vid);
            problem = contact == null || contact.Archived ? "Contact " + vid + " was not found." : null;
            return problem == null ? contact : null;
        }

        /// <summary>The contact with this email, or a new one; contactProperties apply only to contacts created here (FACTS §6).</summary>
        private static HubSpotContact ContactForEmail(HubSpotState state, string email, JsonNode contactProperties, out string problem)
        {
            problem = null;
            if (!PropertyCatalog.IsValidEmail(email?.Trim()))
            {
                problem = "Email address " + email + " is invalid";
                return null;
            }

            HubSpotContact contact = state.Contacts.ByEmail(email, state.MatchSecondaryEmail);
            if (contact != null)
            {
                return contact;
            }

            ContactWrite write = ContactWrite.Read(state.Properties, contactProperties);
            if (write.Unknown.Count > 0 || write.Invalid.Count > 0)
            {
                problem = ContactWrite.Message(write.Unknown.Concat(write.Invalid));
                return null;
            }

            write.Values["email"] = email.Trim().ToLowerInvariant();
            return state.Contacts.Create(write.Values, state.Now);
        }

        private static void Save(HubSpotState state, HubSpotMarketingEvent e, HubSpotContact contact, string subscriberState, long interaction, Dictionary<string, string> properties)
        {
            string key = contact.Id.ToString(CultureInfo.InvariantCulture) + "|" + subscriberState + "|" + interaction.ToString(CultureInfo.InvariantCulture);
            if (e.ByKey.TryGetValue(key, out HubSpotParticipation existing))
            {
                foreach (KeyValuePair<string, string> pair in properties)
                {
                    existing.Values[pair.Key] = pair.Value;
                }

                existing.TimesRecorded++;
                return;
            }

            var participation = new HubSpotParticipation
            {
                Id = (state.NextParticipationId++).ToString(CultureInfo.InvariantCulture),
                ContactId = contact.Id,
                Email = contact.Email,
                State = subscriberState,
                InteractionDateTime = interaction,
                CreatedAt = state.Now,
                Values = properties,
            };
            e.Recorded.Add(participation);
            e.ByKey[key] = participation;
            if (!state.ParticipationsByContact.TryGetValue(contact.Id, out var list))
            {
                list = new List<KeyValuePair<HubSpotMarketingEvent, HubSpotParticipation>>();
                state.ParticipationsByContact[contact.Id] = list;
            }

            list.Add(new KeyValuePair<HubSpotMarketingEvent, HubSpotParticipation>(e, participation));
            e.UpdatedAt = state.Now;
        }

        private static SandboxResponse Counters(HubSpotState state, Lookup lookup)
            => lookup.Event == null ? lookup.Error : SandboxResponse.Json(HttpStatusCode.OK, MarketingEventStore.CountersJson(MarketingEventStore.Count(lookup.Event, state.Now)));

        private static SandboxResponse EventBreakdown(HubSpotState state, SandboxRequest request, Lookup lookup)
        {
            if (lookup.Event == null)
            {
                return lookup.Error;
            }

            IEnumerable<KeyValuePair<HubSpotMarketingEvent, HubSpotParticipation>> items =
                lookup.Event.Recorded.Select(p => new KeyValuePair<HubSpotMarketingEvent, HubSpotParticipation>(lookup.Event, p));
            string identifier = request.QueryValue("contactIdentifier");
            if (!string.IsNullOrEmpty(identifier))
            {
                HubSpotContact contact = ResolveContact(state, identifier);
                var ids = contact == null ? new HashSet<long>() : new HashSet<long>(contact.Merged.Concat(new[] { contact.Id }));
                items = items.Where(pair => ids.Contains(pair.Value.ContactId));
            }

            return Breakdown(state, request, items);
        }

        private static SandboxResponse ContactBreakdown(HubSpotState state, SandboxRequest request)
        {
            // An unknown contact has no participations: 200 with none (unconfirmed; an empty answer never breaks a re-run).
            HubSpotContact contact = ResolveContact(state, request.RouteValue("contactIdentifier"));
            var items = new List<KeyValuePair<HubSpotMarketingEvent, HubSpotParticipation>>();
            if (contact != null)
            {
                foreach (long id in contact.Merged.Concat(new[] { contact.Id }))
                {
                    if (state.ParticipationsByContact.TryGetValue(id, out var list))
                    {
                        items.AddRange(list);
                    }
                }
            }

            return Breakdown(state, request, items.OrderBy(pair => long.Parse(pair.Value.Id, CultureInfo.InvariantCulture)));
        }

        private static HubSpotContact ResolveContact(HubSpotState state, string identifier)
        {
            if (string.IsNullOrEmpty(identifier))
            {
                return null;
            }

            return identifier.IndexOf('@') >= 0
                ? state.Contacts.ByEmail(identifier, state.MatchSecondaryEmail)
                : state.Contacts.ById(identifier);
        }

        private static SandboxResponse Breakdown(HubSpotState state, SandboxRequest request, IEnumerable<KeyValuePair<HubSpotMarketingEvent, HubSpotParticipation>> items)
        {
            if (!HubSpotJson.TryReadLimit(request, 10, 100, out int limit, out SandboxResponse error))
            {
                return error;
            }

            string stateFilter = request.QueryValue("state");
            if (!string.IsNullOrEmpty(stateFilter))
            {
                // NO_SHOW is derived, never recorded, so filtering on it yields nothing here.
                items = items.Where(pair => string.Equals(pair.Value.AttendanceState, stateFilter, StringComparison.OrdinalIgnoreCase));
            }

            var all = items.ToList();
            int offset = int.TryParse(request.QueryValue("after"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int a) && a > 0 ? a : 0;
            var results = new JsonArray();
            foreach (var pair in all.Skip(offset).Take(limit))
            {
                results.Add(BreakdownJson(state, pair.Key, pair.Value));
            }

            var body = new JsonObject { ["total"] = all.Count, ["results"] = results };
            if (offset + limit < all.Count)
            {
                body["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = (offset + limit).ToString(CultureInfo.InvariantCulture) } };
            }

            return SandboxResponse.Json(HttpStatusCode.OK, body);
        }

        private static JsonObject BreakdownJson(HubSpotState state, HubSpotMarketingEvent e, HubSpotParticipation p)
        {
            HubSpotContact contact = state.Contacts.ById(p.ContactId, followMerge: false);
            var contactJson = new JsonObject
            {
                ["contactId"] = p.ContactId.ToString(CultureInfo.InvariantCulture),
                ["email"] = contact?.Email ?? p.Email,
            };
            if (contact?.Get("firstname") is string first) contactJson["firstname"] = first;
            if (contact?.Get("lastname") is string last) contactJson["lastname"] = last;

            var properties = new JsonObject
            {
                ["attendanceState"] = p.AttendanceState,
                ["occurredAt"] = p.InteractionDateTime,
            };

            // Duration from joinedAt/leftAt; percentage against the event's start/end when both are known.
            if (p.Values.TryGetValue("joinedAt", out string joined) && p.Values.TryGetValue("leftAt", out string left)
                && HubSpotJson.TryParseInstant(joined, out DateTimeOffset j) && HubSpotJson.TryParseInstant(left, out DateTimeOffset l) && l >= j)
            {
                int seconds = (int)(l - j).TotalSeconds;
                properties["attendanceDurationSeconds"] = seconds;
                if (e.StartDateTime.HasValue && e.EndDateTime.HasValue && e.EndDateTime > e.StartDateTime)
                {
                    double percent = Math.Min(100.0, seconds * 100.0 / (e.EndDateTime.Value - e.StartDateTime.Value).TotalSeconds);
                    properties["attendancePercentage"] = Math.Round(percent, 2).ToString(CultureInfo.InvariantCulture);
                }
            }

            return new JsonObject
            {
                ["id"] = p.Id,
                ["createdAt"] = HubSpotJson.Iso(p.CreatedAt),
                ["associations"] = new JsonObject
                {
                    ["contact"] = contactJson,
                    ["marketingEvent"] = new JsonObject
                    {
                        ["marketingEventId"] = e.ObjectId,
                        ["name"] = e.EventName,
                        ["externalEventId"] = e.ExternalEventId,
                        ["externalAccountId"] = e.ExternalAccountId,
                    },
                },
                ["properties"] = properties,
            };
        }

        private sealed class Lookup
        {
            internal Lookup(HubSpotMarketingEvent e, SandboxResponse error)
            {
                Event = e;
                Error = error;
            }

            internal HubSpotMarketingEvent Event { get; }

            internal SandboxResponse Error { get; }
        }
    }
}
