using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// A marketing event's <c>customProperties</c> (FACTS §D, [HS-ME]): which values are kept, and their two response
    /// shapes: <c>PropertyValue</c> (every field the spec marks required) in the create, upsert and external-id answers,
    /// <c>CrmPropertyWrapper</c> (name, value) in the V2 answers of the object-id routes.
    /// </summary>
    internal static class MarketingEventCustomProperties
    {
        /// <summary>
        /// Applies <paramref name="custom"/>: a name the 0-54 object defines is set (or, with "", cleared) as its type
        /// normalises the value; unknown names and values the type refuses are dropped silently; other names stay.
        /// </summary>
        internal static void Apply(PropertyCatalog definitions, HubSpotMarketingEvent e, JsonArray custom)
        {
            foreach (JsonNode p in custom)
            {
                HubSpotProperty definition = definitions.Find(HubSpotJson.Str(p, "name"));
                if (definition == null || !definitions.TryNormalize(definition, p?["value"], out string value, out _))
                {
                    continue;
                }

                if (value.Length == 0)
                {
                    e.Custom.Remove(definition.Name);
                }
                else
                {
                    e.Custom[definition.Name] = value;
                }
            }
        }

        internal static JsonArray Json(HubSpotMarketingEvent e, bool v2)
        {
            var array = new JsonArray();
            foreach (KeyValuePair<string, string> pair in e.Custom)
            {
                array.Add(v2 ? new JsonObject { ["name"] = pair.Key, ["value"] = pair.Value } : PropertyValue(e, pair.Key, pair.Value));
            }

            return array;
        }

        // The spec's PropertyValue requires all of these; the values are what an API write leaves (unconfirmed defaults).
        private static JsonObject PropertyValue(HubSpotMarketingEvent e, string name, string value)
        {
            long at = HubSpotJson.Millis(e.UpdatedAt);
            return new JsonObject
            {
                ["name"] = name,
                ["value"] = value,
                ["timestamp"] = at,
                ["persistenceTimestamp"] = at,
                ["useTimestampAsPersistenceTimestamp"] = false,
                ["source"] = "API",
                ["sourceId"] = string.Empty,
                ["sourceLabel"] = string.Empty,
                ["sourceMetadata"] = string.Empty,
                ["sourceUpstreamDeployable"] = string.Empty,
                ["sourceVid"] = new JsonArray(),
                ["requestId"] = string.Empty,
                ["selectedByUser"] = false,
                ["selectedByUserTimestamp"] = 0,
                ["updatedByUserId"] = 0,
                ["unit"] = string.Empty,
                ["dataSensitivity"] = "none",
                ["isEncrypted"] = false,
                ["isLargeValue"] = false,
                ["maskedSubstrings"] = new JsonObject { ["substrings"] = new JsonArray() },
            };
        }
    }
}
