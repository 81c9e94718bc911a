using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ZoomHubPS.Core.Tests.Reliability
{
    /// <summary>
    /// One row of the reliability table: how many broken runs ended in the uninterrupted state, and what went wrong in
    /// the others (the first few, with the first difference of their final state).
    /// </summary>
    internal sealed class Sweep
    {
        private readonly List<string> _failures = new List<string>();
        private readonly object _gate = new object();

        public Sweep(string what, string workload)
        {
            What = what;
            Workload = workload;
        }

        public string What { get; }

        public string Workload { get; }

        public int Total { get; private set; }

        public int Passed { get; private set; }

        public IReadOnlyList<string> Failures => _failures;

        public void Record(string step, bool ok, string why = null)
        {
            lock (_gate)
            {
                Total++;
                if (ok) Passed++;
                else _failures.Add(step + ": " + why);
            }
        }

        /// <summary>Runs <paramref name="steps"/> at most <paramref name="parallel"/> at a time (each on its own twin).</summary>
        public static async Task ForEachAsync<T>(IEnumerable<T> steps, int parallel, Func<T, Task> run)
        {
            var gate = new System.Threading.SemaphoreSlim(parallel);
            await Task.WhenAll(steps.Select(async s =>
            {
                await gate.WaitAsync().ConfigureAwait(false);
                try
                {
                    await run(s).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            })).ConfigureAwait(false);
        }

        /// <summary>Prints the row ("cut points, demo sync: identical 41 / 41") and fails the test naming the broken steps.</summary>
        public void Report(ITestOutputHelper output, string passedWord)
        {
            output.WriteLine($"| {What} | {Workload} | {passedWord} {Passed} / {Total} |");
            foreach (string f in _failures.Take(5)) output.WriteLine("    " + f);
            Assert.True(_failures.Count == 0, $"{What}, {Workload}: {Total - Passed} of {Total} did not end in the uninterrupted state:\n" + string.Join("\n", _failures.Take(5)));
        }
    }
}
