using System;
using System.Threading;

namespace ZoomHubPS.Core.Http
{
    /// <summary>
    /// A clock that follows the server's: the machine's, moved by the offset the responses' <c>Date</c> headers show. For
    /// a connection to a sandbox served on another process (its time is the scenario's, not the machine's), so that
    /// "is this webinar over?" and every window are read on the twin's clock. Durations and timers stay the machine's.
    /// </summary>
    internal sealed class ServerClock : TimeProvider
    {
        // Date has whole seconds: the server's time is somewhere in [Date, Date + 1 s). Offsets within this of the one
        // known are the same clock read at another moment, not a jump.
        private static readonly TimeSpan Resolution = TimeSpan.FromSeconds(1.5);

        private long _offsetTicks;
        private int _observed;

        /// <inheritdoc />
        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

        /// <summary>Learns from a response's <c>Date</c> (null: nothing to learn).</summary>
        public void Observe(DateTimeOffset? serverDate)
        {
            if (serverDate == null) return;
            TimeSpan offset = serverDate.Value.AddMilliseconds(500) - TimeProvider.System.GetUtcNow();
            TimeSpan known = TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
            if (Interlocked.Exchange(ref _observed, 1) == 0 || (offset - known).Duration() > Resolution)
            {
                Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
            }
        }
    }
}
