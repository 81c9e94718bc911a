using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using ZoomHubPS.Core.HubSpot;

namespace ZoomHubPS.Read
{
    /// <summary>
    /// Turns the -Filter syntax into HubSpot search filter groups:
    /// <c>@{ name = value }</c> is EQ; <c>@{ name = @{ gte = 3 } }</c> uses an operator; keys of one hashtable AND
    /// together; several hashtables OR together (HubSpot allows 5 groups of 6 filters, 18 in all).
    /// </summary>
    internal static class HubSpotFilterTranslator
    {
        private static readonly Dictionary<string, string> Operators = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["eq"] = "EQ", ["ne"] = "NEQ", ["neq"] = "NEQ", ["lt"] = "LT", ["le"] = "LTE", ["lte"] = "LTE", ["gt"] = "GT",
            ["ge"] = "GTE", ["gte"] = "GTE", ["between"] = "BETWEEN", ["in"] = "IN", ["notin"] = "NOT_IN",
            ["contains"] = "CONTAINS_TOKEN", ["notcontains"] = "NOT_CONTAINS_TOKEN", ["exists"] = null,
        };

        public static List<HubSpotFilterGroup> Translate(IEnumerable<Hashtable> filters)
        {
            var groups = new List<HubSpotFilterGroup>();
            foreach (Hashtable table in filters ?? Enumerable.Empty<Hashtable>())
            {
                var group = new HubSpotFilterGroup();
                foreach (DictionaryEntry entry in table)
                {
                    string property = entry.Key?.ToString();
                    if (string.IsNullOrWhiteSpace(property))
                    {
                        throw new ArgumentException("A -Filter key must be a HubSpot property name.");
                    }

                    object value = Unwrap(entry.Value);
                    if (value is IDictionary ops)
                    {
                        foreach (DictionaryEntry op in ops)
                        {
                            group.Filters.Add(Filter(property, op.Key?.ToString(), Unwrap(op.Value)));
                        }
                    }
                    else
                    {
                        group.Filters.Add(Filter(property, "eq", value));
                    }
                }

                if (group.Filters.Count > 0) groups.Add(group);
            }

            if (groups.Count > 5)
            {
                throw new ArgumentException($"-Filter has {groups.Count} hashtables (OR groups); HubSpot search allows at most 5.");
            }

            if (groups.Sum(g => g.Filters.Count) > 18 || groups.Any(g => g.Filters.Count > 6))
            {
                throw new ArgumentException("-Filter has too many conditions; HubSpot search allows at most 6 per hashtable and 18 in all.");
            }

            return groups;
        }

        private static HubSpotFilter Filter(string property, string op, object value)
        {
            if (op == null || !Operators.TryGetValue(op, out string hubSpotOp))
            {
                throw new ArgumentException($"-Filter operator '{op}' (on '{property}') is not known. Use one of: {string.Join(", ", Operators.Keys)}.");
            }

            var filter = new HubSpotFilter { PropertyName = property, Operator = hubSpotOp };
            switch (op.ToLowerInvariant())
            {
                case "exists":
                    filter.Operator = LanguagePrimitives.IsTrue(value) ? "HAS_PROPERTY" : "NOT_HAS_PROPERTY";
                    break;
                case "between":
                    object[] range = Values(value);
                    if (range.Length != 2) throw new ArgumentException($"-Filter 'between' on '{property}' needs two values, e.g. @{{ between = 1, 5 }}.");
                    filter.Value = Text(range[0]);
                    filter.HighValue = Text(range[1]);
                    break;
                case "in":
                case "notin":
                    filter.Values = Values(value).Select(Text).ToList();
                    if (filter.Values.Count == 0) throw new ArgumentException($"-Filter '{op}' on '{property}' needs at least one value.");
                    break;
                default:
                    if (value is Array || (value is IList && !(value is string)))
                    {
                        throw new ArgumentException($"-Filter '{op}' on '{property}' takes one value; use 'in' for several.");
                    }

                    filter.Value = Text(value);
                    break;
            }

            return filter;
        }

        private static object Unwrap(object value) => value is PSObject ps ? ps.BaseObject : value;

        private static object[] Values(object value)
            => value is IEnumerable e && !(value is string) ? e.Cast<object>().Select(Unwrap).ToArray() : new[] { value };

        /// <summary>HubSpot filter values are strings: numbers invariant, dates as ms since the epoch, booleans lower case.</summary>
        internal static string Text(object value)
        {
            value = Unwrap(value);
            switch (value)
            {
                case null: return null;
                case DateTime dt: return new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Local) : dt).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                case DateTimeOffset dto: return dto.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                case bool b: return b ? "true" : "false";
                case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString();
            }
        }
    }
}
