using System;
using System.Collections.Generic;

namespace ZoomHubPS.Core.Http
{
    /// <summary>The buckets of one connection, sized from the Zoom plan and the HubSpot tier (FACTS §1.10, §2.8).</summary>
    internal sealed class RateLimits
    {
        // Zoom counts fixed clock seconds; a request we start at the end of one second may land in the next. A small
        // margin on the window keeps the module from tripping the limit on latency jitter.
        private static readonly TimeSpan ZoomSecond = TimeSpan.FromMilliseconds(1050);
        private static readonly TimeSpan HubSpotWindow = TimeSpan.FromMilliseconds(10_200);
        private static readonly TimeSpan SearchSecond = TimeSpan.FromMilliseconds(1050);

        private readonly Dictionary<string, RateBucket> _buckets = new Dictionary<string, RateBucket>(StringComparer.Ordinal);

        public RateLimits(ZoomPlan plan, HubSpotTier tier, TimeProvider clock)
        {
            int light, medium, heavy, intensivePerMinute;
            switch (plan)
            {
                case ZoomPlan.Business: light = 80; medium = 60; heavy = 40; intensivePerMinute = 20; break;
                case ZoomPlan.Free: light = 4; medium = 2; heavy = 1; intensivePerMinute = 1; break;
                default: light = 30; medium = 20; heavy = 10; intensivePerMinute = 10; break;
            }

            int tenSecondly;
            switch (tier)
            {
                case HubSpotTier.Free:
                case HubSpotTier.Starter: tenSecondly = 100; break;
                case HubSpotTier.ApiLimitIncrease: tenSecondly = 250; break;
                default: tenSecondly = 190; break;
            }

            Add(new RateBucket("Zoom/Light", light, ZoomSecond, clock));
            Add(new RateBucket("Zoom/Medium", medium, ZoomSecond, clock));
            Add(new RateBucket("Zoom/Heavy", heavy, ZoomSecond, clock));
            Add(new RateBucket("Zoom/ResourceIntensive", intensivePerMinute, TimeSpan.FromMinutes(1.02), clock));
            Add(new RateBucket("HubSpot/Standard", tenSecondly, HubSpotWindow, clock));
            Add(new RateBucket("HubSpot/Search", 5, SearchSecond, clock));
        }

        public RateBucket For(ApiKind api, RateCategory category)
            => _buckets.TryGetValue(api + "/" + category, out RateBucket b) ? b : null;

        private void Add(RateBucket bucket) => _buckets[bucket.Name] = bucket;
    }

    /// <summary>Rate-limit category of a route (Zoom labels; HubSpot standard vs search).</summary>
    public enum RateCategory
    {
        /// <summary>Not limited (OAuth token endpoint).</summary>
        None,

        /// <summary>Zoom Light.</summary>
        Light,

        /// <summary>Zoom Medium.</summary>
        Medium,

        /// <summary>Zoom Heavy (also counts toward the daily cap).</summary>
        Heavy,

        /// <summary>Zoom Resource-intensive.</summary>
        ResourceIntensive,

        /// <summary>HubSpot's ten-secondly limit.</summary>
        Standard,

        /// <summary>HubSpot search (5/s, its own limit).</summary>
        Search,
    }
}
