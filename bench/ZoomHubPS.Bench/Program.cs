using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace ZoomHubPS.Bench
{
    /// <summary>build.ps1 -Task Bench: dotnet run --project bench/ZoomHubPS.Bench -- --out out/bench [--sizes 1000,10000]</summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            var options = new BenchOptions();
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--out": options.OutputFolder = args[++i]; break;
                    case "--sizes": options.Sizes = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(); break;
                    case "--smoke": options.Smoke = true; break;
                    case "--baseline-sample": options.BaselineSample = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    default:
                        Console.Error.WriteLine($"Unknown argument '{args[i]}'. Use --out <folder>, --sizes 1000,10000, --smoke, --baseline-sample <n>.");
                        return 2;
                }
            }

            BenchReport report = await new BenchRunner(options, line => Console.WriteLine("  " + line)).RunAsync().ConfigureAwait(false);
            string markdown = Markdown(report);
            Console.WriteLine(markdown);
            Directory.CreateDirectory(options.OutputFolder);
            File.WriteAllText(Path.Combine(options.OutputFolder, "bench.md"), markdown);
            File.WriteAllText(Path.Combine(options.OutputFolder, "bench.json"), JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
            return 0; // targets are reported, not enforced: the benchmark is not a CI test
        }

        public static string Markdown(BenchReport report)
        {
            var sb = new StringBuilder();
            sb.AppendLine($"Machine: {report.Machine}");
            sb.AppendLine();
            sb.AppendLine("| operation | size | wall s | requests (by bucket) | minimum | req/min | floor s | wall/floor | baseline s | baseline/wall | peak WS MB | peak heap MB |");
            sb.AppendLine("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (Measurement m in report.Measurements)
            {
                string buckets = string.Join(" ", m.Requests.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"));
                sb.AppendLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2:0.0} | {3} | {4} | {5:0.00} | {6:0.0} | {7:0.00} | {8} | {9} | {10} | {11} |",
                    m.Operation, m.Size, m.WallSeconds, buckets, m.TotalMinimum, m.RequestsOverMinimum, m.FloorSeconds, m.WallOverFloor,
                    m.BaselineSeconds.HasValue ? m.BaselineSeconds.Value.ToString("0", CultureInfo.InvariantCulture) : "-",
                    m.SpeedupOverBaseline.HasValue ? m.SpeedupOverBaseline.Value.ToString("0.0", CultureInfo.InvariantCulture) : "-",
                    m.PeakWorkingSetBytes / 1048576, m.PeakManagedBytes / 1048576));
            }

            sb.AppendLine();
            foreach (string t in report.Targets) sb.AppendLine("- " + t);
            foreach (Measurement m in report.Measurements.Where(x => x.BaselineNote != null)) sb.AppendLine($"- baseline {m.Operation} {m.Size}: {m.BaselineNote}");
            return sb.ToString();
        }
    }
}
