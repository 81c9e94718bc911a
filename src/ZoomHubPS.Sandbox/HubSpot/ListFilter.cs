using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// A list's <c>filterBranch</c> ([HS-LISTS] PublicOrFilterBranch / PublicAndFilterBranch …) over contact properties.
    /// Branch types OR, AND, NOT_ALL, NOT_ANY; PROPERTY filters with the operations ALL_PROPERTY (IS_KNOWN, IS_UNKNOWN),
    /// STRING and MULTISTRING (IS_EQUAL_TO, IS_NOT_EQUAL_TO, CONTAINS, DOES_NOT_CONTAIN, STARTS_WITH, ENDS_WITH),
    /// ENUMERATION (IS_ANY_OF, IS_NONE_OF), NUMBER (IS_EQUAL_TO … IS_LESS_THAN_OR_EQUAL_TO) and BOOL (IS_EQUAL_TO,
    /// IS_NOT_EQUAL_TO). Text compares case-insensitively (unconfirmed, as CRM search does). A contact without a value
    /// matches only when the operation says <c>includeObjectsWithNoValueSet</c>. Anything else is refused on parse.
    /// </summary>
    internal abstract class ListFilter
    {
        private static readonly string[] TextOperators = { "IS_EQUAL_TO", "IS_NOT_EQUAL_TO", "CONTAINS", "DOES_NOT_CONTAIN", "STARTS_WITH", "ENDS_WITH" };
        private static readonly string[] NumberOperators =
            { "IS_EQUAL_TO", "IS_NOT_EQUAL_TO", "IS_GREATER_THAN", "IS_GREATER_THAN_OR_EQUAL_TO", "IS_LESS_THAN", "IS_LESS_THAN_OR_EQUAL_TO" };

        /// <summary>Whether <paramref name="contact"/> matches.</summary>
        internal abstract bool Matches(HubSpotContact contact);

        /// <summary>Parses a filterBranch. Throws <see cref="FormatException"/> naming what is not supported.</summary>
        internal static ListFilter Parse(JsonNode branch)
        {
            if (!(branch is JsonObject obj))
            {
                throw new FormatException("filterBranch must be an object.");
            }

            string type = HubSpotJson.Str(obj, "filterBranchType");
            var children = new List<ListFilter>();
            foreach (JsonNode child in obj["filterBranches"] as JsonArray ?? new JsonArray())
            {
                children.Add(Parse(child));
            }

            foreach (JsonNode filter in obj["filters"] as JsonArray ?? new JsonArray())
            {
                children.Add(ParseFilter(filter));
            }

            switch (type)
            {
                case "OR": return new Branch(children, c => c.Any(x => x));
                case "AND": return new Branch(children, c => c.All(x => x));
                case "NOT_ALL": return new Branch(children, c => !c.All(x => x));
                case "NOT_ANY": return new Branch(children, c => !c.Any(x => x));
                default: throw new FormatException("filterBranchType '" + type + "' is not supported (OR, AND, NOT_ALL, NOT_ANY).");
            }
        }

        private static ListFilter ParseFilter(JsonNode filter)
        {
            string filterType = HubSpotJson.Str(filter, "filterType");
            string property = HubSpotJson.Str(filter, "property");
            if (filterType != "PROPERTY")
            {
                throw new FormatException("filterType '" + filterType + "' is not supported (PROPERTY).");
            }

            if (string.IsNullOrEmpty(property) || !(filter["operation"] is JsonObject operation))
            {
                throw new FormatException("A PROPERTY filter needs property and operation.");
            }

            string operationType = HubSpotJson.Str(operation, "operationType");
            string op = HubSpotJson.Str(operation, "operator");
            bool includeEmpty = HubSpotJson.Str(operation, "includeObjectsWithNoValueSet") == "true";
            switch (operationType)
            {
                case "ALL_PROPERTY":
                    Require(op, operationType, "IS_KNOWN", "IS_UNKNOWN");
                    return new Known(property, op == "IS_KNOWN");
                case "STRING":
                    Require(op, operationType, TextOperators);
                    string value = HubSpotJson.Str(operation, "value") ?? throw new FormatException("A STRING operation needs value.");
                    return new Test(property, includeEmpty, v => Text(op, v, new[] { value }));
                case "MULTISTRING":
                case "ENUMERATION":
                    List<string> values = HubSpotJson.StringList(operation["values"]) ?? throw new FormatException("A " + operationType + " operation needs values.");
                    if (operationType == "ENUMERATION")
                    {
                        Require(op, operationType, "IS_ANY_OF", "IS_NONE_OF");
                        return new Test(property, includeEmpty, v => Text(op == "IS_ANY_OF" ? "IS_EQUAL_TO" : "IS_NOT_EQUAL_TO", v, values));
                    }

                    Require(op, operationType, TextOperators);
                    return new Test(property, includeEmpty, v => Text(op, v, values));
                case "NUMBER":
                    Require(op, operationType, NumberOperators);
                    decimal target = Number(HubSpotJson.Str(operation, "value")) ?? throw new FormatException("A NUMBER operation needs a numeric value.");
                    return new Test(property, includeEmpty, v => Number(v) is decimal n && Compare(op, n, target));
                case "BOOL":
                    Require(op, operationType, "IS_EQUAL_TO", "IS_NOT_EQUAL_TO");
                    bool flag = HubSpotJson.Str(operation, "value") == "true";
                    return new Test(property, includeEmpty, v => (string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) == flag) == (op == "IS_EQUAL_TO"));
                default:
                    throw new FormatException("operationType '" + operationType + "' is not supported (ALL_PROPERTY, STRING, MULTISTRING, ENUMERATION, NUMBER, BOOL).");
            }
        }

        private static void Require(string op, string operationType, params string[] allowed)
        {
            if (Array.IndexOf(allowed, op) < 0)
            {
                throw new FormatException("operator '" + op + "' is not supported for " + operationType + " (" + string.Join(", ", allowed) + ").");
            }
        }

        // Positive operators match when any value matches; negative ones when none does.
        private static bool Text(string op, string actual, IEnumerable<string> values)
        {
            switch (op)
            {
                case "IS_EQUAL_TO": return values.Any(x => string.Equals(actual, x, StringComparison.OrdinalIgnoreCase));
                case "IS_NOT_EQUAL_TO": return !values.Any(x => string.Equals(actual, x, StringComparison.OrdinalIgnoreCase));
                case "CONTAINS": return values.Any(x => actual.IndexOf(x, StringComparison.OrdinalIgnoreCase) >= 0);
                case "DOES_NOT_CONTAIN": return !values.Any(x => actual.IndexOf(x, StringComparison.OrdinalIgnoreCase) >= 0);
                case "STARTS_WITH": return values.Any(x => actual.StartsWith(x, StringComparison.OrdinalIgnoreCase));
                default: return values.Any(x => actual.EndsWith(x, StringComparison.OrdinalIgnoreCase)); // ENDS_WITH
            }
        }

        private static decimal? Number(string text)
            => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal n) ? n : (decimal?)null;

        private static bool Compare(string op, decimal actual, decimal target)
        {
            switch (op)
            {
                case "IS_EQUAL_TO": return actual == target;
                case "IS_NOT_EQUAL_TO": return actual != target;
                case "IS_GREATER_THAN": return actual > target;
                case "IS_GREATER_THAN_OR_EQUAL_TO": return actual >= target;
                case "IS_LESS_THAN": return actual < target;
                default: return actual <= target; // IS_LESS_THAN_OR_EQUAL_TO
            }
        }

        private sealed class Branch : ListFilter
        {
            private readonly List<ListFilter> _children;
            private readonly Func<IEnumerable<bool>, bool> _combine;

            internal Branch(List<ListFilter> children, Func<IEnumerable<bool>, bool> combine)
            {
                _children = children;
                _combine = combine;
            }

            internal override bool Matches(HubSpotContact contact) => _combine(_children.Select(c => c.Matches(contact)));
        }

        private sealed class Test : ListFilter
        {
            private readonly string _property;
            private readonly bool _includeEmpty;
            private readonly Func<string, bool> _test;

            internal Test(string property, bool includeEmpty, Func<string, bool> test)
            {
                _property = property;
                _includeEmpty = includeEmpty;
                _test = test;
            }

            internal override bool Matches(HubSpotContact contact)
            {
                string value = contact.ApiValue(_property);
                return string.IsNullOrEmpty(value) ? _includeEmpty : _test(value);
            }
        }

        /// <summary>ALL_PROPERTY: IS_KNOWN (has a value) or IS_UNKNOWN.</summary>
        private sealed class Known : ListFilter
        {
            private readonly string _property;
            private readonly bool _known;

            internal Known(string property, bool known)
            {
                _property = property;
                _known = known;
            }

            internal override bool Matches(HubSpotContact contact) => string.IsNullOrEmpty(contact.ApiValue(_property)) != _known;
        }
    }
}
