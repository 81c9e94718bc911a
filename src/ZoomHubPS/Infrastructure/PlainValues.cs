using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace ZoomHubPS.Infrastructure
{
    /// <summary>
    /// PowerShell values ↔ the plain .NET values Core uses for raw requests (dictionaries, lists, strings, numbers,
    /// booleans), so the cmdlet assembly needs no JSON library: hashtables and objects go in as dictionaries, answers come
    /// out as PSCustomObjects with their properties in the API's order.
    /// </summary>
    internal static class PlainValues
    {
        private const int MaxDepth = 64;

        /// <summary>A hashtable, PSCustomObject, array or scalar as plain values (JSON text stays text).</summary>
        public static object ToPlain(object value, int depth = 0)
        {
            if (depth > MaxDepth) throw new ArgumentException("The body nests deeper than " + MaxDepth + " levels.");
            if (value is PSObject ps)
            {
                if (ps.BaseObject is PSCustomObject) return Properties(ps, depth);
                value = ps.BaseObject;
            }

            switch (value)
            {
                case null: return null;
                case string _:
                case bool _:
                case DateTime _:
                case DateTimeOffset _:
                    return value;
                case char _:
                case Guid _:
                case Enum _:
                    return value.ToString();
                case IDictionary dictionary:
                    var d = new Dictionary<string, object>(StringComparer.Ordinal);
                    foreach (DictionaryEntry e in dictionary) d[Convert.ToString(e.Key, CultureInfo.InvariantCulture)] = ToPlain(e.Value, depth + 1);
                    return d;
                case IEnumerable list:
                    var l = new List<object>();
                    foreach (object item in list) l.Add(ToPlain(item, depth + 1));
                    return l;
                default:
                    // Numbers stay numbers; any other object goes as its properties, as ConvertTo-Json would send it.
                    return value.GetType().IsPrimitive || value is decimal ? value : Properties(PSObject.AsPSObject(value), depth);
            }
        }

        /// <summary>A query hashtable as name/value pairs: arrays comma-joined, booleans lower case, times ISO 8601 UTC.</summary>
        public static List<KeyValuePair<string, string>> ToQuery(IDictionary query)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            if (query == null) return pairs;
            foreach (DictionaryEntry e in query) pairs.Add(new KeyValuePair<string, string>(Convert.ToString(e.Key, CultureInfo.InvariantCulture), QueryText(e.Value)));
            return pairs;
        }

        /// <summary>Plain values (Core's answer) as PowerShell objects: dictionaries become PSCustomObjects, lists arrays.</summary>
        public static object ToPowerShell(object plain)
        {
            switch (plain)
            {
                case IDictionary dictionary:
                    var o = new PSObject();
                    foreach (DictionaryEntry e in dictionary) o.Properties.Add(new PSNoteProperty(Convert.ToString(e.Key, CultureInfo.InvariantCulture), ToPowerShell(e.Value)));
                    return o;
                case IList list when !(plain is string):
                    var items = new object[list.Count];
                    for (int i = 0; i < items.Length; i++) items[i] = ToPowerShell(list[i]);
                    return items;
                default:
                    return plain;
            }
        }

        private static Dictionary<string, object> Properties(PSObject o, int depth)
        {
            var d = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (PSPropertyInfo p in o.Properties)
            {
                if (!p.IsGettable) continue;
                d[p.Name] = ToPlain(p.Value, depth + 1);
            }

            return d;
        }

        private static string QueryText(object value)
        {
            value = value is PSObject ps ? ps.BaseObject : value;
            switch (value)
            {
                case null: return null;
                case string s: return s;
                case bool b: return b ? "true" : "false";
                case DateTime dt: return dt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                case DateTimeOffset dto: return dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                case IEnumerable list:
                    var parts = new List<string>();
                    foreach (object item in list) parts.Add(QueryText(item));
                    return string.Join(",", parts);
                default: return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }
    }
}
