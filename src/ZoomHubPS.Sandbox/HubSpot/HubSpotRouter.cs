using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// Registers HubSpot routes (each with the scope it needs), runs every handler under the twin's lock with the calling
    /// app, and answers authentication: Bearer token → app, else 401 INVALID_AUTHENTICATION; missing scope → 403 MISSING_SCOPES.
    /// </summary>
    internal sealed class HubSpotRouter
    {
        internal const string Standard = "Standard";
        internal const string Search = "Search";
        private const string PrincipalPrefix = "hubspot-app:";
        private const string DeveloperPrincipal = "hubspot-developer";

        private readonly RouteTable _routes;
        private readonly HubSpotState _state;
        private readonly Dictionary<SandboxRoute, Rule> _rules = new Dictionary<SandboxRoute, Rule>();

        internal HubSpotRouter(RouteTable routes, HubSpotState state)
        {
            _routes = routes;
            _state = state;
        }

        internal HubSpotState State => _state;

        /// <summary>Every scope some route checks (each alternative of "a|b"): what an app seeded with "every scope" holds.</summary>
        internal IReadOnlyCollection<string> CheckedScopes
        {
            get
            {
                var scopes = new HashSet<string>(StringComparer.Ordinal);
                foreach (Rule rule in _rules.Values)
                {
                    if (rule.Scope == null) continue;
                    foreach (string s in rule.Scope.Split('|')) scopes.Add(s);
                }

                return scopes;
            }
        }

        internal void Get(string template, string scope, Func<SandboxRequest, HubSpotApp, SandboxResponse> handle, string bucket = Standard, bool developerKey = false)
            => Add(HttpMethod.Get, template, scope, false, handle, bucket, developerKey);

        internal void Post(string template, string scope, Func<SandboxRequest, HubSpotApp, SandboxResponse> handle, string bucket = Standard, bool developerKey = false, bool isWrite = true)
            => Add(HttpMethod.Post, template, scope, isWrite, handle, bucket, developerKey);

        internal void Put(string template, string scope, Func<SandboxRequest, HubSpotApp, SandboxResponse> handle, bool developerKey = false)
            => Add(HttpMethod.Put, template, scope, true, handle, Standard, developerKey);

        internal void Patch(string template, string scope, Func<SandboxRequest, HubSpotApp, SandboxResponse> handle)
            => Add(new HttpMethod("PATCH"), template, scope, true, handle, Standard, false);

        internal void Delete(string template, string scope, Func<SandboxRequest, HubSpotApp, SandboxResponse> handle, bool developerKey = false)
            => Add(HttpMethod.Delete, template, scope, true, handle, Standard, developerKey);

        /// <summary>Null when the request may proceed; otherwise the 401/403 to answer. Sets <see cref="SandboxRequest.Principal"/>.</summary>
        internal SandboxResponse Authenticate(SandboxRequest request)
        {
            _rules.TryGetValue(request.Route, out Rule rule);
            string authorization = request.Header("Authorization");
            string token = null;
            if (authorization != null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                token = authorization.Substring(7).Trim();
            }

            lock (_state.Gate)
            {
                if (token == null && rule != null && rule.DeveloperKey)
                {
                    string key = request.QueryValue("hapikey");
                    if (key != null && string.Equals(key, _state.DeveloperApiKey, StringComparison.Ordinal))
                    {
                        request.Principal = DeveloperPrincipal;
                        return null;
                    }
                }

                HubSpotApp app = _state.Apps.ByToken(token);
                if (app == null)
                {
                    return HubSpotJson.Error(HttpStatusCode.Unauthorized, "INVALID_AUTHENTICATION",
                        "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview");
                }

                request.Principal = PrincipalPrefix + app.AppId.ToString(CultureInfo.InvariantCulture);
                if (rule != null && !app.HasScope(rule.Scope))
                {
                    var detail = new JsonObject
                    {
                        ["message"] = "One or more of the following scopes are required.",
                        ["context"] = new JsonObject { ["requiredGranularScopes"] = ScopeList(app.MissingScopes(rule.Scope)) },
                    };
                    return HubSpotJson.Error(HttpStatusCode.Forbidden, "MISSING_SCOPES",
                        "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
                        errors: new JsonArray(detail), links: new JsonObject { ["scopes"] = "https://developers.hubspot.com/scopes" });
                }
            }

            return null;
        }

        private static JsonArray ScopeList(IEnumerable<string> scopes)
        {
            var list = new JsonArray();
            foreach (string s in scopes)
            {
                list.Add(s);
            }

            return list;
        }

        private HubSpotApp Caller(SandboxRequest request)
        {
            string principal = request.Principal;
            if (principal != null && principal.StartsWith(PrincipalPrefix, StringComparison.Ordinal)
                && long.TryParse(principal.Substring(PrincipalPrefix.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out long appId))
            {
                return _state.Apps.ById(appId) ?? _state.Apps.Default;
            }

            return _state.Apps.Default;
        }

        private void Add(HttpMethod method, string template, string scope, bool isWrite, Func<SandboxRequest, HubSpotApp, SandboxResponse> handle, string bucket, bool developerKey)
        {
            SandboxRoute route = _routes.Add(SandboxApi.HubSpot, method, template, bucket, isWrite, request =>
            {
                SandboxResponse response;
                lock (_state.Gate)
                {
                    response = handle(request, Caller(request));
                }

                response.Headers["X-HubSpot-Correlation-Id"] = Guid.NewGuid().ToString();
                return response;
            });
            _rules[route] = new Rule(scope, developerKey);
        }

        private sealed class Rule
        {
            internal Rule(string scope, bool developerKey)
            {
                Scope = scope;
                DeveloperKey = developerKey;
            }

            internal string Scope { get; }

            internal bool DeveloperKey { get; }
        }
    }
}
