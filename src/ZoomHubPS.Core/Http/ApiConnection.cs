using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Timeout;

namespace ZoomHubPS.Core.Http
{
    /// <summary>Supplies the bearer token for a request; <c>refresh</c> asks for a new one after a 401.</summary>
    internal delegate Task<string> BearerTokenSource(bool refresh, CancellationToken cancellationToken);

    /// <summary>
    /// Sends requests to one API: limiter, the time-budgeted retry and per-attempt timeout pipeline
    /// (<see cref="RetryPipeline"/>), bearer auth (refreshed once on an expired token), request log and counters, and
    /// the failure → <see cref="ZoomHubApiException"/> mapping. What differs between the APIs lives in the
    /// <see cref="ApiProfile"/>; clients only build routes and models.
    /// </summary>
    internal sealed class ApiConnection
    {
        private readonly HttpClient _http;
        private readonly BearerTokenSource _token;
        private readonly RateLimits _limits;
        private readonly RetryPipeline _pipeline;
        private readonly RequestCounters _counters;

        public ApiConnection(ApiProfile profile, HttpClient http, Uri baseUri, BearerTokenSource token, RateLimits limits, RetryOptions retry, TimeProvider clock, RequestCounters counters, TimeProvider serviceTime = null)
        {
            Profile = profile ?? throw new ArgumentNullException(nameof(profile));
            _http = http;
            BaseUri = baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
            _token = token;
            _limits = limits;
            Clock = clock;
            ServiceTime = serviceTime ?? clock;
            _counters = counters;
            Retry = retry ?? new RetryOptions();
            _pipeline = new RetryPipeline(profile, Retry, clock);
        }

        public ApiProfile Profile { get; }

        public ApiKind Api => Profile.Api;

        public Uri BaseUri { get; }

        /// <summary>The clock of waits, timeouts, limiter windows and token expiry: the machine's (or a test's fake).</summary>
        public TimeProvider Clock { get; }

        /// <summary>
        /// The services' "now": what a window ends at, whether a webinar is over, the time written to HubSpot. The same as
        /// <see cref="Clock"/> except against a sandbox in another process, whose time is its scenario's.
        /// </summary>
        public TimeProvider ServiceTime { get; }

        public RetryOptions Retry { get; }

        /// <summary>Sends and deserializes the JSON answer (default(T) for an empty body).</summary>
        public Task<T> SendAsync<T>(HttpMethod method, string relativePath, object body, RateCategory category, CancellationToken cancellationToken)
            => SendAsync<T>(new ApiRequest(method, relativePath, category) { Body = body }, cancellationToken);

        /// <summary>Sends and deserializes the JSON answer (default(T) for an empty body).</summary>
        public async Task<T> SendAsync<T>(ApiRequest request, CancellationToken cancellationToken)
        {
            using (HttpResponseMessage response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false))
            {
                if (response.Content == null) return default;
                using (Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                {
                    if (stream.CanSeek && stream.Length == 0) return default;
                    return await JsonSerializer.DeserializeAsync<T>(stream, Json.Options, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>Sends; returns the successful response (caller disposes) or throws the mapped exception.</summary>
        public Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string relativePath, object body, RateCategory category, CancellationToken cancellationToken)
            => SendRawAsync(new ApiRequest(method, relativePath, category) { Body = body }, cancellationToken);

        /// <summary>Sends; returns the successful response (caller disposes) or throws the mapped exception.</summary>
        public async Task<HttpResponseMessage> SendRawAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            byte[] payload = request.Body == null ? null : (request.Body is byte[] raw ? raw : JsonSerializer.SerializeToUtf8Bytes(request.Body, request.Body.GetType(), Json.Options));
            bool refresh = false;
            while (true)
            {
                var call = new RetryPipeline.Call(request, Clock.GetUtcNow());
                HttpResponseMessage response = await SendWithRetriesAsync(call, payload, refresh, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode || (request.ReturnsRedirect && IsRedirect(response))) return response;

                ZoomHubApiException error;
                using (response)
                {
                    string text = response.Content == null ? null : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    error = _pipeline.Failure(call, response, text);
                }

                // An expired or revoked token (Zoom 401, code 124) is refreshed once and the request sent again.
                if (!refresh && _token != null && Profile.IsExpiredToken(error))
                {
                    refresh = true;
                    continue;
                }

                throw error;
            }
        }

        private async Task<HttpResponseMessage> SendWithRetriesAsync(RetryPipeline.Call call, byte[] payload, bool refreshToken, CancellationToken cancellationToken)
        {
            bool refreshNext = refreshToken;
            try
            {
                return await _pipeline.ExecuteAsync(call, async ct =>
                {
                    ApiRequest request = call.Request;
                    RateBucket bucket = _limits?.For(Api, request.Category);
                    if (bucket != null) await bucket.WaitAsync(ct).ConfigureAwait(false);

                    using (HttpRequestMessage message = await BuildAsync(request, payload, refreshNext, ct).ConfigureAwait(false))
                    {
                        refreshNext = false;
                        call.Attempts++;
                        _counters?.Add(Api, request.Category);
                        long started = Stopwatch.GetTimestamp();
                        HttpResponseMessage response = null;
                        try
                        {
                            response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
                            (ServiceTime as ServerClock)?.Observe(response.Headers.Date);
                            return response;
                        }
                        finally
                        {
                            TimeSpan elapsed = TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - started) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
                            string detail = RequestLog.WantsHttpDetail ? HttpDetail.Describe(message, response) : null;
                            RequestLog.Write(new RequestLogEntry(Api, request.Method.Method, request.LoggedPath, response == null ? 0 : (int)response.StatusCode, elapsed, call.Attempts, detail));
                        }
                    }
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (ex is TimeoutRejectedException || ex is HttpRequestException || ex is IOException || ex is OperationCanceledException))
            {
                throw _pipeline.Failure(call, ex);
            }
        }

        private static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode >= 300 && (int)response.StatusCode < 400 && response.Headers.Location != null;

        private async Task<HttpRequestMessage> BuildAsync(ApiRequest request, byte[] payload, bool refreshToken, CancellationToken ct)
        {
            var message = new HttpRequestMessage(request.Method, new Uri(BaseUri, request.Path));
            if (request.Content != null)
            {
                message.Content = request.Content();
            }
            else if (payload != null)
            {
                message.Content = new ByteArrayContent(payload);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }

            if (request.Authorization != null)
            {
                message.Headers.Authorization = request.Authorization;
            }
            else if (_token != null && !request.Anonymous)
            {
                string token = await _token(refreshToken, ct).ConfigureAwait(false);
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return message;
        }
    }
}
