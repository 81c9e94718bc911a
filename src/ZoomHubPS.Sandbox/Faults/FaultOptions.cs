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
    /// One fault: which requests (by route key "METHOD /template", a "*" wildcard pattern, an API name, or "*"), what
    /// happens (latency and/or a failure), and how often (the next N matching requests, every k-th, or with a
    /// probability drawn from the twin's seeded random source, so runs repeat).
    /// </summary>
    public sealed class FaultRule
    {
        private int _seen;

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
        public int? Remaining { get; private set; }

        /// <summary>Fail every k-th matching request (0 = not used).</summary>
        public int EveryNth { get; private set; }

        /// <summary>Probability of failing a matching request (1 = always).</summary>
        public double Probability { get; private set; } = 1;

        /// <summary>A rule for requests matching <paramref name="pattern"/>: "*", "Zoom", "HubSpot", "POST /crm/v3/objects/contacts/batch/upsert", "GET /v2/*".</summary>
        public static FaultRule For(string pattern) => new FaultRule { Pattern = string.IsNullOrWhiteSpace(pattern) ? "*" : pattern.Trim() };

        /// <summary>Adds latency: fixed ± jitter.</summary>
        public FaultRule Latency(TimeSpan fixedPart, TimeSpan jitter)
        {
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

        /// <summary>Only the next <paramref name="count"/> matching requests fail.</summary>
        public FaultRule Times(int count)
        {
            Remaining = count;
            return this;
        }

        /// <summary>Every <paramref name="k"/>-th matching request fails.</summary>
        public FaultRule Every(int k)
        {
            EveryNth = k;
            return this;
        }

        /// <summary>Each matching request fails with probability <paramref name="p"/>.</summary>
        public FaultRule WithProbability(double p)
        {
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

        /// <summary>Decides whether this matching request fails (called under the injector's lock).</summary>
        internal bool Fires(Func<double> random)
        {
            if (Kind == FaultKind.None) return false;
            _seen++;
            if (Remaining.HasValue && Remaining.Value <= 0) return false;
            if (EveryNth > 0 && _seen % EveryNth != 0) return false;
            if (Probability < 1 && random() >= Probability) return false;
            if (Remaining.HasValue) Remaining--;
            return true;
        }
    }

    /// <summary>The faults a twin injects. Change them while it runs; every draw comes from the twin's seed.</summary>
    public sealed class FaultOptions
    {
        private readonly List<FaultRule> _rules = new List<FaultRule>();
        private readonly object _gate = new object();

        /// <summary>The rules, in order (latencies add up; the first failing rule answers).</summary>
        public IReadOnlyList<FaultRule> Rules
        {
            get
            {
                lock (_gate) return _rules.ToArray();
            }
        }

        /// <summary>After this many successful writes, every write fails with <see cref="FailAfterWritesStatus"/> (null = off).</summary>
        public int? FailAfterWritesCount { get; set; }

        /// <summary>Status of the writes refused by <see cref="FailAfterWritesCount"/> (0 = connection reset).</summary>
        public int FailAfterWritesStatus { get; set; } = 503;

        /// <summary>After this many Zoom API calls, every issued Zoom token expires early (once).</summary>
        public int? ExpireTokensAfterZoomCalls { get; set; }

        /// <summary>Adds a rule.</summary>
        public FaultOptions Add(FaultRule rule)
        {
            lock (_gate) _rules.Add(rule ?? throw new ArgumentNullException(nameof(rule)));
            return this;
        }

        /// <summary>Latency on every request: fixed ± jitter (e.g. 80 ms ± 30 ms).</summary>
        public FaultOptions Latency(TimeSpan fixedPart, TimeSpan jitter) => Add(FaultRule.For("*").Latency(fixedPart, jitter));

        /// <summary>After <paramref name="count"/> successful writes, every later write fails (status 0 = connection reset).</summary>
        public FaultOptions FailAfterWrites(int count, int status = 503)
        {
            FailAfterWritesCount = count;
            FailAfterWritesStatus = status;
            return this;
        }

        /// <summary>Removes every rule and setting.</summary>
        public void Clear()
        {
            lock (_gate) _rules.Clear();
            FailAfterWritesCount = null;
            ExpireTokensAfterZoomCalls = null;
        }

        /// <summary>
        /// Reads faults from JSON, e.g.
        /// <c>{"latencyMs":80,"jitterMs":30,"failAfterWrites":10,"expireTokensAfterZoomCalls":5,
        /// "rules":[{"route":"POST /crm/v3/objects/contacts/batch/upsert","kind":"serverError","status":503,"times":2},
        /// {"route":"Zoom","kind":"tooManyRequests","retryAfterSeconds":1,"probability":0.1}]}</c>.
        /// </summary>
        public static FaultOptions FromJson(string json)
        {
            var o = new FaultOptions();
            JsonNode root = JsonNode.Parse(json) ?? throw new ArgumentException("The fault JSON is empty.");
            int? Int(JsonNode n, string name) => n?[name] == null ? (int?)null : (int)n[name].GetValue<double>();
            double? Dbl(JsonNode n, string name) => n?[name] == null ? (double?)null : n[name].GetValue<double>();
            if (Int(root, "latencyMs") is int lat) o.Latency(TimeSpan.FromMilliseconds(lat), TimeSpan.FromMilliseconds(Int(root, "jitterMs") ?? 0));
            if (Int(root, "failAfterWrites") is int fail) o.FailAfterWrites(fail, Int(root, "failAfterWritesStatus") ?? 503);
            o.ExpireTokensAfterZoomCalls = Int(root, "expireTokensAfterZoomCalls");
            foreach (JsonNode r in root["rules"]?.AsArray() ?? new JsonArray())
            {
                FaultRule rule = FaultRule.For(r?["route"]?.GetValue<string>() ?? "*");
                if (Int(r, "latencyMs") is int l) rule.Latency(TimeSpan.FromMilliseconds(l), TimeSpan.FromMilliseconds(Int(r, "jitterMs") ?? 0));
                switch ((r?["kind"]?.GetValue<string>() ?? "none").ToLowerInvariant())
                {
                    case "toomanyrequests": case "429": rule.TooManyRequests(TimeSpan.FromSeconds(Dbl(r, "retryAfterSeconds") ?? 1)); break;
                    case "servererror": case "5xx": rule.ServerError(Int(r, "status") ?? 503); break;
                    case "reset": case "connectionreset": rule.ConnectionReset(); break;
                    case "timeout": rule.Timeout(); break;
                    case "none": break;
                    default: throw new ArgumentException($"Unknown fault kind '{r?["kind"]}'. Use tooManyRequests, serverError, reset, timeout or none.");
                }

                if (Int(r, "times") is int t) rule.Times(t);
                if (Int(r, "every") is int k) rule.Every(k);
                if (Dbl(r, "probability") is double p) rule.WithProbability(p);
                o.Add(rule);
            }

            return o;
        }

        internal object Gate => _gate;
    }
}
