using System;
using System.Collections.Generic;
using System.Linq;

namespace ZoomHubPS.Bench
{
    /// <summary>
    /// The least time the APIs' limits allow for an operation's minimal requests (about_ZoomHubPS_Benchmarks, "The
    /// floor model"):
    /// <list type="bullet">
    /// <item>Per bucket, n requests against "cap per window": the first cap go at once, each further cap one window
    /// later, so the last request leaves (ceil(n / cap) − 1) windows after the first. Zoom Pro: Light 30, Medium 20,
    /// Heavy 10 per 1-s window; HubSpot Professional: 190 per 10-s window, search 5 per 1-s window.</item>
    /// <item>Plus two latencies per bucket: nothing leaves before the first answer it depends on (at least the Zoom
    /// token or the first read), and the last request's answer takes one latency to come back.</item>
    /// <item>The chain: requests that cannot leave before the previous answer (page-token pages, read before write)
    /// take one latency each, in a row.</item>
    /// </list>
    /// Buckets run in parallel, so the floor is the largest bucket time or the chain, whichever is longer.
    /// </summary>
    public static class RateFloor
    {
        /// <summary>
        /// (requests per window, window seconds) of each bucket: the limits the benchmark's sandbox enforces
        /// (<see cref="BenchTwin.BenchLimits"/>, Zoom Pro and HubSpot Professional), so the floor and the run cannot disagree.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, (int Cap, double WindowSeconds)> Limits = LimitsOf(BenchTwin.BenchLimits);

        private static Dictionary<string, (int, double)> LimitsOf(ZoomHubPS.Sandbox.Limits.LimitOptions o) => new Dictionary<string, (int, double)>(StringComparer.Ordinal)
        {
            ["Zoom/Light"] = (o.ZoomLightPerSecond, 1),
            ["Zoom/Medium"] = (o.ZoomMediumPerSecond, 1),
            ["Zoom/Heavy"] = (o.ZoomHeavyPerSecond, 1),
            ["Zoom/ResourceIntensive"] = (o.ZoomResourceIntensivePerMinute, 60),
            ["HubSpot/Standard"] = (o.HubSpotPerTenSeconds, 10),
            ["HubSpot/Search"] = (o.HubSpotSearchPerSecond, 1),
        };

        /// <summary>The limits in words, for the report's settings line.</summary>
        public static string Describe()
        {
            ZoomHubPS.Sandbox.Limits.LimitOptions o = BenchTwin.BenchLimits;
            string Cap(string bucket) => Limits[bucket].Cap.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return $"Zoom {o.ZoomPlan} (Light {Cap("Zoom/Light")}/s, Medium {Cap("Zoom/Medium")}/s, Heavy {Cap("Zoom/Heavy")}/s), "
                + $"HubSpot {o.HubSpotTier} ({Cap("HubSpot/Standard")} / 10 s, search {Cap("HubSpot/Search")}/s)";
        }

        /// <summary>Least time for <paramref name="requests"/> in one bucket, without latency.</summary>
        public static double BucketSeconds(string bucket, int requests)
        {
            if (requests <= 0 || !Limits.TryGetValue(bucket, out var limit)) return 0;
            return ((requests + limit.Cap - 1) / limit.Cap - 1) * limit.WindowSeconds;
        }

        /// <summary>The floor of an operation.</summary>
        /// <param name="minimumByBucket">Minimal requests per bucket.</param>
        /// <param name="chainLength">Requests in the longest run of requests that each wait for the previous answer.</param>
        /// <param name="latencySeconds">Mean latency of one request.</param>
        public static FloorFigures Compute(IReadOnlyDictionary<string, int> minimumByBucket, int chainLength, double latencySeconds)
        {
            var f = new FloorFigures { ChainLength = chainLength, ChainSeconds = chainLength * latencySeconds };
            foreach (var p in minimumByBucket.Where(p => p.Value > 0))
            {
                f.BucketSeconds[p.Key] = BucketSeconds(p.Key, p.Value) + 2 * latencySeconds;
            }

            KeyValuePair<string, double> busiest = f.BucketSeconds.OrderByDescending(p => p.Value).FirstOrDefault();
            f.Seconds = Math.Max(busiest.Value, f.ChainSeconds);
            f.BoundBy = f.ChainSeconds >= busiest.Value ? "chain" : busiest.Key;
            return f;
        }

        /// <summary>
        /// The sync's chain: token → webinar → instances → every participant page in turn (each needs the previous
        /// page's token; attendance is known only once all are read; registrant pages can be read meanwhile) → the last
        /// batch: contact read → archived check → participations → upsert → event completion.
        /// </summary>
        public static int SyncChain(RequestMinimum.SyncShape s) => 1 + InstanceChain(s);

        /// <summary>The re-run's chain: token → webinar → instances → participant pages → the last contact read.</summary>
        public static int RerunChain(RequestMinimum.SyncShape s) => 1 + InstanceRerunChain(s);

        /// <summary>
        /// One instance's chain once the token is there: webinar → instances → the longer of the participant and the
        /// approved registrant pages → the last batch's contact read, archived check, participations, upsert and (a
        /// held instance only) the event's completion.
        /// </summary>
        public static int InstanceChain(RequestMinimum.SyncShape s) => 2 + LongestListing(s) + (s.Held ? 5 : 4);

        /// <summary>One instance's re-run chain once the token is there: webinar → instances → pages → the last contact read.</summary>
        public static int InstanceRerunChain(RequestMinimum.SyncShape s) => 2 + LongestListing(s) + 1;

        private static int LongestListing(RequestMinimum.SyncShape s)
            => Math.Max(s.Held ? RequestMinimum.Pages(s.ParticipantRows, RequestMinimum.ZoomPage) : 0, RequestMinimum.Pages(s.Approved, RequestMinimum.ZoomPage));

        /// <summary>Registration's chain: token → webinar → form, panelists and registrants (in parallel) → batches (in parallel).</summary>
        public const int RegistrationChain = 4;
    }
}
