using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.AccountSync;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Sandbox.Faults;

namespace ZoomHubPS.Core.Tests.AccountSync
{
    /// <summary>The account-wide run: settings decide, discovery finds, every instance in the window is synced once.</summary>
    public class AccountSyncTests
    {
        private const long Quarterly = 81234567890;       // Maya Chen, two past sessions
        private const long Holiday = 85678901234;         // hosted by agency.example.net
        private const long PartnerEnablement = 80123456789; // expired: not listed by its host, found through listings

        private static async Task<CoreTestHost> ReadyAsync(string scenario = "demo", Action<ZoomHubPS.Sandbox.SandboxOptions> sandbox = null)
        {
            CoreTestHost host = await CoreTestHost.CreateAsync(scenario, sandbox);
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            host.Sandbox.Journal.Clear();
            return host;
        }

        private static Task<ZoomHubSyncSummary> RunAsync(CoreTestHost host, string settingsJson = null, SyncRunOverrides overrides = null, bool whatIf = false, AccountSyncObserver observer = null)
        {
            SyncSettings settings = settingsJson == null ? SyncSettings.Default : SyncSettings.Parse(settingsJson);
            return new AccountSyncEngine(host.Connection).RunAsync(settings.ResolveRun(overrides ?? new SyncRunOverrides { LookbackDays = 60 }), whatIf: whatIf, observer: observer);
        }

        private static int Writes(CoreTestHost host) => host.Sandbox.Journal.Entries.Count(e => e.IsWrite);

        [Fact]
        public async Task ARunSyncsEveryInstanceInTheWindowAndTheReRunCostsReadsOnly()
        {
            using CoreTestHost host = await ReadyAsync();
            var synced = new List<SyncResult>();
            ZoomHubSyncSummary first = await RunAsync(host, observer: new AccountSyncObserver { InstanceSynced = synced.Add });

            Assert.Equal(SyncRunOutcomes.Succeeded, first.Outcome);
            Assert.Equal(0, first.InstancesFailed);
            Assert.Contains(Quarterly + "/", first.SyncedInstances);
            Assert.Contains(PartnerEnablement + "/", first.SyncedInstances); // expired, found through the host's report
            Assert.True(first.Created > 0);

            // The summary is the sum of its instances.
            Assert.Equal(synced.Sum(r => r.Created), first.Created);
            Assert.Equal(synced.Sum(r => r.Updated), first.Updated);
            Assert.Equal(synced.Sum(r => r.Skipped), first.Skipped);
            Assert.True(synced.Sum(r => r.ZoomRequests) <= first.ZoomRequests, "the run's requests include every instance's");

            // Instances synced at the same time share people: none of their ledger entries is lost.
            string ledger = host.Sandbox.HubSpot.Contacts.Single(c => c.Email == "li.wei@fabrikam.example.com").Get(new SyncPropertyNames().History);
            Assert.Equal(host.Sandbox.Zoom.Instances(Quarterly).Count, ledger.Split(';').Count(part => part.StartsWith(Quarterly + "@", StringComparison.Ordinal)));

            host.Sandbox.Journal.Clear();
            ZoomHubSyncSummary again = await RunAsync(host);
            Assert.Equal(0, Writes(host));
            Assert.Equal(0, again.Created + again.Updated);
            Assert.Equal(first.InstancesSynced, again.InstancesSynced);
        }

        [Fact]
        public async Task WithoutTheDashboardAWarningNamesTheExpiredWebinarsFoundOnlyThroughTheReport()
        {
            using CoreTestHost host = await ReadyAsync();
            var warnings = new List<string>();
            ZoomHubSyncSummary summary = await RunAsync(host, observer: new AccountSyncObserver { Warning = warnings.Add });
            string warning = Assert.Single(warnings, w => w.Contains("no Dashboard API"));
            Assert.Contains(PartnerEnablement.ToString(), warning);
            Assert.Contains("-WebinarId", warning);
            Assert.Contains(warning, summary.Warnings);
        }

        [Fact]
        public async Task OnAPlanWithTheDashboardTheExpiredWebinarIsFoundWithoutAWarning()
        {
            using CoreTestHost host = await ReadyAsync("business");
            var warnings = new List<string>();
            ZoomHubSyncSummary summary = await RunAsync(host, observer: new AccountSyncObserver { Warning = warnings.Add });
            Assert.Contains(PartnerEnablement + "/", summary.SyncedInstances);
            Assert.DoesNotContain(warnings, w => w.Contains("no Dashboard API"));
            Assert.True(host.Sandbox.Journal.Count("GET", "/v2/metrics/webinars") >= 1);
        }

