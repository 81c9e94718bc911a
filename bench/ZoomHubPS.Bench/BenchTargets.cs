using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ZoomHubPS.Bench
{
    /// <summary>
    /// The targets of the benchmark (issue #7), judged on a report: wall ≤ 1.25 × floor for sync and registration at
    /// 10,000 and more; requests ≤ 1.05 × the minimum for sync and registration at every size; at least 20 × faster than
    /// the per-record baseline at 10,000; the sync's peak working set at the largest size ≤ 3 × the figure at 1,000; a
    /// re-run makes no writes. The account-wide row (issue #12): the run's wall ≤ 1.25 × its floor, its requests ≤ 1.05 ×
    /// its minimum, its re-run makes no writes; the per-instance loop is shown beside it. A target the run cannot judge
    /// is printed as INFO.
    /// </summary>
    public static class BenchTargets
    {
        /// <summary>Wall time may be at most this many times the floor.</summary>
        public const double WallOverFloor = 1.25;

        /// <summary>Requests may be at most this many times the minimum.</summary>
        public const double RequestsOverMinimum = 1.05;

        /// <summary>At least this many times faster than the baseline.</summary>
        public const double Speedup = 20;

        /// <summary>Peak working set at the largest size may be at most this many times the figure at 1,000.</summary>
        public const double MemoryGrowth = 3;

        /// <summary>Sizes from which the wall-time target applies.</summary>
        public const int LargeSize = 10000;

        /// <summary>The size the memory target compares against.</summary>
        public const int SmallSize = 1000;

        private static readonly string[] Measured = { "sync", "registration" };

        /// <summary>Every target's verdict, in the order of the issues: the sizes', then the account-wide row's.</summary>
        public static List<TargetResult> Evaluate(BenchReport report)
        {
            var results = new List<TargetResult>();
            if (report.Sizes.Count > 0) results.AddRange(SizeTargets(report));
            if (report.Account != null) results.AddRange(AccountTargets(report.Account, report.Smoke));
            return results;
        }

        /// <summary>The sizes' verdicts (issue #7).</summary>
        public static List<TargetResult> SizeTargets(BenchReport report)
        {
            var results = new List<TargetResult>();
            List<Measurement> all = report.AllMeasurements().ToList();

            // Wall time against the floor, at 10,000 and more.
            List<Measurement> large = all.Where(m => Measured.Contains(m.Operation) && m.Size >= LargeSize).ToList();
            foreach (Measurement m in large)
            {
                results.Add(Verdict(m.Floor.Seconds > 0 && m.WallOverFloor <= WallOverFloor,
                    F("wall <= {0:0.00} x floor, {1} {2:N0}: {3:0.0} s / {4:0.0} s = {5:0.00}", WallOverFloor, m.Operation, m.Size, m.WallSeconds, m.Floor.Seconds, m.WallOverFloor)));
            }

            if (large.Count == 0)
            {
                results.Add(Info(F("wall <= {0:0.00} x floor applies from {1:N0} registrants; largest here {2:N0}: {3}", WallOverFloor, LargeSize, Largest(report),
                    string.Join(", ", all.Where(m => Measured.Contains(m.Operation)).Select(m => F("{0} {1:N0} {2:0.00}", m.Operation, m.Size, m.WallOverFloor))))));
            }

            // Requests against the minimum, every size.
            foreach (Measurement m in all.Where(x => Measured.Contains(x.Operation)))
            {
                results.Add(Verdict(m.TotalMinimum > 0 && m.RequestsOverMinimum <= RequestsOverMinimum,
                    F("requests <= {0:0.00} x minimum, {1} {2:N0}: {3:N0} / {4:N0} = {5:0.000}", RequestsOverMinimum, m.Operation, m.Size, m.TotalRequests, m.TotalMinimum, m.RequestsOverMinimum)));
            }

            // The baseline, at 10,000 (or, when 10,000 was not run, shown at the largest size with a baseline).
            List<Measurement> withBaseline = all.Where(m => Measured.Contains(m.Operation) && m.SpeedupOverBaseline.HasValue).ToList();
            List<Measurement> at10k = withBaseline.Where(m => m.Size == LargeSize).ToList();
            foreach (Measurement m in at10k)
            {
                results.Add(Verdict(m.SpeedupOverBaseline >= Speedup,
                    F(">= {0:0} x faster than per-record, {1} {2:N0}: {3:0} s / {4:0.0} s = {5:0.0} x", Speedup, m.Operation, m.Size, m.BaselineSeconds, m.WallSeconds, m.SpeedupOverBaseline)));
            }

            if (at10k.Count == 0)
            {
                int biggest = withBaseline.Count == 0 ? 0 : withBaseline.Max(m => m.Size);
                results.Add(Info(withBaseline.Count == 0
                    ? F(">= {0:0} x faster than per-record applies at {1:N0}: no baseline in this run", Speedup, LargeSize)
                    : F(">= {0:0} x faster than per-record applies at {1:N0} (not run); at {2:N0}: {3}", Speedup, LargeSize, biggest,
                        string.Join(", ", withBaseline.Where(m => m.Size == biggest).Select(m => F("{0} {1:0.0} x", m.Operation, m.SpeedupOverBaseline))))));
            }

            // Memory: streaming, not buffering. The client's peak working set (the sandbox runs in its own process).
            int largest = Largest(report);
            foreach (string operation in Measured)
            {
                Measurement small = all.FirstOrDefault(m => m.Operation == operation && m.Size == SmallSize);
                Measurement big = largest > SmallSize ? all.FirstOrDefault(m => m.Operation == operation && m.Size == largest) : null;
                if (small == null || big == null || small.PeakWorkingSetBytes <= 0)
                {
                    if (operation == "sync")
                    {
                        results.Add(Info(F("peak working set at the largest size <= {0:0} x the figure at {1:N0}: needs {1:N0} and a larger size in the run", MemoryGrowth, SmallSize)));
                    }

                    continue;
                }

                double ratio = (double)big.PeakWorkingSetBytes / small.PeakWorkingSetBytes;
                string text = F("peak working set (client) of {0} at {1:N0} <= {2:0} x the figure at {3:N0}: {4:0} MB / {5:0} MB = {6:0.00}",
                    operation, largest, MemoryGrowth, SmallSize, Mb(big.PeakWorkingSetBytes), Mb(small.PeakWorkingSetBytes), ratio);
                if (operation == "sync")
                {
                    results.Add(Verdict(ratio <= MemoryGrowth, text));
                }
                else
                {
                    // The registration holds its N inputs by design (the caller's list); shown, not judged.
                    results.Add(Info(text + " (the registration's input list of N people is held by the caller)"));
                }
            }

            // A re-run makes only reads.
            foreach (Measurement m in all.Where(x => x.Operation == "sync re-run"))
            {
                results.Add(Verdict(m.Writes == 0, F("re-run {0:N0} makes only reads: {1} writes, {2:N0} requests", m.Size, m.Writes, m.TotalRequests)));
            }

            return results;
        }

        /// <summary>The account-wide row's verdicts (wall time only outside smoke runs, where there are no limits to be near).</summary>
        public static IEnumerable<TargetResult> AccountTargets(AccountResult a, bool smoke)
        {
            Measurement run = a.Find(AccountRunner.SyncOperation);
            Measurement rerun = a.Find(AccountRunner.RerunOperation);
            Measurement loop = a.Find(AccountRunner.LoopOperation);
            if (run != null)
            {
                string wall = F("wall <= {0:0.00} x floor, account sync {1}: {2:0.0} s / {3:0.0} s = {4:0.00}", WallOverFloor, a.Shape, run.WallSeconds, run.Floor.Seconds, run.WallOverFloor);
                yield return smoke ? Info(wall + " (smoke run: no limits, no latency)") : Verdict(run.Floor.Seconds > 0 && run.WallOverFloor <= WallOverFloor, wall);
                yield return Verdict(run.TotalMinimum > 0 && run.RequestsOverMinimum <= RequestsOverMinimum,
                    F("requests <= {0:0.00} x minimum, account sync {1}: {2:N0} / {3:N0} = {4:0.000}", RequestsOverMinimum, a.Shape, run.TotalRequests, run.TotalMinimum, run.RequestsOverMinimum));
            }

            if (run != null && run.Facts.TryGetValue(AccountRunner.CreateCallsSent, out int sent) && run.Facts.TryGetValue(AccountRunner.CreateCallsNeeded, out int needed))
            {
                yield return Info(F("account sync {0} contact creations: {1} create calls sent, {2} needed for the contacts each instance created ({3} created no one: concurrent instances met the same new people)",
                    a.Shape, sent, needed, Math.Max(0, sent - needed)));
            }

            if (rerun != null)
            {
                yield return Verdict(rerun.Writes == 0, F("account re-run {0} makes only reads: {1} writes, {2:N0} requests (minimum {3:N0}), {4:0.0} s (floor {5:0.0} s)",
                    a.Shape, rerun.Writes, rerun.TotalRequests, rerun.TotalMinimum, rerun.WallSeconds, rerun.Floor.Seconds));
            }

            if (run != null && loop != null && run.WallSeconds > 0)
            {
                yield return Info(F("per-instance loop {0}: {1:0.0} s (floor {2:0.0} s, bound by {3}), {4:N0} requests (minimum {5:N0}); the account run is {6:0.00} x as fast",
                    a.Shape, loop.WallSeconds, loop.Floor.Seconds, loop.Floor.BoundBy, loop.TotalRequests, loop.TotalMinimum, loop.WallSeconds / run.WallSeconds));
            }
        }

        private static int Largest(BenchReport report) => report.Sizes.Count == 0 ? 0 : report.Sizes.Max(s => s.Size);

        private static double Mb(long bytes) => bytes / 1048576.0;

        private static TargetResult Verdict(bool pass, string text) => new TargetResult { Pass = pass, Text = text };

        private static TargetResult Info(string text) => new TargetResult { Pass = false, Informational = true, Text = text };

        private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
