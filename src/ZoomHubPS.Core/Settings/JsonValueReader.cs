using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace ZoomHubPS.Core.Settings
{
    /// <summary>
    /// Typed reads of one JSON value with errors that name the path, the value found and what was expected. Objects
    /// are read key by key: an unknown key names the keys that exist there (and a near miss), a repeated key is refused.
    /// </summary>
    internal static class JsonValueReader
    {
        private const int MaxValueText = 80;

        /// <summary>The properties of an object, after checking it is one, that each key is known and none repeats.</summary>
        public static IEnumerable<(string Key, JsonElement Value, string Path)> Properties(JsonElement element, string path, IReadOnlyList<string> knownKeys)
        {
            Expect(element, path, JsonValueKind.Object, "an object ({ … })");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<(string, JsonElement, string)>();
            foreach (JsonProperty property in element.EnumerateObject())
            {
                string at = JsonPathText.Child(path, property.Name);
                if (knownKeys != null && !knownKeys.Contains(property.Name, StringComparer.Ordinal)) throw UnknownKey(at, property, knownKeys);
                if (!seen.Add(property.Name)) throw Invalid(at, property.Value, "the key appears twice in this object: keep one.");
                result.Add((property.Name, property.Value, at));
            }

            return result;
        }

        public static bool Bool(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.True) return true;
            if (element.ValueKind == JsonValueKind.False) return false;
            throw Invalid(path, element, "expected true or false.");
        }

        public static bool? NullableBool(JsonElement element, string path)
            => element.ValueKind == JsonValueKind.Null ? (bool?)null : Bool(element, path);

        public static int Int(JsonElement element, string path)
        {
            Expect(element, path, JsonValueKind.Number, "a whole number");
            if (element.TryGetInt32(out int value)) return value;
            throw Invalid(path, element, "expected a whole number.");
        }

        public static long? NullableLong(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Null) return null;
            Expect(element, path, JsonValueKind.Number, "a whole number or null");
            if (element.TryGetInt64(out long value)) return value;
            throw Invalid(path, element, "expected a whole number or null.");
        }

        public static string String(JsonElement element, string path)
        {
            Expect(element, path, JsonValueKind.String, "a string (\"…\")");
            return element.GetString();
        }

        /// <summary>A string, or a whole number written as its digits (ids that people type either way).</summary>
        public static string Id(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out long number)) return number.ToString(CultureInfo.InvariantCulture);
            if (element.ValueKind == JsonValueKind.String) return element.GetString();
            throw Invalid(path, element, "expected an id, as a string or a whole number.");
        }

        public static List<string> Strings(JsonElement element, string path)
        {
            Expect(element, path, JsonValueKind.Array, "an array ([ … ])");
            return element.EnumerateArray().Select((item, i) => String(item, JsonPathText.Index(path, i))).ToList();
        }

        public static void Expect(JsonElement element, string path, JsonValueKind kind, string what)
        {
            if (element.ValueKind != kind) throw Invalid(path, element, "expected " + what + ".");
        }

        public static InvalidSyncSettingsException Invalid(string path, JsonElement element, string problem)
            => new InvalidSyncSettingsException(path, Text(element), problem + " Found " + Describe(element) + ": " + Text(element) + ".");

        private static string Describe(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object: return "an object";
                case JsonValueKind.Array: return "an array";
                case JsonValueKind.String: return "a string";
                case JsonValueKind.Number: return "a number";
                case JsonValueKind.True:
                case JsonValueKind.False: return "a boolean";
                case JsonValueKind.Null: return "null";
                default: return "a value";
            }
        }

        private static string Text(JsonElement element)
        {
            string text = element.GetRawText();
            return text.Length <= MaxValueText ? text : text.Substring(0, MaxValueText - 1) + "…";
        }

        private static InvalidSyncSettingsException UnknownKey(string path, JsonProperty property, IReadOnlyList<string> knownKeys)
        {
            string near = knownKeys.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase))
                ?? knownKeys.OrderBy(k => Distance(k.ToLowerInvariant(), property.Name.ToLowerInvariant())).First();
            bool close = string.Equals(near, property.Name, StringComparison.OrdinalIgnoreCase) || Distance(near.ToLowerInvariant(), property.Name.ToLowerInvariant()) <= 2;
            string hint = close ? $" Did you mean '{near}'?" : string.Empty;
            return new InvalidSyncSettingsException(path, Text(property.Value),
                $"'{property.Name}' is not a setting here.{hint} The keys here are: {string.Join(", ", knownKeys)}.");
        }

        // Levenshtein distance, for the "did you mean" hint (keys are short).
        private static int Distance(string a, string b)
        {
            var row = Enumerable.Range(0, b.Length + 1).ToArray();
            for (int i = 1; i <= a.Length; i++)
            {
                int diagonal = row[0];
                row[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int above = row[j];
                    row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                    diagonal = above;
                }
            }

            return row[b.Length];
        }
    }
}
