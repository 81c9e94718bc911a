using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox.Hosting;
using ZoomHubPS.Sandbox.Limits;

namespace ZoomHubPS.Sandbox.Tests.Hosting
{
    public class LoopbackHostTests
    {
        [Fact]
        public async Task ServesAllThreeApisOnOnePortOf127001AndStopsCleanly()
        {
            using var sandbox = new ZoomHubSandbox(new SandboxOptions { Scenario = "demo", Limits = LimitOptions.None });
            var host = new LoopbackHost(sandbox, 0);
            host.Start();
            Assert.Equal("127.0.0.1", host.BaseUri.Host);
            using var http = new HttpClient();

            var token = new HttpRequestMessage(HttpMethod.Post, new Uri(host.ZoomOAuthUri, "oauth/token"))
            {
                Content = new FormUrlEncodedContent(new[] { new System.Collections.Generic.KeyValuePair<string, string>("grant_type", "account_credentials"), new System.Collections.Generic.KeyValuePair<string, string>("account_id", sandbox.Credentials.ZoomAccountId) }),
            };
            token.Headers.Authorization = SandboxTestHost.BasicAuth(sandbox.Credentials.ZoomClientId, sandbox.Credentials.ZoomClientSecret);
            HttpResponseMessage tokenResponse = await http.SendAsync(token);
            Assert.Equal(200, (int)tokenResponse.StatusCode);
            string accessToken = (string)(await SandboxTestHost.ReadJsonAsync(tokenResponse))["access_token"];

            // A UUID that starts with '/' must be double-encoded; the raw path survives the listener.
            var participants = new HttpRequestMessage(HttpMethod.Get, new Uri(host.ZoomApiUri + "past_webinars/%252FajXp112QmuoKj4854875%253D%253D/participants"));
            participants.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
            Assert.Equal(200, (int)(await http.SendAsync(participants)).StatusCode);

            var hub = new HttpRequestMessage(HttpMethod.Get, new Uri(host.HubSpotUri, "account-info/v3/details"));
            hub.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", sandbox.Credentials.HubSpotToken);
            Assert.Equal(200, (int)(await http.SendAsync(hub)).StatusCode);

            int port = host.BaseUri.Port;
            host.Stop();
            Assert.False(host.IsRunning);
            var probe = new TcpListener(System.Net.IPAddress.Loopback, port);
            probe.Start(); // the port is free again
            probe.Stop();
        }
    }
}
