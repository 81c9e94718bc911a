using System;
using System.Globalization;
using System.Text;

namespace ZoomHubPS.Core
{
    /// <summary>Zoom id rules: webinar ids as people type them, and instance UUIDs in paths.</summary>
    public static class ZoomIds
    {
        /// <summary>
        /// Accepts "812 3456 7890", "812-3456-7890" or "81234567890" (9 to 12 digits once spaces and dashes are
        /// removed) and returns the numeric id.
        /// </summary>
        public static bool TryNormalizeWebinarId(string text, out long webinarId)
        {
            webinarId = 0;
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            // Spaces and dashes only group digits: "812-3456-7890" is an id, "-81234567890" is a negative number.
            string trimmed = text.Trim();
            var digits = new StringBuilder(trimmed.Length);
            char previous = ' ';
            foreach (char c in trimmed)
            {
                bool separator = c == ' ' || c == '-' || c == '\u00A0';
                if (c >= '0' && c <= '9') digits.Append(c);
                else if (!separator || digits.Length == 0 || previous == '-' || (c == '-' && (previous == ' ' || previous == '\u00A0'))) return false;
                previous = c;
            }

            if (previous == ' ' || previous == '-' || previous == '\u00A0') return false;

            return digits.Length >= 9 && digits.Length <= 13
                && long.TryParse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out webinarId)
                && webinarId > 0;
        }

        /// <summary>Like <see cref="TryNormalizeWebinarId"/>, but throws an ArgumentException that names the input.</summary>
        public static long NormalizeWebinarId(string text, string parameterName = "WebinarId")
        {
            if (TryNormalizeWebinarId(text, out long id))
            {
                return id;
            }

            throw new InvalidWebinarIdException(text, parameterName);
        }

        /// <summary>
        /// Encodes an instance UUID for a path segment. Zoom requires UUIDs that start with '/' or contain '//' to be
        /// encoded twice; others once (FACTS §1.2).
        /// </summary>
        public static string EncodeInstanceUuid(string uuid)
        {
            if (uuid == null) throw new ArgumentNullException(nameof(uuid));
            string once = Uri.EscapeDataString(uuid);
            return uuid.StartsWith("/", StringComparison.Ordinal) || uuid.Contains("//") ? Uri.EscapeDataString(once) : once;
        }

        /// <summary>A webinar id or an instance UUID, encoded for a path.</summary>
        internal static string PathId(long webinarId, string instanceUuid)
            => string.IsNullOrEmpty(instanceUuid) ? webinarId.ToString(CultureInfo.InvariantCulture) : EncodeInstanceUuid(instanceUuid);
    }

    /// <summary>A text that is not a Zoom webinar id (every cmdlet reports it with the same error id).</summary>
    public sealed class InvalidWebinarIdException : ArgumentException
    {
        /// <summary>Creates the exception for <paramref name="text"/> given as <paramref name="parameterName"/>.</summary>
        public InvalidWebinarIdException(string text, string parameterName)
            : base($"'{text}' is not a Zoom webinar id. A webinar id is 9 to 13 digits, optionally grouped with spaces or dashes, e.g. '812 3456 7890'.", parameterName)
            => Text = text;

        /// <summary>What was given.</summary>
        public string Text { get; }
    }
}
