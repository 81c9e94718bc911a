using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ZoomHubPS.Bench
{
    /// <summary>
    /// Runs one size (or the account row) in a client process of its own (<c>--child-output &lt;file&gt;</c>), so the
    /// memory figures of a size are its own and not the leftovers of a smaller one. The child writes its
    /// <see cref="SizeResult"/> (or <see cref="AccountResult"/>) as JSON to the file; its progress lines come back
    /// through stdout.
    /// </summary>
    internal static class ChildProcess
    {
        public static Task<SizeResult> RunSizeAsync(BenchOptions options, int size, Action<string> log, CancellationToken ct)
            => RunAsync<SizeResult>(options, size, "size " + size, log, ct);

        public static Task<AccountResult> RunAccountAsync(BenchOptions options, Action<string> log, CancellationToken ct)
            => RunAsync<AccountResult>(options, null, "account " + options.Account, log, ct);

        private static async Task<T> RunAsync<T>(BenchOptions options, int? size, string what, Action<string> log, CancellationToken ct)
        {
            string output = Path.Combine(Path.GetTempPath(), $"zoomhubps-bench-{Environment.ProcessId}-{size?.ToString() ?? "account"}.json");
            File.Delete(output);
            var arguments = options.ToArguments(size);
            arguments.Add("--child-output");
            arguments.Add(output);
            ProcessStartInfo psi = BenchProcess.StartInfo(arguments);
            psi.RedirectStandardOutput = true;
            psi.RedirectStandardInput = true; // closed when this process ends, so an orphaned child notices nothing but its sandbox does
            using (Process child = Process.Start(psi) ?? throw new InvalidOperationException("The size's process did not start."))
            {
                child.OutputDataReceived += (_, e) => { if (e.Data != null) log(e.Data); };
                child.BeginOutputReadLine();
                try
                {
                    await child.WaitForExitAsync(ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    try { child.Kill(true); } catch (InvalidOperationException) { }
                    throw;
                }

                if (child.ExitCode != 0 || !File.Exists(output))
                {
                    throw new InvalidOperationException($"The process of {what} failed (exit code {child.ExitCode}); see its output above.");
                }
            }

            try
            {
                return JsonSerializer.Deserialize<T>(File.ReadAllText(output));
            }
            finally
            {
                File.Delete(output);
            }
        }
    }
}
