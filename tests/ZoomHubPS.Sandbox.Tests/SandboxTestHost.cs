using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using ZoomHubPS.Sandbox.Limits;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Tests
{
    /// <summary>
    /// Shared test helper: a twin on a <see cref="FakeTimeProvider"/> (starting at the scenario's authored "now", so an
    /// anchored scenario keeps its dates as written; <see cref="CreateOn(DateTimeOffset, string, Action{SandboxOptions})"/> pins another date),
    /// with <see cref="LimitOptions.None"/> so rate limits never interfere, and HttpClients over the in-process handler.
    /// </summary>
    /// <example>
    /// <code>
    /// using var host = SandboxTestHost.Create("demo");
    /// HttpClient zoom = await host.ZoomClientAsync();          // Bearer token already set
    /// JsonNode users = await host.GetJsonAsync(zoom, "users"); // relative to .../v2/
    /// host.Clock.Advance(TimeSpan.FromMinutes(16));
    /// </code>
    /// </example>
    public sealed class SandboxTestHost : IDisposable
    {
        /// <summary>The instant the clock starts at when the scenario has no "now" (the built-in scenarios' authored now).</summary>
        public static readonly DateTimeOffset DefaultNow = ScenarioAnchor.AuthoredNow;

        private SandboxTestHost(ZoomHubSandbox sandbox, FakeTimeProvider clock)
        {
            Sandbox = sandbox;
            Clock = clock;
            Http = new HttpClient(sandbox.CreateHandler(), disposeHandler: true);
        }

        /// <summary>The twin.</summary>
        public ZoomHubSandbox Sandbox { get; }

        /// <summary>The twin's clock; <c>Advance</c> it to move sandbox time.</summary>
        public FakeTimeProvider Clock { get; }

        /// <summary>A client over the twin with no base address and no auth (use absolute URIs).</summary>
        public HttpClient Http { get; }

        /// <summary>Builds a host over a built-in scenario name or a scenario file path.</summary>
        public static SandboxTestHost Create(string scenario = "demo", Action<SandboxOptions> configure = null)
            => Create(ScenarioLoader.Load(scenario), configure);

        /// <summary>
        /// Builds a host over an already-built scenario (e.g. from the generator) on a clock pinned at the scenario's
        /// authored "now": an anchored scenario is not moved, so its dates read as written.
        /// </summary>
        public static SandboxTestHost Create(Scenario scenario, Action<SandboxOptions> configure = null)
            => CreateOn(scenario.Now ?? DefaultNow, scenario, configure);

        /// <summary>Builds a host whose clock is pinned at <paramref name="now"/>: an anchored scenario is moved onto that date.</summary>
        public static SandboxTestHost CreateOn(DateTimeOffset now, string scenario = "demo", Action<SandboxOptions> configure = null)
            => CreateOn(now, ScenarioLoader.Load(scenario), configure);

        /// <summary>Builds a host over <paramref name="scenario"/> whose clock is pinned at <paramref name="now"/>.</summary>
        public static SandboxTestHost CreateOn(DateTimeOffset now, Scenario scenario, Action<SandboxOptions> configure = null)
        {
            var clock = new FakeTimeProvider(now);
            var options = new SandboxOptions { ScenarioData = scenario, Clock = clock, Limits = LimitOptions.None };
            configure?.Invoke(options);
            return new SandboxTestHost(new ZoomHubSandbox(options), clock);
        }

        /// <summary>The Zoom token endpoint of the in-process twin.</summary>
        public static Uri ZoomTokenUri => new Uri(ZoomHubSandbox.InProcessZoomOAuthUri, "oauth/token");

        /// <summary>Fetches a fresh S2S access token with the twin's own credentials (form-body grant).</summary>
        public async Task<string> GetZoomTokenAsync()
        {
            var creds = Sandbox.Credentials;
            using var request = new HttpRequestMessage(HttpMethod.Post, ZoomTokenUri)
            {
                Content = new FormUrlEncodedContent(new[]
                {
                    new System.Collections.Generic.KeyValuePair<string, string>("grant_type", "account_credentials"),
                    new System.Collections.Generic.KeyValuePair<string, string>("account_id", creds.ZoomAccountId),
                }),
            };
            request.Headers.Authorization = BasicAuth(creds.ZoomClientId, creds.ZoomClientSecret);
            using HttpResponseMessage response = await Http.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException("Token request failed: " + (int)response.StatusCode + " " + text);
            }

            return JsonNode.Parse(text)["access_token"].GetValue<string>();
        }

        /// <summary>A client whose base address is the Zoom API (<c>…/v2/</c>) with a fresh Bearer token set.</summary>
        public async Task<HttpClient> ZoomClientAsync()
        {
            string token = await GetZoomTokenAsync();
            var client = new HttpClient(Sandbox.CreateHandler(), disposeHandler: true) { BaseAddress = ZoomHubSandbox.InProcessZoomApiUri };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        /// <summary>A client whose base address is the HubSpot API with the portal's token set.</summary>
        public HttpClient HubSpotClient()
        {
            var client = new HttpClient(Sandbox.CreateHandler(), disposeHandler: true) { BaseAddress = ZoomHubSandbox.InProcessHubSpotUri };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sandbox.Credentials.HubSpotToken);
            return client;
        }

        /// <summary>An HTTP Basic header value.</summary>
        public static AuthenticationHeaderValue BasicAuth(string user, string password)
            => new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

        /// <summary>GETs <paramref name="uri"/> and returns status plus parsed body (null when empty).</summary>
        public static async Task<(int Status, JsonNode Body, HttpResponseMessage Response)> GetAsync(HttpClient client, string uri)
        {
            HttpResponseMessage response = await client.GetAsync(uri);
            return ((int)response.StatusCode, await ReadJsonAsync(response), response);
        }

        /// <summary>Sends <paramref name="json"/> with <paramref name="method"/> and returns status plus parsed body.</summary>
        public static async Task<(int Status, JsonNode Body, HttpResponseMessage Response)> SendJsonAsync(HttpClient client, HttpMethod method, string uri, object json)
        {
            string text = json is JsonNode node ? node.ToJsonString() : System.Text.Json.JsonSerializer.Serialize(json);
            using var request = new HttpRequestMessage(method, uri) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
            HttpResponseMessage response = await client.SendAsync(request);
            return ((int)response.StatusCode, await ReadJsonAsync(response), response);
        }

        /// <summary>Parses a response body as JSON (null when empty).</summary>
        public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response)
        {
            string text = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync();
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Http.Dispose();
            Sandbox.Dispose();
        }
    }
}
