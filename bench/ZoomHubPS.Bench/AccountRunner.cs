using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.AccountSync;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Core.WebinarSync;

namespace ZoomHubPS.Bench
{
    /// <summary>
    /// The account-wide row, in this process (the client): against a fresh sandbox of the account scenario, one
    /// Invoke-ZoomHubSync (<see cref="AccountSyncEngine.RunAsync"/> with the default settings and the row's look-back)
    /// and its re-run (a second run, as the next scheduled one); then, against another fresh sandbox, the comparison:
    /// the same instances synced one after the other by one engine, as
    /// <c>… | Sync-ZoomWebinarToHubSpot</c> does.
    /// </summary>
    public sealed class AccountRunner
    {
        /// <summary>The first run.</summary>
        public const string SyncOperation = "account sync";

        /// <summary>The second run over the same window.</summary>
        public const string RerunOperation = "account re-run";

        /// <summary>The per-instance sequential loop on a fresh sandbox.</summary>
        public const string LoopOperation = "instance loop";

        /// <summary>Fact: contact-create calls the operation sent.</summary>
        public const string CreateCallsSent = "create calls sent";

        /// <summary>Fact: contact-create calls the contacts each instance created need (its created count / 100, summed).</summary>
        public const string CreateCallsNeeded = "create calls needed";

        private readonly BenchOptions _options;
        private readonly Action<string> _log;

        /// <summary>Creates a runner for <see cref="BenchOptions.Account"/>; <paramref name="log"/> receives progress lines.</summary>
        public AccountRunner(BenchOptions options, Action<string> log = null)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (_options.Account == null) throw new ArgumentException("The options have no account shape.", nameof(options));
            _log = log ?? (_ => { });
        }

        /// <summary>Runs the row: the run, its re-run, then the loop on a fresh sandbox.</summary>
        public async Task<AccountResult> RunAsync(CancellationToken ct = default)
        {
            var result = new AccountResult { Shape = _options.Account.ToString() };
            double latency = _options.Smoke ? 0 : _options.LatencyMs / 1000.0;
            _log($"account {result.Shape}: starting the sandbox{(_options.Smoke ? " (in process)" : " process")}");
            using (BenchTwin twin = await BenchTwin.StartAccountAsync(_options, ct).ConfigureAwait(false))
            {
                AccountPlan plan = twin.AccountPlan;
                result.Scenario = plan.Description;
                result.Instances = plan.TargetWebinarIds.Count;
                result.HeldInstances = plan.HeldInstances;
                await InitializeSchemaAsync(twin, ct).ConfigureAwait(false);
                EffectiveRunSettings run = SyncSettings.Default.ResolveRun(new SyncRunOverrides { LookbackDays = plan.LookbackDays });

                result.Measurements.Add(await RunOnceAsync(SyncOperation, twin, run, plan.SyncMinimum, plan.SyncChain, latency, result, ct).ConfigureAwait(false));
                // As in the per-size rows: the re-run starts after the run's last HubSpot window, as the next schedule would.
                if (!_options.Smoke) await Task.Delay(TimeSpan.FromSeconds(10.5), ct).ConfigureAwait(false);
                result.Measurements.Add(await RunOnceAsync(RerunOperation, twin, run, plan.RerunMinimum, plan.RerunChain, latency, result, ct).ConfigureAwait(false));
            }

            _log($"account {result.Shape}: per-instance loop (a fresh sandbox{(_options.Smoke ? string.Empty : " process")})");
            using (BenchTwin twin = await BenchTwin.StartAccountAsync(_options, ct).ConfigureAwait(false))
            {
                AccountPlan plan = twin.AccountPlan;
                await InitializeSchemaAsync(twin, ct).ConfigureAwait(false);
                var engine = new WebinarSyncEngine(twin.Connection);
                var totals = new SyncTotals();
                var creations = new Creations();
                Measurement loop = await BenchRunner.MeasureAsync(LoopOperation, plan.Registrations, twin, async () =>
                {
                    foreach (long webinarId in plan.TargetWebinarIds)
                    {
                        SyncResult r = await engine.SyncAsync(new SyncTarget { WebinarId = webinarId }, new SyncOptions(), null, ct).ConfigureAwait(false);
                        totals.Add(r);
                        creations.Add(r);
                    }
                }, ct).ConfigureAwait(false);
                BenchRunner.Finish(loop, plan.LoopMinimum, plan.LoopChain, latency);
                totals.CopyTo(loop.Facts);
                creations.CopyTo(loop, plan);
                result.Measurements.Add(loop);
                _log(BenchRunner.Line(loop));
            }

            return result;
        }

