using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace ZoomHubPS.Infrastructure
{
    /// <summary>
    /// How the cmdlets name a pipeline input they cannot use: which input, what is wrong with it, and the fix, so the
    /// error is never blamed on something else (a missing last name, a silent skip).
    /// </summary>
    internal static class InputText
    {
        /// <summary>The property names the cmdlets read an email from (RegistrationInput.Email's spellings).</summary>
        public static readonly string[] EmailNames = { "Email", "email", "EmailAddress", "user_email" };

        /// <summary>An email argument that is empty once its white space is gone.</summary>
        public static string BlankEmail(string input)
            => $"The email {Quote(input)} is only white space{CodePoints(input)}: there is no address to look up. Leave such values out, e.g. with Where-Object {{ $_.Trim() }}.";

        /// <summary>
        /// Why a pipeline object cannot stand for a person, or null when it can: a string or number instead of an object,
        /// or an object with no Email property (a ';'-separated CSV read with the default delimiter has one property whose
        /// name holds every column).
        /// </summary>
        /// <param name="input">The pipeline object.</param>
        /// <param name="names">Its property names.</param>
        /// <param name="otherwise">How else to pass people, for the message (e.g. "pass -Email").</param>
        public static string NotAPerson(PSObject input, IEnumerable<string> names, string otherwise)
        {
            object value = input?.BaseObject;
            if (value == null) return "The input is empty ($null): there is no person to register.";
            if (value is string || value.GetType().IsPrimitive || value is decimal)
            {
                return $"The input is the value {Quote(Convert.ToString(value, CultureInfo.InvariantCulture))}, not an object with an Email property: pipe objects (Import-Csv rows, Get-HubSpotContact results), or {otherwise}.";
            }

            List<string> properties = names.ToList();
            if (properties.Any(n => EmailNames.Contains(n, StringComparer.OrdinalIgnoreCase))) return null;
            string glued = properties.FirstOrDefault(n => n.IndexOf(';') >= 0);
            if (glued != null)
            {
                return $"The input has no Email property: its property {Quote(glued)} is a whole ';'-separated CSV header. Read the file with Import-Csv -Delimiter ';'.";
            }

            string has = properties.Count == 0 ? "no properties at all" : "the properties " + string.Join(", ", properties.Take(8).Select(Quote)) + (properties.Count > 8 ? ", …" : string.Empty);
            return $"The input has no Email property (it has {has}). Give each row an Email column (or email, EmailAddress, user_email), e.g. Select-Object *, @{{ n = 'Email'; e = {{ $_.Mail }} }}.";
        }

        private static string Quote(string s) => "'" + (s != null && s.Length > 80 ? s.Substring(0, 80) + "…" : s) + "'";

        // Spaces that look like nothing in a console are named, so the user can find them in the source.
        private static string CodePoints(string s)
        {
            var odd = (s ?? string.Empty).Where(c => c != ' ').Distinct().Select(c => c == '\u00A0' ? "U+00A0 NO-BREAK SPACE" : "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)).ToList();
            return odd.Count == 0 ? string.Empty : " (" + string.Join(", ", odd) + ")";
        }
    }
}
