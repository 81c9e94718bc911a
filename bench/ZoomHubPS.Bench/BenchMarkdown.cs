using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ZoomHubPS.Bench
{
    /// <summary>
    /// The report as markdown (bench.md): the sizes' table (one row per operation and size), the account-wide row's
    /// table, the targets, the requests per route of every operation, the client's memory per size.
    /// </summary>
    public static class BenchMarkdown
    {
        /// <summary>Writes the whole report.</summary>
        public static string Write(BenchReport report)
        {
            var sb = new StringBuilder();
            sb.AppendLine("# ZoomHubPS benchmark");
            sb.AppendLine();
            sb.AppendLine($"- Machine: {report.Machine}");
            if (report.LoadAverage != null) sb.AppendLine($"- Load average (1, 5, 15 min): {report.LoadAverage}");
            sb.AppendLine($"- Settings: {report.Settings}");
            sb.AppendLine(F("- Total: {0:0} s", report.TotalSeconds));
            sb.AppendLine();
            if (report.Sizes.Count > 0) SizesTable(sb, report);
            if (report.Account != null) AccountTable(sb, report.Account);

            sb.AppendLine("## Targets");
            sb.AppendLine();
            foreach (TargetResult t in report.Targets) sb.AppendLine("- " + t);
            sb.AppendLine();

            sb.AppendLine("## Requests per route");
            foreach (Measurement m in report.AllMeasurements()) Routes(sb, m, F("{0} {1:N0}", m.Operation, m.Size));
            foreach (Measurement m in report.Account?.Measurements ?? Enumerable.Empty<Measurement>()) Routes(sb, m, F("{0} {1}", m.Operation, report.Account.Shape));

            if (report.Sizes.Count > 0) Memory(sb, report);
            return sb.ToString();
        }

        private static void SizesTable(StringBuilder sb, BenchReport report)
        {
            sb.AppendLine("| operation | size | wall s | requests | minimum | req/min | floor s | bound by | wall/floor | baseline s | baseline/wall | peak WS MB | peak heap MB | 429s |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
            foreach (Measurement m in report.AllMeasurements())
            {
                sb.AppendLine(F("| {0} | {1} | {2:0.0} | {3} | {4} | {5:0.000} | {6:0.0} | {7} | {8:0.00} | {9} | {10} | {11:0} | {12:0} | {13} |",
                    m.Operation, m.Size, m.WallSeconds, m.TotalRequests, m.TotalMinimum, m.RequestsOverMinimum, m.Floor?.Seconds ?? 0, m.Floor?.BoundBy ?? "-", m.WallOverFloor,
                    m.BaselineSeconds.HasValue ? m.BaselineSeconds.Value.ToString("0", CultureInfo.InvariantCulture) : "-",
                    m.SpeedupOverBaseline.HasValue ? m.SpeedupOverBaseline.Value.ToString("0.0", CultureInfo.InvariantCulture) : "-",
                    m.PeakWorkingSetBytes / 1048576.0, m.PeakManagedBytes / 1048576.0, m.TooManyRequests));
            }

            sb.AppendLine();
            sb.AppendLine("Peak WS / heap: the client process only (the sandbox runs in a process of its own" + (report.Sizes.Any(s => s.Memory != null && !s.Memory.SandboxOutOfProcess) ? "; not in this smoke run" : string.Empty) + ").");
            sb.AppendLine();
        }

        // The account-wide row: the run, its re-run and the per-instance loop, with how much faster the run is than the loop.
        private static void AccountTable(StringBuilder sb, AccountResult a)
        {
            sb.AppendLine(F("## Account-wide run (Invoke-ZoomHubSync), {0}", a.Shape));
            sb.AppendLine();
            sb.AppendLine(F("{0} {1} instances: {2} held, {3} registrations of webinars not held yet.", a.Scenario, a.Instances, a.HeldInstances, a.Instances - a.HeldInstances));
            sb.AppendLine();
            sb.AppendLine("| operation | shape | wall s | requests | minimum | req/min | floor s | bound by | wall/floor | loop/wall | writes | peak WS MB | peak heap MB | 429s |");
            sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
            Measurement loop = a.Find(AccountRunner.LoopOperation);
            foreach (Measurement m in a.Measurements)
            {
                string overLoop = m.Operation == AccountRunner.SyncOperation && loop != null && m.WallSeconds > 0 ? (loop.WallSeconds / m.WallSeconds).ToString("0.00", CultureInfo.InvariantCulture) : "-";
                sb.AppendLine(F("| {0} | {1} | {2:0.0} | {3} | {4} | {5:0.000} | {6:0.0} | {7} | {8:0.00} | {9} | {10} | {11:0} | {12:0} | {13} |",
                    m.Operation, a.Shape, m.WallSeconds, m.TotalRequests, m.TotalMinimum, m.RequestsOverMinimum, m.Floor?.Seconds ?? 0, m.Floor?.BoundBy ?? "-", m.WallOverFloor,
                    overLoop, m.Writes, m.PeakWorkingSetBytes / 1048576.0, m.PeakManagedBytes / 1048576.0, m.TooManyRequests));
            }

            sb.AppendLine();
            sb.AppendLine("loop/wall: the per-instance loop's wall time (the same instances synced one after the other by one engine, on a fresh sandbox) over the run's.");
            foreach (string w in a.Warnings) sb.AppendLine("Run warning: " + w);
            sb.AppendLine();
        }

        private static void Routes(StringBuilder sb, Measurement m, string title)
        {
            sb.AppendLine();
            sb.AppendLine("### " + title);
            sb.AppendLine();
            FloorFigures f = m.Floor ?? new FloorFigures();
            string buckets = string.Join(", ", f.BucketSeconds.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => F("{0} {1:0.0} s", p.Key, p.Value)));
            sb.AppendLine(F("Floor {0:0.0} s, bound by {1} (buckets: {2}; chain {3} x latency = {4:0.0} s).", f.Seconds, f.BoundBy ?? "-", buckets.Length == 0 ? "-" : buckets, f.ChainLength, f.ChainSeconds));
            string perBucket = string.Join(", ", m.Requests.Keys.Union(m.MinimumRequests.Keys).OrderBy(k => k, StringComparer.Ordinal)
                .Select(k => F("{0} {1}/{2}", k, m.Requests.TryGetValue(k, out int s) ? s : 0, m.MinimumRequests.TryGetValue(k, out int n) ? n : 0)));
            sb.AppendLine("Sent/minimum per bucket: " + (perBucket.Length == 0 ? "-" : perBucket) + ".");
            if (m.Facts.Count > 0) sb.AppendLine("Engine: " + string.Join(", ", m.Facts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + " " + p.Value)) + ".");
            if (m.BaselineNote != null) sb.AppendLine("Baseline: " + m.BaselineNote + ".");
            sb.AppendLine();
            sb.AppendLine("| bucket | route | sent | minimum | first s | last s | why |");
            sb.AppendLine("|---|---|---:|---:|---:|---:|---|");
            foreach (RouteCount r in m.Routes)
            {
                sb.AppendLine(F("| {0} | `{1}` | {2} | {3} | {4} | {5} | {6} |", r.Bucket, r.Route, r.Sent, r.Minimum, Seconds(r.FirstSeconds), Seconds(r.LastSeconds),
                    string.IsNullOrEmpty(r.Why) ? (r.Minimum == 0 ? "not needed by the work" : string.Empty) : r.Why.Replace("|", "/")));
            }
        }

        private static void Memory(StringBuilder sb, BenchReport report)
        {
            sb.AppendLine();
            sb.AppendLine("## Client memory before the operations (after connecting, full GC)");
            sb.AppendLine();
            sb.AppendLine("| size | working set MB | managed MB | process peak WS MB (incl. baseline) | GC heap at end MB | sandbox |");
            sb.AppendLine("|---:|---:|---:|---:|---:|---|");
            foreach (SizeResult s in report.Sizes.OrderBy(x => x.Size))
            {
                ClientMemory c = s.Memory ?? new ClientMemory();
                sb.AppendLine(F("| {0} | {1:0} | {2:0} | {3:0} | {4:0} | {5} |", s.Size, c.WorkingSetBytes / 1048576.0, c.ManagedBytes / 1048576.0, c.ProcessPeakWorkingSetBytes / 1048576.0, c.GcHeapSizeBytes / 1048576.0, c.SandboxOutOfProcess ? "own process" : "in process"));
            }
        }

        private static string Seconds(double? s) => s.HasValue ? s.Value.ToString("0.0", CultureInfo.InvariantCulture) : "-";

        private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
