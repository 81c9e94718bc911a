using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.Limits
{
    /// <summary>
    /// Enforces the rate limits per bucket as of the twin's clock and answers 429 with the real bodies and headers
    /// (FACTS §1.10 Zoom, §2.5 HubSpot search, §2.8 HubSpot). On a <c>FakeTimeProvider</c> every decision is deterministic.
    /// </summary>
    /// <remarks>
    /// Requests refused with 429 do not consume quota: FACTS is silent, and counting them would punish a client for
    /// retrying, which hides bugs in the opposite direction from the one a user needs to see (a client that sends too
    /// much still gets 429s; a polite one recovers exactly when the window allows).
    /// </remarks>
    public sealed class SandboxLimits
    {
        private static readonly TimeSpan HubSpotInterval = TimeSpan.FromSeconds(10);

        private readonly SandboxContext _context;
        private readonly object _gate = new object();

        // Zoom per account: one counter per category in the current fixed window, and daily counters (UTC days).
        private readonly Dictionary<string, FixedWindowCount> _zoomWindows = new Dictionary<string, FixedWindowCount>(StringComparer.Ordinal);
        private readonly Dictionary<string, FixedWindowCount> _zoomDaily = new Dictionary<string, FixedWindowCount>(StringComparer.Ordinal);

        // HubSpot: a true sliding 10-second window per app (principal), one daily counter and one search counter per account.
        private readonly Dictionary<string, Queue<DateTimeOffset>> _hubSpotRolling = new Dictionary<string, Queue<DateTimeOffset>>(StringComparer.Ordinal);
        private FixedWindowCount _hubSpotDaily;
        private FixedWindowCount _hubSpotSearch;

        // Its own random source, so correlation ids are repeatable and do not shift the twin's generated ids.
        private readonly Random _ids;
        private volatile LimitOptions _options;

        internal SandboxLimits(SandboxContext context, LimitOptions options)
        {
            _context = context;
            _options = options ?? LimitOptions.None;
            _ids = new Random(unchecked(context.Seed * 31 + 0x1A4175));
        }

        /// <summary>The limits in force. Replace them, or change their numbers, while the twin runs; the next request sees them.</summary>
        public LimitOptions Options
        {
            get => _options;
            set => _options = value ?? LimitOptions.None;
        }

        /// <summary>Requests left in the current Zoom window (second, or minute for Resource-intensive) of a category.</summary>
        /// <param name="bucket"><c>Light</c>, <c>Medium</c>, <c>Heavy</c> or <c>ResourceIntensive</c>.</param>
        public int ZoomRemaining(string bucket)
        {
            LimitOptions o = Options;
            lock (_gate)
            {
                (int limit, long window) = ZoomRateRules.Rate(bucket, o, _context.Now);
                return Math.Max(0, limit - Count(_zoomWindows, bucket, window));
            }
        }

        /// <summary>Requests left today (UTC) under the daily cap of a Zoom category, or null when the category has none.</summary>
        /// <param name="bucket"><c>Light</c>, <c>Medium</c>, <c>Heavy</c> or <c>ResourceIntensive</c> (the last two share one cap).</param>
        public int? ZoomDailyRemaining(string bucket)
        {
            LimitOptions o = Options;
            lock (_gate)
            {
                (string key, int cap) = ZoomRateRules.Daily(bucket, o);
                if (cap <= 0) return null;
                return Math.Max(0, cap - Count(_zoomDaily, key, ZoomRateRules.Day(_context.Now)));
            }
        }

        /// <summary>
        /// Requests left in the sliding 10-second HubSpot window of an app (<c>hubspot-app:&lt;appId&gt;</c>); with no
        /// principal, the smallest value over every app seen (for a single app that is the default app's).
        /// </summary>
        public int HubSpotRemaining(string principal = null)
        {
            LimitOptions o = Options;
            lock (_gate)
            {
                DateTimeOffset now = _context.Now;
                if (principal != null) return Math.Max(0, o.HubSpotPerTenSeconds - Rolling(principal, now).Count);
                int used = 0;
                foreach (string app in new List<string>(_hubSpotRolling.Keys)) used = Math.Max(used, Rolling(app, now).Count);
                return Math.Max(0, o.HubSpotPerTenSeconds - used);
            }
        }

        /// <summary>Requests left today under the HubSpot account's daily limit.</summary>
        public int HubSpotDailyRemaining
        {
            get
            {
                LimitOptions o = Options;
                lock (_gate)
                {
                    return Math.Max(0, o.HubSpotDaily - HubSpotDailyUsed(o, _context.Now));
                }
            }
        }

        /// <summary>
        /// What the daily-usage route reports while limits are on: the daily limit in force, requests counted against it
        /// today, and the next midnight in the account's time zone. Null when limits are off.
        /// </summary>
        internal (int Limit, int Used, DateTimeOffset ResetsAt)? HubSpotDailyUsage()
        {
            LimitOptions o = Options;
            if (!o.Enabled) return null;
            lock (_gate)
            {
                DateTimeOffset now = _context.Now;
                return (o.HubSpotDaily, HubSpotDailyUsed(o, now), LimitOptions.Midnight(now, o.HubSpotTimeZone, 1));
            }
        }

        /// <summary>Search requests left in the current second.</summary>
        public int HubSpotSearchRemaining
        {
            get
            {
                LimitOptions o = Options;
                lock (_gate)
                {
                    return Math.Max(0, o.HubSpotSearchPerSecond - _hubSpotSearch.CountIn(_context.Now.ToUnixTimeSeconds()));
                }
            }
        }

        /// <summary>Forgets every counter (a fresh day, a fresh second, empty windows).</summary>
        public void Reset()
        {
            lock (_gate)
            {
                _zoomWindows.Clear();
                _zoomDaily.Clear();
                _hubSpotRolling.Clear();
                _hubSpotDaily = default;
                _hubSpotSearch = default;
            }
        }

        /// <summary>Null to admit the request (its quota is then consumed), or the 429 to answer.</summary>
        internal SandboxResponse Admit(SandboxRequest request)
        {
            LimitOptions o = Options;
            if (!o.Enabled || request.Route == null) return null;
            lock (_gate)
            {
                // The clock is read under the lock so the sliding windows see monotonic timestamps even under concurrency.
                DateTimeOffset now = _context.Now;
                switch (request.Route.Api)
                {
                    case SandboxApi.Zoom:
                        return AdmitZoom(request.Route.Bucket, o, now);
                    case SandboxApi.HubSpot:
                        return AdmitHubSpot(request, o, now);
                    default:
                        return null; // Zoom OAuth (bucket None) is not limited.
                }
            }
        }

        /// <summary>
        /// Adds the rate-limit headers to an answer. Headers already present win (a route's own 429, e.g. Zoom's
        /// daily per-registrant limit, sets <c>Retry-After</c> and <c>X-RateLimit-Type</c> itself).
        /// </summary>
        internal void Decorate(SandboxRequest request, SandboxResponse response)
        {
            LimitOptions o = Options;
            if (!o.Enabled || request.Route == null || response == null) return;
            lock (_gate)
            {
                DateTimeOffset now = _context.Now;
                if (request.Route.Api == SandboxApi.Zoom)
                {
                    string bucket = request.Route.Bucket;
                    (int limit, long window) = ZoomRateRules.Rate(bucket, o, now);
                    if (limit == int.MaxValue) return;
                    Set(response, "X-RateLimit-Category", ZoomRateRules.Label(bucket));
                    Set(response, "X-RateLimit-Limit", Text(limit));
                    Set(response, "X-RateLimit-Remaining", Text(Math.Max(0, limit - Count(_zoomWindows, bucket, window))));
                }
                else if (request.Route.Api == SandboxApi.HubSpot && request.Route.Bucket != "Search")
                {
                    // Search responses carry no X-HubSpot-RateLimit headers at all (FACTS §2.5).
                    int used = request.Principal == null ? 0 : Rolling(request.Principal, now).Count;
                    SetHubSpotHeaders(response, o, Math.Max(0, o.HubSpotPerTenSeconds - used), Math.Max(0, o.HubSpotDaily - HubSpotDailyUsed(o, now)));
                }
            }
        }

        private SandboxResponse AdmitZoom(string bucket, LimitOptions o, DateTimeOffset now)
        {
            (int limit, long window) = ZoomRateRules.Rate(bucket, o, now);
            if (limit == int.MaxValue) return null;

            // Daily caps first: once the day's quota is gone, waiting a second does not help, and the answer must say so.
            (string dailyKey, int dailyCap) = ZoomRateRules.Daily(bucket, o);
            long day = ZoomRateRules.Day(now);
            if (dailyCap > 0 && Count(_zoomDaily, dailyKey, day) >= dailyCap)
            {
                DateTimeOffset reset = DateTimeOffset.FromUnixTimeSeconds((day + 1) * 86400);
                SandboxResponse r = SandboxResponse.ZoomError((HttpStatusCode)429, 429,
                    "You have exceeded the daily rate limit (" + Text(dailyCap) + ") of " + ZoomRateRules.Label(bucket)
                    + " API requests permitted for this particular account. You may resume these requests at GMT 00:00:00.");
                r.Headers["X-RateLimit-Category"] = ZoomRateRules.Label(bucket);
                r.Headers["X-RateLimit-Type"] = "Daily-limit";
                r.Headers["X-RateLimit-Limit"] = Text(dailyCap);
                r.Headers["X-RateLimit-Remaining"] = "0";
                // On daily limits Zoom's Retry-After is an ISO timestamp of the next 00:00 UTC, not seconds (FACTS §1.10).
                r.Headers["Retry-After"] = reset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                return r;
            }

            if (Count(_zoomWindows, bucket, window) >= limit)
            {
                SandboxResponse r = SandboxResponse.ZoomError((HttpStatusCode)429, 429, "You have reached the maximum per-second rate limit for this API. Try again later.");
                r.Headers["X-RateLimit-Category"] = ZoomRateRules.Label(bucket);
                r.Headers["X-RateLimit-Type"] = "QPS";
                r.Headers["X-RateLimit-Limit"] = Text(limit);
                r.Headers["X-RateLimit-Remaining"] = "0";
                // Whether Zoom sends Retry-After on QPS limits, and as seconds or a timestamp, is unconfirmed (FACTS §5.2).
                // Seconds until the window turns over is the form every client handles: "1" per second, and the rest
                // of the clock minute for Resource-intensive.
                r.Headers["Retry-After"] = bucket == "ResourceIntensive" ? Text(60 - (int)(now.ToUnixTimeSeconds() % 60)) : "1";
                return r;
            }

            Increment(_zoomWindows, bucket, window);
            if (dailyCap > 0) Increment(_zoomDaily, dailyKey, day);
            return null;
        }

        private SandboxResponse AdmitHubSpot(SandboxRequest request, LimitOptions o, DateTimeOffset now)
        {
            bool search = request.Route.Bucket == "Search";
            if (HubSpotDailyUsed(o, now) >= o.HubSpotDaily)
            {
                // The daily limit covers every call of the account, search included (the stricter reading; FACTS is silent).
                SandboxResponse daily = HubSpot429("You have reached your daily limit.", "DAILY");
                if (!search)
                {
                    SetHubSpotHeaders(daily, o, Math.Max(0, o.HubSpotPerTenSeconds - Rolling(request.Principal ?? string.Empty, now).Count), 0);
                }

                return daily;
            }

            if (search)
            {
                // Search: 5 per second per account, exempt from the ten-secondly limit, no rate headers (FACTS §2.5).
                // A fixed window aligned to the clock second, like Zoom's per-second limits.
                long second = now.ToUnixTimeSeconds();
                if (_hubSpotSearch.CountIn(second) >= o.HubSpotSearchPerSecond)
                {
                    // Only the message is documented; "SECONDLY" as policyName is an assumption (FACTS §2.5). Clients
                    // (and HubSpot's SDK) key on the message, so the guess cannot mislead one into a long wait.
                    return HubSpot429("You have reached your secondly limit.", "SECONDLY");
                }

                _hubSpotSearch = _hubSpotSearch.Add(second);
                AddHubSpotDaily(o, now);
                return null;
            }

            // The ten-second limit is per app (FACTS §2.8): the principal the HubSpot twin's auth set.
            Queue<DateTimeOffset> window = Rolling(request.Principal ?? string.Empty, now);
            if (window.Count >= o.HubSpotPerTenSeconds)
            {
                SandboxResponse r = HubSpot429("You have reached your ten_secondly_rolling limit.", "TEN_SECONDLY_ROLLING");
                SetHubSpotHeaders(r, o, 0, Math.Max(0, o.HubSpotDaily - HubSpotDailyUsed(o, now)));
                return r;
            }

            window.Enqueue(now);
            AddHubSpotDaily(o, now);
            return null;
        }

        /// <summary>HubSpot's 429 body (FACTS §2.8, §4): status, message, errorType, correlationId, policyName, requestId.</summary>
        private SandboxResponse HubSpot429(string message, string policy)
        {
            var body = new JsonObject
            {
                ["status"] = "error",
                ["message"] = message,
                ["errorType"] = "RATE_LIMIT",
                ["correlationId"] = NewGuid(),
                ["policyName"] = policy,
                ["requestId"] = NewGuid(),
            };
            return SandboxResponse.Json((HttpStatusCode)429, body);
        }

        private static void SetHubSpotHeaders(SandboxResponse response, LimitOptions o, int remaining, int dailyRemaining)
        {
            Set(response, "X-HubSpot-RateLimit-Interval-Milliseconds", "10000");
            Set(response, "X-HubSpot-RateLimit-Max", Text(o.HubSpotPerTenSeconds));
            Set(response, "X-HubSpot-RateLimit-Remaining", Text(remaining));
            Set(response, "X-HubSpot-RateLimit-Daily", Text(o.HubSpotDaily));
            Set(response, "X-HubSpot-RateLimit-Daily-Remaining", Text(dailyRemaining));
        }

        private int HubSpotDailyUsed(LimitOptions o, DateTimeOffset now) => _hubSpotDaily.CountIn(HubSpotDay(o, now));

        private void AddHubSpotDaily(LimitOptions o, DateTimeOffset now) => _hubSpotDaily = _hubSpotDaily.Add(HubSpotDay(o, now));

        /// <summary>HubSpot's daily limit resets at midnight in the account's time zone (FACTS §2.8).</summary>
        private static long HubSpotDay(LimitOptions o, DateTimeOffset now)
            => TimeZoneInfo.ConvertTime(now, o.HubSpotTimeZone ?? TimeZoneInfo.Utc).Date.Ticks / TimeSpan.TicksPerDay;

        /// <summary>The requests of an app in the last 10 seconds (older ones slide out as the clock moves).</summary>
        private Queue<DateTimeOffset> Rolling(string principal, DateTimeOffset now)
        {
            if (!_hubSpotRolling.TryGetValue(principal, out Queue<DateTimeOffset> q)) _hubSpotRolling[principal] = q = new Queue<DateTimeOffset>();
            while (q.Count > 0 && now - q.Peek() >= HubSpotInterval) q.Dequeue();
            return q;
        }

        private static int Count(Dictionary<string, FixedWindowCount> counters, string key, long window)
            => counters.TryGetValue(key ?? string.Empty, out FixedWindowCount w) ? w.CountIn(window) : 0;

        private static void Increment(Dictionary<string, FixedWindowCount> counters, string key, long window)
        {
            counters.TryGetValue(key, out FixedWindowCount w);
            counters[key] = w.Add(window);
        }

        private string NewGuid()
        {
            var bytes = new byte[16];
            _ids.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4, as HubSpot's ids look
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes).ToString();
        }

        private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static void Set(SandboxResponse response, string name, string value)
        {
            if (!response.Headers.ContainsKey(name)) response.Headers[name] = value;
        }
    }
}
