using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// <c>POST /oauth/v2/private-apps/get/access-token-info</c> (FACTS §E): body <c>{"tokenKey":"pat-…"}</c> →
    /// <c>{userId, hubId, appId, scopes[]}</c>, no scope needed. An app seeded without a scope list holds every scope the
    /// twin's routes check, and says so. A token no app holds answers 401 INVALID_AUTHENTICATION (real wording
    /// unconfirmed; the client treats any failure as "scopes unknown").
    /// </summary>
    internal static class TokenInfoRoutes
    {
        internal const string Path = "/oauth/v2/private-apps/get/access-token-info";

        internal static void Register(HubSpotRouter router)
        {
            HubSpotState s = router.State;
            router.Post(Path, null, (r, caller) => Info(s, router, r), isWrite: false);
        }

        private static SandboxResponse Info(HubSpotState state, HubSpotRouter router, SandboxRequest request)
        {
            string tokenKey;
            try
            {
                tokenKey = request.Json()?["tokenKey"]?.GetValue<string>();
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is FormatException)
            {
                return HubSpotJson.BadRequest("Invalid input JSON: tokenKey must be a string.");
            }

            if (string.IsNullOrEmpty(tokenKey))
            {
                return HubSpotJson.BadRequest("tokenKey is required.");
            }

            HubSpotApp app = state.Apps.ByToken(tokenKey);
            if (app == null)
            {
                return HubSpotJson.Error(HttpStatusCode.Unauthorized, "INVALID_AUTHENTICATION", "The access token is not valid for any private app in this portal.");
            }

            var scopes = new JsonArray();
            foreach (string scope in (app.Scopes ?? router.CheckedScopes).OrderBy(x => x, StringComparer.Ordinal))
            {
                scopes.Add(scope);
            }

            var body = new JsonObject
            {
                ["userId"] = 9100001,
                ["hubId"] = state.PortalId,
                ["appId"] = app.AppId,
                ["scopes"] = scopes,
            };
            return SandboxResponse.Json(HttpStatusCode.OK, body);
        }
    }
}
