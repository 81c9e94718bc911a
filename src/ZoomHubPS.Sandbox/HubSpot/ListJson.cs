using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>The Lists v3 shapes ([HS-LISTS]): PublicObjectList, PublicObjectListSearchResult, errors, paging offsets.</summary>
    internal static class ListJson
    {
        internal const string Read = "crm.lists.read";

        /// <summary>Membership writes: crm.lists.read with crm.lists.write, or with cms.membership.access_groups.write (the spec's security).</summary>
        internal const string Write = "crm.lists.read&crm.lists.write|cms.membership.access_groups.write&crm.lists.read";

        /// <summary>The additional properties a search returns without being asked (the spec's list of defaults).</summary>
        internal static readonly string[] DefaultSearchProperties = { "hs_list_size", "hs_last_record_added_at", "hs_last_record_removed_at", "hs_folder_name", "hs_list_reference_count" };

        /// <summary>PublicObjectList; the filterBranch only with <paramref name="includeFilters"/> (and only lists have one that filter).</summary>
        internal static JsonObject List(HubSpotList list, int size, bool includeFilters)
        {
            JsonObject json = Common(list);
            json["size"] = size;
            if (includeFilters && list.FilterBranch != null)
            {
                json["filterBranch"] = list.FilterBranch.DeepClone();
            }

            return json;
        }

        /// <summary>PublicObjectListSearchResult: no size or filters, but additionalProperties (values as strings, empty ones left out).</summary>
        internal static JsonObject SearchResult(HubSpotList list, int size, IEnumerable<string> additional)
        {
            var values = new JsonObject();
            foreach (string name in additional)
            {
                string value = Additional(list, size, name);
                if (!string.IsNullOrEmpty(value) && !values.ContainsKey(name))
                {
                    values[name] = value;
                }
            }

            var json = new JsonObject { ["additionalProperties"] = values };
            foreach (KeyValuePair<string, JsonNode> pair in Common(list))
            {
                json[pair.Key] = pair.Value?.DeepClone();
            }

            return json;
        }

        /// <summary>404 for a list that does not exist (message wording unconfirmed).</summary>
        internal static SandboxResponse NotFound(string what) => HubSpotJson.NotFound("List " + what + " does not exist.");

        /// <summary>An opaque paging offset (base64url of a sort key).</summary>
        internal static string Offset(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        /// <summary>Reads an offset made by <see cref="Offset"/>; false for anything else.</summary>
        internal static bool TryReadOffset(string offset, out string key)
        {
            key = null;
            try
            {
                string base64 = offset.Replace('-', '+').Replace('_', '/');
                base64 += new string('=', (4 - base64.Length % 4) % 4);
                key = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        private static JsonObject Common(HubSpotList list)
        {
            var json = new JsonObject
            {
                ["listId"] = list.ListId,
                ["listVersion"] = list.ListVersion,
                ["name"] = list.Name,
                ["objectTypeId"] = list.ObjectTypeId,
                ["processingStatus"] = "COMPLETE",
                ["processingType"] = list.ProcessingType,
                ["createdAt"] = HubSpotJson.Iso(list.CreatedAt),
                ["updatedAt"] = HubSpotJson.Iso(list.UpdatedAt),
            };
            if (list.FiltersUpdatedAt.HasValue)
            {
                json["filtersUpdatedAt"] = HubSpotJson.Iso(list.FiltersUpdatedAt.Value);
            }

            return json;
        }

        private static string Additional(HubSpotList list, int size, string name)
        {
            switch (name)
            {
                case "hs_list_size": return size.ToString(CultureInfo.InvariantCulture);
                case "hs_last_record_added_at": return list.LastAddedAt.HasValue ? HubSpotJson.Millis(list.LastAddedAt.Value).ToString(CultureInfo.InvariantCulture) : null;
                case "hs_last_record_removed_at": return list.LastRemovedAt.HasValue ? HubSpotJson.Millis(list.LastRemovedAt.Value).ToString(CultureInfo.InvariantCulture) : null;
                case "hs_list_reference_count": return "0";
                case "hs_object_id": return list.ListId;
                default: return null; // folders and other list properties: empty in the twin
            }
        }

        /// <summary>A 400 VALIDATION_ERROR with the offending field in <c>errors[].in</c>.</summary>
        internal static SandboxResponse Invalid(string field, string message)
            => HubSpotJson.BadRequest(message, errors: new JsonArray(new JsonObject { ["message"] = message, ["in"] = field }));

        internal static SandboxResponse Ok(JsonNode body) => SandboxResponse.Json(HttpStatusCode.OK, body);
    }
}
