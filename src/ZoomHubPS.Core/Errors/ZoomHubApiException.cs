using System;
using System.Net;

namespace ZoomHubPS.Core
{
    /// <summary>An API call failed. Carries the service's own code and message; never a credential.</summary>
    public class ZoomHubApiException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public ZoomHubApiException(ApiKind api, ErrorKind kind, HttpStatusCode? statusCode, string vendorCode, string vendorMessage,
            string method, string path, string requestId, string rawBody, Exception innerException = null)
            : base(BuildMessage(api, statusCode, vendorCode, vendorMessage, method, path), innerException)
        {
            Api = api;
            Kind = kind;
            StatusCode = statusCode;
            VendorCode = vendorCode;
            VendorMessage = vendorMessage;
            Method = method;
            Path = path;
            RequestId = requestId;
            RawBody = rawBody;
        }

        /// <summary>Which service failed.</summary>
        public ApiKind Api { get; }

        /// <summary>The kind of failure.</summary>
        public ErrorKind Kind { get; }

        /// <summary>HTTP status, when there was a response.</summary>
        public HttpStatusCode? StatusCode { get; }

        /// <summary>Zoom's numeric <c>code</c> or HubSpot's <c>category</c>.</summary>
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

        /// <summary>Zoom's numeric code, when the service is Zoom and the code is a number.</summary>
        public int? ZoomCode => Api == ApiKind.Zoom && int.TryParse(VendorCode, out int c) ? c : (int?)null;

        private static string BuildMessage(ApiKind api, HttpStatusCode? status, string code, string message, string method, string path)
        {
            string what = method != null ? $"{method} {path}" : path;
            string statusText = status.HasValue ? ((int)status.Value).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no response";
            string codeText = string.IsNullOrEmpty(code) ? string.Empty : $" ({code})";
            return $"{api} {what} failed: {statusText}{codeText}: {message ?? "no message"}";
        }
    }

    /// <summary>A Zoom API call failed.</summary>
    public class ZoomApiException : ZoomHubApiException
    {
        /// <summary>Creates the exception.</summary>
        public ZoomApiException(ErrorKind kind, HttpStatusCode? statusCode, string vendorCode, string vendorMessage, string method, string path, string requestId, string rawBody, Exception innerException = null)
            : base(ApiKind.Zoom, kind, statusCode, vendorCode, vendorMessage, method, path, requestId, rawBody, innerException)
        {
        }
    }

    /// <summary>A HubSpot API call failed.</summary>
    public class HubSpotApiException : ZoomHubApiException
    {
        /// <summary>Creates the exception.</summary>
        public HubSpotApiException(ErrorKind kind, HttpStatusCode? statusCode, string vendorCode, string vendorMessage, string method, string path, string requestId, string rawBody, Exception innerException = null)
            : base(ApiKind.HubSpot, kind, statusCode, vendorCode, vendorMessage, method, path, requestId, rawBody, innerException)
        {
        }
    }

    /// <summary>A 429 the module did not (or may not) retry: the retry budget ran out, or a daily limit.</summary>
    public sealed class RateLimitExceededException : ZoomHubApiException
    {
        /// <summary>Creates the exception.</summary>
        public RateLimitExceededException(ApiKind api, string vendorCode, string vendorMessage, string method, string path, string requestId, string rawBody,
            TimeSpan? retryAfter, bool isDaily, DateTimeOffset? resetsAt)
            : base(api, ErrorKind.RateLimited, (HttpStatusCode)429, vendorCode,
                  isDaily && resetsAt.HasValue ? $"{vendorMessage} (daily limit; resets at {resetsAt.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)" : vendorMessage,
                  method, path, requestId, rawBody)
        {
            RetryAfter = retryAfter;
            IsDaily = isDaily;
            ResetsAt = resetsAt;
        }

        /// <summary>How long the service asked to wait.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>Whether this is a daily quota (never retried).</summary>
        public bool IsDaily { get; }

        /// <summary>When the daily quota resets.</summary>
        public DateTimeOffset? ResetsAt { get; }
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
}
