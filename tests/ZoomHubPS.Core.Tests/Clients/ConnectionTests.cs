using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox;
using ZoomHubPS.Sandbox.Limits;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests.Clients
{
    public class ConnectionTests
    {
        public class TheConnectAsyncMethod
        {
            [Fact]
            public async Task ValidatesBothSidesAndReportsThePortal()
            {
                using CoreTestHost host = await CoreTestHost.CreateAsync();
                Assert.Equal(host.Sandbox.HubSpot.PortalId, host.Connection.Info.HubSpotPortalId);
                Assert.Equal(host.Sandbox.Credentials.ZoomAccountId, host.Connection.Info.ZoomAccountId);
                Assert.NotNull(host.Connection.Info.ZoomTokenExpiresAt);
                Assert.Equal(1, host.Connection.ZoomTokensFetched);
            }

            [Fact]
            public async Task NamesZoomAndKeepsTheSecretOutOfTheMessageWhenTheSecretIsWrong()
            {
                var sandbox = new ZoomHubSandbox(new SandboxOptions { Scenario = "demo", Limits = LimitOptions.None });
                ZoomHubConnectionOptions options = CoreTestHost.Options(sandbox, TimeProvider.System);
                options.ZoomClientSecret = CoreTestHost.Secure("wrong-secret-xyz");
                var ex = await Assert.ThrowsAsync<ZoomHubConnectException>(() => ZoomHubConnection.ConnectAsync(options));
                Assert.Equal(ApiKind.Zoom, ex.Side);
                Assert.Equal(ConnectFailureReason.InvalidCredentials, ex.Reason);
                Assert.DoesNotContain("wrong-secret-xyz", ex.ToString());
                Assert.DoesNotContain(sandbox.Credentials.HubSpotToken, ex.ToString());
            }

            [Fact]
            public async Task NamesHubSpotWhenItsTokenIsWrong()
            {
                var sandbox = new ZoomHubSandbox(new SandboxOptions { Scenario = "demo", Limits = LimitOptions.None });
                ZoomHubConnectionOptions options = CoreTestHost.Options(sandbox, TimeProvider.System);
                options.HubSpotToken = CoreTestHost.Secure("pat-na1-wrong");
                var ex = await Assert.ThrowsAsync<ZoomHubConnectException>(() => ZoomHubConnection.ConnectAsync(options));
                Assert.Equal(ApiKind.HubSpot, ex.Side);
                Assert.Equal(ConnectFailureReason.InvalidCredentials, ex.Reason);
                Assert.DoesNotContain("pat-na1-wrong", ex.ToString());
            }

            [Fact]
            public async Task RetriesATransientTokenEndpointFailure()
            {
                var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
                var sandbox = new ZoomHubSandbox(new SandboxOptions
                {
                    Scenario = "demo", Clock = clock, Limits = LimitOptions.None,
                    Faults = new ZoomHubPS.Sandbox.Faults.FaultOptions().Add(ZoomHubPS.Sandbox.Faults.FaultRule.For("POST /oauth/token").ServerError(503).Times(1)),
                });
                ZoomHubConnectionOptions options = CoreTestHost.Options(sandbox, clock);
                using ZoomHubConnection connection = await CoreTestHost.RunAdvancingAsync(clock, () => ZoomHubConnection.ConnectAsync(options), TimeSpan.FromMilliseconds(200));
                Assert.Equal(1, connection.ZoomTokensFetched);
                Assert.Equal(2, sandbox.Journal.Count("POST", "/oauth/token"));
            }

            [Fact]
            public async Task ReportsAnUnreachableHost()
            {
                var options = new ZoomHubConnectionOptions
                {
                    ZoomAccountId = "a", ZoomClientId = "b", ZoomClientSecret = CoreTestHost.Secure("c"), HubSpotToken = CoreTestHost.Secure("d"),
                    ZoomOAuthBaseUri = new Uri("http://127.0.0.1:9/"), ZoomApiBaseUri = new Uri("http://127.0.0.1:9/v2/"),
                    Retry = RetryOptions.None,
                };
                var ex = await Assert.ThrowsAsync<ZoomHubConnectException>(() => ZoomHubConnection.ConnectAsync(options));
                Assert.Equal(ConnectFailureReason.Unreachable, ex.Reason);
                Assert.Equal(ApiKind.Zoom, ex.Side);
            }

            [Fact]
            public async Task ShowsNoSecretInToStringOrInfo()
            {
                using CoreTestHost host = await CoreTestHost.CreateAsync();
                string text = host.Connection.ToString() + host.Connection.Info + host.Connection.Options;
                Assert.DoesNotContain(host.Sandbox.Credentials.ZoomClientSecret, text);
                Assert.DoesNotContain(host.Sandbox.Credentials.HubSpotToken, text);
            }
        }

        public class TheZoomToken
        {
            [Fact]
            public async Task IsSharedByConcurrentRequests()
            {
                using CoreTestHost host = await CoreTestHost.CreateAsync();
                host.Sandbox.Zoom.ExpireTokens();
                host.Clock.Advance(TimeSpan.FromHours(2)); // cached token expired: every caller needs a new one
                int before = host.Sandbox.Zoom.IssuedTokenCount;
                await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.Connection.Zoom.Users.GetAsync(host.Sandbox.Zoom.Users[0].Id)));
                Assert.Equal(before + 1, host.Sandbox.Zoom.IssuedTokenCount);
            }

            [Fact]
            public async Task IsRefreshedOnceAfterA124AndTheRequestRetried()
            {
                using CoreTestHost host = await CoreTestHost.CreateAsync();
                int before = host.Sandbox.Zoom.IssuedTokenCount;
                host.Sandbox.Zoom.ExpireTokens(); // the server forgets the token before our cache says it expired
                var user = await host.Connection.Zoom.Users.GetAsync(host.Sandbox.Zoom.Users[0].Id);
                Assert.NotNull(user);
                Assert.Equal(before + 1, host.Sandbox.Zoom.IssuedTokenCount);
                Assert.Equal(2, host.Sandbox.Journal.Count("GET", "/v2/users/{userId}")); // 401 then 200
            }

            [Fact]
            public async Task IsCachedUntilSixtySecondsBeforeExpiry()
            {
                using CoreTestHost host = await CoreTestHost.CreateAsync();
                int before = host.Sandbox.Zoom.IssuedTokenCount;
                host.Clock.Advance(TimeSpan.FromSeconds(3600 - 61));
                await host.Connection.Zoom.Users.GetAsync(host.Sandbox.Zoom.Users[0].Id);
                Assert.Equal(before, host.Sandbox.Zoom.IssuedTokenCount);
                host.Clock.Advance(TimeSpan.FromSeconds(2));
                await host.Connection.Zoom.Users.GetAsync(host.Sandbox.Zoom.Users[0].Id);
                Assert.Equal(before + 1, host.Sandbox.Zoom.IssuedTokenCount);
            }
        }
    }
}
