using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ZoomHubPS.Core.Http
{
    /// <summary>Supplies the bearer token for a request; <c>refresh</c> asks for a new one after a 401.</summary>
    internal delegate Task<string> BearerTokenSource(bool refresh, CancellationToken cancellationToken);

    /// <summary>
    /// Sends requests to one API: limiter, Polly retry/timeout pipeline, bearer auth (refreshed once on a Zoom 401
    /// code 124), request log and counters, and the error table. Clients only build routes and models.
    /// </summary>
    internal sealed class ApiConnection
    {
        private readonly HttpClient _http;
        private readonly BearerTokenSource _token;
        private readonly RateLimits _limits;
        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
        private readonly RequestCounters _counters;

        /// <summary>
        /// Where the API's daily limit resets at midnight when a daily 429 names no time: UTC for Zoom; for HubSpot the
        /// portal's time zone, set once the connection has read the account (null = UTC).
        /// </summary>
        public TimeZoneInfo DailyResetZone { get; set; }

        public ApiConnection(ApiKind api, HttpClient http, Uri baseUri, BearerTokenSource token, RateLimits limits, RetryOptions retry, TimeProvider clock, RequestCounters counters)
        {
            Api = api;
            _http = http;
            BaseUri = baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
            _token = token;
            _limits = limits;
            Clock = clock;
            _counters = counters;
            _pipeline = BuildPipeline(api, retry ?? new RetryOptions(), clock);
        }

        public ApiKind Api { get; }

        public Uri BaseUri { get; }

        public TimeProvider Clock { get; }

        /// <summary>Sends and deserializes the JSON answer (default(T) for an empty body).</summary>
        public async Task<T> SendAsync<T>(HttpMethod method, string relativePath, object body, RateCategory category, CancellationToken cancellationToken)
        {
            using (HttpResponseMessage response = await SendRawAsync(method, relativePath, body, category, cancellationToken).ConfigureAwait(false))
            {
                if (response.Content == null)
                {
                    return default;
                }

                using (Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                {
                    if (stream.CanSeek && stream.Length == 0)
                    {
                        return default;
                    }

                    try
                    {
                        return await JsonSerializer.DeserializeAsync<T>(stream, Json.Options, cancellationToken).ConfigureAwait(false);
                    }
                    catch (JsonException ex) when (stream.CanSeek && stream.Length == 0)
                    {
                        GC.KeepAlive(ex);
                        return default;
                    }
                }
            }
        }

        /// <summary>Sends; returns the successful response (caller disposes) or throws the mapped exception.</summary>
        public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string relativePath, object body, RateCategory category, CancellationToken cancellationToken)
        {
            byte[] payload = body == null ? null : (body is byte[] raw ? raw : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Json.Options));
            bool refreshed = false;
            while (true)
            {
                HttpResponseMessage response = await SendWithPipelineAsync(method, relativePath, payload, category, refreshed, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                string text = response.Content == null ? null : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                ZoomHubApiException error = ErrorMapper.FromResponse(Api, response, text, method.Method, relativePath, Clock, DailyResetZone);
                response.Dispose();

                // Zoom: an expired/invalid token (401, code 124) is refreshed once and the request sent again.
                if (!refreshed && Api == ApiKind.Zoom && error.Kind == ErrorKind.Authentication && error.VendorCode == "124" && _token != null)
                {
                    refreshed = true;
                    continue;
                }

                throw error;
            }
        }

        private async Task<HttpResponseMessage> SendWithPipelineAsync(HttpMethod method, string relativePath, byte[] payload, RateCategory category, bool refreshToken, CancellationToken cancellationToken)
        {
            var attempt = 0;
            bool refreshNext = refreshToken;
            try
            {
                return await _pipeline.ExecuteAsync(async ct =>
                {
                    attempt++;
                    RateBucket bucket = _limits?.For(Api, category);
                    if (bucket != null)
                    {
                        await bucket.WaitAsync(ct).ConfigureAwait(false);
                    }

                    var request = new HttpRequestMessage(method, new Uri(BaseUri, relativePath));
                    if (payload != null)
                    {
                        request.Content = new ByteArrayContent(payload);
                        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                    }

                    if (_token != null)
                    {
                        string token = await _token(refreshNext, ct).ConfigureAwait(false);
                        refreshNext = false;
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    }

                    _counters?.Add(Api, category);
                    long started = Stopwatch.GetTimestamp();
                    HttpResponseMessage response = null;
                    try
                    {
                        response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
                        return response;
                    }
                    finally
                    {
                        TimeSpan elapsed = TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - started) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
                        RequestLog.Write(new RequestLogEntry(Api, method.Method, "/" + relativePath.TrimStart('/'), response == null ? 0 : (int)response.StatusCode, elapsed, attempt));
                        request.Dispose();
                    }
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutRejectedException ex)
            {
                throw Failure(ErrorKind.Timeout, method, relativePath, "No answer within the attempt timeout, after retries.", ex);
            }
            catch (HttpRequestException ex)
            {
                throw Failure(ErrorKind.Network, method, relativePath, ex.Message, ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient reports its own timeout as a cancellation.
                throw Failure(ErrorKind.Timeout, method, relativePath, "The request timed out.", ex);
            }
        }

        private ZoomHubApiException Failure(ErrorKind kind, HttpMethod method, string path, string message, Exception inner)
            => Api == ApiKind.Zoom
                ? (ZoomHubApiException)new ZoomApiException(kind, null, null, message, method.Method, path, null, null, inner)
                : new HubSpotApiException(kind, null, null, message, method.Method, path, null, null, inner);

        private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(ApiKind api, RetryOptions retry, TimeProvider clock)
        {
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
            if (retry.MaxRetries > 0)
            {
                builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = retry.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = retry.BaseDelay,
                    MaxDelay = retry.MaxRetryAfter,
                    ShouldHandle = args => ShouldRetryAsync(api, args.Outcome, retry, clock),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(ServerDelay(api, args.Outcome, args.AttemptNumber, clock)),
                    OnRetry = args =>
                    {
                        args.Outcome.Result?.Dispose();
                        return default;
                    },
                });
            }

            builder.AddTimeout(retry.AttemptTimeout);
            return builder.Build();
        }

        private static async ValueTask<bool> ShouldRetryAsync(ApiKind api, Outcome<HttpResponseMessage> outcome, RetryOptions retry, TimeProvider clock)
        {
            if (outcome.Exception != null)
            {
                return outcome.Exception is HttpRequestException || outcome.Exception is TimeoutRejectedException;
            }

            HttpResponseMessage response = outcome.Result;
            int status = (int)response.StatusCode;
            if (status == 429)
            {
                string body = response.Content == null ? null : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                string policy = body != null && body.IndexOf("\"DAILY\"", StringComparison.OrdinalIgnoreCase) >= 0 ? "DAILY" : null;
                string message = body;
                if (ErrorMapper.IsDaily(api, response, message, policy))
                {
                    return false; // a daily quota never comes back within a retry budget
                }

                TimeSpan? after = ErrorMapper.RetryAfter(response, clock);
                return !after.HasValue || after.Value <= retry.MaxRetryAfter;
            }

            return status == 500 || status == 502 || status == 503 || status == 504 || status == 423 || status == 477;
        }

        private static TimeSpan? ServerDelay(ApiKind api, Outcome<HttpResponseMessage> outcome, int attempt, TimeProvider clock)
        {
            HttpResponseMessage response = outcome.Result;
            if (response == null)
            {
                return null;
            }

            TimeSpan? after = ErrorMapper.RetryAfter(response, clock);
            if (after.HasValue)
            {
                return after.Value + TimeSpan.FromMilliseconds(50);
            }

            if ((int)response.StatusCode == 429)
            {
                if (api == ApiKind.HubSpot)
                {
                    string interval = ErrorMapper.Header(response, "X-HubSpot-RateLimit-Interval-Milliseconds");
                    // The ten-secondly limit announces its window; search (no rate headers, 5 per second) resets each
                    // second. A ten-secondly 429 without the header still means the rolling 10 s window.
                    if (interval != null && int.TryParse(interval, out int ms)) return TimeSpan.FromMilliseconds(Math.Min(ms, 10_000));
                    bool search = response.RequestMessage?.RequestUri?.AbsolutePath.EndsWith("/search", StringComparison.Ordinal) == true;
                    return search ? TimeSpan.FromSeconds(attempt + 1) : TimeSpan.FromSeconds(10);
                }

                return TimeSpan.FromSeconds(1); // Zoom per-second limits reset with the next second
            }

            return null; // exponential backoff with jitter
        }
    }
}
