using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
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

        /// <summary>Creates a twin.</summary>
        public ZoomHubSandbox(SandboxOptions options = null)
        {
            Options = options ?? new SandboxOptions();
            Scenario = Options.ScenarioData ?? ScenarioLoader.Load(Options.Scenario);
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
        }

        /// <summary>The options the twin was built with.</summary>
        public SandboxOptions Options { get; }

        /// <summary>The scenario the twin was seeded from.</summary>
        public Scenario Scenario { get; }

        /// <summary>The twin's clock.</summary>
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
        public async Task<SandboxResponse> ProcessAsync(HttpMethod method, Uri uri, IReadOnlyDictionary<string, string> headers, string body, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string rawPath = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
            // AbsolutePath unescapes nothing but may normalise; take the path from the original string to keep %25 sequences.
            if (uri.IsAbsoluteUri)
            {
                string original = uri.OriginalString;
                int schemeEnd = original.IndexOf("://", StringComparison.Ordinal);
                int pathStart = schemeEnd < 0 ? -1 : original.IndexOf('/', schemeEnd + 3);
                if (pathStart >= 0)
                {
                    string rest = original.Substring(pathStart);
                    int q = rest.IndexOf('?');
                    rawPath = q >= 0 ? rest.Substring(0, q) : rest;
                }
            }

            var request = new SandboxRequest(method, uri, rawPath, ParseQuery(uri), headers, body) { ReceivedAt = Clock.GetUtcNow() };
            var entry = new JournalEntry
            {
                Method = method.Method,
                PathAndQuery = uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString,
                At = request.ReceivedAt,
            };

            SandboxRoute route = _routes.Match(method, rawPath, out Dictionary<string, string> values, out bool pathExists);
            SandboxResponse response;
            if (route == null)
            {
                entry.Api = rawPath.StartsWith("/v2/", StringComparison.Ordinal) || rawPath.StartsWith("/oauth/", StringComparison.Ordinal) ? "Zoom" : "HubSpot";
                entry.Route = rawPath;
                entry.Bucket = "None";
                response = NotFound(entry.Api, pathExists);
                Finish(entry, response);
                return response;
            }

            request.RouteValues = values;
            request.Route = route;
            entry.Api = route.Api.ToString();
            entry.Route = route.Template;
            entry.Bucket = route.Bucket;
            entry.IsWrite = route.IsWrite;

            FaultDecision fault = _faults.Decide(request);
            entry.Fault = fault.Name;
            entry.Latency = fault.Latency;
            if (fault.Latency > TimeSpan.Zero)
            {
                await Clock.Delay(fault.Latency, cancellationToken).ConfigureAwait(false);
            }

            if (fault.Hang)
            {
                // A timeout fault: no answer until the caller gives up.
                entry.Status = 0;
                Journal.Add(entry);
                // Real time, not the sandbox clock: only the caller's cancellation (its timeout) ends the wait.
                await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }

            if (fault.Response != null)
            {
                response = fault.Response;
                if (response.Throw == null)
                {
                    // An injected 429 or 5xx carries the rate headers a real one would (headers the fault set win).
                    _limits.Decorate(request, response);
                }

                Finish(entry, response);
                if (response.Throw != null)
                {
                    throw response.Throw;
                }

                return response;
            }

            response = route.Api == SandboxApi.HubSpot ? HubSpot.Authenticate(request) : Zoom.Authenticate(request);
            if (response == null)
            {
                response = _limits.Admit(request);
            }

            if (response == null)
            {
                try
                {
                    response = route.Handle(request);
                }
                catch (System.Text.Json.JsonException ex)
                {
                    response = route.Api == SandboxApi.HubSpot
                        ? SandboxResponse.HubSpotError(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "Invalid input JSON: " + ex.Message)
                        : SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 300, "Request Body should be a valid JSON object.");
                }

                _faults.OnCompleted(request, response);
            }

            _limits.Decorate(request, response);
            Finish(entry, response);
            return response;
        }

        private void Finish(JournalEntry entry, SandboxResponse response)
        {
            entry.Status = response.Throw != null ? 0 : (int)response.Status;
            Journal.Add(entry);
        }

        private static SandboxResponse NotFound(string api, bool pathExists)
        {
            if (api == "HubSpot")
            {
                return pathExists
                    ? SandboxResponse.HubSpotError(HttpStatusCode.MethodNotAllowed, "VALIDATION_ERROR", "HTTP method not allowed for this resource.")
                    : new SandboxResponse { Status = HttpStatusCode.NotFound, Body = string.Empty, ContentType = "text/html" };
            }

            return pathExists
                ? SandboxResponse.ZoomError(HttpStatusCode.MethodNotAllowed, 405, "Method not allowed.")
                : SandboxResponse.ZoomError(HttpStatusCode.NotFound, 404, "Not found.");
        }

        private static IReadOnlyDictionary<string, string> ParseQuery(Uri uri)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            string query = uri.IsAbsoluteUri ? uri.Query : (uri.OriginalString.Contains("?") ? uri.OriginalString.Substring(uri.OriginalString.IndexOf('?')) : string.Empty);
            if (string.IsNullOrEmpty(query))
            {
                return result;
            }

            foreach (string pair in query.TrimStart('?').Split('&'))
            {
                if (pair.Length == 0)
                {
                    continue;
                }

                int eq = pair.IndexOf('=');
                string name = Uri.UnescapeDataString((eq < 0 ? pair : pair.Substring(0, eq)).Replace('+', ' '));
                string value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(eq + 1).Replace('+', ' '));
                // Repeated names (HubSpot's properties=a&properties=b) are joined with commas, as HubSpot reads them.
                result[name] = result.TryGetValue(name, out string existing) ? existing + "," + value : value;
            }

            return result;
        }

        /// <inheritdoc />
        public void Dispose()
        {
        }
    }
}
