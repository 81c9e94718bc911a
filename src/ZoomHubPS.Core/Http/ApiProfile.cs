using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace ZoomHubPS.Core.Http
{
    /// <summary>What an error body said, once parsed by the API's profile.</summary>
    internal sealed class VendorError
    {
        public string Code { get; set; }

        public string Message { get; set; }

        public string RequestId { get; set; }

        /// <summary>HubSpot's <c>policyName</c> on a 429 (TEN_SECONDLY_ROLLING, DAILY, SECONDLY).</summary>
        public string Policy { get; set; }
    }

    /// <summary>
    /// Everything that differs between the APIs in how a failed response reads: the error body, which statuses and
    /// codes mean what, how long a limit asks to wait, and when a daily quota resets. <see cref="ApiConnection"/> holds
    /// one profile and never branches on the API itself.
    /// </summary>
    internal abstract class ApiProfile
    {
        public abstract ApiKind Api { get; }

        /// <summary>The header that carries the service's request id.</summary>
        protected abstract string RequestIdHeader { get; }

        /// <summary>Reads the service's fields from an error body (null or non-JSON bodies keep the status only).</summary>
        protected abstract void ReadBody(JsonElement root, VendorError error);

        /// <summary>Whether a 429 is a daily quota (never retried within a call).</summary>
        public abstract bool IsDaily(HttpResponseMessage response, VendorError error);

        /// <summary>How long a 429 without Retry-After means to wait.</summary>
        public abstract TimeSpan LimitWindow(HttpResponseMessage response, int attempt);

        /// <summary>When a daily quota comes back, when the response does not say.</summary>
        public abstract DateTimeOffset DefaultDailyReset(TimeProvider clock);

        /// <summary>A 401 worth one token refresh and one more try (Zoom: code 124).</summary>
        public virtual bool IsExpiredToken(ZoomHubApiException error) => false;

        /// <summary>An error code that turns a status into another kind (Zoom's 400 "does not exist" codes).</summary>
        protected virtual ErrorKind? KindOfCode(int status, string code) => null;

        public VendorError Parse(HttpResponseMessage response, string body)
        {
            var error = new VendorError();
            if (!string.IsNullOrWhiteSpace(body))
            {
                try
                {
                    using (JsonDocument doc = JsonDocument.Parse(body))
                    {
                        if (doc.RootElement.ValueKind == JsonValueKind.Object) ReadBody(doc.RootElement, error);
                    }
                }
                catch (JsonException)
                {
                    error.Message = body.Length > 300 ? body.Substring(0, 300) : body;
                }
            }

            error.RequestId = error.RequestId ?? Header(response, RequestIdHeader);
            error.Message = error.Message ?? response.ReasonPhrase;
            return error;
        }

        public ErrorKind Classify(HttpStatusCode status, string code)
        {
            int s = (int)status;
            ErrorKind? byCode = KindOfCode(s, code);
            if (byCode.HasValue) return byCode.Value;
            switch (s)
            {
                case 400:
                case 422: return ErrorKind.Validation;
                case 401: return ErrorKind.Authentication;
                case 403: return ErrorKind.PermissionDenied;
                case 404: return ErrorKind.NotFound;
                case 409: return ErrorKind.Conflict;
                case 429: return ErrorKind.RateLimited;
                default: return s >= 500 ? ErrorKind.ServerError : ErrorKind.Other;
            }
        }

        /// <summary>Statuses a retry may cure. 423 and 477 are HubSpot's "locked"/"migration in progress".</summary>
        public static bool IsTransient(int status) => status == 429 || status == 500 || status == 502 || status == 503 || status == 504 || status == 423 || status == 477;

        /// <summary>
        /// The moment Retry-After names, on the connection's clock: seconds from now, or an HTTP date / ISO timestamp
        /// (Zoom's daily limits). A date is read against the response's own <c>Date</c> (the server's clock), so a client
        /// clock that runs ahead or behind does not turn a wait into "now"; a response without <c>Date</c> is taken at its
        /// word. Null when the header is absent or unreadable.
        /// </summary>
        public static DateTimeOffset? RetryAt(HttpResponseMessage response, TimeProvider clock)
        {
            DateTimeOffset now = clock.GetUtcNow();
            var header = response.Headers.RetryAfter;
            if (header?.Delta != null) return now + header.Delta.Value;
            DateTimeOffset? at = header?.Date;
            if (at == null)
            {
                string raw = Header(response, "Retry-After");
                if (raw == null) return null;
                if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)) return now + TimeSpan.FromSeconds(Math.Max(0, seconds));
                if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset parsed)) return null;
                at = parsed;
            }

            DateTimeOffset? serverNow = response.Headers.Date;
            return serverNow.HasValue ? now + (at.Value - serverNow.Value) : at.Value;
        }

        /// <summary>How long Retry-After asks to wait from now (never negative); null when it names nothing.</summary>
        public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock)
        {
            DateTimeOffset? at = RetryAt(response, clock);
            if (at == null) return null;
            TimeSpan wait = at.Value - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        public static string Header(HttpResponseMessage response, string name)
        {
            if (name == null) return null;
            if (response.Headers.TryGetValues(name, out var values)) return values.FirstOrDefault();
            if (response.Content != null && response.Content.Headers.TryGetValues(name, out values)) return values.FirstOrDefault();
            return null;
        }

        protected static string Text(JsonElement e, string name)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out JsonElement v)) return null;
            switch (v.ValueKind)
            {
                case JsonValueKind.String: return v.GetString();
                case JsonValueKind.Number: return v.GetRawText();
                case JsonValueKind.True: return "true";
                case JsonValueKind.False: return "false";
                default: return null;
            }
        }

        /// <summary>The next midnight in <paramref name="zone"/> (UTC when null).</summary>
        internal static DateTimeOffset NextMidnight(TimeProvider clock, TimeZoneInfo zone)
        {
            DateTimeOffset now = clock.GetUtcNow();
            zone = zone ?? TimeZoneInfo.Utc;
            DateTime nextLocalMidnight = TimeZoneInfo.ConvertTime(now, zone).Date.AddDays(1);
            return new DateTimeOffset(nextLocalMidnight, zone.GetUtcOffset(nextLocalMidnight)).ToUniversalTime();
        }
    }
}
