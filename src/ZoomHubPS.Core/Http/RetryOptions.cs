using System;

namespace ZoomHubPS.Core
{
    /// <summary>How requests are retried on 429, 5xx, network failures and timeouts.</summary>
    public sealed class RetryOptions
    {
        /// <summary>Retries per call after the first attempt (the per-call retry budget). Default 5.</summary>
        public int MaxRetries { get; set; } = 5;

        /// <summary>First backoff delay when the service gives no Retry-After; doubles with jitter. Default 500 ms.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>Longest single wait the module accepts; a longer Retry-After ends the call with an error instead. Default 2 min.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>Time one attempt may take before it counts as a timeout. Default 100 s.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);
    }
}
