using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.AccountSync
{
    /// <summary>
    /// The account-wide run (Invoke-ZoomHubSync): first the registration rules (<see cref="RegistrationRuleRunner"/>: each
    /// list's new members registered for its webinar), then the sync. The saved settings decide which users and webinars; discovery finds the
    /// webinars (<see cref="WebinarDiscovery"/>); every instance that ended inside the window is synced — webinars not held
    /// yet for their registrations — several at a time under the connection's rate limiters, starting while discovery
    /// still reads (<see cref="AccountInstanceQueue"/>), with one engine so what is read once is read once for the whole
    /// run. One failed rule or instance never stops the others. Overlapping windows are the design: re-syncing an
    /// unchanged instance costs reads only, and a rule whose members are all registered writes nothing.
    /// </summary>
    public sealed class AccountSyncEngine
    {
        private readonly ZoomHubConnection _api;

        /// <summary>Creates the engine.</summary>
        public AccountSyncEngine(ZoomHubConnection api) => _api = api ?? throw new ArgumentNullException(nameof(api));

        /// <summary>Instances synced at once (each one runs its own batches concurrently too).</summary>
        public int InstancesAtOnce { get; set; } = 4;

        /// <summary>Runs over [<paramref name="since"/>, <paramref name="until"/>] (defaults: the settings' lookback, now).</summary>
        public async Task<ZoomHubSyncSummary> RunAsync(EffectiveRunSettings run, DateTimeOffset? since = null, DateTimeOffset? until = null, bool whatIf = false,
            AccountSyncObserver observer = null, CancellationToken cancellationToken = default)
        {
            if (run == null) throw new ArgumentNullException(nameof(run));
            observer = observer ?? new AccountSyncObserver();
            DateTimeOffset now = _api.ServiceTime.GetUtcNow();
            var summary = new ZoomHubSyncSummary { WhatIf = whatIf, StartedAt = now, WindowEnd = until ?? now, WindowStart = since ?? run.Since(now) };
            var watch = Stopwatch.StartNew();
            RequestCountSnapshot before = _api.Counters.Snapshot();
            try
            {
                if (!run.Sync)
                {
                    summary.Outcome = SyncRunOutcomes.Disabled;
                    return summary;
                }

                // Registering first: the write-back records the new registrants, so the sync that follows (and reads the
                // webinars through the same session) finds them recorded and writes nothing more for them.
                var engine = new WebinarSyncEngine(_api);
                await new RegistrationRuleRunner(_api, engine.Session, run, summary, observer).ApplyAllAsync(whatIf, cancellationToken).ConfigureAwait(false);
                IReadOnlyList<ZoomUser> hosts = await SelectedHostsAsync(run, summary, observer, cancellationToken).ConfigureAwait(false);
                await SyncAsDiscoveredAsync(engine, run, hosts, whatIf, summary, observer, now, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                RequestCountSnapshot used = _api.Counters.Snapshot() - before;
                summary.ZoomRequests = used.Zoom;
                summary.HubSpotRequests = used.HubSpot;
                summary.DurationSeconds = Math.Round(watch.Elapsed.TotalSeconds, 1);
            }

            return summary;
        }

        // What a Zoom listing names is synced while discovery goes on; the rest once it is done. A failed discovery stops
        // what was started before it rethrows.
        private async Task SyncAsDiscoveredAsync(WebinarSyncEngine engine, EffectiveRunSettings run, IReadOnlyList<ZoomUser> hosts, bool whatIf, ZoomHubSyncSummary summary,
            AccountSyncObserver observer, DateTimeOffset now, CancellationToken ct)
        {
            var planner = new AccountRunPlanner(engine.Session, run, summary, now);
            using (var instances = new AccountInstanceQueue(engine, planner, whatIf, summary, observer, InstancesAtOnce, ct))
            {
                try
                {
                    DiscoveryResult found = await new WebinarDiscovery(_api).DiscoverAsync(hosts, summary.WindowStart, summary.WindowEnd, run.ExplicitWebinarIds, instances.Plan, ct)
                        .ConfigureAwait(false);
                    summary.Webinars = found.Webinars.Count;
                    foreach (string w in found.Warnings) Warn(summary, observer, w);
                    foreach (DiscoveredWebinar w in found.Webinars) instances.Plan(w);
                }
                catch (Exception)
                {
                    instances.Stop();
                    await instances.WhenSettledAsync().ConfigureAwait(false);
                    throw;
                }

                await instances.WhenSettledAsync().ConfigureAwait(false);
                instances.ThrowIfFailed();
            }
        }

        private async Task<IReadOnlyList<ZoomUser>> SelectedHostsAsync(EffectiveRunSettings run, ZoomHubSyncSummary summary, AccountSyncObserver observer, CancellationToken ct)
        {
            List<ZoomUser> active = await _api.Zoom.Users.List(UserStatus.Active).ToListAsync(ct).ConfigureAwait(false);
            List<ZoomUser> selected = run.AllUsers ? active : active.Where(u => run.IsUserSelected(u.Email)).ToList();
            if (!run.AllUsers)
            {
                var known = new HashSet<string>(active.Select(u => u.Email).Where(e => e != null), StringComparer.OrdinalIgnoreCase);
                string[] unknown = run.Users.Where(e => !known.Contains(e)).ToArray();
                if (unknown.Length > 0) Warn(summary, observer, "The settings select Zoom users the account has no active user for: " + string.Join(", ", unknown) + ".");
            }

            summary.Users = selected.Count;
            return selected;
        }

        private static void Warn(ZoomHubSyncSummary summary, AccountSyncObserver observer, string warning)
        {
            summary.AddWarning(warning);
            observer.Warning?.Invoke(warning);
        }
    }
}
