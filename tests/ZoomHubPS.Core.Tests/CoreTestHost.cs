using System;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using ZoomHubPS.Sandbox;
using ZoomHubPS.Sandbox.Limits;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests
{
    /// <summary>A sandbox on a fake clock plus a validated Core connection to it (client-side limiter off).</summary>
    public sealed class CoreTestHost : IDisposable
    {
        private CoreTestHost(ZoomHubSandbox sandbox, FakeTimeProvider clock, ZoomHubConnection connection)
        {
            Sandbox = sandbox;
            Clock = clock;
            Connection = connection;
        }

        public ZoomHubSandbox Sandbox { get; }

        public FakeTimeProvider Clock { get; }

        public ZoomHubConnection Connection { get; }

        public static Task<CoreTestHost> CreateAsync(string scenario = "demo", Action<SandboxOptions> configureSandbox = null, Action<ZoomHubConnectionOptions> configureConnection = null)
            => CreateAsync(ScenarioLoader.Load(scenario), configureSandbox, configureConnection);

        public static async Task<CoreTestHost> CreateAsync(Scenario scenario, Action<SandboxOptions> configureSandbox = null, Action<ZoomHubConnectionOptions> configureConnection = null)
        {
            var clock = new FakeTimeProvider(scenario.Now ?? new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
            var sandboxOptions = new SandboxOptions { ScenarioData = scenario, Clock = clock, Limits = LimitOptions.None };
            configureSandbox?.Invoke(sandboxOptions);
            var sandbox = new ZoomHubSandbox(sandboxOptions);
            ZoomHubConnectionOptions options = Options(sandbox, clock);
            configureConnection?.Invoke(options);
            ZoomHubConnection connection = await ZoomHubConnection.ConnectAsync(options, CancellationToken.None);
            sandbox.Journal.Clear();
            return new CoreTestHost(sandbox, clock, connection);
        }

        public static ZoomHubConnectionOptions Options(ZoomHubSandbox sandbox, TimeProvider clock) => new ZoomHubConnectionOptions
        {
            ZoomAccountId = sandbox.Credentials.ZoomAccountId,
            ZoomClientId = sandbox.Credentials.ZoomClientId,
            ZoomClientSecret = Secure(sandbox.Credentials.ZoomClientSecret),
            HubSpotToken = Secure(sandbox.Credentials.HubSpotToken),
            ZoomOAuthBaseUri = ZoomHubSandbox.InProcessZoomOAuthUri,
            ZoomApiBaseUri = ZoomHubSandbox.InProcessZoomApiUri,
            HubSpotBaseUri = ZoomHubSandbox.InProcessHubSpotUri,
            Handler = sandbox.CreateHandler(),
            Clock = clock,
            DisableRateLimiter = true,
            IsSandbox = true,
        };

        public static SecureString Secure(string value)
        {
            var s = new SecureString();
            foreach (char c in value) s.AppendChar(c);
            s.MakeReadOnly();
            return s;
        }

        /// <summary>Runs <paramref name="work"/> while moving the fake clock forward, so retry/limiter waits complete.</summary>
        public static async Task<T> RunAdvancingAsync<T>(FakeTimeProvider clock, Func<Task<T>> work, TimeSpan step, int maxSteps = 10_000)
        {
            Task<T> task = Task.Run(work);
            for (int i = 0; i < maxSteps && !task.IsCompleted; i++)
            {
                await Task.Delay(1);
                if (!task.IsCompleted) clock.Advance(step);
            }

            return await task;
        }

        public void Dispose()
        {
            Connection.Dispose();
            Sandbox.Dispose();
        }
    }
}
