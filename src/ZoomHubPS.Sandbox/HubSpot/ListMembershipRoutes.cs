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
    /// List memberships (FACTS §C, [HS-LISTS]): pages by record id or by join order (<c>limit</c> default 100, max 250;
    /// <c>after</c> ascending, <c>before</c> alone descending), and the writes of MANUAL and SNAPSHOT lists: add, remove,
    /// add-and-remove (records that do not exist are reported missing, others already in or out are ignored) and clear
    /// (under 100,000 members). A DYNAMIC list refuses writes with 400.
    /// </summary>
    internal static class ListMembershipRoutes
    {
        private const string B = "/crm/v3/lists/{listId}/memberships";
        private const int DefaultLimit = 100;
        private const int MaxLimit = 250;
        private const int MaxClearable = 100000;

        internal static void Register(HubSpotRouter router)
        {
            HubSpotState s = router.State;
            router.Get(B, ListJson.Read, (r, app) => Page(s, r, joinOrder: false));
            router.Get(B + "/join-order", ListJson.Read, (r, app) => Page(s, r, joinOrder: true));
            router.Put(B + "/add", ListJson.Write, (r, app) => Writable(s, r, list => Change(s, list, HubSpotJson.StringList(r.Json()), null)));
            router.Put(B + "/remove", ListJson.Write, (r, app) => Writable(s, r, list => Change(s, list, null, HubSpotJson.StringList(r.Json()))));
            router.Put(B + "/add-and-remove", ListJson.Write, (r, app) => Writable(s, r, list => AddAndRemove(s, list, r.Json())));
            router.Delete(B, ListJson.Write, (r, app) => Writable(s, r, list => Clear(s, list)));
        }

        private static SandboxResponse Page(HubSpotState state, SandboxRequest request, bool joinOrder)
        {
            HubSpotList list = ListRoutes.Find(state, request);
            if (list == null)
            {
                return ListJson.NotFound("with id " + request.RouteValue("listId"));
            }

            if (!HubSpotJson.TryReadLimit(request, DefaultLimit, MaxLimit, out int limit, out SandboxResponse error))
            {
                return error;
            }

            // One sort key per member: the record id, or the join time (ms) then the record id.
            List<Member> ordered = list.Membership.Select(m => new Member(joinOrder ? HubSpotJson.Millis(m.Value) : m.Key, joinOrder ? m.Key : 0, m.Key, m.Value)).ToList();
            ordered.Sort();
            string after = request.QueryValue("after");
            string before = request.QueryValue("before");
            bool backwards = string.IsNullOrEmpty(after) && !string.IsNullOrEmpty(before);
            string offset = backwards ? before : after;
            Member from = default;
            if (!string.IsNullOrEmpty(offset) && !Member.TryParseOffset(offset, out from))
            {
                return ListJson.Invalid(backwards ? "before" : "after", "The paging offset '" + offset + "' is not valid.");
            }

            // Index of the first member after the offset (ascending) or of the last one before it (descending).
            int start = string.IsNullOrEmpty(offset) ? 0 : FirstAfter(ordered, from);
            var page = new List<Member>(limit);
            if (backwards)
            {
                for (int i = FirstAtOrAfter(ordered, from) - 1; i >= 0 && page.Count < limit; i--) page.Add(ordered[i]);
            }
            else
            {
                for (int i = start; i < ordered.Count && page.Count < limit; i++) page.Add(ordered[i]);
            }

            var results = new JsonArray(page.Select(m => (JsonNode)new JsonObject
            {
                ["recordId"] = m.RecordId.ToString(CultureInfo.InvariantCulture),
                ["membershipTimestamp"] = HubSpotJson.Iso(m.Joined),
            }).ToArray());

            var body = new JsonObject { ["results"] = results };
            JsonObject paging = Paging(request, ordered, page, backwards);
            if (paging.Count > 0)
            {
                body["paging"] = paging;
            }

            body["total"] = ordered.Count;
            return ListJson.Ok(body);
        }

        private static int FirstAfter(List<Member> ordered, Member key)
        {
            int i = ordered.BinarySearch(key);
            return i >= 0 ? i + 1 : ~i;
        }

        private static int FirstAtOrAfter(List<Member> ordered, Member key)
        {
            int i = ordered.BinarySearch(key);
            return i >= 0 ? i : ~i;
        }

        // next.after continues after the page's highest key, prev.before before its lowest, each only when members remain there.
        private static JsonObject Paging(SandboxRequest request, List<Member> ordered, List<Member> page, bool backwards)
        {
            var paging = new JsonObject();
            if (page.Count == 0)
            {
                return paging;
            }

            Member lowest = backwards ? page[page.Count - 1] : page[0];
            Member highest = backwards ? page[0] : page[page.Count - 1];
            string link = request.Uri.GetLeftPart(UriPartial.Path) + "?";
            if (FirstAfter(ordered, highest) < ordered.Count)
            {
                string token = highest.Offset();
                paging["next"] = new JsonObject { ["after"] = token, ["link"] = link + "after=" + token };
            }

            if (FirstAtOrAfter(ordered, lowest) > 0)
            {
                string token = lowest.Offset();
                paging["prev"] = new JsonObject { ["before"] = token, ["link"] = link + "before=" + token };
            }

            return paging;
        }

        private static SandboxResponse Writable(HubSpotState state, SandboxRequest request, Func<HubSpotList, SandboxResponse> write)
        {
            HubSpotList list = ListRoutes.Find(state, request);
            if (list == null)
            {
                return ListJson.NotFound("with id " + request.RouteValue("listId"));
            }

            // Wording unconfirmed; HubSpot documents that these endpoints work only for MANUAL and SNAPSHOT lists.
            return list.AcceptsMembershipWrites
                ? write(list)
                : HubSpotJson.BadRequest("List " + list.ListId + " is a DYNAMIC list: its memberships follow its filters and cannot be changed directly. "
                    + "Only MANUAL and SNAPSHOT lists accept membership changes.", "LIST_PROCESSING_TYPE_NOT_SUPPORTED");
        }

        private static SandboxResponse AddAndRemove(HubSpotState state, HubSpotList list, JsonNode body)
        {
            List<string> add = HubSpotJson.StringList(body?["recordIdsToAdd"]);
            List<string> remove = HubSpotJson.StringList(body?["recordIdsToRemove"]);
            return add == null || remove == null
                ? ListJson.Invalid("body", "Invalid input JSON: recordIdsToAdd and recordIdsToRemove are required.")
                : Change(state, list, add, remove);
        }

        /// <summary>MembershipsUpdateResponse (the spec spells the added ids <c>recordsIdsAdded</c>).</summary>
        private static SandboxResponse Change(HubSpotState state, HubSpotList list, List<string> add, List<string> remove)
        {
            if (add == null && remove == null)
            {
                return ListJson.Invalid("body", "Invalid input JSON: a JSON array of record ids is required.");
            }

            var missing = new JsonArray();
            var removed = new JsonArray();
            var added = new JsonArray();
            DateTimeOffset now = state.Now;
            foreach (string id in (remove ?? new List<string>()).Distinct())
            {
                HubSpotContact c = state.Contacts.ById(id);
                if (!ListStore.IsLive(c))
                {
                    missing.Add(id);
                }
                else if (list.Membership.Remove(c.Id))
                {
                    removed.Add(c.Id.ToString(CultureInfo.InvariantCulture));
                    list.LastRemovedAt = now;
                }
            }

            foreach (string id in (add ?? new List<string>()).Distinct())
            {
                HubSpotContact c = state.Contacts.ById(id);
                if (!ListStore.IsLive(c))
                {
                    missing.Add(id);
                }
                else if (!list.Membership.ContainsKey(c.Id))
                {
                    list.Membership[c.Id] = now;
                    added.Add(c.Id.ToString(CultureInfo.InvariantCulture));
                    list.LastAddedAt = now;
                }
            }

            return ListJson.Ok(new JsonObject { ["recordIdsMissing"] = missing, ["recordIdsRemoved"] = removed, ["recordsIdsAdded"] = added });
        }

        private static SandboxResponse Clear(HubSpotState state, HubSpotList list)
        {
            if (list.Membership.Count >= MaxClearable)
            {
                return HubSpotJson.BadRequest("Lists with 100,000 or more memberships cannot be cleared at once; remove records in batches instead.");
            }

            if (list.Membership.Count > 0)
            {
                list.Membership.Clear();
                list.LastRemovedAt = state.Now;
            }

            return SandboxResponse.Empty(HttpStatusCode.NoContent);
        }

        /// <summary>A member with its sort key (major, minor) and the opaque offset that names the key (a struct: pages sort every member).</summary>
        private struct Member : IComparable<Member>
        {
            internal Member(long major, long minor, long recordId, DateTimeOffset joined)
            {
                Major = major;
                Minor = minor;
                RecordId = recordId;
                Joined = joined;
            }

            internal long Major { get; }

            internal long Minor { get; }

            internal long RecordId { get; }

            internal DateTimeOffset Joined { get; }

            public int CompareTo(Member other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

            internal string Offset() => ListJson.Offset(Major.ToString(CultureInfo.InvariantCulture) + ":" + Minor.ToString(CultureInfo.InvariantCulture));

            internal static bool TryParseOffset(string offset, out Member key)
            {
                key = default;
                if (!ListJson.TryReadOffset(offset, out string text))
                {
                    return false;
                }

                string[] parts = text.Split(':');
                if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long major)
                    || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long minor))
                {
                    return false;
                }

                key = new Member(major, minor, 0, default);
                return true;
            }
        }
    }
}
