using System;
using System.Globalization;
using System.Net;

namespace ZoomHubPS.Core
{
    /// <summary>
    /// An API call failed — the one exception type for every failure of either service (Azure SDK style): which API,
    /// what kind of failure, the HTTP status, the service's own code and message, and, for limits, when to try again.
    /// A <c>catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.RateLimited)</c> sees every 429. Never carries a
    /// credential.
    /// </summary>
    public class ZoomHubApiException : Exception
    {
        /// <summary>Creates the exception from what the failed request told.</summary>
        public ZoomHubApiException(ApiFailure failure, Exception innerException = null)
            : base(BuildMessage(failure ?? throw new ArgumentNullException(nameof(failure))), innerException)
        {
            Api = failure.Api;
            Kind = failure.Kind;
            StatusCode = failure.StatusCode;
            VendorCode = failure.VendorCode;
            VendorMessage = failure.VendorMessage;
            Method = failure.Method;
            Path = failure.Path;
            RequestId = failure.RequestId;
            RawBody = failure.RawBody;
            RetryAfter = failure.RetryAfter;
            IsDaily = failure.IsDaily;
            ResetsAt = failure.ResetsAt;
            Attempts = failure.Attempts;
            Waited = failure.Waited;
            MaybeCommitted = failure.MaybeCommitted;
        }

        /// <summary>Which service failed.</summary>
        public ApiKind Api { get; }

        /// <summary>The kind of failure.</summary>
        public ErrorKind Kind { get; }

        /// <summary>HTTP status, when there was a response.</summary>
        public HttpStatusCode? StatusCode { get; }

        /// <summary>Zoom's numeric <c>code</c> (or the OAuth <c>error</c>), HubSpot's <c>category</c>.</summary>
        public string VendorCode { get; }

        /// <summary>The service's own message.</summary>
        public string VendorMessage { get; }

        /// <summary>HTTP method of the failed request.</summary>
        public string Method { get; }

        /// <summary>Path (and query) of the failed request; never contains secrets.</summary>
        public string Path { get; }

        /// <summary>Zoom tracking id or HubSpot correlation id.</summary>
        public string RequestId { get; }

        /// <summary>The error body as returned (bodies of these APIs carry no secrets).</summary>
        public string RawBody { get; }

        /// <summary>How long the service asked to wait (429, 503).</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>A daily quota: never retried; <see cref="ResetsAt"/> says when it comes back.</summary>
        public bool IsDaily { get; }

        /// <summary>When a daily quota resets, on the connection's clock.</summary>
        public DateTimeOffset? ResetsAt { get; }

        /// <summary>Attempts made (1 = no retry).</summary>
        public int Attempts { get; }

        /// <summary>Time spent on the call, retries and waits included.</summary>
        public TimeSpan Waited { get; }

        /// <summary>
        /// The request was sent and its reply was lost (connection reset, timeout, gateway error): the service may have
        /// applied it. A write that is not harmless to repeat was not sent again; the caller checks before retrying.
        /// </summary>
        public bool MaybeCommitted { get; }

        /// <summary>Zoom's numeric code, when the service is Zoom and the code is a number.</summary>
        public int? ZoomCode => Api == ApiKind.Zoom && int.TryParse(VendorCode, NumberStyles.Integer, CultureInfo.InvariantCulture, out int c) ? c : (int?)null;

        private static string BuildMessage(ApiFailure f)
        {
            string what = f.Method != null ? $"{f.Method} /{f.Path?.TrimStart('/')}" : f.Path;
            string status = f.StatusCode.HasValue ? ((int)f.StatusCode.Value).ToString(CultureInfo.InvariantCulture) : "no response";
            string code = string.IsNullOrEmpty(f.VendorCode) ? string.Empty : $" ({f.VendorCode})";
            string message = f.VendorMessage ?? "no message";
            if (f.IsDaily && f.ResetsAt.HasValue)
            {
                message += $" (daily limit; resets at {f.ResetsAt.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC)";
            }

            string tries = f.Attempts > 1
                ? string.Format(CultureInfo.InvariantCulture, " Gave up after {0} attempts over {1:0.#} s.", f.Attempts, f.Waited.TotalSeconds)
                : string.Empty;
            return $"{f.Api} {what} failed: {status}{code}: {message}{tries}";
        }
    }

