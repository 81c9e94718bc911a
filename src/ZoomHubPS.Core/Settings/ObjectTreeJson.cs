using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace ZoomHubPS.Core.Settings
{
    /// <summary>
    /// Writes plain .NET values (dictionaries, lists, strings, numbers, booleans, null) as JSON, so settings given as an
    /// object go through the very reader a document goes through: one set of rules, the same error paths. Keys that
    /// match a document key without case get the document's spelling, since PowerShell objects and hashtables do not
    /// tell "LookbackDays" from "lookbackDays" (no email, webinar id or property-map key can equal one).
    /// </summary>
    internal static class ObjectTreeJson
    {
        private const int MaxDepth = 16;

        private static readonly string[] DocumentKeys = SettingKeys.Root.Concat(SettingKeys.ExclusionLists).Concat(SettingKeys.Rule).Distinct().ToArray();

        public static string Write(object value)
        {
            using (var stream = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    WriteValue(writer, value, JsonPathText.Root, 0);
                }

                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        private static void WriteValue(Utf8JsonWriter writer, object value, string path, int depth)
        {
            if (depth > MaxDepth) throw new InvalidSyncSettingsException(path, null, "the object nests too deeply to be settings.");
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string text: writer.WriteStringValue(text); break;
                case char c: writer.WriteStringValue(c.ToString()); break;
                case bool flag: writer.WriteBooleanValue(flag); break;
                case IDictionary map: WriteObject(writer, map, path, depth); break;
                case IEnumerable items: WriteArray(writer, items, path, depth); break;
                default: WriteNumber(writer, value, path); break;
            }
        }

        private static void WriteObject(Utf8JsonWriter writer, IDictionary map, string path, int depth)
        {
            writer.WriteStartObject();
            foreach (DictionaryEntry entry in map)
            {
                string key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                key = DocumentKeys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? key;
                writer.WritePropertyName(key);
                WriteValue(writer, entry.Value, JsonPathText.Child(path, key), depth + 1);
            }

            writer.WriteEndObject();
        }

        private static void WriteArray(Utf8JsonWriter writer, IEnumerable items, string path, int depth)
        {
            writer.WriteStartArray();
            int index = 0;
            foreach (object item in items)
            {
                WriteValue(writer, item, JsonPathText.Index(path, index++), depth + 1);
            }

            writer.WriteEndArray();
        }

        private static void WriteNumber(Utf8JsonWriter writer, object value, string path)
        {
            switch (value)
            {
                case byte _: case sbyte _: case short _: case ushort _: case int _: case long _: case uint _:
                    writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    break;
                case ulong u: writer.WriteNumberValue(u); break;
                case float f: writer.WriteNumberValue(f); break;
                case double d: writer.WriteNumberValue(d); break;
                case decimal m: writer.WriteNumberValue(m); break;
                default:
                    throw new InvalidSyncSettingsException(path, Convert.ToString(value, CultureInfo.InvariantCulture),
                        $"a {value.GetType().Name} cannot be a setting: use strings, numbers, true/false, lists and hashtables.");
            }
        }
    }
}
