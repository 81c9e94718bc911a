using System;
using System.Diagnostics;
using System.Threading;

namespace ZoomHubPS.Sandbox
{
    /// <summary>
    /// The default twin clock: starts at the scenario's "now" (moved onto today for an anchored scenario), runs with real time, and can be moved
    /// forward by hand (<see cref="Advance"/>) so anyone can see a page token or a token expire without waiting.
    /// Timers and delays are real (the base <see cref="TimeProvider"/> ones).
    /// </summary>
    public sealed class SandboxClock : TimeProvider
    {
        private readonly DateTimeOffset _start;
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();
        private long _offsetTicks;

        /// <summary>Creates a clock that reads <paramref name="start"/> now.</summary>
        public SandboxClock(DateTimeOffset start)
        {
            _start = start.ToUniversalTime();
        }

        /// <inheritdoc />
        public override DateTimeOffset GetUtcNow()
            => _start + _elapsed.Elapsed + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

        /// <summary>Moves sandbox time forward.</summary>
        public void Advance(TimeSpan by)
        {
            if (by < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(by), by, "Sandbox time only moves forward.");
            }

            Interlocked.Add(ref _offsetTicks, by.Ticks);
        }
    }
}
