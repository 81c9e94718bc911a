using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.AccountSync;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Sandbox;
using ZoomHubPS.Sandbox.Limits;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests.Clients
{
    /// <summary>
    /// A sandbox served from another process keeps its scenario's time: the connection reads "now" from its Date headers,
    /// while waits, limiter windows and token expiry stay on the machine's clock (a clock days away must not stall them).
    /// </summary>
    public class ServerClockTests
    {
        [Fact]
        public async Task NowFollowsTheServerAndTheLimiterKeepsTheMachinesClock()
        {
            Scenario scenario = ScenarioLoader.Load("demo");
            DateTimeOffset serverNow = DateTimeOffset.UtcNow.AddDays(-11).AddHours(-5);
            var serverClock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(serverNow);
            using var sandbox = new ZoomHubSandbox(new SandboxOptions { ScenarioData = scenario, Clock = serverClock, Limits = LimitOptions.None });
            ZoomHubConnectionOptions options = CoreTestHost.Options(sandbox, null);
            options.FollowServerClock = true;
            options.DisableRateLimiter = false; // the limiter's windows are on the connection's Clock: they must not see the offset
            options.Retry = RetryOptions.None;

            using ZoomHubConnection connection = await ZoomHubConnection.ConnectAsync(options, CancellationToken.None);
            Assert.Same(TimeProvider.System, connection.Clock);
            Assert.InRange((connection.ServiceTime.GetUtcNow() - serverNow).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(5));

            await new SchemaInitializer(connection).InitializeAsync(new SyncPropertyNames(), false);
            ZoomHubSyncSummary summary = await new AccountSyncEngine(connection)
                .RunAsync(SyncSettings.Default.ResolveRun(new SyncRunOverrides { LookbackDays = 60 }), whatIf: false, observer: null);

            Assert.Equal(SyncRunOutcomes.Succeeded, summary.Outcome);
            Assert.True(summary.InstancesSynced > 0);
            Assert.InRange((summary.WindowEnd - serverNow).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(5));
        }
    }
}
