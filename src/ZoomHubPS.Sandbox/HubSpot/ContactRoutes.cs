using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>Single-contact routes: create, read, update, list, archive, merge (FACTS §2.3/§2.4).</summary>
    internal static class ContactRoutes
    {
        internal const string Read = "crm.objects.contacts.read";
        internal const string Write = "crm.objects.contacts.write";
        internal const string Base = "/crm/v3/objects/contacts";

        internal static void Register(HubSpotRouter router)
        {
            router.Post(Base, Write, (r, app) => Create(router.State, r));
            router.Get(Base, Read, (r, app) => List(router.State, r));
            router.Get(Base + "/{contactId}", Read, (r, app) => GetOne(router.State, r));
            router.Patch(Base + "/{contactId}", Write, (r, app) => Update(router.State, r));
            router.Delete(Base + "/{contactId}", Write, (r, app) => Archive(router.State, r));
            router.Post(Base + "/merge", Write, (r, app) => Merge(router.State, r));
        }

        /// <summary>
        /// Finds a contact by <paramref name="id"/> read as <paramref name="idProperty"/> (hs_object_id when null). Live records
        /// only, or archived ones only when <paramref name="archived"/> (HubSpot's <c>archived=true</c>). Merged ids lead to the survivor.
        /// </summary>
        internal static HubSpotContact Lookup(HubSpotState state, string id, string idProperty, bool archived)
        {
            if (string.IsNullOrEmpty(idProperty) || idProperty == "hs_object_id")
            {
                HubSpotContact byId = state.Contacts.ById(id);
                return byId != null && byId.Archived == archived ? byId : null;
            }

            if (idProperty == "email")
            {
                return archived ? state.Contacts.ArchivedByEmail(id) : state.Contacts.ByEmail(id, state.MatchSecondaryEmail);
            }

            // Other unique properties are rare; a scan is fine for them.
            return state.Contacts.All.FirstOrDefault(c => c.Archived == archived && !c.MergedInto.HasValue
                && string.Equals(c.ApiValue(idProperty), id, StringComparison.Ordinal));
        }

        /// <summary>400 when <paramref name="idProperty"/> is not a unique-value property (HubSpot's upsert/update rule).</summary>
        internal static SandboxResponse CheckIdProperty(HubSpotState state, string idProperty)
        {
            if (string.IsNullOrEmpty(idProperty))
            {
                return null;
            }

            HubSpotProperty property = state.Properties.Find(idProperty);
            if (property == null || !property.HasUniqueValue)
            {
                return HubSpotJson.BadRequest("Unable to perform update/upsert by non-unique 0-1 property " + idProperty + " in portal ID "
                    + state.PortalId.ToString(CultureInfo.InvariantCulture));
            }

            return null;
        }

        /// <summary>409 "Contact already exists. Existing ID: N" (FACTS §2.4).</summary>
        internal static SandboxResponse ConflictResponse(HubSpotContact existing)
            => HubSpotJson.Error(HttpStatusCode.Conflict, HubSpotJson.Conflict, ConflictMessage(existing));

        internal static string ConflictMessage(HubSpotContact existing)
            => "Contact already exists. Existing ID: " + existing.Id.ToString(CultureInfo.InvariantCulture);

        /// <summary>The live contact other than <paramref name="self"/> that already has <paramref name="email"/> as primary email.</summary>
        internal static HubSpotContact EmailOwner(HubSpotState state, string email, HubSpotContact self)
        {
            if (string.IsNullOrEmpty(email))
            {
                return null;
            }

            HubSpotContact owner = state.Contacts.ByEmail(email, matchSecondary: false);
            return owner == self ? null : owner;
        }

        private static SandboxResponse Create(HubSpotState state, SandboxRequest request)
        {
            JsonNode body = request.Json();
            ContactWrite write = ContactWrite.Read(state.Properties, body?["properties"]);
            if (write.Unknown.Count > 0)
            {
                return ContactWrite.Reject(write.Unknown);
            }

            if (write.Invalid.Count > 0)
            {
                return ContactWrite.Reject(write.Invalid);
            }

            write.Values.TryGetValue("email", out string email);
            HubSpotContact existing = EmailOwner(state, email, null);
            if (existing != null)
            {
                return ConflictResponse(existing);
            }

            HubSpotContact contact = state.Contacts.Create(write.Values, state.Now);
            return SandboxResponse.Json(HttpStatusCode.Created, ContactJson.ToJson(contact, ContactJson.WriteSelection(write.Values.Keys)));
        }

        private static SandboxResponse GetOne(HubSpotState state, SandboxRequest request)
        {
            string idProperty = request.QueryValue("idProperty");
            HubSpotContact contact = Lookup(state, request.RouteValue("contactId"), idProperty, HubSpotJson.ArchivedQuery(request));
            if (contact == null)
            {
                return HubSpotJson.NotFound();
            }

            List<string> names = ContactJson.Selection(HubSpotJson.QueryList(request, "properties"), state.Properties);
            List<string> history = HubSpotJson.QueryList(request, "propertiesWithHistory").Where(n => state.Properties.Find(n) != null).ToList();
            return SandboxResponse.Json(HttpStatusCode.OK, ContactJson.ToJson(contact, names, history));
        }

        private static SandboxResponse Update(HubSpotState state, SandboxRequest request)
        {
            string idProperty = request.QueryValue("idProperty");
            SandboxResponse bad = CheckIdProperty(state, idProperty);
            if (bad != null)
            {
                return bad;
            }

            HubSpotContact contact = Lookup(state, request.RouteValue("contactId"), idProperty, archived: false);
            if (contact == null)
            {
                return HubSpotJson.NotFound();
            }

            ContactWrite write = ContactWrite.Read(state.Properties, request.Json()?["properties"]);
            if (write.Unknown.Count > 0)
            {
                return ContactWrite.Reject(write.Unknown);
            }

            if (write.Invalid.Count > 0)
            {
                return ContactWrite.Reject(write.Invalid);
            }

            if (write.Values.TryGetValue("email", out string email) && EmailOwner(state, email, contact) is HubSpotContact owner)
            {
                return ConflictResponse(owner);
            }

            state.Contacts.Update(contact, write.Values, state.Now);
            return SandboxResponse.Json(HttpStatusCode.OK, ContactJson.ToJson(contact, ContactJson.WriteSelection(write.Values.Keys)));
        }

        private static SandboxResponse List(HubSpotState state, SandboxRequest request)
        {
            if (!HubSpotJson.TryReadLimit(request, 10, 100, out int limit, out SandboxResponse error))
            {
                return error;
            }

            bool archived = HubSpotJson.ArchivedQuery(request);
            long after = 0;
            string afterText = request.QueryValue("after");
            if (!string.IsNullOrEmpty(afterText) && !long.TryParse(afterText, NumberStyles.Integer, CultureInfo.InvariantCulture, out after))
            {
                return HubSpotJson.BadRequest("after must be a cursor returned in paging.next.after.");
            }

            List<string> names = ContactJson.Selection(HubSpotJson.QueryList(request, "properties"), state.Properties);
            IReadOnlyList<long> ids = state.Contacts.OrderedIds;
            int start = FirstIndexAtLeast(ids, after);
            var results = new JsonArray();
            string next = null;
            for (int i = start; i < ids.Count; i++)
            {
                HubSpotContact c = state.Contacts.ById(ids[i], followMerge: false);
                if (c.MergedInto.HasValue || c.Archived != archived)
                {
                    continue;
                }

                if (results.Count == limit)
                {
                    // The cursor is the id of the first record of the next page (an opaque string to clients).
                    next = c.Id.ToString(CultureInfo.InvariantCulture);
                    break;
                }

                results.Add(ContactJson.ToJson(c, names));
            }

            var body = new JsonObject { ["results"] = results };
            if (next != null)
            {
                body["paging"] = new JsonObject
                {
                    ["next"] = new JsonObject { ["after"] = next, ["link"] = "https://api.hubapi.com" + Base + "?after=" + next },
                };
            }

            return SandboxResponse.Json(HttpStatusCode.OK, body);
        }

        private static SandboxResponse Archive(HubSpotState state, SandboxRequest request)
        {
            // Deleting an unknown or already deleted contact is still 204: the end state is the same.
            HubSpotContact contact = state.Contacts.ById(request.RouteValue("contactId"));
            if (contact != null)
            {
                state.Contacts.Archive(contact, state.Now);
            }

            return SandboxResponse.Empty(HttpStatusCode.NoContent);
        }

        private static SandboxResponse Merge(HubSpotState state, SandboxRequest request)
        {
            JsonNode body = request.Json();
            string primaryId = HubSpotJson.Str(body, "primaryObjectId");
            string otherId = HubSpotJson.Str(body, "objectIdToMerge");
            if (string.IsNullOrEmpty(primaryId) || string.IsNullOrEmpty(otherId))
            {
                return HubSpotJson.BadRequest("primaryObjectId and objectIdToMerge are required.");
            }

            HubSpotContact primary = Lookup(state, primaryId, null, archived: false);
            HubSpotContact other = Lookup(state, otherId, null, archived: false);
            if (primary == null || other == null)
            {
                return HubSpotJson.NotFound("Object not found. objectId: " + (primary == null ? primaryId : otherId));
            }

            if (primary == other)
            {
                return HubSpotJson.BadRequest("Cannot merge an object with itself.");
            }

            // HubSpot refuses merges past 250 identities on one profile (FACTS §2.4, HTTP 414 per HS-ERR).
            if (primary.Merged.Count + other.Merged.Count + 2 > 250)
            {
                return HubSpotJson.Error((HttpStatusCode)414, HubSpotJson.ValidationError, "Cannot have more than 250 identities on a profile");
            }

            state.Contacts.Merge(primary, other, state.Now);
            var names = ContactJson.DefaultProperties.Concat(new[] { "hs_additional_emails", "hs_merged_object_ids" });
            return SandboxResponse.Json(HttpStatusCode.OK, ContactJson.ToJson(primary, names));
        }

        private static int FirstIndexAtLeast(IReadOnlyList<long> ids, long value)
        {
            int lo = 0;
            int hi = ids.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (ids[mid] < value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }
}
