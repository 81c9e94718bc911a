using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Sandbox;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Hosting;
using ZoomHubPS.Sandbox.Limits;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests.Reliability
{
    /// <summary>The cases issue #16 reported, reproduced as they were seen.</summary>
    public class IssueCaseTests
    {
        private const long Roundtable = 86789012345; // the demo's type-5 webinar that asks nothing beyond names

        [Fact]
        public async Task Item5_AZoomDailyLimitWhoseResetLooksPastOnTheClientClockStillNamesTheResetFromTheServersDate()
        {
            // The client's clock runs two days ahead of Zoom's: Retry-After (Zoom's next midnight) is in the past on it.
            var server = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 15, 30, 0, TimeSpan.Zero));
            var client = new FakeTimeProvider(server.GetUtcNow().AddDays(2));
            var sandbox = new ZoomHubSandbox(new SandboxOptions { ScenarioData = ScenarioLoader.Load("demo"), Clock = server, Limits = LimitOptions.None });
            ZoomHubConnectionOptions options = CoreTestHost.Options(sandbox, client);
            using ZoomHubConnection connection = await ZoomHubConnection.ConnectAsync(options, CancellationToken.None);
            for (int i = 0; i < 3; i++)
            {
                await connection.Zoom.Registrants.AddAsync(Roundtable, new ZoomHubPS.Core.Zoom.ZoomRegistrantRequest { Email = "busy@example.org", FirstName = "Busy" });
            }

            var ex = await Assert.ThrowsAsync<ZoomHubApiException>(() => connection.Zoom.Registrants.AddAsync(Roundtable,
                new ZoomHubPS.Core.Zoom.ZoomRegistrantRequest { Email = "busy@example.org", FirstName = "Busy" }));

            Assert.True(ex.IsDaily);
            TimeSpan untilZoomsMidnight = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero) - server.GetUtcNow();
            Assert.Equal(client.GetUtcNow() + untilZoomsMidnight, ex.ResetsAt);
            Assert.True(ex.ResetsAt > client.GetUtcNow(), "a reset in the past would read as 'now'");
            Assert.Equal(1, ex.Attempts); // a daily limit is never retried
        }

        [Fact]
        public async Task Item7_TwoConcurrentSyncsOfTheSamePeopleCountEachNewContactAsCreatedOnce()
        {
            var generator = new GeneratorOptions { Registrants = 2000, Seed = 77 };
            using CoreTestHost host = await CoreTestHost.CreateAsync(ScenarioGenerator.Generate(generator));
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            using ZoomHubConnection second = await ZoomHubConnection.ConnectAsync(CoreTestHost.Options(host.Sandbox, host.Clock), CancellationToken.None);
            var before = new HashSet<string>(host.Sandbox.HubSpot.Contacts.Select(c => c.Email), StringComparer.OrdinalIgnoreCase);
            var target = new SyncTarget { WebinarId = generator.PastWebinarId };

            SyncResult[] results = await Task.WhenAll(
                Task.Run(() => new WebinarSyncEngine(host.Connection).SyncAsync(target, new SyncOptions())),
                Task.Run(() => new WebinarSyncEngine(second).SyncAsync(target, new SyncOptions())));

            int created = host.Sandbox.HubSpot.Contacts.Count(c => !before.Contains(c.Email));
            Assert.True(created > 1500, created + " new contacts");
            Assert.Equal(created, results.Sum(r => r.Created));
            Assert.Equal(results[0].Created + results[0].Updated + results[0].Unchanged, results[1].Created + results[1].Updated + results[1].Unchanged);
        }

        [Fact]
        public async Task Item14_ASyncStoppedWhileTheFirstContactUpsertHangsThenRunAgainEqualsTheUninterruptedRun()
        {
            // Over real HTTP on 127.0.0.1, in real time: the sandbox's clock starts at the scenario's "now" and runs.
            string expected = await LoopbackDemoAsync(hangFirstUpsert: false);
            string actual = await LoopbackDemoAsync(hangFirstUpsert: true);

            // Everything, including the attend participations' leftAt and the ledger's attended seconds.
            Assert.Contains("leftAt=", expected);
            Assert.True(expected == actual, StateDump.FirstDifference(expected, actual));
        }

        private static async Task<string> LoopbackDemoAsync(bool hangFirstUpsert)
        {
            Scenario scenario = ScenarioLoader.Load("demo");
            var sandbox = new ZoomHubSandbox(new SandboxOptions { ScenarioData = scenario, Clock = new SandboxClock(scenario.Now.Value), Limits = LimitOptions.None });
            using var host = new LoopbackHost(sandbox);
            host.Start();
            using ZoomHubConnection api = await ZoomHubConnection.ConnectAsync(new ZoomHubConnectionOptions
            {
                ZoomAccountId = sandbox.Credentials.ZoomAccountId,
                ZoomClientId = sandbox.Credentials.ZoomClientId,
                ZoomClientSecret = CoreTestHost.Secure(sandbox.Credentials.ZoomClientSecret),
                HubSpotToken = CoreTestHost.Secure(sandbox.Credentials.HubSpotToken),
                ZoomOAuthBaseUri = host.ZoomOAuthUri,
                ZoomApiBaseUri = host.ZoomApiUri,
                HubSpotBaseUri = host.HubSpotUri,
                Clock = sandbox.Clock,
                IsSandbox = true,
            }, CancellationToken.None);
            await new SchemaInitializer(api).InitializeAsync(new SyncPropertyNames(), false);
            List<SyncTarget> targets = await DemoSync.TargetsAsync(api);

            if (hangFirstUpsert)
            {
                sandbox.Faults.Options.Add(FaultRule.For("POST /crm/v3/objects/contacts/batch/upsert").Timeout().Times(1));
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                var engine = new WebinarSyncEngine(api);
                await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
                {
                    foreach (SyncTarget t in targets) await engine.SyncAsync(t, new SyncOptions(), null, stop.Token);
                });
                sandbox.Faults.Options.Clear();
            }

            var again = new WebinarSyncEngine(api);
            foreach (SyncTarget t in targets) await again.SyncAsync(t, new SyncOptions());
            return StateDump.Of(sandbox);
        }
    }
}
