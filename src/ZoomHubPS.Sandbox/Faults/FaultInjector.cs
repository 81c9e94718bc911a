using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.Faults
{
    /// <summary>What the injector decided for one request.</summary>
    public sealed class FaultDecision
    {
        /// <summary>No fault, no latency.</summary>
        public static readonly FaultDecision None = new FaultDecision();

        /// <summary>Simulated latency to wait (sandbox clock) before answering.</summary>
        public TimeSpan Latency { get; set; }

        /// <summary>A response that replaces the route's (429, 5xx, or one with <see cref="SandboxResponse.Throw"/> set).</summary>
        public SandboxResponse Response { get; set; }

        /// <summary>Never answer: wait until the caller cancels.</summary>
        public bool Hang { get; set; }

        /// <summary>Name of the fault for the journal.</summary>
        public string Name { get; set; }
    }

    /// <summary>Injects the configured faults, deterministically from the twin's seed.</summary>
    public sealed class FaultInjector
    {
        private readonly SandboxContext _context;
        private readonly Action _expireTokens;
        private int _successfulWrites;
        private int _zoomCalls;
        private bool _tokensExpired;

        internal FaultInjector(SandboxContext context, FaultOptions options, Action expireTokens = null)
        {
            _context = context;
            Options = options ?? new FaultOptions();
            _expireTokens = expireTokens;
        }

        /// <summary>The faults in force.</summary>
        public FaultOptions Options { get; }

        /// <summary>Successful writes seen so far (what "fail after N writes" counts).</summary>
        public int SuccessfulWrites => Volatile.Read(ref _successfulWrites);

        /// <summary>Starts counting writes and Zoom calls again.</summary>
        public void ResetCounters()
        {
            Interlocked.Exchange(ref _successfulWrites, 0);
            Interlocked.Exchange(ref _zoomCalls, 0);
            _tokensExpired = false;
        }

        internal FaultDecision Decide(SandboxRequest request)
        {
            SandboxRoute route = request.Route;
            string api = route.Api == SandboxApi.HubSpot ? "HubSpot" : "Zoom";
            var decision = new FaultDecision();
            lock (Options.Gate)
            {
                if (route.Api == SandboxApi.Zoom && Options.ExpireTokensAfterZoomCalls is int after && !_tokensExpired && ++_zoomCalls > after)
                {
                    _tokensExpired = true;
                    _expireTokens?.Invoke();
                    decision.Name = "TokenExpiry";
                }

                if (route.IsWrite && Options.FailAfterWritesCount is int limit && _successfulWrites >= limit)
                {
                    decision.Name = "FailAfterWrites";
                    decision.Response = Options.FailAfterWritesStatus == 0 ? Reset() : ServerError(route.Api, Options.FailAfterWritesStatus);
                    return decision;
                }

                foreach (FaultRule rule in Options.Rules)
                {
                    if (!rule.Matches(api, route.Key)) continue;
                    if (rule.FixedLatency > TimeSpan.Zero || rule.Jitter > TimeSpan.Zero)
                    {
                        double jitter = rule.Jitter.TotalMilliseconds * (_context.NextDouble() * 2 - 1);
                        decision.Latency += TimeSpan.FromMilliseconds(Math.Max(0, rule.FixedLatency.TotalMilliseconds + jitter));
                    }

                    if (decision.Response == null && !decision.Hang && rule.Fires(_context.NextDouble))
                    {
                        decision.Name = rule.Kind.ToString();
                        switch (rule.Kind)
                        {
                            case FaultKind.TooManyRequests: decision.Response = TooMany(route.Api, rule.RetryAfter); break;
                            case FaultKind.ServerError: decision.Response = ServerError(route.Api, rule.Status); break;
                            case FaultKind.ConnectionReset: decision.Response = Reset(); break;
                            case FaultKind.Timeout: decision.Hang = true; break;
                        }
                    }
                }
            }

            return decision.Latency == TimeSpan.Zero && decision.Response == null && !decision.Hang && decision.Name == null ? FaultDecision.None : decision;
        }

        internal void OnCompleted(SandboxRequest request, SandboxResponse response)
        {
            if (request.Route != null && request.Route.IsWrite && (int)response.Status >= 200 && (int)response.Status < 300)
            {
                Interlocked.Increment(ref _successfulWrites);
            }
        }

        private static SandboxResponse Reset() => new SandboxResponse { Throw = new HttpRequestException("Connection reset by peer (sandbox fault)") };

        private static SandboxResponse ServerError(SandboxApi api, int status)
            => api == SandboxApi.HubSpot
                ? SandboxResponse.HubSpotError((HttpStatusCode)status, "INTERNAL_ERROR", "Internal error (sandbox fault).")
                : SandboxResponse.ZoomError((HttpStatusCode)status, status, "Internal error (sandbox fault).");

        private static SandboxResponse TooMany(SandboxApi api, TimeSpan retryAfter)
        {
            SandboxResponse r = api == SandboxApi.HubSpot
                ? SandboxResponse.HubSpotError((HttpStatusCode)429, "RATE_LIMITS", "You have reached your ten_secondly_rolling limit.")
                : SandboxResponse.ZoomError((HttpStatusCode)429, 429, "You have reached the maximum per-second rate limit for this API. Try again later.");
            r.Headers["Retry-After"] = Math.Max(0, retryAfter.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture);
            if (api == SandboxApi.Zoom) r.Headers["X-RateLimit-Type"] = "QPS";
            return r;
        }
    }
}
