using System;
using System.Collections.Generic;

namespace ZoomHubPS.Sandbox.Faults
{
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
                if (value != 0 && !FaultResponses.IsServerErrorStatus(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "Use 500, 502, 503, 504 or 0 (connection reset).");
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
        /// Loses the reply of the <paramref name="n"/>-th write (counting from 1, every route that changes state, both
        /// APIs): the write is applied, then the reply is lost as <paramref name="kind"/> says. A sweep over a run's
        /// writes is one line per step: <c>new FaultOptions().LoseReplyOfWrite(i, LostReplyKind.Reset)</c> on a fresh twin.
        /// </summary>
        public FaultOptions LoseReplyOfWrite(int n, LostReplyKind kind = LostReplyKind.Reset)
        {
            if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "Writes are counted from 1.");
            return Add(FaultRule.For("*").OnlyWrites().LoseReply(kind).Nth(n));
        }

        /// <summary>
        /// Reads faults from JSON (names case-sensitive), the form <c>Start-ZoomHubSandbox -Fault</c> takes, e.g.
        /// <c>{"latencyMs":80,"jitterMs":30,"failAfterWrites":10,"failAfterWritesStatus":503,"expireTokensAfterZoomCalls":5,
        /// "expireTokensAt":"2025-06-10T17:00:00Z",
        /// "rules":[{"route":"POST /crm/v3/objects/contacts/batch/upsert","kind":"serverError","status":503,"times":2},
        /// {"route":"Zoom","kind":"tooManyRequests","retryAfterSeconds":1,"probability":0.1},
        /// {"route":"*","writesOnly":true,"kind":"lostReply","reply":"reset","nth":3},
        /// {"route":"/crm/*","latencyMs":200,"jitterMs":50}]}</c>.
        /// Every key and kind is listed in <c>Get-Help Start-ZoomHubSandbox -Parameter Fault</c>.
        /// </summary>
        /// <exception cref="FaultJsonException">The JSON is malformed, has an unknown key, or a value of the wrong shape; <see cref="FaultJsonException.KeyPath"/> names it.</exception>
        public static FaultOptions FromJson(string json) => FaultJson.Read(json);
    }
}
