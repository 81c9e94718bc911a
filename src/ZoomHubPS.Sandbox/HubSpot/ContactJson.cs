using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>Turns contacts into HubSpot's SimplePublicObject JSON.</summary>
    internal static class ContactJson
    {
        /// <summary>What a read returns when it names no properties.</summary>
        internal static readonly string[] DefaultProperties = { "createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname" };

        /// <summary>What every read returns besides the requested properties.</summary>
        internal static readonly string[] SystemProperties = { "createdate", "hs_object_id", "lastmodifieddate" };

        /// <summary>
        /// The property names a read returns: the defaults when none are requested, otherwise the requested ones (unknown
        /// names are ignored, as HubSpot ignores them on reads) plus createdate, hs_object_id and lastmodifieddate.
        /// </summary>
        internal static List<string> Selection(IEnumerable<string> requested, PropertyCatalog catalog)
        {
            List<string> names = requested?.Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal).ToList();
            if (names == null || names.Count == 0)
            {
                return DefaultProperties.ToList();
            }

            var result = names.Where(n => catalog.Find(n) != null).ToList();
            foreach (string s in SystemProperties)
            {
                if (!result.Contains(s))
                {
                    result.Add(s);
                }
            }

            return result;
        }

        /// <summary>What a write returns: the defaults plus every property the input wrote.</summary>
        internal static List<string> WriteSelection(IEnumerable<string> written)
        {
            var result = DefaultProperties.ToList();
            foreach (string name in written)
            {
                if (!result.Contains(name))
                {
                    result.Add(name);
                }
            }

            return result;
        }

        /// <summary>
        /// <c>{id, properties, createdAt, updatedAt, archived, archivedAt?, propertiesWithHistory?}</c>. Values are strings;
        /// an unset property is <c>null</c>, as HubSpot answers it.
        /// </summary>
        internal static JsonObject ToJson(HubSpotContact contact, IEnumerable<string> names, IEnumerable<string> historyNames = null)
        {
            var properties = new JsonObject();
            foreach (string name in names.OrderBy(n => n, StringComparer.Ordinal))
            {
                properties[name] = contact.ApiValue(name);
            }

            var obj = new JsonObject
            {
                ["id"] = contact.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["properties"] = properties,
            };

            List<string> history = historyNames?.ToList();
            if (history != null && history.Count > 0)
            {
                var withHistory = new JsonObject();
                foreach (string name in history)
                {
                    var versions = new JsonArray();
                    foreach (HubSpotPropertyVersion v in contact.HistoryOf(name))
                    {
                        versions.Add(new JsonObject
                        {
                            ["value"] = v.Value,
                            ["timestamp"] = HubSpotJson.Iso(v.Timestamp),
                            ["sourceType"] = v.SourceType,
                        });
                    }

                    withHistory[name] = versions;
                }

                obj["propertiesWithHistory"] = withHistory;
            }

            obj["createdAt"] = HubSpotJson.Iso(contact.CreatedAt);
            obj["updatedAt"] = HubSpotJson.Iso(contact.UpdatedAt);
            obj["archived"] = contact.Archived;
            if (contact.Archived)
            {
                obj["archivedAt"] = HubSpotJson.Iso(contact.ArchivedAt);
            }

            return obj;
        }
    }
}
