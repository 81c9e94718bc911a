using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// Lists v3 reads (FACTS §C, [HS-LISTS]): a list by ILS id or by name (case-insensitive), search
    /// (<c>{query, processingTypes, listIds, count ≤ 500, offset, additionalProperties}</c> → <c>{lists, hasMore, offset, total}</c>),
    /// and the legacy id mapping. All in the standard rate-limit bucket, scope crm.lists.read.
    /// </summary>
    internal static class ListRoutes
    {
        private const string B = "/crm/v3/lists";
        private const int MaxSearchCount = 500;
        private const int DefaultSearchCount = 20;
        private const int MaxLegacyIds = 10000;

        internal static void Register(HubSpotRouter router)
        {
            HubSpotState s = router.State;
            router.Get(B + "/{listId}", ListJson.Read, (r, app) => ById(s, r));
            router.Get(B + "/object-type-id/{objectTypeId}/name/{listName}", ListJson.Read, (r, app) => ByName(s, r));
            router.Post(B + "/search", ListJson.Read, (r, app) => Search(s, r), isWrite: false);
            router.Get(B + "/idmapping", ListJson.Read, (r, app) => MapOne(s, r));
            router.Post(B + "/idmapping", ListJson.Read, (r, app) => MapMany(s, r), isWrite: false);
        }

        /// <summary>The list of a <c>{listId}</c> route with its members up to date, or null.</summary>
        internal static HubSpotList Find(HubSpotState state, SandboxRequest request)
        {
            HubSpotList list = state.Lists.ById(request.RouteValue("listId"));
            if (list != null)
            {
                state.Lists.Refresh(list, state.Contacts, state.Now);
            }

            return list;
        }

        private static bool IncludeFilters(SandboxRequest request) => string.Equals(request.QueryValue("includeFilters"), "true", StringComparison.OrdinalIgnoreCase);

        private static SandboxResponse ById(HubSpotState state, SandboxRequest request)
        {
            HubSpotList list = Find(state, request);
            return list == null
                ? ListJson.NotFound("with id " + request.RouteValue("listId"))
                : ListJson.Ok(new JsonObject { ["list"] = ListJson.List(list, list.Membership.Count, IncludeFilters(request)) });
        }

        private static SandboxResponse ByName(HubSpotState state, SandboxRequest request)
        {
            HubSpotList list = state.Lists.ByName(request.RouteValue("objectTypeId"), request.RouteValue("listName"));
            if (list == null)
            {
                return ListJson.NotFound("named '" + request.RouteValue("listName") + "' for object type " + request.RouteValue("objectTypeId"));
            }

            state.Lists.Refresh(list, state.Contacts, state.Now);
            return ListJson.Ok(new JsonObject { ["list"] = ListJson.List(list, list.Membership.Count, IncludeFilters(request)) });
        }

        private static SandboxResponse Search(HubSpotState state, SandboxRequest request)
        {
            JsonNode body = request.Json();
            if (!(body is JsonObject))
            {
                return ListJson.Invalid("body", "Invalid input JSON: a ListSearchRequest object is required.");
            }

            int count = DefaultSearchCount;
            int offset = 0;
            if (body["count"] != null && (!int.TryParse(HubSpotJson.Str(body, "count"), NumberStyles.Integer, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxSearchCount))
            {
                return ListJson.Invalid("count", "count must be between 1 and " + MaxSearchCount.ToString(CultureInfo.InvariantCulture) + ".");
            }

            if (body["offset"] != null && (!int.TryParse(HubSpotJson.Str(body, "offset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out offset) || offset < 0))
            {
                return ListJson.Invalid("offset", "offset must be a number of 0 or more.");
            }

            List<string> types = HubSpotJson.StringList(body["processingTypes"]) ?? new List<string>();
            string unknown = types.FirstOrDefault(t => !HubSpotList.ProcessingTypes.Contains(t));
            if (unknown != null)
            {
                return ListJson.Invalid("processingTypes", "processingTypes may hold MANUAL, DYNAMIC and SNAPSHOT; got '" + unknown + "'.");
            }

            string query = HubSpotJson.Str(body, "query") ?? string.Empty;
            List<string> ids = HubSpotJson.StringList(body["listIds"]);
            string objectTypeId = HubSpotJson.Str(body, "objectTypeId");
            List<HubSpotList> matches = state.Lists.All
                .Where(l => l.Name.IndexOf(query, StringComparison.OrdinalIgnoreCase) >= 0)
                .Where(l => types.Count == 0 || types.Contains(l.ProcessingType))
                .Where(l => ids == null || ids.Count == 0 || ids.Contains(l.ListId))
                .Where(l => string.IsNullOrEmpty(objectTypeId) || l.ObjectTypeId == objectTypeId)
                .ToList();

            IEnumerable<string> additional = ListJson.DefaultSearchProperties.Concat(HubSpotJson.StringList(body["additionalProperties"]) ?? new List<string>());
            var lists = new JsonArray();
            foreach (HubSpotList list in matches.Skip(offset).Take(count))
            {
                lists.Add(ListJson.SearchResult(list, state.Lists.Refresh(list, state.Contacts, state.Now).Count, additional));
            }

            int next = Math.Min(matches.Count, offset + count);
            return ListJson.Ok(new JsonObject { ["lists"] = lists, ["hasMore"] = next < matches.Count, ["offset"] = next, ["total"] = matches.Count });
        }

        private static SandboxResponse MapOne(HubSpotState state, SandboxRequest request)
        {
            string legacy = request.QueryValue("legacyListId");
            if (string.IsNullOrEmpty(legacy))
            {
                return ListJson.Invalid("legacyListId", "Required query parameter legacyListId is missing.");
            }

            HubSpotList list = state.Lists.ByLegacyId(legacy);
            return list == null
                ? ListJson.NotFound("with legacy id " + legacy)
                : ListJson.Ok(new JsonObject { ["legacyListId"] = legacy, ["listId"] = list.ListId });
        }

        private static SandboxResponse MapMany(HubSpotState state, SandboxRequest request)
        {
            if (!(request.Json() is JsonArray array))
            {
                return ListJson.Invalid("body", "Invalid input JSON: a JSON array of legacy list ids is required.");
            }

            if (array.Count > MaxLegacyIds)
            {
                return ListJson.Invalid("body", "At most " + MaxLegacyIds.ToString(CultureInfo.InvariantCulture) + " legacy list ids can be translated per request; got "
                    + array.Count.ToString(CultureInfo.InvariantCulture) + ".");
            }

            var mapped = new JsonArray();
            var missing = new JsonArray();
            foreach (string legacy in HubSpotJson.StringList(array).Distinct())
            {
                HubSpotList list = state.Lists.ByLegacyId(legacy);
                if (list == null)
                {
                    missing.Add(legacy);
                }
                else
                {
                    mapped.Add(new JsonObject { ["legacyListId"] = legacy, ["listId"] = list.ListId });
                }
            }

            return ListJson.Ok(new JsonObject { ["legacyListIdsToIdsMapping"] = mapped, ["missingLegacyListIds"] = missing });
        }
    }
}
