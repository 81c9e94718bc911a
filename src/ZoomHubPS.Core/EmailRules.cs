using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ZoomHubPS.Core
{
    /// <summary>The email checks the sync and the registration share.</summary>
    internal static class EmailRules
    {
        private static readonly Regex Pattern = new Regex(@"^[^@\s;|]+@[^@\s;|]+\.[^@\s;|]+$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        /// <summary>Whether <paramref name="email"/> looks like an address (local@domain.tld, no spaces).</summary>
        public static bool IsValid(string email) => !string.IsNullOrEmpty(email) && Pattern.IsMatch(email);

        /// <summary>The domain, lower case ("" when none).</summary>
        public static string Domain(string email)
        {
            int at = email?.LastIndexOf('@') ?? -1;
            return at < 0 ? string.Empty : email.Substring(at + 1).ToLowerInvariant();
        }

        /// <summary>Whether the email's domain is one of <paramref name="domains"/> or a subdomain of one ("@x.com" and "x.com" both work).</summary>
        public static bool InDomains(string email, IEnumerable<string> domains)
        {
            string d = Domain(email);
            return domains != null && domains.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim().TrimStart('@').ToLowerInvariant())
                .Any(x => d == x || d.EndsWith("." + x, StringComparison.Ordinal));
        }
    }
}
