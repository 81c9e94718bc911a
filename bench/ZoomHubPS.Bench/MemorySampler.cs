using System;
using System.Diagnostics;
using System.Threading;

namespace ZoomHubPS.Bench
{
    /// <summary>
    /// Samples the process working set and the managed heap every 50 ms while an operation runs and keeps the largest
    /// of each. Process.PeakWorkingSet64 alone would carry the peak of earlier operations into later ones.
    /// </summary>
    internal sealed class MemorySampler : IDisposable
    {
        private readonly Timer _timer;
        private readonly Process _process = Process.GetCurrentProcess();
        private long _peakWorkingSet;
        private long _peakManaged;
        private bool _disposed;

        public MemorySampler()
        {
            Sample();
            _timer = new Timer(_ => Sample(), null, 50, 50);
        }

        public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

        public long PeakManaged => Interlocked.Read(ref _peakManaged);

        public void Sample()
        {
            long managed = GC.GetTotalMemory(false);
            long ws;
            lock (_process)
            {
                if (_disposed) return; // a timer callback that raced Dispose
                _process.Refresh();
                ws = _process.WorkingSet64;
            }

            Max(ref _peakWorkingSet, ws);
            Max(ref _peakManaged, managed);
        }

        public void Dispose()
        {
            _timer.Dispose();
            Sample();
            lock (_process)
            {
                _disposed = true;
                _process.Dispose();
            }
        }

        private static void Max(ref long target, long value)
        {
            long current;
            while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