        [Fact]
        public async Task TheMasterSwitchOffWritesNothing()
        {
            using CoreTestHost host = await ReadyAsync();
            ZoomHubSyncSummary summary = await RunAsync(host, "{ \"schemaVersion\": 1, \"sync\": false }");
            Assert.Equal(SyncRunOutcomes.Disabled, summary.Outcome);
            Assert.Equal(0, Writes(host));
            Assert.Equal(0, summary.InstancesSynced);
        }

        [Fact]
        public async Task AUserSwitchedOffKeepsOnlyTheWebinarItsOverrideTurnsOn()
        {
            using CoreTestHost host = await ReadyAsync();
            string json = "{ \"schemaVersion\": 1, \"users\": [\"omar.haddad@northwind.example.com\"], \"webinars\": { \"" + Quarterly + "\": { \"sync\": true } } }";
            ZoomHubSyncSummary summary = await RunAsync(host, json);
            Assert.Contains(Quarterly + "/", summary.SyncedInstances); // Maya's webinar, on by its override
            Assert.DoesNotContain("82345678901/", summary.SyncedInstances); // Maya's other webinars stay off
            Assert.Contains(PartnerEnablement + "/", summary.SyncedInstances); // Omar is selected
        }

        [Fact]
        public async Task NewWebinarsOffMeansOnlyOverriddenWebinarsSync()
        {
            using CoreTestHost host = await ReadyAsync();
            string json = "{ \"schemaVersion\": 1, \"syncNewWebinars\": false, \"webinars\": { \"" + Quarterly + "\": { \"sync\": true } } }";
            ZoomHubSyncSummary summary = await RunAsync(host, json);
            Assert.Matches("^" + Quarterly + "/", summary.SyncedInstances);
            Assert.DoesNotContain(PartnerEnablement + "/", summary.SyncedInstances);
            Assert.Contains("NewWebinarsOff", summary.SkippedInstances);
        }

        [Fact]
        public async Task HostAndContactExclusionsFromTheSettingsApply()
        {
            using CoreTestHost host = await ReadyAsync();
            string json = "{ \"schemaVersion\": 1, \"exclusions\": { \"hostDomains\": [\"agency.example.net\"], \"contactDomains\": [\"competitor.example.net\"] } }";
            ZoomHubSyncSummary summary = await RunAsync(host, json);
            Assert.Contains(Holiday + ": ExcludedHost", summary.SkippedInstances);
            Assert.DoesNotContain(host.Sandbox.HubSpot.Contacts, c => c.Email != null && c.Email.EndsWith("@competitor.example.net", StringComparison.OrdinalIgnoreCase) && !c.Archived && c.Get(new SyncPropertyNames().History) != null);
        }

        [Fact]
        public async Task OneFailingInstanceLeavesTheOthersSyncedAndTheSummaryHonest()
        {
            // The first instance's participant report fails once with a 500 (no retries on this connection).
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo",
                s => s.Faults = new FaultOptions().Add(FaultRule.For("GET /v2/report/webinars/{webinarId}/participants").ServerError(500).Times(1)),
                c => c.Retry = RetryOptions.None);
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            var failures = new List<(SyncTarget Target, Exception Error)>();
            var synced = new List<SyncResult>();
            var engine = new AccountSyncEngine(host.Connection) { InstancesAtOnce = 1 };
            ZoomHubSyncSummary summary = await engine.RunAsync(SyncSettings.Default.ResolveRun(new SyncRunOverrides { LookbackDays = 60 }),
                observer: new AccountSyncObserver { InstanceFailed = (t, e) => failures.Add((t, e)), InstanceSynced = synced.Add });

            Assert.Equal(SyncRunOutcomes.CompletedWithErrors, summary.Outcome);
            var (target, error) = Assert.Single(failures);
            Assert.Equal(1, summary.InstancesFailed);
            Assert.Contains(target.WebinarId + "/" + target.InstanceUuid, summary.FailedInstances);
            Assert.Contains("500", summary.FailedInstances);
            Assert.Equal(synced.Count, summary.InstancesSynced);
            Assert.True(summary.InstancesSynced > 3);
            Assert.Equal(synced.Sum(r => r.Created), summary.Created);
            GC.KeepAlive(error);
        }

        [Fact]
        public async Task WhatIfPlansTheWholeRunWithoutAWrite()
        {
            using CoreTestHost host = await ReadyAsync();
            ZoomHubSyncSummary plan = await RunAsync(host, whatIf: true);
            Assert.Equal(0, Writes(host));
            Assert.True(plan.WhatIf);
            Assert.True(plan.Created > 0);
            ZoomHubSyncSummary real = await RunAsync(host);
            Assert.Equal(plan.Created, real.Created);
            Assert.Equal(plan.InstancesSynced, real.InstancesSynced);
        }
    }
}
