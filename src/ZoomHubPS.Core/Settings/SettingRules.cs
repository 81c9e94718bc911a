using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ZoomHubPS.Core.WebinarSync;

namespace ZoomHubPS.Core.Settings
{
    /// <summary>
    /// The value rules of the settings, each once: the document validator reports a broken rule with the key's JSON path,
    /// the run overrides with the override's name. Each rule returns the normalised value, or null and the problem.
    /// </summary>
    internal static class SettingRules
    {
        /// <summary>The <c>users</c> value that selects every user of the account.</summary>
        public const string AllUsers = "All";

        /// <summary>Smallest and largest <c>lookbackDays</c>.</summary>
        public const int MinLookbackDays = 1, MaxLookbackDays = 365;

        // Host names as DNS allows them (RFC 1123 labels), at least two labels, ASCII (IDNs as punycode, xn--…).
        private static readonly Regex DomainPattern = new Regex(
            @"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",
            RegexOptions.CultureInvariant);

        private static readonly Regex DigitsPattern = new Regex(@"^[0-9]{1,20}$", RegexOptions.CultureInvariant);

        /// <summary>An email, trimmed and lower-cased (Zoom and HubSpot compare emails without case).</summary>
        public static string Email(string raw, out string problem)
        {
            string email = raw?.Trim().ToLowerInvariant();
            problem = EmailRules.IsValid(email) ? null : $"'{raw}' is not an email address (name@example.com).";
            return problem == null ? email : null;
        }

        /// <summary>A domain, trimmed, lower-cased and without a leading '@'; it also covers its subdomains (EmailRules.InDomains).</summary>
        public static string Domain(string raw, out string problem)
        {
            string domain = raw?.Trim().TrimStart('@').ToLowerInvariant() ?? string.Empty;
            problem = null;
            if (domain.StartsWith("*.", StringComparison.Ordinal))
            {
                problem = $"'{raw}' is a wildcard: write '{domain.Substring(2)}' (a domain already covers its subdomains).";
            }
            else if (!DomainPattern.IsMatch(domain))
            {
                problem = $"'{raw}' is not a domain name (letters, digits and hyphens in dot-separated labels, e.g. example.com; international names as punycode, xn--…).";
            }

            return problem == null ? domain : null;
        }

        /// <summary>A Zoom webinar id as typed ("812 3456 7890", "812-3456-7890"): the rule of ZoomIds.</summary>
        public static long? WebinarId(string raw, out string problem)
        {
            problem = ZoomIds.TryNormalizeWebinarId(raw, out long id) ? null
                : $"'{raw}' is not a Zoom webinar id (9 to 13 digits, optionally grouped with spaces or dashes, e.g. '812 3456 7890').";
            return problem == null ? id : (long?)null;
        }

        /// <summary>Why <paramref name="days"/> is not a usable look-back (null when it is).</summary>
        public static string LookbackProblem(int days)
            => days >= MinLookbackDays && days <= MaxLookbackDays ? null
                : $"{days} is out of range: the look-back is a whole number of days from {MinLookbackDays} to {MaxLookbackDays}.";

        /// <summary>Why <paramref name="appId"/> is not a HubSpot app id (null when it is).</summary>
        public static string TimelineAppIdProblem(long appId)
            => appId > 0 ? null : $"{appId} is not a HubSpot app id: use a positive integer, or null for no timeline events.";

        /// <summary>A HubSpot list id (ILS id: digits, FACTS §C), trimmed.</summary>
        public static string ListId(string raw, out string problem)
        {
            string id = raw?.Trim();
            problem = id != null && DigitsPattern.IsMatch(id) ? null : $"'{raw}' is not a HubSpot list id (the digits of the list's ILS id, e.g. '123').";
            return problem == null ? id : null;
        }

        /// <summary>A Zoom occurrence id (one id, no spaces or commas), trimmed.</summary>
        public static string OccurrenceId(string raw, out string problem)
        {
            string id = raw?.Trim();
            problem = !string.IsNullOrEmpty(id) && id.All(c => !char.IsWhiteSpace(c) && c != ',') ? null
                : $"'{raw}' is not one Zoom occurrence id (from Get-ZoomWebinar's Occurrences, e.g. '1648194360000').";
            return problem == null ? id : null;
        }

        /// <summary>
        /// The property-name map, checked by <see cref="SyncPropertyNames.From"/> itself (the sync's own rule). Returns the
        /// key that broke it (or null for the map as a whole) and the problem.
        /// </summary>
        public static string PropertyNamesProblem(IDictionary<string, string> map, out string badKey)
        {
            badKey = null;
            foreach (KeyValuePair<string, string> pair in map)
            {
                string problem = Try(new Dictionary<string, string> { [pair.Key] = pair.Value });
                if (problem != null)
                {
                    badKey = pair.Key;
                    return problem;
                }
            }

            return Try(map);
        }

        private static string Try(IDictionary<string, string> map)
        {
            try
            {
                SyncPropertyNames.From(map);
                return null;
            }
            catch (ArgumentException ex)
            {
                return ex.Message;
            }
        }
    }
}
