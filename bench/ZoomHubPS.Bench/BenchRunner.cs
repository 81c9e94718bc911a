using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Core.Zoom;
using ZoomHubPS.Sandbox;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Hosting;
using ZoomHubPS.Sandbox.Journal;
using ZoomHubPS.Sandbox.Limits;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Bench
{
    /// <summary>Runs sync, re-run, bulk registration and a per-record baseline per size, against the sandbox with real limits.</summary>
    public sealed class BenchRunner
    {
        private readonly BenchOptions _options;
        private readonly Action<string> _log;
        private long _peakManaged;

        public BenchRunner(BenchOptions options, Action<string> log = null)
        {
            _options = options;
            _log = log ?? (_ => { });
        }

        public async Task<BenchReport> RunAsync(CancellationToken ct = default)
        {
            var report = new BenchReport { Machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}" };
            using (new Timer(_ => _peakManaged = Math.Max(_peakManaged, GC.GetTotalMemory(false)), null, 0, 100))
            {
                foreach (int size in _options.Sizes.OrderBy(s => s))
                {
                    _log($"size {size}: generating");
                    report.Measurements.AddRange(await RunSizeAsync(size, ct).ConfigureAwait(false));
                }
            }

            report.Targets.AddRange(Targets(report));
            return report;
        }

        private async Task<List<Measurement>> RunSizeAsync(int size, CancellationToken ct)
        {
            Scenario scenario = ScenarioGenerator.Generate(new GeneratorOptions { Registrants = size, AttendShare = 0.6, RejoinShare = 0.2, GuestShare = 0.05, ExistingContactShare = 0.1, Seed = size });
            long past = scenario.Zoom.Webinars.First(w => w.Instances.Count > 0).Id;
            long upcoming = scenario.Zoom.Webinars.First(w => w.Instances.Count == 0).Id;
            var results = new List<Measurement>();

            using (Twin twin = await Twin.StartAsync(scenario, _options, ct).ConfigureAwait(false))
            {
                await new SchemaInitializer(twin.Connection).InitializeAsync(new SyncPropertyNames(), false, ct).ConfigureAwait(false);
                var engine = new WebinarSyncEngine(twin.Connection);

                _log($"size {size}: sync");
                twin.Sandbox.Journal.Clear();
                SyncResult sync = null;
                Measurement m = await MeasureAsync("sync", size, twin, async () => sync = await engine.SyncAsync(new SyncTarget { WebinarId = past }, new SyncOptions(), null, ct).ConfigureAwait(false)).ConfigureAwait(false);
                m.MinimumRequests = SyncMinimum(scenario, sync);
                Finish(m, twin.Sandbox.Journal);
                results.Add(m);

                _log($"size {size}: re-run");
                twin.Sandbox.Journal.Clear();
                Measurement again = await MeasureAsync("sync re-run", size, twin, () => engine.SyncAsync(new SyncTarget { WebinarId = past }, new SyncOptions(), null, ct)).ConfigureAwait(false);
                again.MinimumRequests = m.Requests.Where(p => p.Key.StartsWith("Zoom", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value);
                // A re-run needs only the reads: one batch read per 100 people and the event read.
                again.MinimumRequests["HubSpot/Standard"] = (int)Math.Ceiling((sync.Created + sync.Updated + sync.Unchanged) / 100.0) + 1;
                Finish(again, twin.Sandbox.Journal);
                results.Add(again);

                _log($"size {size}: registration");
                twin.Sandbox.Journal.Clear();
                List<RegistrationInput> people = Enumerable.Range(0, size).Select(i => new RegistrationInput(new Dictionary<string, object> { ["Email"] = $"bulk{i}@bench.example", ["FirstName"] = "Bulk", ["LastName"] = "P" + i })).ToList();
                Measurement reg = await MeasureAsync("registration", size, twin, () => new WebinarRegistrationEngine(twin.Connection).RegisterAsync(upcoming, people, new RegistrationOptions(), null, ct)).ConfigureAwait(false);
                reg.MinimumRequests = new Dictionary<string, int> { ["Zoom/Heavy"] = (int)Math.Ceiling(size / 30.0), ["Zoom/Light"] = 2, ["Zoom/Medium"] = 4 };
                Finish(reg, twin.Sandbox.Journal);
                results.Add(reg);
            }

            if (!_options.Smoke)
            {
                _log($"size {size}: per-record baseline (sample {Math.Min(size, _options.BaselineSample)})");
                await BaselineAsync(scenario, past, upcoming, size, results, ct).ConfigureAwait(false);
            }

            return results;
        }

        private async Task<Measurement> MeasureAsync(string operation, int size, Twin twin, Func<Task> work)
        {
            GC.Collect();
            _peakManaged = GC.GetTotalMemory(true);
            var watch = Stopwatch.StartNew();
            await work().ConfigureAwait(false);
            watch.Stop();
            using (Process p = Process.GetCurrentProcess())
            {
                return new Measurement
                {
                    Operation = operation,
                    Size = size,
                    WallSeconds = watch.Elapsed.TotalSeconds,
                    PeakWorkingSetBytes = p.PeakWorkingSet64,
                    PeakManagedBytes = Math.Max(_peakManaged, GC.GetTotalMemory(false)),
                };
            }
        }

        private static void Finish(Measurement m, RequestJournal journal)
        {
            m.Requests = journal.CountsByBucket().Where(p => !p.Key.EndsWith("/None", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value);
            m.TotalRequests = m.Requests.Values.Sum();
            m.TotalMinimum = m.MinimumRequests.Values.Sum();
            m.Writes = journal.Entries.Count(e => e.IsWrite && e.Status >= 200 && e.Status < 300);
            m.FloorSeconds = RateFloor.Seconds(m.MinimumRequests);
        }

        /// <summary>The fewest requests the sync of this instance needs (see about_ZoomHubPS_Benchmarks).</summary>
        private static Dictionary<string, int> SyncMinimum(Scenario s, SyncResult r)
        {
            ZoomWebinarSeed w = s.Zoom.Webinars.First(x => x.Instances.Count > 0);
            int Pages(int n, int size) => Math.Max(1, (n + size - 1) / size);
            int registrantPages = new[] { "approved", "denied", "pending" }.Sum(st => Pages(w.Registrants.Count(x => (x.Status ?? "approved") == st), 300));
            int people = r.Created + r.Updated;
            int created = r.Created;
            int participations = r.Participations.Values.Sum();
            return new Dictionary<string, int>
            {
                ["Zoom/Medium"] = registrantPages + 3,                                   // registrant listings + users (3 statuses)
                ["Zoom/Heavy"] = Pages(w.Instances[0].Participants.Count, 300) + 1,      // participant report pages + summary
                ["Zoom/Light"] = 2,                                                      // webinar + instances
                ["HubSpot/Standard"] = 1 + 3                                             // property check; event read, upsert, complete
                    + Pages(people, 100)                                                 // batch reads by email
                    + (created > 0 ? Pages(created, 100) : 0)                            // archived check of unknown emails
                    + r.Participations.Values.Sum(n => Pages(n, 100))                    // participations per state
                    + Pages(people, 100),                                                // batch upserts
            };
        }

        private async Task BaselineAsync(Scenario scenario, long past, long upcoming, int size, List<Measurement> results, CancellationToken ct)
        {
            int sample = Math.Min(size, _options.BaselineSample);
            using (Twin twin = await Twin.StartAsync(scenario, _options, ct).ConfigureAwait(false))
            {
                await new SchemaInitializer(twin.Connection).InitializeAsync(new SyncPropertyNames(), false, ct).ConfigureAwait(false);
                HubSpotClient hub = twin.Connection.HubSpot;

                // What per-record tools do: per person, look the contact up, create or update it, and record one
                // participation; per registrant, one Zoom add. One request at a time, as they do.
                List<ZoomRegistrant> registrants = await twin.Connection.Zoom.Registrants.List(past, options: new ListOptions { MaxItems = sample }).ToListAsync(ct).ConfigureAwait(false);
                var watch = Stopwatch.StartNew();
                foreach (ZoomRegistrant r in registrants)
                {
                    HubSpotObject c = await hub.Contacts.GetAsync(r.Email, "email", null, false, ct).ConfigureAwait(false);
                    var props = new Dictionary<string, string> { ["firstname"] = r.FirstName ?? string.Empty, ["zoomhub_webinar_registration_count"] = "1" };
                    if (c == null)
                    {
                        props["email"] = r.Email.ToLowerInvariant();
                        await hub.Contacts.BatchCreateAsync(new[] { props }, ct).ConfigureAwait(false);
                    }
                    else
                    {
                        await hub.Contacts.BatchUpdateAsync(new[] { new HubSpotObjectInput { Id = c.Id, Properties = props } }, ct).ConfigureAwait(false);
                    }
                }

                double perRecordSync = watch.Elapsed.TotalSeconds / Math.Max(1, registrants.Count);
                Measurement sync = results.First(x => x.Operation == "sync" && x.Size == size);
                sync.BaselineSeconds = perRecordSync * size;
                sync.BaselineNote = $"measured {registrants.Count} records in {watch.Elapsed.TotalSeconds:0.0} s, projected to {size}";

                watch.Restart();
                for (int i = 0; i < sample; i++)
                {
                    await twin.Connection.Zoom.Registrants.AddAsync(upcoming, new ZoomRegistrantRequest { Email = $"single{i}@bench.example", FirstName = "Single", LastName = "P" + i }, null, ct).ConfigureAwait(false);
                }

                Measurement reg = results.First(x => x.Operation == "registration" && x.Size == size);
                reg.BaselineSeconds = watch.Elapsed.TotalSeconds / sample * size;
                reg.BaselineNote = $"measured {sample} single adds in {watch.Elapsed.TotalSeconds:0.0} s, projected to {size}";
            }
        }

        private static IEnumerable<string> Targets(BenchReport report)
        {
            string Verdict(bool ok) => ok ? "PASS" : "FAIL";
            foreach (Measurement m in report.Measurements.Where(x => (x.Operation == "sync" || x.Operation == "registration") && x.Size >= 10000))
            {
                yield return $"{Verdict(m.WallOverFloor <= 1.25)} {m.Operation} {m.Size}: wall {m.WallSeconds:0.0} s <= 1.25 x floor {m.FloorSeconds:0.0} s (ratio {m.WallOverFloor:0.00})";
            }

            foreach (Measurement m in report.Measurements.Where(x => x.Operation != "sync re-run"))
            {
                yield return $"{Verdict(m.RequestsOverMinimum <= 1.05)} {m.Operation} {m.Size}: requests {m.TotalRequests} <= 1.05 x minimum {m.TotalMinimum} (ratio {m.RequestsOverMinimum:0.00})";
            }

            foreach (Measurement m in report.Measurements.Where(x => x.Size == 10000 && x.SpeedupOverBaseline.HasValue))
            {
                yield return $"{Verdict(m.SpeedupOverBaseline >= 20)} {m.Operation} 10000: {m.SpeedupOverBaseline:0.0} x faster than the per-record baseline (>= 20)";
            }

            Measurement small = report.Measurements.FirstOrDefault(x => x.Size == 1000 && x.Operation == "sync");
            Measurement large = report.Measurements.FirstOrDefault(x => x.Size == 50000 && x.Operation == "sync");
            if (small != null && large != null)
            {
                yield return $"{Verdict(large.PeakWorkingSetBytes <= 3 * small.PeakWorkingSetBytes)} peak working set at 50000 ({large.PeakWorkingSetBytes / 1048576} MB) <= 3 x at 1000 ({small.PeakWorkingSetBytes / 1048576} MB)";
            }

            foreach (Measurement m in report.Measurements.Where(x => x.Operation == "sync re-run"))
            {
                yield return $"{Verdict(m.Writes == 0)} re-run {m.Size}: {m.Writes} writes (only reads allowed)";
            }
        }

        /// <summary>A sandbox on loopback (or in process for smoke runs) and a validated connection to it.</summary>
        private sealed class Twin : IDisposable
        {
            public ZoomHubSandbox Sandbox;
            public LoopbackHost Host;
            public ZoomHubConnection Connection;

            public static async Task<Twin> StartAsync(Scenario scenario, BenchOptions o, CancellationToken ct)
            {
                var faults = new FaultOptions();
                if (!o.Smoke && o.LatencyMs > 0) faults.Latency(TimeSpan.FromMilliseconds(o.LatencyMs), TimeSpan.FromMilliseconds(o.JitterMs));
                var sandbox = new ZoomHubSandbox(new SandboxOptions
                {
                    ScenarioData = scenario,
                    Limits = o.Smoke ? LimitOptions.None : LimitOptions.For("Pro", "Professional"),
                    Faults = faults,
                });
                var twin = new Twin { Sandbox = sandbox };
                var options = new ZoomHubConnectionOptions
                {
                    ZoomAccountId = sandbox.Credentials.ZoomAccountId,
                    ZoomClientId = sandbox.Credentials.ZoomClientId,
                    ZoomClientSecret = Secure(sandbox.Credentials.ZoomClientSecret),
                    HubSpotToken = Secure(sandbox.Credentials.HubSpotToken),
                    ZoomPlan = ZoomPlan.Pro,
                    HubSpotTier = HubSpotTier.Professional,
                    IsSandbox = true,
                };
                if (o.Smoke)
                {
                    options.Handler = sandbox.CreateHandler();
                    options.ZoomOAuthBaseUri = ZoomHubSandbox.InProcessZoomOAuthUri;
                    options.ZoomApiBaseUri = ZoomHubSandbox.InProcessZoomApiUri;
                    options.HubSpotBaseUri = ZoomHubSandbox.InProcessHubSpotUri;
                    options.DisableRateLimiter = true;
                }
                else
                {
                    twin.Host = new LoopbackHost(sandbox, 0);
                    twin.Host.Start();
                    options.ZoomOAuthBaseUri = twin.Host.ZoomOAuthUri;
                    options.ZoomApiBaseUri = twin.Host.ZoomApiUri;
                    options.HubSpotBaseUri = twin.Host.HubSpotUri;
                }

                twin.Connection = await ZoomHubConnection.ConnectAsync(options, ct).ConfigureAwait(false);
                return twin;
            }

            private static SecureString Secure(string s)
            {
                var secure = new SecureString();
                foreach (char c in s) secure.AppendChar(c);
                return secure;
            }

            public void Dispose()
            {
                Connection?.Dispose();
                Host?.Dispose();
                Sandbox.Dispose();
            }
        }
    }
}
