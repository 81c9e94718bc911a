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
    /// Three modes: the run (starts one client process per size and one for the account row), a client process
    /// (<c>--child-output</c>) and a sandbox process (<c>--serve-sandbox</c>); the last two are started by the bench itself.
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
                    // A size's (or the account row's) client process: progress to stdout (the parent forwards it), the result to the file.
                    object result = options.IsAccountProcess
                        ? await new AccountRunner(options, Console.WriteLine).RunAsync(cts.Token).ConfigureAwait(false)
                        : (object)await new BenchRunner(options, Console.WriteLine).RunSizeAsync(options.Sizes.Single(), cts.Token).ConfigureAwait(false);
                    File.WriteAllText(options.ChildOutput, JsonSerializer.Serialize(result, result.GetType(), Indented));
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

        /// <summary>The report as markdown (see <see cref="BenchMarkdown"/>).</summary>
        public static string Markdown(BenchReport report) => BenchMarkdown.Write(report);
    }
}
