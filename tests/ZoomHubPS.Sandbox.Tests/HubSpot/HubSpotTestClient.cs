using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Tests.HubSpot
{
    /// <summary>A twin (no limits, fake clock) plus a HubSpot client with the default app's token, for the HubSpot tests.</summary>
    internal sealed class HubSpotTestClient : IDisposable
    {
        private HubSpotTestClient(SandboxTestHost host)
        {
            Host = host;
            Client = host.HubSpotClient();
        }

        public SandboxTestHost Host { get; }

        public HttpClient Client { get; }

        public ZoomHubPS.Sandbox.HubSpot.HubSpotTwin Twin => Host.Sandbox.HubSpot;

        /// <summary>The demo scenario (contacts 101–109; 104 archived; 103 has a secondary email).</summary>
        public static HubSpotTestClient Demo() => new HubSpotTestClient(SandboxTestHost.Create("demo"));

        /// <summary>A twin over any scenario (e.g. a generated one).</summary>
        public static HubSpotTestClient Of(Scenario scenario) => new HubSpotTestClient(SandboxTestHost.Create(scenario));

        /// <summary>An empty portal, optionally changed before the twin starts.</summary>
        public static HubSpotTestClient Empty(Action<HubSpotSeed> configure = null)
        {
            Scenario scenario = ScenarioLoader.Load("empty");
            configure?.Invoke(scenario.HubSpot);
            return new HubSpotTestClient(SandboxTestHost.Create(scenario));
        }

        /// <summary>A client over the same twin with another Bearer token (null = none).</summary>
        public HttpClient ClientWithToken(string token)
        {
            var client = new HttpClient(Host.Sandbox.CreateHandler(), disposeHandler: true) { BaseAddress = ZoomHubSandbox.InProcessHubSpotUri };
            if (token != null)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return client;
        }

        public Task<(int Status, JsonNode Body, HttpResponseMessage Response)> Get(string path, HttpClient client = null)
            => SandboxTestHost.GetAsync(client ?? Client, path.TrimStart('/'));

        public Task<(int Status, JsonNode Body, HttpResponseMessage Response)> Post(string path, string json, HttpClient client = null)
            => Send(HttpMethod.Post, path, json, client);

        public Task<(int Status, JsonNode Body, HttpResponseMessage Response)> Patch(string path, string json, HttpClient client = null)
            => Send(new HttpMethod("PATCH"), path, json, client);

        public async Task<(int Status, JsonNode Body, HttpResponseMessage Response)> Delete(string path, HttpClient client = null)
        {
            HttpResponseMessage response = await (client ?? Client).DeleteAsync(path.TrimStart('/'));
            return ((int)response.StatusCode, await SandboxTestHost.ReadJsonAsync(response), response);
        }

        public async Task<(int Status, JsonNode Body, HttpResponseMessage Response)> Send(HttpMethod method, string path, string json, HttpClient client = null)
        {
            using var request = new HttpRequestMessage(method, path.TrimStart('/')) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            HttpResponseMessage response = await (client ?? Client).SendAsync(request);
            return ((int)response.StatusCode, await SandboxTestHost.ReadJsonAsync(response), response);
        }

        /// <summary>Turns single quotes into double quotes so JSON bodies read well in tests.</summary>
        public static string J(string singleQuoted) => singleQuoted.Replace('\'', '"');

        public void Dispose()
        {
            Client.Dispose();
            Host.Dispose();
        }
    }
}
