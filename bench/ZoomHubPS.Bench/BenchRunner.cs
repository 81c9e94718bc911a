using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Bench
{
    /// <summary>
    /// Runs the benchmark: per size (in a client process of its own), a fresh sandbox of a generated scenario (in a
    /// process of its own), then the sync of its past instance, a re-run, a bulk registration into its upcoming webinar
    /// and the per-record baseline; requests from the sandbox journal against the minimum, the rate-limit floor, the
    /// client's memory; then the account-wide row (<see cref="AccountRunner"/>, a client process of its own); then the
    /// targets.
    /// </summary>
    public sealed class BenchRunner
    {
        private readonly BenchOptions _options;
        private readonly Action<string> _log;

        /// <summary>Creates a runner; <paramref name="log"/> receives progress lines.</summary>
        public BenchRunner(BenchOptions options, Action<string> log = null)
        {
            _options = options ?? new BenchOptions();
            _log = log ?? (_ => { });
        }

        /// <summary>Every size (in child processes unless <see cref="BenchOptions.ChildProcesses"/> is off), then the targets.</summary>
        public async Task<BenchReport> RunAsync(CancellationToken ct = default)
        {
            var watch = Stopwatch.StartNew();
            string loadAtStart = LoadAverage();
            var report = new BenchReport
            {
                Smoke = _options.Smoke,
                Machine = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}",
                Settings = _options.Smoke
                    ? "smoke: in-process handler, no limits, no latency"
                    : $"loopback HTTP on 127.0.0.1; {RateFloor.Describe()}; latency {_options.LatencyMs} ms ± {_options.JitterMs} ms per request; sandbox in a process of its own; {(_options.ChildProcesses ? "one client process per size" : "one client process for all sizes")}",
            };
            foreach (int size in _options.Sizes.OrderBy(s => s))
            {
                ct.ThrowIfCancellationRequested();
                report.Sizes.Add(_options.ChildProcesses && !_options.Smoke
                    ? await ChildProcess.RunSizeAsync(_options, size, _log, ct).ConfigureAwait(false)
                    : await RunSizeAsync(size, ct).ConfigureAwait(false));
            }

            if (_options.Account != null)
            {
                ct.ThrowIfCancellationRequested();
                report.Account = _options.ChildProcesses && !_options.Smoke
                    ? await ChildProcess.RunAccountAsync(_options, _log, ct).ConfigureAwait(false)
                    : await new AccountRunner(_options, _log).RunAsync(ct).ConfigureAwait(false);
            }

            report.Targets.AddRange(BenchTargets.Evaluate(report));
            report.TotalSeconds = watch.Elapsed.TotalSeconds;
            string loadAtEnd = LoadAverage();
            report.LoadAverage = loadAtStart == null ? null : $"{loadAtStart} at the start, {loadAtEnd} at the end";
            return report;
        }

        /// <summary>The scenario of one size: 60 % attend, 20 % of attendees rejoin, 5 % guests, 10 % existing contacts.</summary>
        public static Scenario ScenarioFor(int size)
            => ScenarioGenerator.Generate(new GeneratorOptions { Registrants = size, AttendShare = 0.6, RejoinShare = 0.2, GuestShare = 0.05, ExistingContactShare = 0.1, Seed = size });

        /// <summary>
        /// One size in this process: the client. The sandbox runs in a process of its own (in this process only for
        /// smoke runs) and hands over the size's plan (ids, minimum requests, chains), so this process never holds the
        /// scenario and its memory figures are the engine's (plus the registration's input list, which is the client's).
        /// </summary>
        public async Task<SizeResult> RunSizeAsync(int size, CancellationToken ct = default)
        {
            _log($"size {size}: starting the sandbox{(_options.Smoke ? " (in process)" : " process")}");
            var result = new SizeResult { Size = size };
            double latency = _options.Smoke ? 0 : _options.LatencyMs / 1000.0;

            using (BenchTwin twin = await BenchTwin.StartAsync(size, _options, ct).ConfigureAwait(false))
            {
                SizePlan plan = twin.Plan;
                result.Scenario = plan.Description;
                long past = plan.PastWebinarId;

                // The schema exists before a sync in real use too (Initialize-ZoomHubSchema runs once): not measured.
                await new SchemaInitializer(twin.Connection).InitializeAsync(new SyncPropertyNames(), false, ct).ConfigureAwait(false);
                FullCollect();
                using (Process p = Process.GetCurrentProcess())
                {
                    result.Memory.Size = size;
                    result.Memory.WorkingSetBytes = p.WorkingSet64;
                    result.Memory.ManagedBytes = GC.GetTotalMemory(false);
                    result.Memory.SandboxOutOfProcess = twin.OutOfProcess;
                }

                var engine = new WebinarSyncEngine(twin.Connection);
                _log($"size {size}: sync");
                SyncResult sync = null;
                Measurement m = await MeasureAsync("sync", size, twin, async () => sync = await engine.SyncAsync(new SyncTarget { WebinarId = past }, new SyncOptions(), null, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                Finish(m, plan.SyncMinimum, plan.SyncChain, latency);
                AddFacts(m, sync);
                result.Measurements.Add(m);
                _log(Line(m));

                // A re-run comes later (the next schedule), not inside the sync's last HubSpot window: wait one window so
                // the re-run is measured on its own requests, not on the permits the sync's tail still holds.
                if (!_options.Smoke) await Task.Delay(TimeSpan.FromSeconds(10.5), ct).ConfigureAwait(false);
                _log($"size {size}: re-run");
                SyncResult again = null;
                Measurement r = await MeasureAsync("sync re-run", size, twin, async () => again = await engine.SyncAsync(new SyncTarget { WebinarId = past }, new SyncOptions(), null, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                Finish(r, plan.RerunMinimum, plan.RerunChain, latency);
                AddFacts(r, again);
                result.Measurements.Add(r);
                _log(Line(r));

                _log($"size {size}: registration");
                List<RegistrationInput> people = Enumerable.Range(0, size)
                    .Select(i => new RegistrationInput(new Dictionary<string, object> { ["Email"] = $"bulk{i}@bench.example.com", ["FirstName"] = "Bulk", ["LastName"] = "P" + i.ToString(CultureInfo.InvariantCulture) }))
                    .ToList();
                var outcomes = new Dictionary<string, int>();
                Measurement reg = await MeasureAsync("registration", size, twin, () => new WebinarRegistrationEngine(twin.Connection).RegisterAsync(plan.UpcomingWebinarId, people, new RegistrationOptions(), x =>
                {
                    lock (outcomes) outcomes[x.Status.ToString()] = (outcomes.TryGetValue(x.Status.ToString(), out int n) ? n : 0) + 1;
                }, ct), ct).ConfigureAwait(false);
                people = null;
                Finish(reg, plan.RegistrationMinimum, plan.RegistrationChain, latency);
                foreach (var o in outcomes) reg.Facts[o.Key] = o.Value;
                result.Measurements.Add(reg);
                _log(Line(reg));
            }

            if (!_options.Smoke && _options.BaselineSample > 0)
            {
                int sample = Math.Min(size, _options.BaselineSample);
                _log($"size {size}: per-record baseline on a sample of {sample} (a fresh sandbox process)");
                BaselineFigures b = await PerRecordBaseline.RunAsync(size, _options, sample, ct).ConfigureAwait(false);
                Measurement s = result.Measurements.First(x => x.Operation == "sync");
                s.BaselineSeconds = b.ProjectedSync(size);
                s.BaselineNote = string.Format(CultureInfo.InvariantCulture, "measured {0} people ({1} requests) in {2:0.0} s, projected to {3}", b.SyncSample, b.SyncSampleRequests, b.SyncSampleSeconds, size);
                Measurement g = result.Measurements.First(x => x.Operation == "registration");
                g.BaselineSeconds = b.ProjectedRegistration(size);
                g.BaselineNote = string.Format(CultureInfo.InvariantCulture, "measured {0} single adds in {1:0.0} s, projected to {2}", b.RegistrationSample, b.RegistrationSampleSeconds, size);
            }

            using (Process p = Process.GetCurrentProcess())
            {
                result.Memory.ProcessPeakWorkingSetBytes = p.PeakWorkingSet64;
            }

            result.Memory.GcHeapSizeBytes = GC.GetGCMemoryInfo().HeapSizeBytes;
            return result;
        }

        internal static async Task<Measurement> MeasureAsync(string operation, int size, BenchTwin twin, Func<Task> work, CancellationToken ct)
        {
            await twin.ClearJournalAsync(ct).ConfigureAwait(false);
            FullCollect();
            var m = new Measurement { Operation = operation, Size = size };
            using (var sampler = new MemorySampler())
            {
                var watch = Stopwatch.StartNew();
                await work().ConfigureAwait(false);
                m.WallSeconds = watch.Elapsed.TotalSeconds;
                sampler.Sample();
                m.PeakWorkingSetBytes = sampler.PeakWorkingSet;
                m.PeakManagedBytes = sampler.PeakManaged;
            }

            List<JournalCount> entries = await twin.JournalAsync(ct).ConfigureAwait(false);
            // Times are the sandbox's, relative to the operation's first request: where the wall time went, route by route.
            DateTimeOffset start = entries.Count == 0 ? default : entries.Min(e => e.FirstAt);
            m.Routes = entries.Where(Counted).GroupBy(e => e.Route).Select(g => new RouteCount
            {
                Route = g.Key, Bucket = g.First().Api + "/" + g.First().Bucket, Sent = g.Sum(e => e.Count),
                FirstSeconds = Math.Round((g.Min(e => e.FirstAt) - start).TotalSeconds, 2), LastSeconds = Math.Round((g.Max(e => e.LastAt) - start).TotalSeconds, 2),
            }).ToList();
            m.TooManyRequests = entries.Where(e => Counted(e) && e.Status == 429).Sum(e => e.Count);
            m.Writes = entries.Where(e => e.IsWrite && e.Status >= 200 && e.Status < 300).Sum(e => e.Count);
            return m;
        }

        // The OAuth token requests have no rate bucket and are not part of the work.
        private static bool Counted(JournalCount e) => e.Api != "ZoomOAuth" && e.Bucket != "None";

        /// <summary>Joins what was sent with the minimum per route, and computes totals and the floor.</summary>
        internal static void Finish(Measurement m, List<RouteCount> minimum, int chain, double latencySeconds)
        {
            foreach (RouteCount min in minimum)
            {
                RouteCount sent = m.Routes.FirstOrDefault(x => x.Route == min.Route);
                if (sent == null) m.Routes.Add(sent = new RouteCount { Route = min.Route, Bucket = min.Bucket });
                sent.Minimum = min.Minimum;
                sent.Why = min.Why;
            }

            m.Routes = m.Routes.OrderBy(x => x.Bucket, StringComparer.Ordinal).ThenBy(x => x.Route, StringComparer.Ordinal).ToList();
            m.Requests = m.Routes.GroupBy(x => x.Bucket).ToDictionary(g => g.Key, g => g.Sum(x => x.Sent), StringComparer.Ordinal);
            m.MinimumRequests = RequestMinimum.ByBucket(minimum);
            m.TotalRequests = m.Routes.Sum(x => x.Sent);
            m.TotalMinimum = m.Routes.Sum(x => x.Minimum);
            m.Floor = RateFloor.Compute(m.MinimumRequests, chain, latencySeconds);
        }

        private static void AddFacts(Measurement m, SyncResult r)
        {
            if (r == null) return;
            m.Facts["created"] = r.Created;
            m.Facts["updated"] = r.Updated;
            m.Facts["unchanged"] = r.Unchanged;
            m.Facts["skipped"] = r.Skipped;
            m.Facts["failed"] = r.Failed;
            foreach (var p in new[] { ("register", r.RegisterParticipations), ("attend", r.AttendParticipations), ("cancel", r.CancelParticipations) })
            {
                if (p.Item2 > 0) m.Facts["participations " + p.Item1] = p.Item2;
            }
        }

        internal static string Line(Measurement m)
            => string.Format(CultureInfo.InvariantCulture, "  {0} {1}: {2:0.0} s, {3} requests (minimum {4}), floor {5:0.0} s", m.Operation, m.Size, m.WallSeconds, m.TotalRequests, m.TotalMinimum, m.Floor.Seconds);

        // The machine is shared: figures are read next to its load (Linux /proc/loadavg; elsewhere not shown).
        private static string LoadAverage()
        {
            try
            {
                if (!System.IO.File.Exists("/proc/loadavg")) return null;
                string[] parts = System.IO.File.ReadAllText("/proc/loadavg").Split(' ');
                return parts.Length >= 3 ? string.Join(" ", parts.Take(3)) : null;
            }
            catch (System.IO.IOException)
            {
                return null;
            }
        }

        internal static void FullCollect()
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, true, true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, true, true);
        }
    }
}
