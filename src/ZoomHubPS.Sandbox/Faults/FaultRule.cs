using System;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.Faults
{
    /// <summary>
    /// One fault: which requests (by route key "METHOD /template", a template, either with "*" wildcards, an API name,
    /// or "*"; optionally writes only), what happens (latency and/or a failure), and how often (the next N matching
    /// requests, every k-th, only the k-th, only once N writes have landed, or with a probability drawn from the
    /// twin's seeded random source, so runs repeat).
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

        /// <summary>How the reply is lost, for <see cref="FaultKind.LostReply"/>.</summary>
        public LostReplyKind LostReply { get; private set; }

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

        /// <summary>Only requests to routes that change state match (what the journal counts as writes).</summary>
        public bool WritesOnly { get; private set; }

        /// <summary>The rule sleeps until the twin has counted this many successful writes (null = from the start).</summary>
        public int? AfterWritesCount { get; private set; }

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

        /// <summary>Answers 500, 502, 503 or 504 before the route runs.</summary>
        public FaultRule ServerError(int status = 503)
        {
            if (!FaultResponses.IsServerErrorStatus(status)) throw new ArgumentOutOfRangeException(nameof(status), status, "Use 500, 502, 503 or 504.");
            Kind = FaultKind.ServerError;
            Status = status;
            return this;
        }

        /// <summary>Drops the connection before the route runs.</summary>
        public FaultRule ConnectionReset()
        {
            Kind = FaultKind.ConnectionReset;
            return this;
        }

        /// <summary>Never answers (until the caller cancels); the route never runs.</summary>
        public FaultRule Timeout()
        {
            Kind = FaultKind.Timeout;
            return this;
        }

        /// <summary>Lets the route run and keeps its change, then loses the reply the way <paramref name="kind"/> says.</summary>
        public FaultRule LoseReply(LostReplyKind kind = LostReplyKind.Reset)
        {
            if (!Enum.IsDefined(typeof(LostReplyKind), kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Use Reset, Timeout, BadGateway or GatewayTimeout.");
            Kind = FaultKind.LostReply;
            LostReply = kind;
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

        /// <summary>Only the <paramref name="k"/>-th matching request fails (counting from 1): every k-th, once.</summary>
        public FaultRule Nth(int k) => Every(k).Times(1);

        /// <summary>Each matching request fails with probability <paramref name="p"/>.</summary>
        public FaultRule WithProbability(double p)
        {
            if (double.IsNaN(p) || p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "Use a probability from 0 to 1.");
            Probability = p;
            return this;
        }

        /// <summary>Matches only routes that change state (POST/PUT/PATCH/DELETE writes; not searches, batch reads or the token endpoint).</summary>
        public FaultRule OnlyWrites()
        {
            WritesOnly = true;
            return this;
        }

        /// <summary>The rule does nothing (and counts nothing) until the twin has counted <paramref name="writes"/> successful writes.</summary>
        public FaultRule AfterWrites(int writes)
        {
            if (writes < 0) throw new ArgumentOutOfRangeException(nameof(writes), writes, "Use 0 or more.");
            AfterWritesCount = writes;
            return this;
        }

        /// <summary>Whether the rule applies to a route (its pattern, and <see cref="WritesOnly"/>).</summary>
        internal bool Matches(SandboxRoute route)
            => (!WritesOnly || route.IsWrite) && Matches(route.Api, route.Method.Method, route.Template);

        /// <summary>
        /// Whether the pattern matches a route. Patterns: <c>*</c> (everything); an API name (<c>Zoom</c> = Zoom API
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
}
