using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.Limits
{
    /// <summary>
    /// Enforces the rate limits per bucket as of the twin's clock, answering 429 with the real bodies and headers
    /// (FACTS §1.10, §2.5, §2.8). Requests refused with 429 do not consume quota (the safe assumption: FACTS is silent).
    /// </summary>
    public sealed class SandboxLimits
    {
        private readonly SandboxContext _context;
        private readonly object _gate = new object();
        private readonly Dictionary<string, (long Window, int Count)> _fixedWindows = new Dictionary<string, (long, int)>(StringComparer.Ordinal);
        private readonly Dictionary<string, (DateTime Day, int Count)> _daily = new Dictionary<string, (DateTime, int)>(StringComparer.Ordinal);
        private readonly Dictionary<string, Queue<DateTimeOffset>> _rolling = new Dictionary<string, Queue<DateTimeOffset>>(StringComparer.Ordinal);

        internal SandboxLimits(SandboxContext context, LimitOptions options)
        {
            _context = context;
            Options = options ?? LimitOptions.None;
        }

        /// <summary>The limits in force (change them while running if you like).</summary>
        public LimitOptions Options { get; set; }

        /// <summary>Requests left in the current HubSpot ten-second window of the default app.</summary>
        public int HubSpotRemaining(string principal = null)
        {
            lock (_gate)
            {
                return Options.HubSpotPerTenSeconds - Rolling(principal ?? "hubspot", _context.Now).Count;
            }
        }

        /// <summary>Null to admit the request, or the 429 to answer.</summary>
        internal SandboxResponse Admit(SandboxRequest request)
        {
            LimitOptions o = Options;
            if (o == null || !o.Enabled || request.Route == null) return null;
            DateTimeOffset now = request.ReceivedAt;
            lock (_gate)
            {
                switch (request.Route.Api)
                {
                    case SandboxApi.Zoom:
                        return AdmitZoom(request, o, now);
                    case SandboxApi.HubSpot:
                        return AdmitHubSpot(request, o, now);
                    default:
                        return null;
                }
            }
        }

        /// <summary>Adds the rate-limit headers; keeps headers a route already set (e.g. the registrant daily limit).</summary>
        internal void Decorate(SandboxRequest request, SandboxResponse response)
        {
            LimitOptions o = Options;
            if (o == null || !o.Enabled || request.Route == null) return;
            lock (_gate)
            {
                if (request.Route.Api == SandboxApi.Zoom && request.Route.Bucket != "None")
                {
                    (int limit, int used) = ZoomWindow(request.Route.Bucket, o, request.ReceivedAt, peek: true);
                    Set(response, "X-RateLimit-Category", CategoryLabel(request.Route.Bucket));
                    Set(response, "X-RateLimit-Limit", limit.ToString(CultureInfo.InvariantCulture));
                    Set(response, "X-RateLimit-Remaining", Math.Max(0, limit - used).ToString(CultureInfo.InvariantCulture));
                }
                else if (request.Route.Api == SandboxApi.HubSpot && request.Route.Bucket != "Search")
                {
                    // Search responses carry no rate-limit headers (FACTS §2.5).
                    string app = request.Principal ?? "hubspot";
                    int used = Rolling(app, request.ReceivedAt).Count;
                    int daily = Daily("hubspot-daily", HubSpotDay(o, request.ReceivedAt));
                    Set(response, "X-HubSpot-RateLimit-Interval-Milliseconds", "10000");
                    Set(response, "X-HubSpot-RateLimit-Max", o.HubSpotPerTenSeconds.ToString(CultureInfo.InvariantCulture));
                    Set(response, "X-HubSpot-RateLimit-Remaining", Math.Max(0, o.HubSpotPerTenSeconds - used).ToString(CultureInfo.InvariantCulture));
                    Set(response, "X-HubSpot-RateLimit-Daily", o.HubSpotDaily.ToString(CultureInfo.InvariantCulture));
                    Set(response, "X-HubSpot-RateLimit-Daily-Remaining", Math.Max(0, o.HubSpotDaily - daily).ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        private SandboxResponse AdmitZoom(SandboxRequest request, LimitOptions o, DateTimeOffset now)
        {
            string bucket = request.Route.Bucket;
            if (bucket == "None") return null;

            // Daily caps: Heavy and Resource-intensive share one; Free plans cap Light and Medium too. Reset 00:00 UTC.
            string dailyKey = bucket == "Heavy" || bucket == "ResourceIntensive" ? "zoom-heavy-daily" : "zoom-" + bucket + "-daily";
            int dailyCap = bucket == "Heavy" || bucket == "ResourceIntensive" ? o.ZoomHeavyDaily : bucket == "Light" ? o.ZoomLightDaily : bucket == "Medium" ? o.ZoomMediumDaily : 0;
            DateTime day = now.UtcDateTime.Date;
            if (dailyCap > 0 && Daily(dailyKey, day) >= dailyCap)
            {
                DateTimeOffset reset = new DateTimeOffset(day.AddDays(1), TimeSpan.Zero);
                SandboxResponse r = SandboxResponse.ZoomError((HttpStatusCode)429, 429,
                    $"You have exceeded the daily rate limit ({dailyCap}) of {CategoryLabel(bucket)} API requests permitted for this particular account. You may resume these requests at GMT 00:00:00.");
                r.Headers["X-RateLimit-Category"] = CategoryLabel(bucket);
                r.Headers["X-RateLimit-Type"] = "Daily-limit";
                r.Headers["X-RateLimit-Limit"] = dailyCap.ToString(CultureInfo.InvariantCulture);
                r.Headers["X-RateLimit-Remaining"] = "0";
                r.Headers["Retry-After"] = reset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                return r;
            }

            (int limit, int used) = ZoomWindow(bucket, o, now, peek: true);
            if (used >= limit)
            {
                SandboxResponse r = SandboxResponse.ZoomError((HttpStatusCode)429, 429, "You have reached the maximum per-second rate limit for this API. Try again later.");
                r.Headers["X-RateLimit-Category"] = CategoryLabel(bucket);
                r.Headers["X-RateLimit-Type"] = "QPS";
                r.Headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
                r.Headers["X-RateLimit-Remaining"] = "0";
                // Whether Zoom sends Retry-After for QPS limits, and in which form, is unconfirmed (FACTS §5.2):
                // seconds until the window turns over is the form clients handle best.
                r.Headers["Retry-After"] = bucket == "ResourceIntensive" ? "60" : "1";
                return r;
            }

            ZoomWindow(bucket, o, now, peek: false);
            if (dailyCap > 0) AddDaily(dailyKey, day);
            return null;
        }

        private SandboxResponse AdmitHubSpot(SandboxRequest request, LimitOptions o, DateTimeOffset now)
        {
            DateTime day = HubSpotDay(o, now);
            if (Daily("hubspot-daily", day) >= o.HubSpotDaily)
            {
                return HubSpot429("You have reached your daily limit.", "DAILY", o, request, now);
            }

            if (request.Route.Bucket == "Search")
            {
                // Search: 5 per second, its own limit, exempt from the ten-secondly one (FACTS §2.5). Fixed clock seconds.
                long second = now.ToUnixTimeSeconds();
                (long w, int c) = _fixedWindows.TryGetValue("hubspot-search", out var s) ? s : (second, 0);
                if (w != second) { w = second; c = 0; }
                if (c >= o.HubSpotSearchPerSecond)
                {
                    var body = new JsonObject
                    {
                        ["status"] = "error",
                        ["message"] = "You have reached your secondly limit.",
                        ["errorType"] = "RATE_LIMIT",
                        ["correlationId"] = Guid.NewGuid().ToString(),
                        ["policyName"] = "SECONDLY",
                    };
                    return SandboxResponse.Json((HttpStatusCode)429, body);
                }

                _fixedWindows["hubspot-search"] = (w, c + 1);
                AddDaily("hubspot-daily", day);
                return null;
            }

            string app = request.Principal ?? "hubspot";
            Queue<DateTimeOffset> window = Rolling(app, now);
            if (window.Count >= o.HubSpotPerTenSeconds)
            {
                return HubSpot429("You have reached your ten_secondly_rolling limit.", "TEN_SECONDLY_ROLLING", o, request, now);
            }

            window.Enqueue(now);
            AddDaily("hubspot-daily", day);
            return null;
        }

        private SandboxResponse HubSpot429(string message, string policy, LimitOptions o, SandboxRequest request, DateTimeOffset now)
        {
            var body = new JsonObject
            {
                ["status"] = "error",
                ["message"] = message,
                ["errorType"] = "RATE_LIMIT",
                ["correlationId"] = Guid.NewGuid().ToString(),
                ["policyName"] = policy,
                ["requestId"] = Guid.NewGuid().ToString(),
            };
            SandboxResponse r = SandboxResponse.Json((HttpStatusCode)429, body);
            r.Headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = "10000";
            r.Headers["X-HubSpot-RateLimit-Max"] = o.HubSpotPerTenSeconds.ToString(CultureInfo.InvariantCulture);
            r.Headers["X-HubSpot-RateLimit-Remaining"] = "0";
            r.Headers["X-HubSpot-RateLimit-Daily"] = o.HubSpotDaily.ToString(CultureInfo.InvariantCulture);
            r.Headers["X-HubSpot-RateLimit-Daily-Remaining"] = Math.Max(0, o.HubSpotDaily - Daily("hubspot-daily", HubSpotDay(o, now))).ToString(CultureInfo.InvariantCulture);
            return r;
        }

        // Zoom counts per clock second (per minute for Resource-intensive); a fixed window aligned to the clock is
        // the simplest reading of "N requests per second" (FACTS does not say fixed or sliding).
        private (int Limit, int Used) ZoomWindow(string bucket, LimitOptions o, DateTimeOffset now, bool peek)
        {
            int limit;
            long window;
            switch (bucket)
            {
                case "Light": limit = o.ZoomLightPerSecond; window = now.ToUnixTimeSeconds(); break;
                case "Medium": limit = o.ZoomMediumPerSecond; window = now.ToUnixTimeSeconds(); break;
                case "Heavy": limit = o.ZoomHeavyPerSecond; window = now.ToUnixTimeSeconds(); break;
                case "ResourceIntensive": limit = o.ZoomResourceIntensivePerMinute; window = now.ToUnixTimeSeconds() / 60; break;
                default: return (int.MaxValue, 0);
            }

            string key = "zoom-" + bucket;
            (long w, int c) = _fixedWindows.TryGetValue(key, out var s) ? s : (window, 0);
            if (w != window) { w = window; c = 0; }
            if (!peek) c++;
            _fixedWindows[key] = (w, c);
            return (limit, c);
        }

        private Queue<DateTimeOffset> Rolling(string key, DateTimeOffset now)
        {
            if (!_rolling.TryGetValue(key, out Queue<DateTimeOffset> q)) _rolling[key] = q = new Queue<DateTimeOffset>();
            while (q.Count > 0 && now - q.Peek() >= TimeSpan.FromSeconds(10)) q.Dequeue();
            return q;
        }

        private int Daily(string key, DateTime day) => _daily.TryGetValue(key, out var d) && d.Day == day ? d.Count : 0;

        private void AddDaily(string key, DateTime day) => _daily[key] = (day, Daily(key, day) + 1);

        private static DateTime HubSpotDay(LimitOptions o, DateTimeOffset now) => TimeZoneInfo.ConvertTime(now, o.HubSpotTimeZone ?? TimeZoneInfo.Utc).Date;

        private static string CategoryLabel(string bucket) => bucket == "ResourceIntensive" ? "Resource-intensive" : bucket;

        private static void Set(SandboxResponse response, string name, string value)
        {
            if (!response.Headers.ContainsKey(name)) response.Headers[name] = value;
        }
    }
}
