using System;

namespace ZoomHubPS.Sandbox.Limits
{
    /// <summary>Zoom's rate-limit arithmetic (FACTS §1.10): per-category windows, the daily counters they draw on, labels.</summary>
    internal static class ZoomRateRules
    {
        private const string HeavyDailyKey = "Heavy+ResourceIntensive";

        /// <summary>
        /// The per-window limit of a Zoom category and the index of the window containing <paramref name="now"/>.
        /// Fixed windows aligned to the clock second (clock minute for Resource-intensive): FACTS says only "N per
        /// second", and aligned windows make "the (N+1)-th call in a second fails, the next second works" exact and
        /// easy to reason about in tests. A burst straddling a boundary can reach 2N in one real second, as with any
        /// fixed-window limiter; clients that pace themselves are unaffected.
        /// </summary>
        internal static (int Limit, long Window) Rate(string bucket, LimitOptions o, DateTimeOffset now)
        {
            long second = now.ToUnixTimeSeconds();
            switch (bucket)
            {
                case "Light": return (o.ZoomLightPerSecond, second);
                case "Medium": return (o.ZoomMediumPerSecond, second);
                case "Heavy": return (o.ZoomHeavyPerSecond, second);
                case "ResourceIntensive": return (o.ZoomResourceIntensivePerMinute, FloorDiv(second, 60));
                default: return (int.MaxValue, 0); // None (OAuth) or an unknown label: unlimited.
            }
        }

        /// <summary>The daily counter a Zoom category draws on and its cap (0 = none). Heavy and Resource-intensive share one.</summary>
        internal static (string Key, int Cap) Daily(string bucket, LimitOptions o)
        {
            switch (bucket)
            {
                case "Heavy":
                case "ResourceIntensive": return (HeavyDailyKey, o.ZoomHeavyDaily);
                case "Light": return ("Light", o.ZoomLightDaily);
                case "Medium": return ("Medium", o.ZoomMediumDaily);
                default: return (bucket ?? string.Empty, 0);
            }
        }

        /// <summary>Zoom's daily counters reset at 00:00 UTC (FACTS §1.10): the day index is whole UTC days since the epoch.</summary>
        internal static long Day(DateTimeOffset now) => FloorDiv(now.ToUnixTimeSeconds(), 86400);

        internal static string Label(string bucket) => bucket == "ResourceIntensive" ? "Resource-intensive" : bucket;

        /// <summary>Floor division (window indexes before the epoch stay ordered).</summary>
        internal static long FloorDiv(long value, long divisor) => value >= 0 ? value / divisor : ((value + 1) / divisor) - 1;
    }

    /// <summary>A counter for one fixed window (second, minute or day); a new window starts at zero.</summary>
    internal struct FixedWindowCount
    {
        private long _index;
        private int _count;

        public int CountIn(long index) => _index == index ? _count : 0;

        public FixedWindowCount Add(long index) => new FixedWindowCount { _index = index, _count = CountIn(index) + 1 };
    }
}
