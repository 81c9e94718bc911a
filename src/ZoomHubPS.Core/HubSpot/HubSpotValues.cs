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
    }
}
