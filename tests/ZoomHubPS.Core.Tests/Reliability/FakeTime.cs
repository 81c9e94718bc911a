using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using ZoomHubPS.Sandbox.Journal;

namespace ZoomHubPS.Core.Tests.Reliability
{
    /// <summary>
    /// Runs work on a fake clock that moves only while the work waits: when no request has reached the twin for a few
    /// milliseconds of real time, everything in flight is waiting on a timer (a backoff, a Retry-After, a per-attempt
    /// timeout, a latency fault), so the clock jumps one step. A request in progress never sees time jump under it,
    /// however slow the machine, and a minute of retries costs a few milliseconds. The longer nothing happens, the longer
    /// the steps (up to <see cref="LongestStep"/>): a one-minute timeout passes in a dozen steps.
    /// </summary>
    internal static class FakeTime
    {
        /// <summary>Sandbox time after which a run is considered stuck (far beyond any retry budget of the suite).</summary>
        public static readonly TimeSpan StuckAfter = TimeSpan.FromHours(2);

        /// <summary>Real time after which a run is considered stuck (a deadlock, or requests that never stop), so CI fails instead of hanging.</summary>
        public static readonly TimeSpan RealLimit = TimeSpan.FromMinutes(2);

        /// <summary>The longest single step (short enough that no wait of the suite is overshot by much).</summary>
        public static readonly TimeSpan LongestStep = TimeSpan.FromSeconds(4);

        public static async Task<T> RunAsync<T>(FakeTimeProvider clock, RequestJournal journal, Func<Task<T>> work, TimeSpan? step = null)
        {
            TimeSpan first = step ?? TimeSpan.FromMilliseconds(250);
            TimeSpan tick = first;
            DateTimeOffset started = clock.GetUtcNow();
            var real = System.Diagnostics.Stopwatch.StartNew();
            Task<T> task = Task.Run(work);
            int last = -1, idle = 0;
            while (!task.IsCompleted)
            {
                await Task.WhenAny(task, Task.Delay(1)).ConfigureAwait(false);
                if (task.IsCompleted) break;
                if (real.Elapsed > RealLimit) throw new TimeoutException($"The run was still going after {RealLimit.TotalMinutes} min of real time ({journal.Total} requests).");
                int seen = journal.Total;
                if (seen != last) tick = first;
                idle = seen == last ? idle + 1 : 0;
                last = seen;
                if (idle < 3) continue;
                idle = 0;
                if (clock.GetUtcNow() - started > StuckAfter) throw new TimeoutException($"The run was still going after {StuckAfter.TotalHours} h of sandbox time.");
                clock.Advance(tick);
                tick = TimeSpan.FromTicks(Math.Min(tick.Ticks * 2, LongestStep.Ticks));
            }

            return await task.ConfigureAwait(false);
        }

        public static Task RunAsync(FakeTimeProvider clock, RequestJournal journal, Func<Task> work, TimeSpan? step = null)
            => RunAsync(clock, journal, async () =>
            {
                await work().ConfigureAwait(false);
                return true;
            }, step);

        /// <summary>
        /// Lets the thread pool and the clock run (timers an abandoned request might have left behind fire) and returns
        /// how many requests reached the twin meanwhile: 0 when nothing the work started outlived it.
        /// </summary>
        public static async Task<int> RequestsAfterReturnAsync(FakeTimeProvider clock, RequestJournal journal)
        {
            int before = journal.Total;
            for (int i = 0; i < 40; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(15));
                await Task.Delay(5).ConfigureAwait(false);
            }

            return journal.Total - before;
        }
    }
}
