using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// <c>POST /crm/v3/objects/contacts/search</c> (FACTS §2.5): filter groups ORed, filters inside a group ANDed, the 13
    /// operators, free-text <c>query</c>, one sort rule, <c>limit</c> ≤ 200, offset cursor <c>after</c>, 10,000-result cap.
    /// Bucket "Search": its 5/s limit and missing rate-limit headers are the limiter's business.
    /// </summary>
    internal static class ContactSearchRoutes
    {
        // FACTS §2.5 leaves the group cap at "5–6 (unconfirmed)"; the lower 5 is the safe side for a client, with
        // 6 filters per group and 18 filters in all as the 2026 search guide states.
        internal const int MaxGroups = 5;
        internal const int MaxFiltersPerGroup = 6;
        internal const int MaxFilters = 18;
        internal const int MaxLimit = 200;
        internal const int ResultCap = 10000;
        internal const int MaxQueryLength = 3000;

        private static readonly HashSet<string> Operators = new HashSet<string>(StringComparer.Ordinal)
        {
            "EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN", "NOT_IN", "HAS_PROPERTY", "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN",
        };

        internal static void Register(HubSpotRouter router)
            => router.Post(ContactRoutes.Base + "/search", ContactRoutes.Read, (r, app) => Search(router.State, r), HubSpotRouter.Search, isWrite: false);

        private static SandboxResponse Search(HubSpotState state, SandboxRequest request)
        {
            JsonNode body = request.Json() ?? new JsonObject();
            int limit = 10;
            string limitText = HubSpotJson.Str(body, "limit");
            if (limitText != null && (!int.TryParse(limitText, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit < 0 || limit > MaxLimit))
            {
                return HubSpotJson.BadRequest("limit must be between 0 and " + MaxLimit.ToString(CultureInfo.InvariantCulture) + ".");
            }

            int after = 0;
            string afterText = HubSpotJson.Str(body, "after");
            if (!string.IsNullOrEmpty(afterText) && (!int.TryParse(afterText, NumberStyles.Integer, CultureInfo.InvariantCulture, out after) || after < 0))
            {
                return HubSpotJson.BadRequest("after must be a non-negative integer offset.");
            }

            if (after >= ResultCap)
            {
                return HubSpotJson.BadRequest("Cannot page past 10000 results. Narrow the search with filters instead.");
            }

            string query = HubSpotJson.Str(body, "query");
            if (query != null && query.Length > MaxQueryLength)
            {
                return HubSpotJson.BadRequest("query must be at most 3000 characters.");
            }

            if (!TryReadFilters(state, body["filterGroups"], out List<List<Filter>> groups, out SandboxResponse error))
            {
                return error;
            }

            if (!TryReadSort(body["sorts"], out string sortProperty, out bool descending, out error))
            {
                return error;
            }

            var matches = new List<HubSpotContact>();
            foreach (long id in state.Contacts.OrderedIds)
            {
                HubSpotContact c = state.Contacts.ById(id, followMerge: false);
                if (c.Archived || c.MergedInto.HasValue)
                {
                    continue;
                }

                if ((groups.Count == 0 || groups.Any(g => g.All(f => f.Matches(c)))) && MatchesQuery(c, query))
                {
                    matches.Add(c);
                }
            }

            if (sortProperty != null && sortProperty != "hs_object_id")
            {
                HubSpotProperty property = state.Properties.Find(sortProperty);
                var comparer = Comparer<HubSpotContact>.Create((a, b) =>
                {
                    int r = CompareValues(property, a.ApiValue(sortProperty), b.ApiValue(sortProperty));
                    return r != 0 ? r : a.Id.CompareTo(b.Id);
                });
                matches.Sort(comparer);
            }

            if (descending)
            {
                matches.Reverse();
            }

            List<string> names = ContactJson.Selection(HubSpotJson.StringList(body["properties"]), state.Properties);
            int end = Math.Min(Math.Min(after + limit, matches.Count), ResultCap);
            var results = new JsonArray();
            for (int i = after; i < end; i++)
            {
                results.Add(ContactJson.ToJson(matches[i], names));
            }

            var response = new JsonObject { ["total"] = matches.Count, ["results"] = results };
            if (end < matches.Count && end < ResultCap && limit > 0)
            {
                string next = end.ToString(CultureInfo.InvariantCulture);
                response["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = next, ["link"] = null } };
            }

            return SandboxResponse.Json(HttpStatusCode.OK, response);
        }

        private static bool TryReadFilters(HubSpotState state, JsonNode node, out List<List<Filter>> groups, out SandboxResponse error)
        {
            groups = new List<List<Filter>>();
            error = null;
            if (!(node is JsonArray array))
            {
                return true;
            }

            if (array.Count > MaxGroups)
            {
                error = HubSpotJson.BadRequest("Too many filter groups: " + array.Count.ToString(CultureInfo.InvariantCulture) + ". The maximum is " + MaxGroups.ToString(CultureInfo.InvariantCulture) + ".");
                return false;
            }

            int total = 0;
            foreach (JsonNode groupNode in array)
            {
                var filters = new List<Filter>();
                JsonArray filterNodes = groupNode?["filters"] as JsonArray ?? new JsonArray();
                if (filterNodes.Count > MaxFiltersPerGroup)
                {
                    error = HubSpotJson.BadRequest("Too many filters in a group: " + filterNodes.Count.ToString(CultureInfo.InvariantCulture) + ". The maximum is " + MaxFiltersPerGroup.ToString(CultureInfo.InvariantCulture) + ".");
                    return false;
                }

                total += filterNodes.Count;
                if (total > MaxFilters)
                {
                    error = HubSpotJson.BadRequest("Too many filters: the maximum is " + MaxFilters.ToString(CultureInfo.InvariantCulture) + " across all groups.");
                    return false;
                }

                foreach (JsonNode f in filterNodes)
                {
                    string name = HubSpotJson.Str(f, "propertyName");
                    string op = HubSpotJson.Str(f, "operator") ?? "EQ";
                    if (string.IsNullOrEmpty(name) || !Operators.Contains(op))
                    {
                        error = HubSpotJson.BadRequest("Invalid filter: propertyName is required and operator must be one of " + string.Join(", ", Operators) + ".");
                        return false;
                    }

                    var filter = new Filter(name, op, state.Properties.Find(name), HubSpotJson.Str(f, "value"), HubSpotJson.StringList(f["values"]), HubSpotJson.Str(f, "highValue"));
                    if (filter.NeedsValue && filter.Value == null && (filter.Values == null || filter.Values.Count == 0))
                    {
                        error = HubSpotJson.BadRequest("Filter on " + name + " with operator " + op + " needs a value.");
                        return false;
                    }

                    filters.Add(filter);
                }

                groups.Add(filters);
            }

            return true;
        }

        private static bool TryReadSort(JsonNode node, out string property, out bool descending, out SandboxResponse error)
        {
            property = null;
            descending = false;
            error = null;
            if (!(node is JsonArray array) || array.Count == 0)
            {
                return true;
            }

            if (array.Count > 1)
            {
                error = HubSpotJson.BadRequest("Only one sort rule is supported.");
                return false;
            }

            JsonNode sort = array[0];
            if (sort is JsonObject)
            {
                property = HubSpotJson.Str(sort, "propertyName");
                descending = string.Equals(HubSpotJson.Str(sort, "direction"), "DESCENDING", StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                property = HubSpotJson.Scalar(sort);
                if (property != null && property.StartsWith("-", StringComparison.Ordinal))
                {
                    descending = true;
                    property = property.Substring(1);
                }
            }

            return true;
        }

        // Free text matches tokens of the default searchable properties (email, names, phone, company), as HubSpot's query does.
        private static bool MatchesQuery(HubSpotContact c, string query)
        {
            if (string.IsNullOrWhiteSpace(query))
            {
                return true;
            }

            string q = query.Trim();
            foreach (string name in new[] { "email", "firstname", "lastname", "phone", "company", "hs_additional_emails" })
            {
                string value = c.Get(name);
                if (value != null && value.IndexOf(q, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Compares two stored values by the property's type: numbers numerically, dates by instant, text case-insensitively.</summary>
        internal static int CompareValues(HubSpotProperty property, string a, string b)
        {
            if (a == null || b == null)
            {
                return a == null ? (b == null ? 0 : -1) : 1;
            }

            string type = property?.Type;
            if (type == "number" && decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal x)
                && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal y))
            {
                return x.CompareTo(y);
            }

            if ((type == "date" || type == "datetime") && HubSpotJson.TryParseInstant(a, out DateTimeOffset da) && HubSpotJson.TryParseInstant(b, out DateTimeOffset db))
            {
                return da.CompareTo(db);
            }

            return string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
        }

        private sealed class Filter
        {
            internal Filter(string name, string op, HubSpotProperty property, string value, List<string> values, string highValue)
            {
                Name = name;
                Op = op;
                Property = property;
                Value = Normalize(value);
                Values = values?.Select(Normalize).ToList();
                HighValue = Normalize(highValue);
            }

            internal string Name { get; }

            internal string Op { get; }

            internal HubSpotProperty Property { get; }

            internal string Value { get; }

            internal List<string> Values { get; }

            internal string HighValue { get; }

            internal bool NeedsValue => Op != "HAS_PROPERTY" && Op != "NOT_HAS_PROPERTY";

            internal bool Matches(HubSpotContact c)
            {
                string actual = c.ApiValue(Name);
                switch (Op)
                {
                    case "HAS_PROPERTY": return !string.IsNullOrEmpty(actual);
                    case "NOT_HAS_PROPERTY": return string.IsNullOrEmpty(actual);
                    case "EQ": return actual != null && Compare(actual, Value) == 0;
                    case "NEQ": return actual == null || Compare(actual, Value) != 0;
                    case "LT": return actual != null && Compare(actual, Value) < 0;
                    case "LTE": return actual != null && Compare(actual, Value) <= 0;
                    case "GT": return actual != null && Compare(actual, Value) > 0;
                    case "GTE": return actual != null && Compare(actual, Value) >= 0;
                    case "BETWEEN": return actual != null && Compare(actual, Value) >= 0 && Compare(actual, HighValue ?? Value) <= 0;
                    case "IN": return actual != null && (Values ?? new List<string> { Value }).Any(v => Compare(actual, v) == 0);
                    case "NOT_IN": return actual == null || !(Values ?? new List<string> { Value }).Any(v => Compare(actual, v) == 0);
                    case "CONTAINS_TOKEN": return actual != null && ContainsToken(actual, Value);
                    case "NOT_CONTAINS_TOKEN": return actual == null || !ContainsToken(actual, Value);
                    default: return false;
                }
            }

            private int Compare(string actual, string wanted) => CompareValues(Property, actual, wanted);

            // HubSpot tokenises on non-word characters; "*" is a wildcard (e.g. "*@contoso.com").
            private static bool ContainsToken(string actual, string token)
            {
                if (string.IsNullOrEmpty(token))
                {
                    return false;
                }

                if (token.IndexOf('*') >= 0)
                {
                    string pattern = "^" + System.Text.RegularExpressions.Regex.Escape(token).Replace("\\*", ".*") + "$";
                    return System.Text.RegularExpressions.Regex.IsMatch(actual, pattern, System.Text.RegularExpressions.RegexOptions.IgnoreCase)
                        || actual.Split(new[] { ' ', ';', ',' }, StringSplitOptions.RemoveEmptyEntries)
                            .Any(t => System.Text.RegularExpressions.Regex.IsMatch(t, pattern, System.Text.RegularExpressions.RegexOptions.IgnoreCase));
                }

                if (string.Equals(actual, token, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                char[] separators = { ' ', ';', ',', '.', '@', '-', '_', '/', ':' };
                string[] wanted = token.Split(separators, StringSplitOptions.RemoveEmptyEntries);
                var have = new HashSet<string>(actual.Split(separators, StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
                return wanted.Length > 0 && wanted.All(have.Contains);
            }

            // Filter values for date properties may be ms epoch or ISO; comparisons parse both, so nothing to do here except trim.
            private static string Normalize(string value) => value?.Trim();
        }
    }
}
