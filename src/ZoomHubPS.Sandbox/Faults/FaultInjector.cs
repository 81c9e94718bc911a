using System;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.Faults
{
    /// <summary>What the injector decided for one request.</summary>
    public sealed class FaultDecision
    {
        /// <summary>No fault, no latency (shared, which is why the setters are internal).</summary>
        public static readonly FaultDecision None = new FaultDecision();

        /// <summary>Simulated latency to wait (sandbox clock) before answering.</summary>
        public TimeSpan Latency { get; internal set; }

        /// <summary>A response that replaces the route's (429, 5xx, or one with <see cref="SandboxResponse.Throw"/> set).</summary>
        public SandboxResponse Response { get; internal set; }

        /// <summary>Never answer: wait until the caller cancels.</summary>
        public bool Hang { get; internal set; }

        /// <summary>Let the route run, then lose its reply this way (null = deliver the reply).</summary>
        public LostReplyKind? LostReply { get; internal set; }

        /// <summary>Name of the fault for the journal.</summary>
        public string Name { get; internal set; }
    }

    /// <summary>
    /// Injects the configured faults. Every draw (probabilities, jitter) comes from a random source seeded from the
    /// twin's seed and used for nothing else, so a run repeats exactly for the same seed and the same requests, and
    /// the faults do not shift the ids the twins generate.
    /// </summary>
    public sealed class FaultInjector
    {
        private readonly SandboxContext _context;
        private readonly Action _expireTokens;
        private readonly Random _random;
        private readonly object _gate = new object();
        private int _successfulWrites;
        private int _zoomCalls;
        private bool _tokensExpired;
        private bool _tokensExpiredAtTime;

        internal FaultInjector(SandboxContext context, FaultOptions options, Action expireTokens = null)
        {
            _context = context;
            Options = options ?? new FaultOptions();
            _expireTokens = expireTokens;
            _random = new Random(unchecked(context.Seed * 17 + 0x0FA017));
        }

        /// <summary>The faults in force; add, remove or change them while the twin runs.</summary>
        public FaultOptions Options { get; }

        /// <summary>Successful writes seen so far (what "fail after N writes" counts).</summary>
        public int SuccessfulWrites
        {
            get { lock (_gate) return _successfulWrites; }
        }

        /// <summary>Zoom API calls counted toward early token expiry (counted only while <see cref="FaultOptions.ExpireTokensAfterZoomCalls"/> is armed).</summary>
        public int ZoomCalls
        {
            get { lock (_gate) return _zoomCalls; }
        }

        /// <summary>Starts counting writes and Zoom calls again: writes succeed again and token expiry is re-armed.</summary>
        public void ResetCounters()
        {
            lock (_gate)
            {
                _successfulWrites = 0;
                _zoomCalls = 0;
                _tokensExpired = false;
                _tokensExpiredAtTime = false;
            }
        }

        internal FaultDecision Decide(SandboxRequest request)
        {
            SandboxRoute route = request.Route;
            if (route == null) return FaultDecision.None;
            var decision = new FaultDecision();
            FaultOptions options = Options;
            bool expire = false;
            lock (_gate)
            {
                if (route.Api == SandboxApi.Zoom && options.ExpireTokensAfterZoomCalls is int after && !_tokensExpired && ++_zoomCalls > after)
                {
                    // This call is the (N+1)-th: the tokens die before its auth check, so it is the first to get 401 code 124.
                    _tokensExpired = true;
                    expire = true;
                    decision.Name = "TokenExpiry";
                }

                // Time-based expiry is checked on token requests too: a client that refreshes after the moment gets a
                // token that works, and only tokens issued before it die.
                if ((route.Api == SandboxApi.Zoom || route.Api == SandboxApi.ZoomOAuth) && options.ExpireTokensAtTime is DateTimeOffset at
                    && !_tokensExpiredAtTime && _context.Now >= at)
                {
                    _tokensExpiredAtTime = true;
                    expire = true;
                    decision.Name = "TokenExpiry";
                }

                // Concurrent writes admitted before the N-th one completes may all succeed: N is counted on completion,
                // which is what "N writes happened, then the service broke" means. Sequential callers see exactly N.
                if (route.IsWrite && options.FailAfterWritesCount is int limit && _successfulWrites >= limit)
                {
                    decision.Name = "FailAfterWrites";
                    decision.Response = options.FailAfterWritesStatus == 0 ? FaultResponses.Reset() : FaultResponses.ServerError(route.Api, options.FailAfterWritesStatus);
                }
                else
                {
                    ApplyRules(route, options, decision);
                }
            }

            // Outside the lock: ExpireTokens takes the Zoom twin's own lock. It runs before this request's auth check.
            if (expire) _expireTokens?.Invoke();
            bool nothing = decision.Latency == TimeSpan.Zero && decision.Response == null && !decision.Hang && decision.LostReply == null && decision.Name == null;
            return nothing ? FaultDecision.None : decision;
        }

        /// <summary>Adds every matching rule's latency; the first rule that fires decides the failure. Called under the lock.</summary>
        private void ApplyRules(SandboxRoute route, FaultOptions options, FaultDecision decision)
        {
            foreach (FaultRule rule in options.Rules)
            {
                if (!rule.Matches(route)) continue;
                if (rule.AfterWritesCount is int after && _successfulWrites < after) continue;
                if (rule.FixedLatency > TimeSpan.Zero || rule.Jitter > TimeSpan.Zero)
                {
                    double jitter = rule.Jitter.TotalMilliseconds * (_random.NextDouble() * 2 - 1);
                    decision.Latency += TimeSpan.FromMilliseconds(Math.Max(0, rule.FixedLatency.TotalMilliseconds + jitter));
                }

                bool decided = decision.Response != null || decision.Hang || decision.LostReply != null;
                if (decided || !rule.Fires(_random.NextDouble)) continue;
                decision.Name = rule.Kind.ToString();
                switch (rule.Kind)
                {
                    case FaultKind.TooManyRequests: decision.Response = FaultResponses.TooManyRequests(route, rule.RetryAfter, NewGuid); break;
                    case FaultKind.ServerError: decision.Response = FaultResponses.ServerError(route.Api, rule.Status); break;
                    case FaultKind.ConnectionReset: decision.Response = FaultResponses.Reset(); break;
                    case FaultKind.Timeout: decision.Hang = true; break;
                    case FaultKind.LostReply: decision.LostReply = rule.LostReply; break;
                }
            }
        }

        /// <summary>Counts a write the route applied (2xx), whether or not its reply then reaches the client.</summary>
        internal void OnCompleted(SandboxRequest request, SandboxResponse response)
        {
            if (request.Route != null && request.Route.IsWrite && response != null && response.Throw == null
                && (int)response.Status >= 200 && (int)response.Status < 300)
            {
                lock (_gate) _successfulWrites++;
            }
        }

        private string NewGuid()
        {
            var bytes = new byte[16];
            _random.NextBytes(bytes);
            return new Guid(bytes).ToString();
        }
    }
}
