using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ZoomHubPS.Bench
{
    /// <summary>
    /// build.ps1 -Task Bench: <c>dotnet run --project bench/ZoomHubPS.Bench -c Release -- --out out/bench [--sizes 1000,10000]</c>.
    /// Three modes: the run (starts one client process per size), a size's client process (<c>--child-output</c>) and
    /// a sandbox process (<c>--serve-sandbox</c>); the last two are started by the bench itself.
    /// </summary>
    public static class Program
    {
        private static readonly JsonSerializerOptions Indented = new JsonSerializerOptions { WriteIndented = true };

        public static async Task<int> Main(string[] args)
        {
            BenchOptions options = BenchOptions.Parse(args, out string error);
            if (options == null)
            {
                Console.Error.WriteLine(error);
                return 2;
            }

            using (var cts = new CancellationTokenSource())
            {
                Console.CancelKeyPress += (_, e) =>
                {
                    e.Cancel = true;
                    cts.Cancel();
                };

                if (options.ServeSandbox)
                {
                    return await SandboxServer.RunAsync(options, cts.Token).ConfigureAwait(false);
                }

                if (options.ChildOutput != null)
                {
                    // A size's client process: progress to stdout (the parent forwards it), the result to the file.
                    SizeResult size = await new BenchRunner(options, Console.WriteLine).RunSizeAsync(options.Sizes.Single(), cts.Token).ConfigureAwait(false);
                    File.WriteAllText(options.ChildOutput, JsonSerializer.Serialize(size, Indented));
                    return 0;
                }

                BenchReport report = await new BenchRunner(options, line => Console.WriteLine("  " + line)).RunAsync(cts.Token).ConfigureAwait(false);
                string markdown = Markdown(report);
                Console.WriteLine();
                Console.WriteLine(markdown);
                Directory.CreateDirectory(options.OutputFolder);
                File.WriteAllText(Path.Combine(options.OutputFolder, "bench.md"), markdown);
                File.WriteAllText(Path.Combine(options.OutputFolder, "bench.json"), JsonSerializer.Serialize(report, Indented));
                Console.WriteLine($"Written: {Path.Combine(options.OutputFolder, "bench.md")}, {Path.Combine(options.OutputFolder, "bench.json")}");
                return 0; // targets are reported, not enforced: the benchmark is not a CI test
            }
        }

        /// <summary>The report as markdown: the table (one row per operation and size), per-route detail, the targets.</summary>
        public static string Markdown(BenchReport report)
        {
            var sb = new StringBuilder();
            sb.AppendLine("# ZoomHubPS benchmark");
            sb.AppendLine();
            sb.AppendLine($"- Machine: {report.Machine}");
            sb.AppendLine($"- Settings: {report.Settings}");
            sb.AppendLine(F("- Total: {0:0} s", report.TotalSeconds));
            sb.AppendLine();
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
            sb.AppendLine("## Targets");
            sb.AppendLine();
            foreach (TargetResult t in report.Targets) sb.AppendLine("- " + t);
            sb.AppendLine();

            sb.AppendLine("## Requests per route");
            foreach (Measurement m in report.AllMeasurements())
            {
                sb.AppendLine();
                sb.AppendLine(F("### {0} {1:N0}", m.Operation, m.Size));
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
                sb.AppendLine("| bucket | route | sent | minimum | why |");
                sb.AppendLine("|---|---|---:|---:|---|");
                foreach (RouteCount r in m.Routes)
                {
                    sb.AppendLine(F("| {0} | `{1}` | {2} | {3} | {4} |", r.Bucket, r.Route, r.Sent, r.Minimum, string.IsNullOrEmpty(r.Why) ? (r.Minimum == 0 ? "not needed by the work" : string.Empty) : r.Why.Replace("|", "/")));
                }
            }

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

            return sb.ToString();
        }

        private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