        // One Invoke-ZoomHubSync: a new engine each time, as each invocation of the cmdlet makes one.
        private async Task<Measurement> RunOnceAsync(string operation, BenchTwin twin, EffectiveRunSettings run, List<RouteCount> minimum, int chain, double latency,
            AccountResult result, CancellationToken ct)
        {
            _log($"account {result.Shape}: {operation}");
            var warnings = new List<string>();
            var creations = new Creations();
            var observer = new AccountSyncObserver { Warning = w => { lock (warnings) warnings.Add(w); }, InstanceSynced = creations.Add };
            ZoomHubSyncSummary summary = null;
            Measurement m = await BenchRunner.MeasureAsync(operation, twin.AccountPlan.Registrations, twin, async () =>
                summary = await new AccountSyncEngine(twin.Connection).RunAsync(run, null, null, false, observer, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            BenchRunner.Finish(m, minimum, chain, latency);
            AddFacts(m, summary);
            creations.CopyTo(m, twin.AccountPlan);
            foreach (string w in warnings)
            {
                if (!result.Warnings.Contains(w)) result.Warnings.Add(w);
            }

            _log(BenchRunner.Line(m));
            return m;
        }

        // The schema exists before a sync in real use too (Initialize-ZoomHubSchema runs once): not measured.
        private static Task InitializeSchemaAsync(BenchTwin twin, CancellationToken ct)
        {
            BenchRunner.FullCollect();
            return new SchemaInitializer(twin.Connection).InitializeAsync(new SyncPropertyNames(), false, ct);
        }

        private static void AddFacts(Measurement m, ZoomHubSyncSummary s)
        {
            if (s == null) return;
            m.Facts["instances synced"] = s.InstancesSynced;
            m.Facts["instances skipped"] = s.InstancesSkipped;
            m.Facts["instances failed"] = s.InstancesFailed;
            m.Facts["webinars found"] = s.Webinars;
            m.Facts["created"] = s.Created;
            m.Facts["updated"] = s.Updated;
            m.Facts["unchanged"] = s.Unchanged;
            m.Facts["skipped"] = s.Skipped;
            m.Facts["failed"] = s.Failed;
            m.Facts["participations register"] = s.Registered;
            m.Facts["participations attend"] = s.Attended;
            m.Facts["participations cancel"] = s.Cancelled;
        }

        /// <summary>
        /// Contact creations: the create calls sent (the contact upserts beyond each instance's history upserts) against
        /// those the contacts each instance did create need (its count / 100). More sent than needed means concurrent
        /// instances met the same new people and both created them (HubSpot's answer gives each to one of them).
        /// </summary>
        private sealed class Creations
        {
            private int _needed;

            public void Add(SyncResult r) => Interlocked.Add(ref _needed, RequestMinimum.Calls(r.Created, ZoomHubPS.Core.HubSpot.HubSpotClient.BatchSize));

            public void CopyTo(Measurement m, AccountPlan plan)
            {
                RouteCount upserts = m.Routes.FirstOrDefault(r => r.Route == "POST /crm/v3/objects/contacts/batch/upsert");
                m.Facts[CreateCallsSent] = Math.Max(0, (upserts?.Sent ?? 0) - plan.PeopleBatches);
                m.Facts[CreateCallsNeeded] = _needed;
            }
        }

        // What the loop's results add up to, in the same words as the run's summary.
        private sealed class SyncTotals
        {
            private readonly Dictionary<string, int> _facts = new Dictionary<string, int>(StringComparer.Ordinal);

            public void Add(SyncResult r)
            {
                Bump("instances synced", r.InstanceSkipReason == null ? 1 : 0);
                Bump("instances skipped", r.InstanceSkipReason == null ? 0 : 1);
                Bump("created", r.Created);
                Bump("updated", r.Updated);
                Bump("unchanged", r.Unchanged);
                Bump("skipped", r.Skipped);
                Bump("failed", r.Failed);
                Bump("participations register", r.RegisterParticipations);
                Bump("participations attend", r.AttendParticipations);
                Bump("participations cancel", r.CancelParticipations);
            }

            public void CopyTo(Dictionary<string, int> facts)
            {
                foreach (KeyValuePair<string, int> p in _facts) facts[p.Key] = p.Value;
            }

            private void Bump(string key, int n) => _facts[key] = (_facts.TryGetValue(key, out int v) ? v : 0) + n;
        }
    }
}
