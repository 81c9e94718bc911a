using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Sandbox;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Journal;
using ZoomHubPS.Sandbox.Limits;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Bench
{
    /// <summary>
    /// A fresh sandbox of a size's scenario with the benchmark's limits and latency, and a validated connection to it.
    /// Real runs serve it from a process of its own (<see cref="SandboxServer"/>, HTTP on 127.0.0.1), so the client
    /// process's memory is the client's; smoke runs use the in-process handler (no limits, no latency). The sandbox
    /// clock runs with real time, so latency and rate windows are real seconds.
    /// </summary>
    internal abstract class BenchTwin : IDisposable
    {
        /// <summary>Zoom Pro and HubSpot Professional: the plan and tier the targets are stated for.</summary>
        public static LimitOptions BenchLimits => LimitOptions.For("Pro", "Professional");

        /// <summary>The connection the measured work uses.</summary>
        public ZoomHubConnection Connection { get; protected set; }

        /// <summary>Ids and minimum requests of a size's scenario, computed where the scenario lives (null for the account row).</summary>
        public SizePlan Plan { get; protected set; }

        /// <summary>Targets and minimum requests of the account scenario (null for a size).</summary>
        public AccountPlan AccountPlan { get; protected set; }

        /// <summary>Whether the sandbox runs in another process.</summary>
        public abstract bool OutOfProcess { get; }

        /// <summary>Starts a sandbox of <paramref name="size"/> registrants (in process for smoke runs) and connects to it.</summary>
        public static Task<BenchTwin> StartAsync(int size, BenchOptions o, CancellationToken ct)
            => OpenAsync(size, o, () => new InProcessTwin(BenchRunner.ScenarioFor(size), s => SizePlan.From(s, size), null), ct);

        /// <summary>Starts a sandbox of the account scenario of <see cref="BenchOptions.Account"/> and connects to it.</summary>
        public static Task<BenchTwin> StartAccountAsync(BenchOptions o, CancellationToken ct)
            => OpenAsync(null, o, () => new InProcessTwin(o.Account.Scenario(), null, s => AccountPlan.From(s, o.Account)), ct);

        private static async Task<BenchTwin> OpenAsync(int? size, BenchOptions o, Func<BenchTwin> inProcess, CancellationToken ct)
        {
            BenchTwin twin = o.Smoke ? inProcess() : await SandboxProcessTwin.LaunchAsync(size, o, ct).ConfigureAwait(false);
            try
            {
                await twin.ConnectAsync(ct).ConfigureAwait(false);
                return twin;
            }
            catch
            {
                twin.Dispose();
                throw;
            }
        }

        /// <summary>Forgets the requests answered so far.</summary>
        public abstract Task ClearJournalAsync(CancellationToken ct);

        /// <summary>The requests answered since the last clear, aggregated.</summary>
        public abstract Task<List<JournalCount>> JournalAsync(CancellationToken ct);

        /// <summary>Which of <paramref name="emails"/> attended the past instance (the baseline's knowledge of the participant list).</summary>
        public abstract Task<HashSet<string>> AttendedAsync(IEnumerable<string> emails, CancellationToken ct);

        public virtual void Dispose() => Connection?.Dispose();

        protected abstract Task ConnectAsync(CancellationToken ct);

        /// <summary>Aggregates journal entries the way <see cref="JournalAsync"/> reports them.</summary>
        internal static List<JournalCount> Aggregate(IEnumerable<JournalEntry> entries)
            => entries.GroupBy(e => (e.RouteKey, e.Api, e.Bucket, e.Status, e.IsWrite))
                .Select(g => new JournalCount
                {
                    Route = g.Key.RouteKey, Api = g.Key.Api, Bucket = g.Key.Bucket, Status = g.Key.Status, IsWrite = g.Key.IsWrite, Count = g.Count(),
                    FirstAt = g.Min(e => e.At), LastAt = g.Max(e => e.At),
                })
                .ToList();

        /// <summary>The sandbox of a size: the generated scenario, the benchmark's limits (unless smoke) and latency fault.</summary>
        internal static ZoomHubSandbox CreateSandbox(Scenario scenario, BenchOptions o)
        {
            var faults = new FaultOptions();
            if (!o.Smoke && o.LatencyMs > 0) faults.Latency(TimeSpan.FromMilliseconds(o.LatencyMs), TimeSpan.FromMilliseconds(o.JitterMs));
            return new ZoomHubSandbox(new SandboxOptions
            {
                ScenarioData = scenario,
                Limits = o.Smoke ? LimitOptions.None : BenchLimits,
                Faults = faults,
            });
        }

        protected static ZoomHubConnectionOptions Options(string accountId, string clientId, string clientSecret, string hubSpotToken) => new ZoomHubConnectionOptions
        {
            ZoomAccountId = accountId,
            ZoomClientId = clientId,
            ZoomClientSecret = Secure(clientSecret),
            HubSpotToken = Secure(hubSpotToken),
            ZoomPlan = ZoomPlan.Pro,
            HubSpotTier = HubSpotTier.Professional,
            IsSandbox = true,
            Name = "bench",
        };

        private static SecureString Secure(string s)
        {
            var secure = new SecureString();
            foreach (char c in s) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>Smoke runs: the scenario and the twin in this process, the in-process handler, no limits, no latency.</summary>
        private sealed class InProcessTwin : BenchTwin
        {
            private readonly ZoomHubSandbox _sandbox;
            private readonly HashSet<string> _attended;

            public InProcessTwin(Scenario scenario, Func<Scenario, SizePlan> plan, Func<Scenario, AccountPlan> accountPlan)
            {
                Plan = plan?.Invoke(scenario);
                AccountPlan = accountPlan?.Invoke(scenario);
                _attended = Plan == null ? new HashSet<string>() : RequestMinimum.Attendees(scenario);
                _sandbox = CreateSandbox(scenario, new BenchOptions { Smoke = true });
            }

            public override bool OutOfProcess => false;

            public override Task ClearJournalAsync(CancellationToken ct)
            {
                _sandbox.Journal.Clear();
                return Task.CompletedTask;
            }

            public override Task<List<JournalCount>> JournalAsync(CancellationToken ct) => Task.FromResult(Aggregate(_sandbox.Journal.Entries));

            public override Task<HashSet<string>> AttendedAsync(IEnumerable<string> emails, CancellationToken ct)
                => Task.FromResult(new HashSet<string>(emails.Where(_attended.Contains), StringComparer.OrdinalIgnoreCase));

            public override void Dispose()
            {
                base.Dispose();
                _sandbox.Dispose();
            }

            protected override async Task ConnectAsync(CancellationToken ct)
            {
                SandboxCredentials c = _sandbox.Credentials;
                ZoomHubConnectionOptions options = Options(c.ZoomAccountId, c.ZoomClientId, c.ZoomClientSecret, c.HubSpotToken);
                options.Handler = _sandbox.CreateHandler();
                options.ZoomOAuthBaseUri = ZoomHubSandbox.InProcessZoomOAuthUri;
                options.ZoomApiBaseUri = ZoomHubSandbox.InProcessZoomApiUri;
                options.HubSpotBaseUri = ZoomHubSandbox.InProcessHubSpotUri;
                options.DisableRateLimiter = true;
                Connection = await ZoomHubConnection.ConnectAsync(options, ct).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Real runs: the bench executable in <c>--serve-sandbox</c> mode serves the sandbox on 127.0.0.1; this side
        /// reads its ready line (endpoint and plan) and talks to it over stdin/stdout line commands.
        /// </summary>
        private sealed class SandboxProcessTwin : BenchTwin
        {
            private readonly Process _process;
            private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
            private SandboxEndpoint _endpoint;

            private SandboxProcessTwin(Process process) => _process = process;

            public override bool OutOfProcess => true;

            /// <summary>The sandbox process (for tests and diagnostics).</summary>
            public int ProcessId => _process.Id;

            public static async Task<SandboxProcessTwin> LaunchAsync(int? size, BenchOptions o, CancellationToken ct)
            {
                ProcessStartInfo psi = BenchProcess.StartInfo(o.ToServerArguments(size));
                psi.RedirectStandardInput = true;
                psi.RedirectStandardOutput = true;
                Process process = Process.Start(psi) ?? throw new InvalidOperationException("The sandbox process did not start.");
                var twin = new SandboxProcessTwin(process);
                try
                {
                    string line = await twin.ReadLineAsync(TimeSpan.FromMinutes(10), ct).ConfigureAwait(false);
                    SandboxServer.Ready ready = JsonSerializer.Deserialize<SandboxServer.Ready>(line);
                    twin._endpoint = ready.Endpoint;
                    twin.Plan = ready.Plan;
                    twin.AccountPlan = ready.AccountPlan;
                    return twin;
                }
                catch
                {
                    twin.Dispose();
                    throw;
                }
            }

            public override Task ClearJournalAsync(CancellationToken ct) => CommandAsync("clear", ct);

            public override async Task<List<JournalCount>> JournalAsync(CancellationToken ct)
                => JsonSerializer.Deserialize<List<JournalCount>>(await CommandAsync("journal", ct).ConfigureAwait(false));

            public override async Task<HashSet<string>> AttendedAsync(IEnumerable<string> emails, CancellationToken ct)
            {
                string answer = await CommandAsync("attended " + JsonSerializer.Serialize(emails.ToList()), ct).ConfigureAwait(false);
                return new HashSet<string>(JsonSerializer.Deserialize<List<string>>(answer), StringComparer.OrdinalIgnoreCase);
            }

            public override void Dispose()
            {
                base.Dispose();
                try
                {
                    if (!_process.HasExited)
                    {
                        _process.StandardInput.WriteLine("exit");
                        _process.StandardInput.Flush();
                        if (!_process.WaitForExit(5000)) _process.Kill(true);
                    }
                }
                catch (Exception ex) when (ex is IOException || ex is InvalidOperationException || ex is System.ComponentModel.Win32Exception)
                {
                    try { _process.Kill(true); } catch (InvalidOperationException) { }
                }

                _process.Dispose();
                _gate.Dispose();
            }

            protected override async Task ConnectAsync(CancellationToken ct)
            {
                SandboxEndpoint e = _endpoint;
                ZoomHubConnectionOptions options = Options(e.ZoomAccountId, e.ZoomClientId, e.ZoomClientSecret, e.HubSpotToken);
                options.ZoomOAuthBaseUri = new Uri(e.ZoomOAuthUri);
                options.ZoomApiBaseUri = new Uri(e.ZoomApiUri);
                options.HubSpotBaseUri = new Uri(e.HubSpotUri);
                _endpoint = null; // the client keeps the secrets only in the connection's SecureStrings
                Connection = await ZoomHubConnection.ConnectAsync(options, ct).ConfigureAwait(false);
            }

            private async Task<string> CommandAsync(string command, CancellationToken ct)
            {
                await _gate.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    await _process.StandardInput.WriteLineAsync(command).ConfigureAwait(false);
                    await _process.StandardInput.FlushAsync().ConfigureAwait(false);
                    string answer = await ReadLineAsync(TimeSpan.FromMinutes(2), ct).ConfigureAwait(false);
                    if (answer.StartsWith("error ", StringComparison.Ordinal)) throw new InvalidOperationException("The sandbox process answered: " + answer.Substring(6));
                    return answer;
                }
                finally
                {
                    _gate.Release();
                }
            }

            private async Task<string> ReadLineAsync(TimeSpan timeout, CancellationToken ct)
            {
                using (var cts = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    cts.CancelAfter(timeout);
                    string line;
                    try
                    {
                        line = await _process.StandardOutput.ReadLineAsync(cts.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                        throw new TimeoutException($"The sandbox process (pid {_process.Id}) did not answer within {timeout.TotalSeconds:0} s.");
                    }

                    return line ?? throw new InvalidOperationException($"The sandbox process (pid {_process.Id}) ended{(_process.HasExited ? " with exit code " + _process.ExitCode : string.Empty)}; see its error output above.");
                }
            }
        }
    }
}
