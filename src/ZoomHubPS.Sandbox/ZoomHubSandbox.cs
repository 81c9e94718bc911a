using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Http;
using ZoomHubPS.Sandbox.HubSpot;
using ZoomHubPS.Sandbox.Journal;
using ZoomHubPS.Sandbox.Limits;
using ZoomHubPS.Sandbox.Scenarios;
using ZoomHubPS.Sandbox.Zoom;

namespace ZoomHubPS.Sandbox
{
    /// <summary>
    /// A local twin of the Zoom and HubSpot APIs: seeded from a scenario, enforcing the real limits,
    /// injecting configured faults, and journaling every request. Use <see cref="CreateHandler"/> in
    /// process, or <see cref="Hosting.LoopbackHost"/> to serve it on 127.0.0.1.
    /// </summary>
    public sealed class ZoomHubSandbox : IDisposable
    {
        /// <summary>Zoom OAuth base URI of the in-process twin (any host works; routing is by path).</summary>
        public static readonly Uri InProcessZoomOAuthUri = new Uri("https://zoom.sandbox.zoomhub.invalid/");

        /// <summary>Zoom API base URI of the in-process twin.</summary>
        public static readonly Uri InProcessZoomApiUri = new Uri("https://api.zoom.sandbox.zoomhub.invalid/v2/");

        /// <summary>HubSpot API base URI of the in-process twin.</summary>
        public static readonly Uri InProcessHubSpotUri = new Uri("https://api.hubapi.sandbox.zoomhub.invalid/");

        private readonly RouteTable _routes = new RouteTable();
        private readonly SandboxLimits _limits;
        private readonly FaultInjector _faults;
        private readonly SandboxPipeline _pipeline;

        /// <summary>
        /// Creates a twin. An anchored scenario (<c>"anchor": "today"</c>, e.g. the built-in ones) is moved onto the UTC
        /// date of <see cref="SandboxOptions.Clock"/> (the machine's date when there is none), and the default clock
        /// starts at the moved "now"; pin the date with a clock of your own.
        /// </summary>
        public ZoomHubSandbox(SandboxOptions options = null)
        {
            Options = options ?? new SandboxOptions();
            Scenario authored = Options.ScenarioData ?? ScenarioLoader.Load(Options.Scenario);
            ScenarioShiftDays = ScenarioAnchor.DaysToAnchor(authored, (Options.Clock ?? TimeProvider.System).GetUtcNow());
            Scenario = ScenarioAnchor.ShiftByDays(authored, ScenarioShiftDays);
            Clock = Options.Clock ?? new SandboxClock(Scenario.Now ?? DateTimeOffset.UtcNow);
            Journal = new RequestJournal();
            Context = new SandboxContext(Clock, Options.Seed, Journal);

            Zoom = new ZoomTwin(Context);
            Zoom.Seed(Scenario.Zoom);
            HubSpot = new HubSpotTwin(Context);
            HubSpot.Seed(Scenario.HubSpot);

            Credentials = new SandboxCredentials(Zoom.AccountId, Zoom.ClientId, Zoom.ClientSecret, HubSpot.Token);
            _limits = new SandboxLimits(Context, Options.Limits ?? LimitOptions.For(Scenario.Zoom.Plan, Scenario.HubSpot.Tier, Scenario.HubSpot.TimeZone));
            Context.Limits = _limits; // the daily-usage route reports the limit the twin enforces
            _faults = new FaultInjector(Context, Options.Faults ?? new FaultOptions(), () => Zoom.ExpireTokens());

            Zoom.Register(_routes);
            HubSpot.Register(_routes);
            _pipeline = new SandboxPipeline(this, _routes, _faults, _limits);
        }

        /// <summary>The options the twin was built with.</summary>
        public SandboxOptions Options { get; }

        /// <summary>The scenario the twin was seeded from, after anchoring (its <c>Now</c> is where the default clock started).</summary>
        public Scenario Scenario { get; }

        /// <summary>Whole days every date of an anchored scenario was moved by (0 when it is not anchored or already on the date).</summary>
        public int ScenarioShiftDays { get; }

        /// <summary>
        /// The twin's clock: what every route, limit, token and <c>Date</c> header reads. In sandbox mode a client should
        /// follow this clock (or the <c>Date</c> header), never the machine's.
        /// </summary>
        public TimeProvider Clock { get; }

        /// <summary>Every request answered.</summary>
        public RequestJournal Journal { get; }

        /// <summary>Shared clock, random source and journal.</summary>
        public SandboxContext Context { get; }

        /// <summary>Zoom state (users, webinars, registrants, participants, tokens).</summary>
        public ZoomTwin Zoom { get; }

        /// <summary>HubSpot state (contacts, properties, marketing events, timeline).</summary>
        public HubSpotTwin HubSpot { get; }

        /// <summary>The rate limits in force.</summary>
        public SandboxLimits Limits => _limits;

        /// <summary>The fault injector (change faults while running).</summary>
        public FaultInjector Faults => _faults;

        /// <summary>Credentials the twin accepts.</summary>
        public SandboxCredentials Credentials { get; }

        /// <summary>Every route of the twin.</summary>
        public IReadOnlyList<SandboxRoute> Routes => _routes.Routes;

        /// <summary>A handler that serves this twin in process (each call returns a new handler over the same state).</summary>
        public HttpMessageHandler CreateHandler() => new SandboxHandler(this);

        /// <summary>Runs one request through faults, auth, limits and the route. Used by both hosts.</summary>
        public Task<SandboxResponse> ProcessAsync(HttpMethod method, Uri uri, IReadOnlyDictionary<string, string> headers, string body, CancellationToken cancellationToken)
            => _pipeline.ProcessAsync(method, uri, headers, body, cancellationToken);

        /// <inheritdoc />
        public void Dispose()
        {
        }
    }
}
