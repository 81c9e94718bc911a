using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.Faults
{
    /// <summary>What a fault rule does to the requests it matches.</summary>
    public enum FaultKind
    {
        /// <summary>Only latency.</summary>
        None,

        /// <summary>A 429 with Retry-After (as the real service would for a burst).</summary>
        TooManyRequests,

        /// <summary>A 500, 502 or 503.</summary>
        ServerError,

        /// <summary>The connection drops (HttpRequestException in process; an aborted response on loopback).</summary>
        ConnectionReset,

        /// <summary>No answer until the caller gives up.</summary>
        Timeout,
    }

    /// <summary>
    /// One fault: which requests (by route key "METHOD /template", a template, either with "*" wildcards, an API name, or "*"), what
    /// happens (latency and/or a failure), and how often (the next N matching requests, every k-th, or with a
    /// probability drawn from the twin's seeded random source, so runs repeat).
    /// </summary>
    public sealed class FaultRule
    {
        // A rule counts what it has seen; the same options object may serve several twins (each with its own
        // injector lock), so the counters have a lock of their own.
        private readonly object _gate = new object();
        private int _seen;
        private int? _remaining;

        /// <summary>The match pattern.</summary>
        public string Pattern { get; private set; } = "*";

        /// <summary>The failure.</summary>
        public FaultKind Kind { get; private set; }

        /// <summary>Status for ServerError.</summary>
        public int Status { get; private set; } = 503;

        /// <summary>Retry-After of a 429.</summary>
        public TimeSpan RetryAfter { get; private set; } = TimeSpan.FromSeconds(1);

        /// <summary>Fixed latency.</summary>
        public TimeSpan FixedLatency { get; private set; }

        /// <summary>Jitter added or removed (uniform ±).</summary>
        public TimeSpan Jitter { get; private set; }

        /// <summary>Matching requests left to fail (null = unlimited).</summary>
        public int? Remaining
        {
            get { lock (_gate) return _remaining; }
        }

        /// <summary>Fail every k-th matching request (0 = not used).</summary>
        public int EveryNth { get; private set; }

        /// <summary>Probability of failing a matching request (1 = always).</summary>
        public double Probability { get; private set; } = 1;

        /// <summary>
        /// A rule for requests matching <paramref name="pattern"/>: <c>"*"</c>; an API (<c>"Zoom"</c> incl. OAuth,
        /// <c>"ZoomOAuth"</c>, <c>"HubSpot"</c>); a route key (<c>"POST /crm/v3/objects/contacts/batch/upsert"</c>) with
        /// optional <c>*</c> wildcards (<c>"GET /v2/*"</c>, <c>"* /crm/*/batch/*"</c>); or a template for every method (<c>"/crm/*"</c>).
        /// </summary>
        public static FaultRule For(string pattern) => new FaultRule { Pattern = string.IsNullOrWhiteSpace(pattern) ? "*" : pattern.Trim() };

        /// <summary>Adds latency to every matching request: fixed ± jitter (uniform, never below zero), waited on the twin's clock.</summary>
        public FaultRule Latency(TimeSpan fixedPart, TimeSpan jitter)
        {
            if (fixedPart < TimeSpan.Zero || jitter < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(fixedPart), "Latency and jitter cannot be negative.");
            FixedLatency = fixedPart;
            Jitter = jitter;
            return this;
        }

        /// <summary>Answers 429 with Retry-After.</summary>
        public FaultRule TooManyRequests(TimeSpan? retryAfter = null)
        {
            Kind = FaultKind.TooManyRequests;
            RetryAfter = retryAfter ?? TimeSpan.FromSeconds(1);
            return this;
        }

        /// <summary>Answers 500, 502 or 503.</summary>
        public FaultRule ServerError(int status = 503)
        {
            if (status != 500 && status != 502 && status != 503 && status != 504) throw new ArgumentOutOfRangeException(nameof(status), status, "Use 500, 502, 503 or 504.");
            Kind = FaultKind.ServerError;
            Status = status;
            return this;
        }

        /// <summary>Drops the connection.</summary>
        public FaultRule ConnectionReset()
        {
            Kind = FaultKind.ConnectionReset;
            return this;
        }

        /// <summary>Never answers (until the caller cancels).</summary>
        public FaultRule Timeout()
        {
            Kind = FaultKind.Timeout;
            return this;
        }

        /// <summary>Only the next <paramref name="count"/> matching requests fail (with <see cref="Every"/> or <see cref="WithProbability"/>: only the next <paramref name="count"/> that would fail).</summary>
        public FaultRule Times(int count)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "Use 0 or more.");
            lock (_gate) _remaining = count;
            return this;
        }

        /// <summary>Every <paramref name="k"/>-th matching request fails.</summary>
        public FaultRule Every(int k)
        {
            if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "Use 1 or more.");
            EveryNth = k;
            return this;
        }

        /// <summary>Each matching request fails with probability <paramref name="p"/>.</summary>
        public FaultRule WithProbability(double p)
        {
            if (double.IsNaN(p) || p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "Use a probability from 0 to 1.");
            Probability = p;
            return this;
        }

        /// <summary>
        /// Whether the rule applies to a route. Patterns: <c>*</c> (everything); an API name (<c>Zoom</c> = Zoom API
        /// and OAuth, <c>ZoomOAuth</c>, <c>HubSpot</c>); a route key <c>"METHOD /template"</c> as in the journal, in
        /// which <c>*</c> matches any run of characters (<c>"GET /v2/*"</c>, <c>"* /crm/v3/objects/contacts/batch/*"</c>);
        /// or a template alone (<c>"/v2/webinars/{webinarId}/registrants"</c>, <c>"/crm/*"</c>) for every method.
        /// Literal parts compare case-sensitively, as paths do.
        /// </summary>
        internal bool Matches(SandboxApi api, string method, string template)
        {
            string p = Pattern;
            if (p == "*") return true;
            if (string.Equals(p, "Zoom", StringComparison.OrdinalIgnoreCase)) return api == SandboxApi.Zoom || api == SandboxApi.ZoomOAuth;
            if (string.Equals(p, "ZoomOAuth", StringComparison.OrdinalIgnoreCase)) return api == SandboxApi.ZoomOAuth;
            if (string.Equals(p, "HubSpot", StringComparison.OrdinalIgnoreCase)) return api == SandboxApi.HubSpot;
            if (p.StartsWith("/", StringComparison.Ordinal)) return Glob(p, template);
            return Glob(p, method + " " + template);
        }

        /// <summary>Matches <paramref name="text"/> against a pattern in which <c>*</c> stands for any run of characters.</summary>
        internal static bool Glob(string pattern, string text)
        {
            int p = 0, t = 0, star = -1, mark = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    mark = t;
                }
                else if (p < pattern.Length && pattern[p] == text[t])
                {
                    p++;
                    t++;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    t = ++mark;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*') p++;
            return p == pattern.Length;
        }

        /// <summary>Decides whether this matching request fails (the caller's random source is only drawn from under its own lock).</summary>
        internal bool Fires(Func<double> random)
        {
            if (Kind == FaultKind.None) return false;
            lock (_gate)
            {
                _seen++;
                if (_remaining.HasValue && _remaining.Value <= 0) return false;
                if (EveryNth > 0 && _seen % EveryNth != 0) return false;
                if (Probability < 1 && random() >= Probability) return false;
                if (_remaining.HasValue) _remaining--;
                return true;
            }
        }
    }

    /// <summary>
    /// The faults a twin injects. Change them while it runs (through <c>sandbox.Faults.Options</c>) from any thread;
    /// every random draw comes from the twin's seed, so the same seed and the same requests give the same faults.
    /// </summary>
    /// <example>
    /// <code>
    /// options.Faults.Add(FaultRule.For("POST /crm/v3/objects/contacts/batch/upsert").ServerError(503).Times(2))
    ///               .Latency(TimeSpan.FromMilliseconds(80), TimeSpan.FromMilliseconds(30))
    ///               .FailAfterWrites(10);
    /// </code>
    /// </example>
    public sealed class FaultOptions
    {
        private readonly List<FaultRule> _rules = new List<FaultRule>();
        private readonly object _gate = new object();
        private int? _failAfterWrites;
        private int _failAfterWritesStatus = 503;
        private int? _expireTokensAfterZoomCalls;
        private DateTimeOffset? _expireTokensAt;

        /// <summary>The rules, in order (latencies add up; the first rule that fires answers).</summary>
        public IReadOnlyList<FaultRule> Rules
        {
            get
            {
                lock (_gate) return _rules.ToArray();
            }
        }

        /// <summary>After this many successful writes (a write route answering 2xx), every later write fails (null = off).</summary>
        public int? FailAfterWritesCount
        {
            get { lock (_gate) return _failAfterWrites; }
            set { lock (_gate) _failAfterWrites = value; }
        }

        /// <summary>Status of the writes refused by <see cref="FailAfterWritesCount"/>: 500, 502, 503 or 504, or 0 for a connection reset. Default 503.</summary>
        public int FailAfterWritesStatus
        {
            get { lock (_gate) return _failAfterWritesStatus; }
            set
            {
                if (value != 0 && value != 500 && value != 502 && value != 503 && value != 504) throw new ArgumentOutOfRangeException(nameof(value), value, "Use 500, 502, 503, 504 or 0 (connection reset).");
                lock (_gate) _failAfterWritesStatus = value;
            }
        }

        /// <summary>After this many Zoom API calls, every issued Zoom token expires early, once (null = off); the next call gets 401 code 124.</summary>
        public int? ExpireTokensAfterZoomCalls
        {
            get { lock (_gate) return _expireTokensAfterZoomCalls; }
            set { lock (_gate) _expireTokensAfterZoomCalls = value; }
        }

        /// <summary>
        /// At this sandbox time every Zoom token issued before it expires, once (null = off): the first Zoom request
        /// (API or token) at or after it ends them, so a token fetched afterwards is valid and an old one gets 401 code 124.
        /// </summary>
        public DateTimeOffset? ExpireTokensAtTime
        {
            get { lock (_gate) return _expireTokensAt; }
            set { lock (_gate) _expireTokensAt = value; }
        }

        /// <summary>Adds a rule.</summary>
        public FaultOptions Add(FaultRule rule)
        {
            if (rule == null) throw new ArgumentNullException(nameof(rule));
            lock (_gate) _rules.Add(rule);
            return this;
        }

        /// <summary>Removes a rule; false when it was not there.</summary>
        public bool Remove(FaultRule rule)
        {
            lock (_gate) return _rules.Remove(rule);
        }

        /// <summary>Latency on every request: fixed ± jitter (e.g. 80 ms ± 30 ms).</summary>
        public FaultOptions Latency(TimeSpan fixedPart, TimeSpan jitter) => Add(FaultRule.For("*").Latency(fixedPart, jitter));

        /// <summary>After <paramref name="count"/> successful writes, every later write fails with <paramref name="status"/> (0 = connection reset) until <see cref="FaultInjector.ResetCounters"/>.</summary>
        public FaultOptions FailAfterWrites(int count, int status = 503)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "Use 0 or more.");
            FailAfterWritesStatus = status;
            FailAfterWritesCount = count;
            return this;
        }

        /// <summary>After <paramref name="zoomCalls"/> Zoom API calls, every issued Zoom token expires (once, until <see cref="FaultInjector.ResetCounters"/>).</summary>
        public FaultOptions ExpireTokensAfter(int zoomCalls)
        {
            if (zoomCalls < 0) throw new ArgumentOutOfRangeException(nameof(zoomCalls), zoomCalls, "Use 0 or more.");
            ExpireTokensAfterZoomCalls = zoomCalls;
            return this;
        }

        /// <summary>At sandbox time <paramref name="at"/>, every Zoom token issued before it expires (once, until <see cref="FaultInjector.ResetCounters"/>).</summary>
        public FaultOptions ExpireTokensAt(DateTimeOffset at)
        {
            ExpireTokensAtTime = at;
            return this;
        }

        /// <summary>Removes every rule and setting.</summary>
        public void Clear()
        {
            lock (_gate)
            {
                _rules.Clear();
                _failAfterWrites = null;
                _failAfterWritesStatus = 503;
                _expireTokensAfterZoomCalls = null;
                _expireTokensAt = null;
            }
        }

        /// <summary>
        /// Reads faults from JSON (names case-sensitive, numbers in ms or s as named), e.g.
        /// <c>{"latencyMs":80,"jitterMs":30,"failAfterWrites":10,"failAfterWritesStatus":503,"expireTokensAfterZoomCalls":5,
        /// "expireTokensAt":"2025-06-10T17:00:00Z",
        /// "rules":[{"route":"POST /crm/v3/objects/contacts/batch/upsert","kind":"serverError","status":503,"times":2},
        /// {"route":"Zoom","kind":"tooManyRequests","retryAfterSeconds":1,"probability":0.1},
        /// {"route":"GET /v2/*","kind":"serverError","status":502,"every":5},
        /// {"route":"HubSpot","kind":"reset","times":1}, {"route":"*","kind":"timeout","times":1},
        /// {"route":"/crm/*","latencyMs":200,"jitterMs":50}]}</c>.
        /// Kinds: <c>none</c> (latency only), <c>tooManyRequests</c> (or <c>429</c>), <c>serverError</c> (or <c>5xx</c>,
        /// <c>500</c>, <c>502</c>, <c>503</c>, <c>504</c>), <c>reset</c>, <c>timeout</c>.
        /// </summary>
        /// <exception cref="ArgumentException">The JSON is not an object or names an unknown kind.</exception>
        public static FaultOptions FromJson(string json)
        {
            if (string.IsNullOrWhiteSpace(json)) throw new ArgumentException("The fault JSON is empty.", nameof(json));
            JsonObject root = JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("The fault JSON must be an object.", nameof(json));
            var o = new FaultOptions();
            if (Int(root, "latencyMs") is int lat) o.Latency(TimeSpan.FromMilliseconds(lat), TimeSpan.FromMilliseconds(Int(root, "jitterMs") ?? 0));
            if (Int(root, "failAfterWrites") is int fail) o.FailAfterWrites(fail, Int(root, "failAfterWritesStatus") ?? 503);
            if (Int(root, "expireTokensAfterZoomCalls") is int expire) o.ExpireTokensAfter(expire);
            if (Str(root, "expireTokensAt") is string at)
            {
                if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset when))
                {
                    throw new ArgumentException("expireTokensAt must be an ISO 8601 time, e.g. 2025-06-10T17:00:00Z.", nameof(json));
                }

                o.ExpireTokensAt(when);
            }
            JsonArray rules = root["rules"] as JsonArray ?? new JsonArray();
            foreach (JsonNode r in rules)
            {
                if (!(r is JsonObject rule)) throw new ArgumentException("Each fault rule must be an object.", nameof(json));
                FaultRule f = FaultRule.For(Str(rule, "route") ?? Str(rule, "pattern") ?? "*");
                if (Int(rule, "latencyMs") is int l) f.Latency(TimeSpan.FromMilliseconds(l), TimeSpan.FromMilliseconds(Int(rule, "jitterMs") ?? 0));
                string kind = (Str(rule, "kind") ?? "none").ToLowerInvariant();
                switch (kind)
                {
                    case "toomanyrequests": case "429": f.TooManyRequests(TimeSpan.FromSeconds(Dbl(rule, "retryAfterSeconds") ?? 1)); break;
                    case "servererror": case "5xx": f.ServerError(Int(rule, "status") ?? 503); break;
                    case "500": case "502": case "503": case "504": f.ServerError(int.Parse(kind, CultureInfo.InvariantCulture)); break;
                    case "reset": case "connectionreset": f.ConnectionReset(); break;
                    case "timeout": f.Timeout(); break;
                    case "none": break;
                    default: throw new ArgumentException("Unknown fault kind '" + kind + "'. Use tooManyRequests, serverError, reset, timeout or none.", nameof(json));
                }

                if (Int(rule, "times") is int t) f.Times(t);
                if (Int(rule, "every") is int k) f.Every(k);
                if (Dbl(rule, "probability") is double p) f.WithProbability(p);
                o.Add(f);
            }

            return o;
        }

        internal object Gate => _gate;

        private static string Str(JsonObject n, string name) => n[name]?.GetValue<string>();

        private static double? Dbl(JsonObject n, string name) => n[name] == null ? (double?)null : n[name].GetValue<double>();

        private static int? Int(JsonObject n, string name) => Dbl(n, name) is double d ? (int)Math.Round(d) : (int?)null;
    }
}
