using System;

namespace ZoomHubPS.Core
{
    /// <summary>
    /// How a call waits out limits and failures. Retries are budgeted by <b>time</b>: every Retry-After (and every
    /// backoff) that fits in <see cref="MaxWait"/> is honoured, so a limit window that stays closed for 10 seconds, or a
    /// burst of 429s, costs time, not the run. Each attempt has a timeout by route kind, and a timed-out attempt counts
    /// against the same budget. Immutable: change with the <c>With…</c> methods.
    /// </summary>
    public sealed class RetryOptions
    {
        /// <summary>Creates the defaults.</summary>
        public RetryOptions()
        {
        }

        private RetryOptions(RetryOptions o)
        {
            MaxWait = o.MaxWait;
            MaxAttempts = o.MaxAttempts;
            BaseDelay = o.BaseDelay;
            MaxBackoff = o.MaxBackoff;
            ReadTimeout = o.ReadTimeout;
            WriteTimeout = o.WriteTimeout;
            ReportTimeout = o.ReportTimeout;
            DownloadTimeout = o.DownloadTimeout;
            TokenTimeout = o.TokenTimeout;
        }

        /// <summary>
        /// The longest one call may spend on retries, counted from the moment its first attempt failed (waits, backoffs and
        /// timed-out retries included), so a first attempt that hung until its timeout is still retried. A wait that would
        /// end past it is not started: the call fails, saying how long it waited and how many attempts it made. Default
        /// 60 s; <see cref="TimeSpan.Zero"/> means no retries.
        /// </summary>
        public TimeSpan MaxWait { get; private set; } = TimeSpan.FromSeconds(60);

        /// <summary>A safety cap on attempts per call (the budget is the time). Default 50.</summary>
        public int MaxAttempts { get; private set; } = 50;

        /// <summary>First backoff when the service names no wait; doubles with jitter. Default 500 ms.</summary>
        public TimeSpan BaseDelay { get; private set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>Longest single backoff when the service names no wait. Default 10 s.</summary>
        public TimeSpan MaxBackoff { get; private set; } = TimeSpan.FromSeconds(10);

        /// <summary>Timeout of one read attempt (a GET of an object or a page). Default 30 s.</summary>
        public TimeSpan ReadTimeout { get; private set; } = TimeSpan.FromSeconds(30);

        /// <summary>Timeout of one write attempt (creates, updates, batches of 100). Default 60 s.</summary>
        public TimeSpan WriteTimeout { get; private set; } = TimeSpan.FromSeconds(60);

        /// <summary>Timeout of one report read (Zoom's Heavy report routes). Default 60 s.</summary>
        public TimeSpan ReportTimeout { get; private set; } = TimeSpan.FromSeconds(60);

        /// <summary>Timeout of one file download (transcripts). Default 120 s.</summary>
        public TimeSpan DownloadTimeout { get; private set; } = TimeSpan.FromSeconds(120);

        /// <summary>Timeout of one Zoom token request. Default 30 s.</summary>
        public TimeSpan TokenTimeout { get; private set; } = TimeSpan.FromSeconds(30);

        /// <summary>No retries at all (tests of one failure; callers that retry themselves).</summary>
        public static RetryOptions None => new RetryOptions { MaxWait = TimeSpan.Zero, MaxAttempts = 1 };

        /// <summary>The timeout of one attempt of <paramref name="kind"/>.</summary>
        public TimeSpan TimeoutOf(Http.RouteKind kind)
        {
            switch (kind)
            {
                case Http.RouteKind.Write: return WriteTimeout;
                case Http.RouteKind.Report: return ReportTimeout;
                case Http.RouteKind.Download: return DownloadTimeout;
                case Http.RouteKind.Token: return TokenTimeout;
                default: return ReadTimeout;
            }
        }

        /// <summary>A copy with another time budget per call.</summary>
        public RetryOptions WithMaxWait(TimeSpan maxWait)
        {
            if (maxWait < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(maxWait), maxWait, "The retry time budget cannot be negative.");
            return new RetryOptions(this) { MaxWait = maxWait, MaxAttempts = maxWait == TimeSpan.Zero ? 1 : Math.Max(MaxAttempts, 2) };
        }

        /// <summary>A copy with another attempt cap.</summary>
        public RetryOptions WithMaxAttempts(int maxAttempts)
        {
            if (maxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(maxAttempts), maxAttempts, "A call makes at least one attempt.");
            return new RetryOptions(this) { MaxAttempts = maxAttempts };
        }

        /// <summary>A copy with other backoff delays (when the service names no wait).</summary>
        public RetryOptions WithBackoff(TimeSpan baseDelay, TimeSpan maxBackoff)
            => new RetryOptions(this) { BaseDelay = baseDelay, MaxBackoff = maxBackoff < baseDelay ? baseDelay : maxBackoff };

        /// <summary>A copy with the same timeout for every route kind (e.g. <c>Connect-ZoomHub -RequestTimeout</c>).</summary>
        public RetryOptions WithTimeout(TimeSpan timeout)
        {
            if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A request timeout must be positive.");
            return new RetryOptions(this) { ReadTimeout = timeout, WriteTimeout = timeout, ReportTimeout = timeout, DownloadTimeout = timeout, TokenTimeout = timeout };
        }

        /// <summary>A copy with the timeout of one route kind changed.</summary>
        public RetryOptions WithTimeout(Http.RouteKind kind, TimeSpan timeout)
        {
            if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A request timeout must be positive.");
            var copy = new RetryOptions(this);
            switch (kind)
            {
                case Http.RouteKind.Write: copy.WriteTimeout = timeout; break;
                case Http.RouteKind.Report: copy.ReportTimeout = timeout; break;
                case Http.RouteKind.Download: copy.DownloadTimeout = timeout; break;
                case Http.RouteKind.Token: copy.TokenTimeout = timeout; break;
                default: copy.ReadTimeout = timeout; break;
            }

            return copy;
        }
    }
}
