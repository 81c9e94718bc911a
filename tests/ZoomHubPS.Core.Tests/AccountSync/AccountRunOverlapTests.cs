using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.AccountSync;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests.AccountSync
{
    /// <summary>
    /// The account-wide run overlaps discovery and syncing: a webinar a host lists is synced while Zoom's past listings
    /// (or HubSpot's events) are still being read, so the run spends the APIs' budgets from its first second. A discovery
    /// that fails still ends the run with its own error, and nothing the run started is left in flight.
    /// </summary>
    public class AccountRunOverlapTests
    {
        // 2 hosts x 4 webinars: per host two held and still listed, one expired (only the host's report finds it), one to come.
        private static Scenario Account() => ScenarioGenerator.Generate(new GeneratorOptions { Hosts = 2, WebinarsPerHost = 4, RegistrantsPerWebinar = 20, Plan = "Pro", Seed = 7 });

        private static Task<ZoomHubSyncSummary> RunAsync(CoreTestHost host, AccountSyncObserver observer)
            => new AccountSyncEngine(host.Connection).RunAsync(SyncSettings.Default.ResolveRun(new SyncRunOverrides { LookbackDays = 60 }), observer: observer);

        [Fact]
        public async Task AWebinarAHostListsIsSyncedWhileThePastListingsAreStillBeingRead()
        {
            HoldingHandler held = null;
            using CoreTestHost host = await CoreTestHost.CreateAsync(Account(), null,
                c => c.Handler = held = new HoldingHandler(c.Handler, r => r.RequestUri.AbsolutePath.Contains("/report/users/")));
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            int syncedWhileHeld = 0;
            var observer = new AccountSyncObserver
            {
                InstanceSynced = _ =>
                {
                    if (held.Holding) Interlocked.Increment(ref syncedWhileHeld);
                    held.Release();
                },
            };

            ZoomHubSyncSummary summary = await RunAsync(host, observer);

            Assert.True(syncedWhileHeld > 0, "no instance was synced before the hosts' reports answered");
            Assert.Equal(SyncRunOutcomes.Succeeded, summary.Outcome);
            Assert.Equal(8, summary.InstancesSynced); // the expired webinars too, once their host's report answered
            Assert.Equal(8, summary.Webinars);
        }

        [Fact]
        public async Task AFailedDiscoveryEndsTheRunWithItsOwnErrorAndLeavesNothingInFlight()
        {
            // HubSpot's event list answers only once an instance has synced, and then with a 500 (no retries here).
            HoldingHandler held = null;
            using CoreTestHost host = await CoreTestHost.CreateAsync(Account(),
                s => s.Faults = new FaultOptions().Add(FaultRule.For("GET /marketing/v3/marketing-events").ServerError(500).Times(1)),
                c =>
                {
                    c.Retry = RetryOptions.None;
                    c.Handler = held = new HoldingHandler(c.Handler, r => r.RequestUri.AbsolutePath.EndsWith("/marketing/v3/marketing-events", StringComparison.Ordinal));
                });
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            int synced = 0;
            var observer = new AccountSyncObserver
            {
                InstanceSynced = _ =>
                {
                    Interlocked.Increment(ref synced);
                    held.Release();
                },
            };

            ZoomHubApiException error = await Assert.ThrowsAsync<ZoomHubApiException>(() => RunAsync(host, observer));

            Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
            Assert.Equal(ApiKind.HubSpot, error.Api);
            Assert.True(synced > 0, "the run started no instance before discovery failed");
            Assert.Equal(0, held.InFlight);
        }

        /// <summary>
        /// Holds the requests <c>hold</c> matches until released (or until 20 s after it was made, so a failing test ends);
        /// counts requests in flight and those held right now.
        /// </summary>
        private sealed class HoldingHandler : DelegatingHandler
        {
            private readonly Func<HttpRequestMessage, bool> _hold;
            private readonly TaskCompletionSource<bool> _released = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            private readonly Task _deadline = Task.Delay(TimeSpan.FromSeconds(20));
            private int _inFlight;
            private int _waiting;

            public HoldingHandler(HttpMessageHandler inner, Func<HttpRequestMessage, bool> hold)
                : base(inner)
            {
                _hold = hold;
            }

            /// <summary>Whether a matched request is waiting now.</summary>
            public bool Holding => Volatile.Read(ref _waiting) > 0;

            public int InFlight => Volatile.Read(ref _inFlight);

            public void Release() => _released.TrySetResult(true);

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref _inFlight);
                try
                {
                    if (_hold(request))
                    {
                        Interlocked.Increment(ref _waiting);
                        try
                        {
                            await Task.WhenAny(_released.Task, _deadline).ConfigureAwait(false);
                        }
                        finally
                        {
                            Interlocked.Decrement(ref _waiting);
                        }
                    }

                    return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            }
        }
    }
}
