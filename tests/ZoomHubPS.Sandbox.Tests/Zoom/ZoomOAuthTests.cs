using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace ZoomHubPS.Sandbox.Tests.Zoom
{
    public class ZoomOAuthTests
    {
        private static HttpRequestMessage TokenRequest(SandboxTestHost host, string user, string password, string form, string query = "")
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(SandboxTestHost.ZoomTokenUri + query));
            if (form != null)
            {
                request.Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
            }

            if (user != null)
            {
                request.Headers.Authorization = SandboxTestHost.BasicAuth(user, password);
            }

            return request;
        }

        [Fact]
        public async Task FormBodyGrant_ReturnsBearerTokenShape()
        {
            using var host = SandboxTestHost.Create("demo");
            var z = host.Sandbox.Zoom;
            var response = await host.Http.SendAsync(TokenRequest(host, z.ClientId, z.ClientSecret, "grant_type=account_credentials&account_id=" + z.AccountId));
            JsonNode body = await SandboxTestHost.ReadJsonAsync(response);

            Assert.Equal(200, (int)response.StatusCode);
            string token = body["access_token"].GetValue<string>();
            Assert.Equal(3, token.Split('.').Length);
            Assert.Equal("bearer", body["token_type"].GetValue<string>());
            Assert.Equal(3600, body["expires_in"].GetValue<int>());
            Assert.Contains("webinar:read:list_registrants:admin", body["scope"].GetValue<string>());
            Assert.StartsWith("https://", body["api_url"].GetValue<string>());
            Assert.Equal(1, z.IssuedTokenCount);
        }

        [Fact]
        public async Task QueryStringGrant_IsAcceptedToo()
        {
            using var host = SandboxTestHost.Create("demo");
            var z = host.Sandbox.Zoom;
            var response = await host.Http.SendAsync(TokenRequest(host, z.ClientId, z.ClientSecret, null, "?grant_type=account_credentials&account_id=" + z.AccountId));
            Assert.Equal(200, (int)response.StatusCode);
        }

        [Theory]
        [InlineData("wrong-secret", "grant_type=account_credentials&account_id=ACCOUNT", 401, "invalid_client")]
        [InlineData(null, "grant_type=account_credentials&account_id=ACCOUNT", 401, "invalid_client")]
        [InlineData("SECRET", "grant_type=account_credentials&account_id=someone-else", 400, "invalid_grant")]
        [InlineData("SECRET", "grant_type=client_credentials&account_id=ACCOUNT", 400, "unsupported_grant_type")]
        [InlineData("SECRET", "account_id=ACCOUNT", 400, "unsupported_grant_type")]
        public async Task BadRequests_GetOAuthErrorBodies(string secret, string form, int status, string error)
        {
            using var host = SandboxTestHost.Create("demo");
            var z = host.Sandbox.Zoom;
            form = form.Replace("ACCOUNT", z.AccountId);
            var request = TokenRequest(host, secret == null ? null : z.ClientId, secret == "SECRET" ? z.ClientSecret : secret, form);
            var response = await host.Http.SendAsync(request);
            JsonNode body = await SandboxTestHost.ReadJsonAsync(response);

            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(error, body["error"].GetValue<string>());
            Assert.False(string.IsNullOrEmpty(body["reason"].GetValue<string>()));
            Assert.Null(body["code"]);
            Assert.Equal(0, z.IssuedTokenCount);
        }

        [Fact]
        public async Task ApiCall_WithoutOrWithBadToken_Is401Code124()
        {
            using var host = SandboxTestHost.Create("demo");
            var anonymous = new HttpClient(host.Sandbox.CreateHandler()) { BaseAddress = ZoomHubSandbox.InProcessZoomApiUri };
            var (status, body, _) = await SandboxTestHost.GetAsync(anonymous, "users");
            Assert.Equal(401, status);
            Assert.Equal(124, body["code"].GetValue<int>());
            Assert.Equal("Invalid access token.", body["message"].GetValue<string>());

            anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOi.not.issued");
            (status, body, _) = await SandboxTestHost.GetAsync(anonymous, "users");
            Assert.Equal(401, status);
            Assert.Equal(124, body["code"].GetValue<int>());
        }

        [Fact]
        public async Task Token_ExpiresAfterOneHourOfSandboxTime()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "users")).Status);

            host.Clock.Advance(TimeSpan.FromSeconds(3599));
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "users")).Status);

            host.Clock.Advance(TimeSpan.FromSeconds(2));
            var (status, body, _) = await SandboxTestHost.GetAsync(zoom, "users");
            Assert.Equal(401, status);
            Assert.Equal(124, body["code"].GetValue<int>());
        }

        [Fact]
        public async Task ExpireTokens_InvalidatesEveryIssuedToken_NewOnesWork()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient first = await host.ZoomClientAsync();
            HttpClient second = await host.ZoomClientAsync();
            Assert.Equal(2, host.Sandbox.Zoom.IssuedTokenCount);
            Assert.Equal(2, host.Sandbox.Zoom.ActiveTokenCount);

            host.Sandbox.Zoom.ExpireTokens();

            Assert.Equal(401, (await SandboxTestHost.GetAsync(first, "users")).Status);
            Assert.Equal(401, (await SandboxTestHost.GetAsync(second, "users")).Status);
            HttpClient fresh = await host.ZoomClientAsync();
            Assert.Equal(200, (await SandboxTestHost.GetAsync(fresh, "users")).Status);
            Assert.Equal(3, host.Sandbox.Zoom.IssuedTokenCount);
        }

        [Fact]
        public async Task ZoomResponses_CarryTrackingId()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (_, _, response) = await SandboxTestHost.GetAsync(zoom, "users");
            Assert.True(response.Headers.TryGetValues("x-zm-trackingid", out IEnumerable<string> values));
            Assert.StartsWith("v=2.0;", string.Join("", values));
        }
    }
}
