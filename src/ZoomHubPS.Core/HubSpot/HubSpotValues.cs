using System;
using System.Globalization;

namespace ZoomHubPS.Core.HubSpot
{
    /// <summary>How values are written to HubSpot properties and tokens: one format per kind, used by every writer.</summary>
    internal static class HubSpotValues
    {
        /// <summary>A datetime property: ISO 8601 UTC with milliseconds; empty clears it.</summary>
        public static string DateTime(DateTimeOffset? value)
            => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'", CultureInfo.InvariantCulture) ?? string.Empty;

        /// <summary>A participation property (joinedAt, leftAt): ISO 8601 UTC to the second.</summary>
        public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        /// <summary>Milliseconds since the epoch (interaction times, date tokens).</summary>
        public static long Milliseconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

        /// <summary>A whole number.</summary>
        public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A number with one decimal (percents); empty clears it.</summary>
        public static string OneDecimal(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty;

        /// <summary>A number token as HubSpot reads it.</summary>
        public static string Decimal(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

        /// <summary>
        /// Whether a value HubSpot returns is the one written, as HubSpot stores values: a number may come back without its
        /// trailing zeros ("50" for "50.0"), a date-time in another ISO form or as milliseconds, an empty value as none.
        /// </summary>
        public static bool Same(string stored, string written)
        {
            stored = stored ?? string.Empty;
            written = written ?? string.Empty;
            if (string.Equals(stored, written, StringComparison.Ordinal)) return true;
            if (stored.Length == 0 || written.Length == 0) return false;
            if (decimal.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal a)
                && decimal.TryParse(written, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal b))
            {
                return a == b;
            }

            return Instant(stored) is DateTimeOffset x && Instant(written) is DateTimeOffset y && x == y;
        }

        private static DateTimeOffset? Instant(string value)
        {
            if (value.Length >= 12 && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long ms)) return DateTimeOffset.FromUnixTimeMilliseconds(ms);
            bool iso = value.Length >= 10 && char.IsDigit(value[0]) && value[4] == '-';
            return iso && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset d) ? d : (DateTimeOffset?)null;
        }
    }
}
