using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace ZoomHubPS.Core.Http
{
    /// <summary>
    /// Zoom Server-to-Server OAuth tokens: fetched lazily, cached until 60 s before expiry, shared by every request
    /// of the connection (concurrent callers wait for one fetch), refreshed on demand after a 401 code 124.
    /// </summary>
    internal sealed class ZoomTokenProvider
    {
        private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(60);

        private readonly ApiConnection _oauth;
        private readonly string _accountId;
        private readonly string _clientId;
        private readonly SecureString _clientSecret;
        private readonly SecureString _readyToken;
        private readonly TimeProvider _clock;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private string _token;
        private DateTimeOffset _expiresAt;
        private int _generation;

        /// <param name="oauth">The OAuth host's connection (<see cref="ZoomOAuthProfile"/>): the token request goes through
        /// the same retry pipeline, timeouts, log and counters as every other request.</param>
        public ZoomTokenProvider(ApiConnection oauth, string accountId, string clientId, SecureString clientSecret, SecureString readyToken, TimeProvider clock)
        {
            _oauth = oauth;
            _accountId = accountId;
            _clientId = clientId;
            _clientSecret = clientSecret;
            _readyToken = readyToken;
            _clock = clock;
        }

        public DateTimeOffset? ExpiresAt => _token == null ? (DateTimeOffset?)null : _expiresAt;

        public string Scopes { get; private set; }

        public int TokensFetched { get; private set; }

        public async Task<string> GetAsync(bool refresh, CancellationToken cancellationToken)
        {
            if (_readyToken != null)
            {
                if (refresh)
                {
                    throw new ZoomHubApiException(new ApiFailure
                    {
                        Api = ApiKind.Zoom, Kind = ErrorKind.Authentication, StatusCode = System.Net.HttpStatusCode.Unauthorized, VendorCode = "124", Method = "POST", Path = "oauth/token",
                        VendorMessage = "The Zoom access token given to Connect-ZoomHub -ZoomAccessToken expired or was rejected, and a ready token cannot be refreshed. Connect again with a new token or with the app's client credentials.",
                    });
                }

                return SecretText.Read(_readyToken);
            }

            int seenGeneration = _generation;
            string current = _token;
            if (!refresh && current != null && _clock.GetUtcNow() < _expiresAt - ExpiryMargin)
            {
                return current;
            }

            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another caller may have fetched while we waited: use theirs.
                if (_token != null && _generation != seenGeneration && _clock.GetUtcNow() < _expiresAt - ExpiryMargin)
                {
                    return _token;
                }

                if (!refresh && _token != null && _clock.GetUtcNow() < _expiresAt - ExpiryMargin)
                {
                    return _token;
                }

                await FetchAsync(cancellationToken).ConfigureAwait(false);
                return _token;
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task FetchAsync(CancellationToken cancellationToken)
        {
            string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(_clientId + ":" + SecretText.Read(_clientSecret)));
            var request = new ApiRequest(HttpMethod.Post, "oauth/token", RateCategory.None)
            {
                Kind = RouteKind.Token,
                Authorization = new AuthenticationHeaderValue("Basic", basic),
                // The grant goes in the body (as Zoom's own SDK sends it), never in the URL where it could be logged.
                Content = () => new FormUrlEncodedContent(new[]
                {
                    new KeyValuePair<string, string>("grant_type", "account_credentials"),
                    new KeyValuePair<string, string>("account_id", _accountId),
                }),
            };
            TokenResponse token = await _oauth.SendAsync<TokenResponse>(request, cancellationToken).ConfigureAwait(false);
            if (token?.AccessToken == null)
            {
                throw new ZoomHubApiException(new ApiFailure
                {
                    Api = ApiKind.Zoom, Kind = ErrorKind.Authentication, Method = "POST", Path = "oauth/token",
                    VendorMessage = "Zoom's token endpoint answered without an access_token.",
                });
            }

            _token = token.AccessToken;
            _expiresAt = _clock.GetUtcNow() + TimeSpan.FromSeconds(token.ExpiresIn > 0 ? token.ExpiresIn : 3600);
            Scopes = token.Scope;
            TokensFetched++;
            Interlocked.Increment(ref _generation);
        }

        private sealed class TokenResponse
        {
            [JsonPropertyName("access_token")] public string AccessToken { get; set; }
            [JsonPropertyName("expires_in")] public int ExpiresIn { get; set; }
            [JsonPropertyName("scope")] public string Scope { get; set; }
        }
    }
}
