using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;

namespace ZoomHubPS.Core.Http
{
    /// <summary>HubSpot: <c>{status, message, correlationId, category, policyName, errors[]}</c> bodies; ten-secondly, search and daily limits (FACTS §2.8, §F).</summary>
    internal sealed class HubSpotProfile : ApiProfile
    {
        public override ApiKind Api => ApiKind.HubSpot;

        /// <summary>
        /// Where the portal's daily limit resets at midnight when a daily 429 names no time: the portal's time zone,
        /// set once the connection has read the account details (null = UTC).
        /// </summary>
        public TimeZoneInfo DailyResetZone { get; set; }

        protected override string RequestIdHeader => "X-HubSpot-Correlation-Id";

        protected override void ReadBody(JsonElement root, VendorError error)
        {
            error.Code = Text(root, "category") ?? Text(root, "errorType");
            error.Message = Text(root, "message");
            error.RequestId = Text(root, "correlationId");
            error.Policy = Text(root, "policyName");
            if (root.TryGetProperty("errors", out JsonElement errs) && errs.ValueKind == JsonValueKind.Array && errs.GetArrayLength() > 0)
            {
                string details = string.Join("; ", errs.EnumerateArray().Select(e => Text(e, "message")).Where(m => m != null));
                if (!string.IsNullOrEmpty(details) && details != error.Message) error.Message = error.Message + " " + details;
                string scopes = RequiredScopes(errs);
                if (scopes != null) error.Message = error.Message + " Required (any one): " + scopes + ".";
            }
        }

        // A 403 MISSING_SCOPES names the scopes in errors[].context.requiredGranularScopes (FACTS §E), not in its message
        // ("One or more of the following scopes are required."): say them, so the user knows what to grant.
        private static string RequiredScopes(JsonElement errors)
        {
            var scopes = errors.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("context", out JsonElement c) && c.ValueKind == JsonValueKind.Object
                    && c.TryGetProperty("requiredGranularScopes", out JsonElement r) && r.ValueKind == JsonValueKind.Array)
                .SelectMany(e => e.GetProperty("context").GetProperty("requiredGranularScopes").EnumerateArray())
                .Where(v => v.ValueKind == JsonValueKind.String)
                .Select(v => v.GetString())
                .Distinct()
                .ToList();
            return scopes.Count == 0 ? null : string.Join(", ", scopes);
        }

        public override bool IsDaily(HttpResponseMessage response, VendorError error)
            => string.Equals(error.Policy, "DAILY", StringComparison.OrdinalIgnoreCase)
               || (error.Message != null && error.Message.IndexOf("daily limit", StringComparison.OrdinalIgnoreCase) >= 0);

        public override TimeSpan LimitWindow(HttpResponseMessage response, int attempt)
        {
            // The ten-secondly limit announces its window; search (no rate headers, 5 per second) resets each second. A
            // ten-secondly 429 without the header still means the rolling 10 s window.
            string interval = Header(response, "X-HubSpot-RateLimit-Interval-Milliseconds");
            if (interval != null && int.TryParse(interval, out int ms)) return TimeSpan.FromMilliseconds(Math.Min(ms, 10_000));
            bool search = response.RequestMessage?.RequestUri?.AbsolutePath.EndsWith("/search", StringComparison.Ordinal) == true;
            return search ? TimeSpan.FromSeconds(Math.Min(attempt + 1, 5)) : TimeSpan.FromSeconds(10);
        }

        // HubSpot's daily limit resets at midnight in the portal's time zone (FACTS §2.8).
        public override DateTimeOffset DefaultDailyReset(TimeProvider clock) => NextMidnight(clock, DailyResetZone);
    }
}
