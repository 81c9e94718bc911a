using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;
using ZoomHubPS.Sandbox.Journal;
using ZoomHubPS.Sandbox.Limits;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// Account endpoints: <c>GET /account-info/v3/details</c> (what Connect uses to check the HubSpot side) and the
    /// private-app daily usage, counted from the request journal since midnight in the portal's time zone (FACTS §2.8).
    /// </summary>
    internal static class AccountRoutes
    {
        internal static void Register(HubSpotRouter router)
        {
            HubSpotState s = router.State;
            router.Get("/account-info/v3/details", null, (r, app) => Details(s));
            router.Get("/account-info/v3/api-usage/daily/private-apps", null, (r, app) => Usage(s, r));
        }

        /// <summary>The daily request allowance of a tier (FACTS §2.8).</summary>
        internal static int DailyLimit(string tier)
        {
            switch ((tier ?? string.Empty).ToLowerInvariant())
            {
                case "free":
                case "starter": return 250000;
                case "enterprise": return 1000000;
                default: return 625000;
            }
        }

        internal static TimeZoneInfo Zone(HubSpotState state) => LimitOptions.Zone(state.TimeZone);

        private static SandboxResponse Details(HubSpotState state)
        {
            TimeSpan offset = Zone(state).GetUtcOffset(state.Now);
            string sign = offset < TimeSpan.Zero ? "-" : "+";
            TimeSpan abs = offset.Duration();
            var body = new JsonObject
            {
                ["portalId"] = state.PortalId,
                ["accountType"] = "STANDARD",
                ["timeZone"] = state.TimeZone,
                ["companyCurrency"] = state.CompanyCurrency,
                ["additionalCurrencies"] = new JsonArray(),
                ["utcOffset"] = sign + abs.Hours.ToString("00", CultureInfo.InvariantCulture) + ":" + abs.Minutes.ToString("00", CultureInfo.InvariantCulture),
                ["utcOffsetMilliseconds"] = (long)offset.TotalMilliseconds,
                ["uiDomain"] = "app.hubspot.com",
                ["dataHostingLocation"] = "na1",
            };
            return SandboxResponse.Json(HttpStatusCode.OK, body);
        }

        private static SandboxResponse Usage(HubSpotState state, SandboxRequest request)
        {
            DateTimeOffset now = state.Now;

            // With limits on, the figures are the limiter's own (the limit the twin enforces, which a test or
            // Start-ZoomHubSandbox -Limits may have changed), and the limiter counted this call when it admitted it;
            // without, the tier's allowance and the journal's count, which records a request only once it is answered,
            // so this call is not counted yet. (FACTS does not say which the real API does; either is within one call.)
            int limit, used;
            DateTimeOffset resets;
            var enforced = state.Context.Limits?.HubSpotDailyUsage();
            if (enforced.HasValue)
            {
                (limit, used, resets) = enforced.Value;
            }
            else
            {
                TimeZoneInfo zone = Zone(state);
                DateTimeOffset midnight = LimitOptions.Midnight(now, zone, 0);
                limit = DailyLimit(state.Tier);
                used = state.Context.Journal.Entries.Count(e => e.Api == "HubSpot" && e.At >= midnight && e.Status != 429);
                resets = LimitOptions.Midnight(now, zone, 1);
            }

            var item = new JsonObject
            {
                ["name"] = "private-apps-api-calls-daily",
                ["usageLimit"] = limit,
                ["currentUsage"] = used,
                ["collectedAt"] = HubSpotJson.Iso(now),
                ["fetchStatus"] = "SUCCESS",
                ["resetsAt"] = HubSpotJson.Iso(resets),
            };
            return SandboxResponse.Json(HttpStatusCode.OK, new JsonObject { ["results"] = new JsonArray(item) });
        }
    }
}
