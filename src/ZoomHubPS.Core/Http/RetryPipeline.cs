using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ZoomHubPS.Core.Http
{
    /// <summary>
    /// The Polly pipeline of one API connection and the rules it applies: a per-attempt timeout by route kind, and
    /// retries budgeted by time (<see cref="RetryOptions.MaxWait"/>): every Retry-After or backoff that ends inside the
    /// budget is waited out, a daily limit never is, and a write that must not land twice is repeated only when the
    /// service certainly did not apply it. It also turns the last outcome into the <see cref="ZoomHubApiException"/>.
    /// </summary>
    internal sealed class RetryPipeline
    {
        private static readonly ResiliencePropertyKey<Call> CallKey = new ResiliencePropertyKey<Call>("zoomhub.call");
        private static readonly TimeSpan ServerDelayMargin = TimeSpan.FromMilliseconds(50);

        private readonly ApiProfile _profile;
        private readonly RetryOptions _options;
        private readonly TimeProvider _clock;
        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
        private readonly Random _jitter = new Random();

        public RetryPipeline(ApiProfile profile, RetryOptions options, TimeProvider clock)
        {
            _profile = profile;
            _options = options;
            _clock = clock;
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
            if (options.MaxAttempts > 1)
            {
                builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.MaxAttempts - 1,
                    ShouldHandle = args => new ValueTask<bool>(Plan(args.Context.Properties.GetValue(CallKey, null), args.Outcome, args.AttemptNumber)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(args.Context.Properties.GetValue(CallKey, null)?.NextDelay),
                    OnRetry = args =>
                    {
                        args.Outcome.Result?.Dispose();
                        return default;
                    },
                });
            }

            builder.AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => new ValueTask<TimeSpan>(_options.TimeoutOf(args.Context.Properties.GetValue(CallKey, null)?.Request.Kind ?? RouteKind.Read)),
            });
            _pipeline = builder.Build();
        }

        /// <summary>One call's state across its attempts.</summary>
        public sealed class Call
        {
            public Call(ApiRequest request, DateTimeOffset started)
            {
                Request = request;
                Started = started;
            }

            public ApiRequest Request { get; }

            public DateTimeOffset Started { get; }

            public int Attempts { get; set; }

            public TimeSpan? NextDelay { get; set; }

            public bool OutOfBudget { get; set; }
        }

        public async Task<HttpResponseMessage> ExecuteAsync(Call call, Func<CancellationToken, Task<HttpResponseMessage>> attempt, CancellationToken cancellationToken)
        {
            ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
            try
            {
                context.Properties.Set(CallKey, call);
                return await _pipeline.ExecuteAsync(async ctx => await attempt(ctx.CancellationToken).ConfigureAwait(false), context).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        /// <summary>The failure for a response that was not a success.</summary>
        public ZoomHubApiException Failure(Call call, HttpResponseMessage response, string body)
        {
            VendorError vendor = _profile.Parse(response, body);
            int status = (int)response.StatusCode;
            var failure = Describe(call);
            failure.StatusCode = response.StatusCode;
            failure.VendorCode = vendor.Code ?? (status == 429 ? "429" : null);
            failure.VendorMessage = vendor.Message;
            failure.RequestId = vendor.RequestId;
            failure.RawBody = body;
            failure.Kind = _profile.Classify(response.StatusCode, vendor.Code);
            failure.RetryAfter = ApiProfile.RetryAfter(response, _clock);
            failure.MaybeCommitted = IsWrite(call) && (status == 500 || status == 502 || status == 504);
            if (status == 429 && _profile.IsDaily(response, vendor))
            {
                failure.IsDaily = true;
                failure.ResetsAt = ApiProfile.RetryAt(response, _clock) ?? _profile.DefaultDailyReset(_clock);
            }

            return new ZoomHubApiException(failure);
        }

        /// <summary>The failure for an attempt that got no response (timeout, reset, unreachable host).</summary>
        public ZoomHubApiException Failure(Call call, Exception error)
        {
            var failure = Describe(call);
            bool timeout = error is TimeoutRejectedException || error is OperationCanceledException;
            failure.Kind = timeout ? ErrorKind.Timeout : ErrorKind.Network;
            failure.VendorMessage = timeout
                ? $"No answer within {_options.TimeoutOf(call.Request.Kind).TotalSeconds:0.#} s."
                : error.Message;
            failure.MaybeCommitted = IsWrite(call) && !NeverSent(error);
            return new ZoomHubApiException(failure, error);
        }

        private ApiFailure Describe(Call call) => new ApiFailure
        {
            Api = _profile.Api,
            Method = call.Request.Method.Method,
            Path = QueryRedaction.Redact(call.Request.Path),
            Attempts = Math.Max(1, call.Attempts),
            Waited = _clock.GetUtcNow() - call.Started,
        };

        // Decides whether to try again and how long to wait first; the wait is stored for DelayGenerator.
        private bool Plan(Call call, Outcome<HttpResponseMessage> outcome, int attemptNumber)
        {
            if (call == null) return false;
            call.NextDelay = null;
            TimeSpan? delay = DelayBeforeRetry(call, outcome, attemptNumber);
            if (delay == null) return false;
            if (_clock.GetUtcNow() - call.Started + delay.Value > _options.MaxWait)
            {
                call.OutOfBudget = true;
                return false;
            }

            call.NextDelay = delay;
            return true;
        }

        private TimeSpan? DelayBeforeRetry(Call call, Outcome<HttpResponseMessage> outcome, int attemptNumber)
        {
            if (outcome.Exception != null)
            {
                Exception ex = outcome.Exception;
                bool noAnswer = ex is TimeoutRejectedException || ex is HttpRequestException || ex is IOException;
                if (!noAnswer) return null;
                // A write that must not land twice is repeated only if it never left (the host refused the connection).
                if (call.Request.NotIdempotent && IsWrite(call) && !NeverSent(ex)) return null;
                return Backoff(attemptNumber);
            }

            HttpResponseMessage response = outcome.Result;
            int status = (int)response.StatusCode;
            if (!ApiProfile.IsTransient(status)) return null;
            if (call.Request.NotIdempotent && IsWrite(call) && status != 429 && status != 503 && status != 423) return null;
            TimeSpan? asked = ApiProfile.RetryAfter(response, _clock);
            if (status == 429)
            {
                // Body-free check first: a daily quota never comes back within a call.
                if (_profile.IsDaily(response, _profile.Parse(response, ReadBody(response)))) return null;
                return (asked ?? _profile.LimitWindow(response, attemptNumber)) + ServerDelayMargin;
            }

            return asked.HasValue ? asked.Value + ServerDelayMargin : Backoff(attemptNumber);
        }

        private TimeSpan Backoff(int attemptNumber)
        {
            double factor;
            lock (_jitter) factor = 0.8 + (_jitter.NextDouble() * 0.4);
            double ms = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 16)) * factor;
            return TimeSpan.FromMilliseconds(Math.Min(ms, _options.MaxBackoff.TotalMilliseconds));
        }

        private static string ReadBody(HttpResponseMessage response)
        {
            try
            {
                return response.Content?.ReadAsStringAsync().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is IOException || ex is HttpRequestException || ex is ObjectDisposedException)
            {
                return null;
            }
        }

        private static bool IsWrite(Call call) => call.Request.Method != HttpMethod.Get && call.Request.Method != HttpMethod.Head;

        // A connection the host refused, or a name that did not resolve, never carried the request.
        private static bool NeverSent(Exception error)
        {
            for (Exception e = error; e != null; e = e.InnerException)
            {
                if (e is SocketException s && (s.SocketErrorCode == SocketError.ConnectionRefused || s.SocketErrorCode == SocketError.HostNotFound || s.SocketErrorCode == SocketError.NoData))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