    /// <summary>Everything known about one failed call; the input of <see cref="ZoomHubApiException"/>.</summary>
    public sealed class ApiFailure
    {
        /// <summary>Which service.</summary>
        public ApiKind Api { get; set; }

        /// <summary>The kind of failure.</summary>
        public ErrorKind Kind { get; set; }

        /// <summary>HTTP status, when there was a response.</summary>
        public HttpStatusCode? StatusCode { get; set; }

        /// <summary>The service's code.</summary>
        public string VendorCode { get; set; }

        /// <summary>The service's message (or what went wrong on the wire).</summary>
        public string VendorMessage { get; set; }

        /// <summary>HTTP method.</summary>
        public string Method { get; set; }

        /// <summary>Relative path and query.</summary>
        public string Path { get; set; }

        /// <summary>Tracking/correlation id.</summary>
        public string RequestId { get; set; }

        /// <summary>Raw error body.</summary>
        public string RawBody { get; set; }

        /// <summary>Requested wait.</summary>
        public TimeSpan? RetryAfter { get; set; }

        /// <summary>Daily quota.</summary>
        public bool IsDaily { get; set; }

        /// <summary>Daily reset.</summary>
        public DateTimeOffset? ResetsAt { get; set; }

        /// <summary>Attempts made.</summary>
        public int Attempts { get; set; } = 1;

        /// <summary>Time spent.</summary>
        public TimeSpan Waited { get; set; }

        /// <summary>Sent, reply lost.</summary>
        public bool MaybeCommitted { get; set; }
    }

    /// <summary>Connect could not validate one side. The message names the side, the reason and what to do.</summary>
    public sealed class ZoomHubConnectException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public ZoomHubConnectException(ApiKind side, ConnectFailureReason reason, string message, Exception innerException = null)
            : base(message, innerException)
        {
            Side = side;
            Reason = reason;
        }

        /// <summary>Which side failed.</summary>
        public ApiKind Side { get; }

        /// <summary>Why.</summary>
        public ConnectFailureReason Reason { get; }
    }

    /// <summary>The HubSpot contact properties the sync writes do not exist (run Initialize-ZoomHubSchema).</summary>
    public sealed class ZoomHubSchemaMissingException : InvalidOperationException
    {
        /// <summary>Creates the exception.</summary>
        public ZoomHubSchemaMissingException(System.Collections.Generic.IReadOnlyList<string> missing)
            : base($"HubSpot has no contact properties {string.Join(", ", missing)}. Run Initialize-ZoomHubSchema first (with the same -PropertyName map).")
            => Missing = missing;

        /// <summary>The missing property names.</summary>
        public System.Collections.Generic.IReadOnlyList<string> Missing { get; }
    }

    /// <summary>A HubSpot app has none (or not all) of the module's timeline event templates.</summary>
    public sealed class ZoomHubTimelineTemplatesMissingException : InvalidOperationException
    {
        /// <summary>Creates the exception.</summary>
        public ZoomHubTimelineTemplatesMissingException(long appId, System.Collections.Generic.IReadOnlyList<string> missing)
            : base($"HubSpot app {appId.ToString(CultureInfo.InvariantCulture)} has no ZoomHubPS timeline templates ({string.Join(", ", missing)}). Run Initialize-ZoomHubSchema -TimelineAppId {appId.ToString(CultureInfo.InvariantCulture)} first.")
        {
            AppId = appId;
            Missing = missing;
        }

        /// <summary>The app id.</summary>
        public long AppId { get; }

        /// <summary>The missing templates.</summary>
        public System.Collections.Generic.IReadOnlyList<string> Missing { get; }
    }
}
