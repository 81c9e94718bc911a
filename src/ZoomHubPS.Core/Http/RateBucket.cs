using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ZoomHubPS.Core.Http
{
    /// <summary>
    /// A client-side limiter for one rate-limit bucket: at most <see cref="Permits"/> request starts in any sliding
    /// window of <see cref="Window"/>. A sliding log is stricter than the services' fixed (Zoom) or rolling (HubSpot)
    /// windows, so the module runs at the limit without tripping it. Waits use the connection's clock (fake in tests)
    /// and the caller's token (Ctrl+C).
    /// </summary>
    /// <remarks>
    /// System.Threading.RateLimiting's limiters cannot take a TimeProvider, so tests could not drive them with a fake
    /// clock; this small one can.
    /// </remarks>
    internal sealed class RateBucket
    {
        private readonly TimeProvider _clock;
        private readonly Queue<DateTimeOffset> _starts = new Queue<DateTimeOffset>();
        private readonly object _gate = new object();

        /// <summary>Creates a bucket.</summary>
        public RateBucket(string name, int permits, TimeSpan window, TimeProvider clock)
        {
            if (permits <= 0) throw new ArgumentOutOfRangeException(nameof(permits), permits, "A bucket needs at least one permit.");
            Name = name;
            Permits = permits;
            Window = window;
            _clock = clock ?? TimeProvider.System;
        }

        /// <summary>Bucket name, e.g. "Zoom/Medium".</summary>
        public string Name { get; }

        /// <summary>Requests allowed per window.</summary>
        public int Permits { get; }

        /// <summary>Window length.</summary>
        public TimeSpan Window { get; }

        /// <summary>Waits until a request may start, then records it.</summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                TimeSpan wait;
                lock (_gate)
                {
                    DateTimeOffset now = _clock.GetUtcNow();
                    while (_starts.Count > 0 && now - _starts.Peek() >= Window)
                    {
                        _starts.Dequeue();
                    }

                    if (_starts.Count < Permits)
                    {
                        _starts.Enqueue(now);
                        return;
                    }

                    wait = Window - (now - _starts.Peek());
                }

                if (wait <= TimeSpan.Zero)
                {
                    wait = TimeSpan.FromMilliseconds(1);
                }

                await _clock.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
