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
using Polly;
using Polly.Retry;

namespace ZoomHubPS.Core.Http
{
    /// <summary>
    /// Zoom Server-to-Server OAuth tokens: fetched lazily, cached until 60 s before expiry, shared by every request
    /// of the connection (concurrent callers wait for one fetch), refreshed on demand after a 401 code 124.
    /// </summary>
    internal sealed class ZoomTokenProvider
    {
        private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(60);

        private readonly HttpClient _http;
        private readonly Uri _tokenUri;
        private readonly string _accountId;
        private readonly string _clientId;
        private readonly SecureString _clientSecret;
        private readonly SecureString _readyToken;
        private readonly TimeProvider _clock;
        private readonly RequestCounters _counters;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private readonly ResiliencePipeline<HttpResponseMessage> _retry;
        private string _token;
        private DateTimeOffset _expiresAt;
        private int _generation;

        public ZoomTokenProvider(HttpClient http, Uri oauthBase, string accountId, string clientId, SecureString clientSecret, SecureString readyToken, TimeProvider clock, RequestCounters counters)
        {
            _http = http;
            _tokenUri = new Uri(oauthBase, "oauth/token");
            _accountId = accountId;
            _clientId = clientId;
            _clientSecret = clientSecret;
            _readyToken = readyToken;
            _clock = clock;
            _counters = counters;

            // A token fetch that meets a transient failure (5xx, 429, a dropped connection) is tried again a few
            // times with backoff on the connection's clock; a refused credential (400/401) never is.
            _retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                    ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is HttpRequestException
                        || (args.Outcome.Result != null && ((int)args.Outcome.Result.StatusCode == 429 || (int)args.Outcome.Result.StatusCode >= 500))),
                    OnRetry = args =>
                    {
                        args.Outcome.Result?.Dispose();
                        return default;
                    },
                })
                .Build();
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
                    throw new ZoomApiException(ErrorKind.Authentication, System.Net.HttpStatusCode.Unauthorized, "124",
                        "The Zoom access token given to Connect-ZoomHub -ZoomAccessToken expired or was rejected, and a ready token cannot be refreshed. Connect again with a new token or with the app's client credentials.",
                        "POST", "oauth/token", null, null);
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
            string secret = SecretText.Read(_clientSecret);
            string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(_clientId + ":" + secret));
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                HttpResponseMessage response;
                try
                {
                    response = await _retry.ExecuteAsync(async ct =>
                    {
                        using (var request = new HttpRequestMessage(HttpMethod.Post, _tokenUri))
                        {
                            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
                            // The grant goes in the body (as Zoom's own SDK sends it), never in the URL where it could be logged.
                            request.Content = new FormUrlEncodedContent(new[]
                            {
                                new KeyValuePair<string, string>("grant_type", "account_credentials"),
                                new KeyValuePair<string, string>("account_id", _accountId),
                            });
                            _counters?.Add(ApiKind.Zoom, RateCategory.None);
                            return await _http.SendAsync(request, ct).ConfigureAwait(false);
                        }
                    }, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException ex)
                {
                    RequestLog.Write(new RequestLogEntry(ApiKind.Zoom, "POST", "/oauth/token", 0, watch.Elapsed, 1));
                    throw new ZoomApiException(ErrorKind.Network, null, null, $"Zoom's OAuth host {_tokenUri.Host} could not be reached: {ex.Message}", "POST", "/oauth/token", null, null, ex);
                }

                using (response)
                {
                    RequestLog.Write(new RequestLogEntry(ApiKind.Zoom, "POST", "/oauth/token", (int)response.StatusCode, watch.Elapsed, 1));
                    string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw TokenError(response, body);
                    }

                    TokenResponse token = JsonSerializer.Deserialize<TokenResponse>(body, Json.Options);
                    if (token?.AccessToken == null)
                    {
                        throw new ZoomApiException(ErrorKind.Authentication, response.StatusCode, null, "Zoom's token endpoint answered without an access_token.", "POST", "/oauth/token", null, null);
                    }

                    _token = token.AccessToken;
                    _expiresAt = _clock.GetUtcNow() + TimeSpan.FromSeconds(token.ExpiresIn > 0 ? token.ExpiresIn : 3600);
                    Scopes = token.Scope;
                    TokensFetched++;
                    Interlocked.Increment(ref _generation);
                }
            }
        }

        private static ZoomApiException TokenError(HttpResponseMessage response, string body)
        {
            string error = null, reason = null;
            try
            {
                using (JsonDocument doc = JsonDocument.Parse(body))
                {
                    if (doc.RootElement.TryGetProperty("error", out JsonElement e)) error = e.GetString();
                    if (doc.RootElement.TryGetProperty("reason", out JsonElement r)) reason = r.GetString();
                }
            }
            catch (JsonException)
            {
                // Not JSON: keep the status only.
            }

            string message;
            switch (error)
            {
                case "invalid_client":
                    message = $"Zoom rejected the client id or client secret (invalid_client: {reason}).";
                    break;
                case "invalid_grant":
                    message = $"Zoom rejected the account id for this app (invalid_grant: {reason}).";
                    break;
                default:
                    message = $"Zoom's token endpoint refused the request ({error ?? ((int)response.StatusCode).ToString()}: {reason}).";
                    break;
            }

            int status = (int)response.StatusCode;
            ErrorKind kind = status >= 500 ? ErrorKind.ServerError : status == 429 ? ErrorKind.RateLimited : ErrorKind.Authentication;
            return new ZoomApiException(kind, response.StatusCode, error, message, "POST", "/oauth/token", null, body);
        }

        private sealed class TokenResponse
        {
            [JsonPropertyName("access_token")] public string AccessToken { get; set; }
            [JsonPropertyName("expires_in")] public int ExpiresIn { get; set; }
            [JsonPropertyName("scope")] public string Scope { get; set; }
        }
    }
}
