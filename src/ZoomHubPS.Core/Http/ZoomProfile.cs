using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.Http
{
    /// <summary>Zoom REST API v2: <c>{code, message, errors[]}</c> bodies, per-second and daily limits (FACTS §1.2, §1.10).</summary>
    internal sealed class ZoomProfile : ApiProfile
    {
        public override ApiKind Api => ApiKind.Zoom;

        protected override string RequestIdHeader => "x-zm-trackingid";

        protected override void ReadBody(JsonElement root, VendorError error)
        {
            error.Code = Text(root, "code") ?? Text(root, "error");
            error.Message = Text(root, "message") ?? Text(root, "reason");
            if (root.TryGetProperty("errors", out JsonElement errs) && errs.ValueKind == JsonValueKind.Array && errs.GetArrayLength() > 0)
            {
                error.Message += " " + string.Join("; ", errs.EnumerateArray().Select(e => $"{Text(e, "field")}: {Text(e, "message")}"));
            }
        }

        protected override ErrorKind? KindOfCode(int status, string code)
        {
            if (status != 400 || !int.TryParse(code, out int c)) return null;
            if (ZoomErrorCodes.MeansNotFound(c)) return ErrorKind.NotFound;
            if (c == ZoomErrorCodes.MissingScopes || c == ZoomErrorCodes.FeatureNotAvailable) return ErrorKind.PermissionDenied;
            return null;
        }

        public override bool IsDaily(HttpResponseMessage response, VendorError error)
        {
            string type = Header(response, "X-RateLimit-Type");
            return (type != null && type.IndexOf("daily", StringComparison.OrdinalIgnoreCase) >= 0)
                || (error.Message != null && error.Message.IndexOf("daily", StringComparison.OrdinalIgnoreCase) >= 0);
        }

        // Zoom's per-second limits reset with the next clock second.
        public override TimeSpan LimitWindow(HttpResponseMessage response, int attempt) => TimeSpan.FromSeconds(1);

        // Zoom's daily counters reset at 00:00 UTC (FACTS §1.10).
        public override DateTimeOffset DefaultDailyReset(TimeProvider clock) => NextMidnight(clock, TimeZoneInfo.Utc);

        public override bool IsExpiredToken(ZoomHubApiException error)
            => error.Kind == ErrorKind.Authentication && error.ZoomCode == ZoomErrorCodes.InvalidAccessToken;
    }

    /// <summary>
    /// Zoom's OAuth token endpoint: OAuth-style <c>{reason, error}</c> bodies. A refused credential is an
    /// authentication failure whatever the status, and the message says which part was refused.
    /// </summary>
    internal sealed class ZoomOAuthProfile : ApiProfile
    {
        public override ApiKind Api => ApiKind.Zoom;

        protected override string RequestIdHeader => "x-zm-trackingid";

        protected override void ReadBody(JsonElement root, VendorError error)
        {
            error.Code = Text(root, "error") ?? Text(root, "code");
            string reason = Text(root, "reason") ?? Text(root, "message");
            switch (error.Code)
            {
                case "invalid_client":
                    error.Message = $"Zoom rejected the client id or client secret (invalid_client: {reason}).";
                    break;
                case "invalid_grant":
                    error.Message = $"Zoom rejected the account id for this app (invalid_grant: {reason}).";
                    break;
                default:
                    error.Message = $"Zoom's token endpoint refused the request ({error.Code ?? "no error code"}: {reason}).";
                    break;
            }
        }

        protected override ErrorKind? KindOfCode(int status, string code) => status >= 400 && status < 500 && status != 429 ? ErrorKind.Authentication : (ErrorKind?)null;

        public override bool IsDaily(HttpResponseMessage response, VendorError error) => false;

        public override TimeSpan LimitWindow(HttpResponseMessage response, int attempt) => TimeSpan.FromSeconds(1);

        public override DateTimeOffset DefaultDailyReset(TimeProvider clock) => NextMidnight(clock, TimeZoneInfo.Utc);
    }
}
