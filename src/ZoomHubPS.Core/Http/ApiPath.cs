using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ZoomHubPS.Core.Http
{
    /// <summary>
    /// The one builder of request paths and query strings for both APIs: segments are escaped once, empty query values
    /// are left out (an absent filter), and the result is relative to the API's base URI.
    /// </summary>
    internal static class ApiPath
    {
        /// <summary><paramref name="path"/> plus the non-empty parameters as a query string.</summary>
        public static string With(string path, params (string Name, string Value)[] query)
        {
            var sb = new StringBuilder(path);
            bool first = path.IndexOf('?') < 0;
            foreach ((string name, string value) in query)
            {
                if (string.IsNullOrEmpty(value)) continue;
                sb.Append(first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
                first = false;
            }

            return sb.ToString();
        }

        /// <summary>An escaped path segment.</summary>
        public static string Segment(string value) => Uri.EscapeDataString(value ?? string.Empty);

        /// <summary>A number in a path or query, culture-invariant.</summary>
        public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A boolean query value as the APIs spell it.</summary>
        public static string Flag(bool value) => value ? "true" : "false";

        /// <summary>A comma-separated list (properties, occurrence ids); null when empty.</summary>
        public static string List(IEnumerable<string> values)
        {
            if (values == null) return null;
            string joined = string.Join(",", values);
            return joined.Length == 0 ? null : joined;
        }
    }
}
