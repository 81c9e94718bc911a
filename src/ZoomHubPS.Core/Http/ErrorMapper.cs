using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace ZoomHubPS.Core.Http
{
    /// <summary>The one table from an HTTP failure to a typed exception, per service.</summary>
    internal static class ErrorMapper
    {
        public static ZoomHubApiException FromResponse(ApiKind api, HttpResponseMessage response, string body, string method, string path, TimeProvider clock, TimeZoneInfo dailyResetZone = null)
        {
            HttpStatusCode status = response.StatusCode;
            string code = null, message = null, requestId = null;
            string policy = null;
            if (!string.IsNullOrWhiteSpace(body))
            {
                try
                {
                    using (JsonDocument doc = JsonDocument.Parse(body))
                    {
                        JsonElement root = doc.RootElement;
                        if (root.ValueKind == JsonValueKind.Object)
                        {
                            if (api == ApiKind.Zoom)
                            {
                                code = Text(root, "code");
                                message = Text(root, "message") ?? Text(root, "reason");
                                if (code == null && Text(root, "error") is string oauthError) code = oauthError;
                                if (root.TryGetProperty("errors", out JsonElement errs) && errs.ValueKind == JsonValueKind.Array && errs.GetArrayLength() > 0)
                                {
                                    message += " " + string.Join("; ", errs.EnumerateArray().Select(e => $"{Text(e, "field")}: {Text(e, "message")}"));
                                }
                            }
                            else
                            {
                                code = Text(root, "category") ?? Text(root, "errorType");
                                message = Text(root, "message");
                                requestId = Text(root, "correlationId");
                                policy = Text(root, "policyName");
                                if (root.TryGetProperty("errors", out JsonElement errs) && errs.ValueKind == JsonValueKind.Array && errs.GetArrayLength() > 0)
                                {
                                    string details = string.Join("; ", errs.EnumerateArray().Select(e => Text(e, "message")).Where(m => m != null));
                                    if (!string.IsNullOrEmpty(details) && details != message) message = message + " " + details;
                                }
                            }
                        }
                    }
                }
                catch (JsonException)
                {
                    message = body.Length > 300 ? body.Substring(0, 300) : body;
                }
            }

            if (requestId == null)
            {
                requestId = Header(response, "x-zm-trackingid") ?? Header(response, "X-HubSpot-Correlation-Id");
            }

            message = message ?? response.ReasonPhrase;

            if ((int)status == 429)
            {
                bool daily = IsDaily(api, response, message, policy);
                TimeSpan? retryAfter = RetryAfter(response, clock);
                DateTimeOffset? resetsAt = null;
                if (daily)
                {
                    resetsAt = retryAfter.HasValue ? clock.GetUtcNow() + retryAfter.Value : NextMidnight(clock, dailyResetZone);
                }

                return new RateLimitExceededException(api, code ?? "429", message, method, path, requestId, body, retryAfter, daily, resetsAt);
            }

            ErrorKind kind = Classify(api, status, code);
            return api == ApiKind.Zoom
                ? (ZoomHubApiException)new ZoomApiException(kind, status, code, message, method, path, requestId, body)
                : new HubSpotApiException(kind, status, code, message, method, path, requestId, body);
        }

        public static ErrorKind Classify(ApiKind api, HttpStatusCode status, string code)
        {
            switch ((int)status)
            {
                case 400:
                case 422:
                    // Zoom answers some "does not exist" cases with 400 and its own codes.
                    if (api == ApiKind.Zoom && (code == "3001" || code == "3079" || code == "3301" || code == "1001")) return ErrorKind.NotFound;
                    return ErrorKind.Validation;
                case 401: return ErrorKind.Authentication;
                case 403: return ErrorKind.PermissionDenied;
                case 404: return ErrorKind.NotFound;
                case 409: return ErrorKind.Conflict;
                case 429: return ErrorKind.RateLimited;
                default:
                    return (int)status >= 500 ? ErrorKind.ServerError : ErrorKind.Other;
            }
        }

        public static bool IsDaily(ApiKind api, HttpResponseMessage response, string message, string policy)
        {
            if (api == ApiKind.HubSpot)
            {
                return string.Equals(policy, "DAILY", StringComparison.OrdinalIgnoreCase)
                    || (message != null && message.IndexOf("daily limit", StringComparison.OrdinalIgnoreCase) >= 0);
            }

            string type = Header(response, "X-RateLimit-Type");
            return (type != null && type.IndexOf("daily", StringComparison.OrdinalIgnoreCase) >= 0)
                || (message != null && message.IndexOf("daily", StringComparison.OrdinalIgnoreCase) >= 0);
        }

        /// <summary>Retry-After as seconds, an HTTP date, or an ISO timestamp (Zoom's daily limits).</summary>
        public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock)
        {
            var header = response.Headers.RetryAfter;
            if (header != null)
            {
                if (header.Delta.HasValue) return header.Delta.Value;
                if (header.Date.HasValue) return Max0(header.Date.Value - clock.GetUtcNow());
            }

            string raw = Header(response, "Retry-After");
            if (raw == null) return null;
            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)) return TimeSpan.FromSeconds(seconds);
            if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset at))
            {
                return Max0(at - clock.GetUtcNow());
            }

            return null;
        }

        public static string Header(HttpResponseMessage response, string name)
        {
            if (response.Headers.TryGetValues(name, out var values)) return values.FirstOrDefault();
            if (response.Content != null && response.Content.Headers.TryGetValues(name, out values)) return values.FirstOrDefault();
            return null;
        }

        private static TimeSpan Max0(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;

        /// <summary>
        /// The next midnight in <paramref name="zone"/> (UTC when null): Zoom's daily limits reset at 00:00 UTC, HubSpot's
        /// at midnight in the portal's time zone (FACTS §1.10, §2.8).
        /// </summary>
        internal static DateTimeOffset NextMidnight(TimeProvider clock, TimeZoneInfo zone)
        {
            DateTimeOffset now = clock.GetUtcNow();
            zone = zone ?? TimeZoneInfo.Utc;
            DateTime nextLocalMidnight = TimeZoneInfo.ConvertTime(now, zone).Date.AddDays(1);
            return new DateTimeOffset(nextLocalMidnight, zone.GetUtcOffset(nextLocalMidnight)).ToUniversalTime();
        }

        private static string Text(JsonElement e, string name)
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
    }
}
