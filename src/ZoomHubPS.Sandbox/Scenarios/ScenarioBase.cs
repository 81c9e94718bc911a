using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZoomHubPS.Sandbox.Scenarios
{
    /// <summary>
    /// <c>"base": "&lt;built-in name or path&gt;"</c> in a scenario: start from that scenario and apply this one on top as a
    /// JSON merge patch (RFC 7396: objects merge key by key, any other value, arrays included, replaces; <c>null</c> removes
    /// a key). So a variant of a scenario (the <c>business</c> scenario is the demo on another plan) states only what differs.
    /// </summary>
    internal static class ScenarioBase
    {
        internal const string Key = "base";

        // A base chain this deep is a loop (a scenario that is its own base), not a design.
        private const int MaxDepth = 8;

        private static readonly JsonDocumentOptions DocumentOptions = new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };

        /// <summary>The scenario JSON with its base applied (unchanged when it names none).</summary>
        /// <exception cref="JsonException">This JSON or a base's is malformed.</exception>
        /// <exception cref="InvalidDataException">The base is not a string, cannot be found, or the chain loops.</exception>
        internal static string Apply(string json, string name)
        {
            if (json == null || json.IndexOf("\"" + Key + "\"", StringComparison.Ordinal) < 0)
            {
                return json;
            }

            JsonNode root = JsonNode.Parse(json, null, DocumentOptions);
            return Resolve(root, name, 0)?.ToJsonString();
        }

        private static JsonNode Resolve(JsonNode root, string name, int depth)
        {
            if (!(root is JsonObject scenario) || !scenario.TryGetPropertyValue(Key, out JsonNode reference))
            {
                return root;
            }

            scenario.Remove(Key);
            string baseName = reference is JsonValue value && value.TryGetValue(out string text) ? text : null;
            if (string.IsNullOrWhiteSpace(baseName))
            {
                throw new InvalidDataException("Scenario '" + (name ?? "(inline)") + "': \"base\" must name a built-in scenario or a scenario file.");
            }

            if (depth >= MaxDepth)
            {
                throw new InvalidDataException("Scenario '" + (name ?? "(inline)") + "': \"base\" scenarios nest more than " + MaxDepth + " deep (does one name itself?).");
            }

            (string Json, string Name) source;
            try
            {
                source = ScenarioLoader.ReadSource(baseName);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is IOException)
            {
                throw new InvalidDataException("Scenario '" + (name ?? "(inline)") + "': its base '" + baseName + "' cannot be read. " + ex.Message, ex);
            }

            JsonNode baseRoot = Resolve(JsonNode.Parse(source.Json, null, DocumentOptions), source.Name, depth + 1);
            if (baseRoot is JsonObject baseObject)
            {
                // The variant goes by its own name (its "name", else its file name), never by its base's.
                baseObject.Remove("name");
            }

            return Merge(baseRoot, scenario);
        }

        /// <summary>RFC 7396 merge of <paramref name="patch"/> onto <paramref name="target"/>.</summary>
        internal static JsonNode Merge(JsonNode target, JsonNode patch)
        {
            if (!(patch is JsonObject patchObject))
            {
                return patch?.DeepClone();
            }

            JsonObject result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
            foreach (var pair in patchObject)
            {
                if (pair.Value == null)
                {
                    result.Remove(pair.Key);
                    continue;
                }

                // Merge returns a node with no parent (a clone or a new object), so it can take the key's place.
                result[pair.Key] = Merge(result.TryGetPropertyValue(pair.Key, out JsonNode existing) ? existing : null, pair.Value);
            }

            return result;
        }
    }
}
