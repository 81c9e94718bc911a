using System;
using System.Collections.Generic;
using System.Linq;

namespace ZoomHubPS.Bench
{
    /// <summary>
    /// The least time the APIs' limits allow for a set of requests: per bucket, requests ÷ rate (Zoom Pro: Light 30/s,
    /// Medium 20/s, Heavy 10/s; HubSpot Professional: 190 per 10 s, search 5/s); the floor is the slowest bucket, since
    /// buckets run in parallel. Latency is not in the floor: a client at the limit hides it behind concurrency.
    /// </summary>
    public static class RateFloor
    {
        private static readonly Dictionary<string, double> PerSecond = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["Zoom/Light"] = 30, ["Zoom/Medium"] = 20, ["Zoom/Heavy"] = 10, ["Zoom/ResourceIntensive"] = 10 / 60.0,
            ["HubSpot/Standard"] = 19, ["HubSpot/Search"] = 5,
        };

        public static double Seconds(IReadOnlyDictionary<string, int> requestsByBucket)
            => requestsByBucket.Where(p => PerSecond.ContainsKey(p.Key)).Select(p => p.Value / PerSecond[p.Key]).DefaultIfEmpty(0).Max();
    }
}
