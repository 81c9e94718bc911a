using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Text.Json;

namespace ZoomHubPS.Core.Requests
{
    /// <summary>
    /// JSON as plain .NET values, so the cmdlet assembly never sees a System.Text.Json type: objects become
    /// <see cref="OrderedDictionary"/> (keys in document order), arrays <c>List&lt;object&gt;</c>, numbers <c>long</c> when
    /// whole and in range else <c>double</c>, plus strings, booleans and null.
    /// </summary>
    internal static class JsonPlain
    {
        public static object FromElement(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    var o = new OrderedDictionary(StringComparer.Ordinal);
                    foreach (JsonProperty p in e.EnumerateObject()) o[p.Name] = FromElement(p.Value);
                    return o;
                case JsonValueKind.Array:
                    var a = new List<object>(e.GetArrayLength());
                    foreach (JsonElement item in e.EnumerateArray()) a.Add(FromElement(item));
                    return a;
                case JsonValueKind.String: return e.GetString();
                case JsonValueKind.Number: return e.TryGetInt64(out long l) ? (object)l : e.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                default: return null;
            }
        }

        /// <summary>Parses JSON text; throws ArgumentException naming <paramref name="what"/> when it is not JSON.</summary>
        public static object Parse(string json, string what)
        {
            try
            {
                using (JsonDocument doc = JsonDocument.Parse(json))
                {
                    return FromElement(doc.RootElement);
                }
            }
            catch (JsonException ex)
            {
                throw new ArgumentException(what + " is not valid JSON: " + ex.Message, ex);
            }
        }

        /// <summary>Serializes plain values (dictionaries, lists, primitives) as UTF-8 JSON.</summary>
        public static byte[] ToUtf8(object value)
        {
            using (var stream = new System.IO.MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    Write(writer, value);
                }

                return stream.ToArray();
            }
        }

        private static void Write(Utf8JsonWriter w, object value)
        {
            switch (value)
            {
                case null: w.WriteNullValue(); break;
                case string s: w.WriteStringValue(s); break;
                case bool b: w.WriteBooleanValue(b); break;
                case DateTimeOffset dto: w.WriteStringValue(dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)); break;
                case DateTime dt: w.WriteStringValue(dt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)); break;
                case IDictionary d:
                    w.WriteStartObject();
                    foreach (DictionaryEntry entry in d)
                    {
                        w.WritePropertyName(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture));
                        Write(w, entry.Value);
                    }

                    w.WriteEndObject();
                    break;
                case IEnumerable list:
                    w.WriteStartArray();
                    foreach (object item in list) Write(w, item);
                    w.WriteEndArray();
                    break;
                default:
                    if (IsNumber(value)) w.WriteRawValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    else w.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }

        private static bool IsNumber(object v)
            => v is int || v is long || v is short || v is byte || v is sbyte || v is uint || v is ulong || v is ushort || v is decimal
               || (v is double d && !double.IsNaN(d) && !double.IsInfinity(d)) || (v is float f && !float.IsNaN(f) && !float.IsInfinity(f));
    }
}
