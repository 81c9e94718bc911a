using System;

namespace ZoomHubPS.Sandbox.Limits
{
    /// <summary>
    /// Which rate limits the twin enforces (FACTS §1.10, §2.5, §2.8). Limits are on by default; "no limits" is a choice.
    /// Every number can be overridden; the twin reads the options on each request, so changes made while it runs take
    /// effect on the next request (each property is a single atomic field, so this is safe from any thread).
    /// </summary>
    public sealed class LimitOptions
    {
        /// <summary>Whether any limit is enforced.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>Zoom plan the numbers came from (Free, Pro, Business).</summary>
        public string ZoomPlan { get; set; } = "Pro";

        /// <summary>HubSpot tier the numbers came from.</summary>
        public string HubSpotTier { get; set; } = "Professional";

        /// <summary>Zoom Light requests per second.</summary>
        public int ZoomLightPerSecond { get; set; } = 30;

        /// <summary>Zoom Medium requests per second.</summary>
        public int ZoomMediumPerSecond { get; set; } = 20;

        /// <summary>Zoom Heavy requests per second.</summary>
        public int ZoomHeavyPerSecond { get; set; } = 10;

        /// <summary>Zoom Resource-intensive requests per minute (fixed clock minutes).</summary>
        public int ZoomResourceIntensivePerMinute { get; set; } = 10;

        /// <summary>Daily cap shared by Heavy and Resource-intensive (resets 00:00 UTC).</summary>
        public int ZoomHeavyDaily { get; set; } = 30_000;

        /// <summary>Daily caps of Light and Medium (Free plan only; 0 = none).</summary>
        public int ZoomLightDaily { get; set; }

        /// <summary>Daily cap of Medium (Free plan only; 0 = none).</summary>
        public int ZoomMediumDaily { get; set; }

        /// <summary>HubSpot requests per rolling 10 seconds (per app).</summary>
        public int HubSpotPerTenSeconds { get; set; } = 190;

        /// <summary>HubSpot requests per day (per account; resets at midnight in <see cref="HubSpotTimeZone"/>).</summary>
        public int HubSpotDaily { get; set; } = 625_000;

        /// <summary>HubSpot search requests per second (its own limit).</summary>
        public int HubSpotSearchPerSecond { get; set; } = 5;

        /// <summary>Time zone of the HubSpot account (daily reset).</summary>
        public TimeZoneInfo HubSpotTimeZone { get; set; } = TimeZoneInfo.Utc;

        /// <summary>A copy (so one set of options can seed several twins without sharing later changes).</summary>
        public LimitOptions Clone() => (LimitOptions)MemberwiseClone();

        /// <summary>No limits at all (a deliberate choice, never the default).</summary>
        public static LimitOptions None => new LimitOptions { Enabled = false };

        /// <summary>
        /// Limits of a Zoom plan and a HubSpot tier, with the HubSpot daily limit resetting at midnight in the account's
        /// time zone (an IANA or Windows id such as <c>America/New_York</c>, as a scenario's <c>time_zone</c>; null,
        /// empty or an id this machine does not know = UTC, the sandbox's default, rather than refusing to start).
        /// </summary>
        public static LimitOptions For(string zoomPlan, string hubSpotTier, string hubSpotTimeZone)
        {
            LimitOptions o = For(zoomPlan, hubSpotTier);
            o.HubSpotTimeZone = Zone(hubSpotTimeZone);
            return o;
        }

        /// <summary>A time zone by IANA or Windows id; null, empty, "UTC" or an id this machine does not know = UTC.</summary>
        internal static TimeZoneInfo Zone(string id)
        {
            if (string.IsNullOrWhiteSpace(id) || string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase)) return TimeZoneInfo.Utc;
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException || ex is InvalidTimeZoneException)
            {
                return TimeZoneInfo.Utc;
            }
        }

        /// <summary>
        /// The instant of midnight in <paramref name="zone"/> at the start of the local day <paramref name="days"/> after
        /// the one <paramref name="now"/> falls in (0 = today's, 1 = the next reset of a daily limit).
        /// </summary>
        internal static DateTimeOffset Midnight(DateTimeOffset now, TimeZoneInfo zone, int days)
        {
            zone = zone ?? TimeZoneInfo.Utc;
            DateTime local = TimeZoneInfo.ConvertTime(now, zone).Date.AddDays(days);
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        /// <summary>Limits of a Zoom plan (Free, Pro, Business) and a HubSpot tier (Free, Starter, Professional, Enterprise, ApiLimitIncrease).</summary>
        public static LimitOptions For(string zoomPlan, string hubSpotTier)
        {
            var o = new LimitOptions { ZoomPlan = zoomPlan ?? "Pro", HubSpotTier = hubSpotTier ?? "Professional" };
            switch ((zoomPlan ?? "Pro").Replace(" ", string.Empty).ToLowerInvariant())
            {
                case "free":
                case "basic":
                    // Secondary source (FACTS §1.10): Light 4/s with 6,000/day, Medium 2/s with 2,000/day, Heavy 1/s with 1,000/day.
                    o.ZoomLightPerSecond = 4; o.ZoomMediumPerSecond = 2; o.ZoomHeavyPerSecond = 1; o.ZoomResourceIntensivePerMinute = 1;
                    // FACTS gives no Resource-intensive rate for Free; 1/min (stricter than Pro's 10) is the safe guess.
                    o.ZoomLightDaily = 6_000; o.ZoomMediumDaily = 2_000; o.ZoomHeavyDaily = 1_000;
                    break;
                case "business":
                case "business+":
                case "businessplus":
                case "partners":
                case "enterprise":
                case "education":
                    o.ZoomLightPerSecond = 80; o.ZoomMediumPerSecond = 60; o.ZoomHeavyPerSecond = 40; o.ZoomResourceIntensivePerMinute = 20; o.ZoomHeavyDaily = 60_000;
                    break;
                case "pro":
                    break;
                default:
                    throw new ArgumentException($"Unknown Zoom plan '{zoomPlan}'. Use Free, Pro or Business.", nameof(zoomPlan));
            }

            switch ((hubSpotTier ?? "Professional").Replace(" ", string.Empty).ToLowerInvariant())
            {
                case "free":
                case "starter":
                    o.HubSpotPerTenSeconds = 100; o.HubSpotDaily = 250_000;
                    break;
                case "professional":
                    break;
                case "enterprise":
                    o.HubSpotDaily = 1_000_000;
                    break;
                case "apilimitincrease":
                    // One API Limit Increase pack on Professional: 250 per 10 s, and +1,000,000 per day on top of 625,000 (FACTS §2.8).
                    o.HubSpotPerTenSeconds = 250; o.HubSpotDaily = 1_625_000;
                    break;
                default:
                    throw new ArgumentException($"Unknown HubSpot tier '{hubSpotTier}'. Use Free, Starter, Professional, Enterprise or ApiLimitIncrease.", nameof(hubSpotTier));
            }

            return o;
        }
    }
}
