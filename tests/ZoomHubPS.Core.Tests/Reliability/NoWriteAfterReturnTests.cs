using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests.Reliability
{
    /// <summary>
    /// When an engine call returns, throws or is cancelled, nothing it started still reaches the twin: the journal stays
    /// as it is while the clock and the thread pool run on. A request that lands after the cmdlet returned is a write the
    /// user never hears about.
    /// </summary>
    public class NoWriteAfterReturnTests
    {
        private static readonly GeneratorOptions Thousand = new GeneratorOptions { Registrants = 1000, Seed = 7 };

        // Ten batches of 100, four at a time, with slow HubSpot writes: several are in flight whenever something fails.
        private static async Task<CoreTestHost> BigSyncAsync(Action<ZoomHubConnectionOptions> connection = null)
        {
            CoreTestHost host = await CoreTestHost.CreateAsync(ScenarioGenerator.Generate(Thousand), configureConnection: connection);
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            host.Sandbox.Journal.Clear();
            host.Sandbox.Faults.ResetCounters();
            host.Sandbox.Faults.Options.Add(FaultRule.For("HubSpot").OnlyWrites().Latency(TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(300)));
            return host;
        }

        private static Task<SyncResult> SyncAsync(CoreTestHost host, CancellationToken ct = default)
            => new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = Thousand.PastWebinarId }, new SyncOptions(), null, ct);

        [Fact]
        public async Task AFinishedSyncLeavesNothingBehind()
        {
            using CoreTestHost host = await BigSyncAsync();
            SyncResult result = await FakeTime.RunAsync(host.Clock, host.Sandbox.Journal, () => SyncAsync(host));
            Assert.True(result.Created > 800, $"{result.Created} created, {host.Clock.GetUtcNow() - Thousand.Now}");
            Assert.Equal(0, await FakeTime.RequestsAfterReturnAsync(host.Clock, host.Sandbox.Journal));
        }

        [Fact]
        public async Task ASyncThatFailsMidRunHasJoinedEveryBatchBeforeItThrows()
        {
            using CoreTestHost host = await BigSyncAsync(o => o.Retry = RetryOptions.None);
            host.Sandbox.Faults.Options.FailAfterWrites(12);
            await Assert.ThrowsAsync<ZoomHubApiException>(() => FakeTime.RunAsync(host.Clock, host.Sandbox.Journal, () => SyncAsync(host)));
            Assert.Equal(0, await FakeTime.RequestsAfterReturnAsync(host.Clock, host.Sandbox.Journal));
        }

        [Fact]
        public async Task ACancelledSyncHasStoppedEveryRequestBeforeItThrows()
        {
            using CoreTestHost host = await BigSyncAsync();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1), host.Clock);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FakeTime.RunAsync(host.Clock, host.Sandbox.Journal, () => SyncAsync(host, stop.Token)));
            Assert.True(host.Sandbox.Journal.CountWrites() > 0, "the cancellation should come in the middle of the writes");
            Assert.Equal(0, await FakeTime.RequestsAfterReturnAsync(host.Clock, host.Sandbox.Journal));
        }

        [Fact]
        public async Task ARegistrationThatFailsOrIsCancelledLeavesNothingBehind()
        {
            Registration workload = Registration.Batches();
            using (CoreTestHost failing = await workload.CreateHostAsync(o => o.Retry = RetryOptions.None))
            {
                failing.Sandbox.Faults.Options.Add(FaultRule.For("HubSpot").OnlyWrites().Latency(TimeSpan.FromMilliseconds(300), TimeSpan.Zero)).FailAfterWrites(5);
                RunOutcome run = await FakeTime.RunAsync(failing.Clock, failing.Sandbox.Journal, () => workload.RunAsync(failing));
                Assert.False(run.Clean);
                Assert.Equal(0, await FakeTime.RequestsAfterReturnAsync(failing.Clock, failing.Sandbox.Journal));
            }

            using CoreTestHost host = await workload.CreateHostAsync();
            host.Sandbox.Faults.Options.Latency(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(200));
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4), host.Clock);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FakeTime.RunAsync(host.Clock, host.Sandbox.Journal,
                () => new WebinarRegistrationEngine(host.Connection).RegisterAsync(workload.WebinarId, workload.Inputs(), workload.Options(), _ => { }, stop.Token)));
            Assert.True(host.Sandbox.Journal.Total > 0);
            Assert.Equal(0, await FakeTime.RequestsAfterReturnAsync(host.Clock, host.Sandbox.Journal));
        }
    }
}
