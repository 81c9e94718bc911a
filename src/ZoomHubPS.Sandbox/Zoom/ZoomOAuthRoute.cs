using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// <c>POST /oauth/token</c> (Server-to-Server OAuth, <c>grant_type=account_credentials</c>) and the Bearer check
    /// of every <c>/v2</c> call. Errors use the OAuth shape <c>{"reason","error"}</c>, not Zoom's <c>{code,message}</c>.
    /// </summary>
    internal sealed class ZoomOAuthRoute
    {
        private readonly ZoomState _state;

        internal ZoomOAuthRoute(ZoomState state)
        {
            _state = state;
        }

        internal void Register(RouteTable routes)
        {
            // Minting a token changes no account data, so it is not a "write" for the fail-after-N-writes fault.
            routes.Add(SandboxApi.ZoomOAuth, HttpMethod.Post, "/oauth/token", "None", false, request =>
            {
                lock (_state.Gate)
                {
                    return Token(request);
                }
            });
        }

        private SandboxResponse Token(SandboxRequest request)
        {
            if (!TryReadBasic(request.Header("Authorization"), out string clientId, out string clientSecret))
            {
                // Zoom's 4706 text; a client that could not authenticate is invalid_client (401) in OAuth terms.
                return OAuthError(HttpStatusCode.Unauthorized, "invalid_client", "Client ID or client secret is missing");
            }

            if (clientId != _state.ClientId || clientSecret != _state.ClientSecret)
            {
                // Wording unconfirmed (FACTS §5.4); 401 as RFC 6749 prescribes for failed Basic client authentication.
                return OAuthError(HttpStatusCode.Unauthorized, "invalid_client", "Invalid client_id or client_secret");
            }

            // The SDK sends the grant in a form body, many clients in the query string: accept both, body first.
            Dictionary<string, string> form = ParseForm(request.Body);
            string grantType = Param(form, request, "grant_type");
            string accountId = Param(form, request, "account_id");
            if (string.IsNullOrEmpty(grantType))
            {
                return OAuthError(HttpStatusCode.BadRequest, "unsupported_grant_type", "Missing grant type");
            }

            if (grantType != "account_credentials")
            {
                return OAuthError(HttpStatusCode.BadRequest, "unsupported_grant_type", "Unsupported grant type");
            }

            if (string.IsNullOrEmpty(accountId) || accountId != _state.AccountId)
            {
                return OAuthError(HttpStatusCode.BadRequest, "invalid_grant", "Invalid account_id");
            }

            DateTimeOffset now = _state.Now;
            string token = NewJwt(now);
            _state.Tokens.Add(token, now);
            return SandboxResponse.Json(HttpStatusCode.OK, new JsonObject
            {
                ["access_token"] = token,
                ["token_type"] = "bearer",
                ["expires_in"] = (int)ZoomTokens.Lifetime.TotalSeconds,
                ["scope"] = string.Join(" ", _state.Scopes),
                ["api_url"] = ApiUrl(request.Uri),
            });
        }

        /// <summary>Null when the request may proceed; 401 code 124 otherwise.</summary>
        internal SandboxResponse Authenticate(SandboxRequest request)
        {
            if (request.Route != null && (request.Route.Api == SandboxApi.ZoomOAuth || _state.SelfAuthenticatedRoutes.Contains(request.Route)))
            {
                return null;
            }

            string header = request.Header("Authorization");
            string token = header != null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header.Substring(7).Trim() : null;
            lock (_state.Gate)
            {
                if (!_state.Tokens.IsValid(token, _state.Now))
                {
                    return SandboxResponse.ZoomError(HttpStatusCode.Unauthorized, 124, "Invalid access token.");
                }
            }

            request.Principal = "zoom:" + _state.AccountId;
            return null;
        }

        private static SandboxResponse OAuthError(HttpStatusCode status, string error, string reason)
            => SandboxResponse.Json(status, new JsonObject { ["reason"] = reason, ["error"] = error });

        /// <summary>
        /// The regional API base the real endpoint reports. In process that is the in-process API host; on the loopback
        /// host, the host that was called (it serves the API on the same port). Clients should not need it.
        /// </summary>
        private static string ApiUrl(Uri requestUri)
        {
            if (requestUri == null || !requestUri.IsAbsoluteUri || requestUri.Host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase))
            {
                return ZoomHubSandbox.InProcessZoomApiUri.GetLeftPart(UriPartial.Authority);
            }

            return requestUri.GetLeftPart(UriPartial.Authority);
        }

        private string NewJwt(DateTimeOffset now)
        {
            // Looks like Zoom's (header.payload.signature, base64url) but is only a random handle to the twin.
            string header = Base64Url("{\"alg\":\"HS512\",\"v\":\"2.0\",\"kid\":\"" + _state.Context.NewId(22) + "\"}");
            long iat = now.ToUnixTimeSeconds();
            string payload = Base64Url("{\"aud\":\"https://oauth.zoom.us\",\"uid\":\"" + _state.Context.NewId(22) + "\",\"ver\":10,\"auid\":\""
                + _state.Context.NewId(32) + "\",\"nbf\":" + iat + ",\"iss\":\"zm:cid:" + _state.ClientId + "\",\"gno\":0,\"exp\":"
                + (iat + (long)ZoomTokens.Lifetime.TotalSeconds) + ",\"iat\":" + iat + ",\"aid\":\"" + _state.AccountId + "\",\"jti\":\""
                + _state.Context.NewId(36) + "\"}");
            return header + "." + payload + "." + _state.Context.NewId(86);
        }

        private static string Base64Url(string text)
            => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        private static bool TryReadBasic(string header, out string user, out string password)
        {
            user = null;
            password = null;
            if (header == null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            try
            {
                string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6).Trim()));
                int colon = decoded.IndexOf(':');
                if (colon <= 0)
                {
                    return false;
                }

                user = decoded.Substring(0, colon);
                password = decoded.Substring(colon + 1);
                return password.Length > 0;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        private static string Param(Dictionary<string, string> form, SandboxRequest request, string name)
            => form.TryGetValue(name, out string value) && !string.IsNullOrEmpty(value) ? value : request.QueryValue(name);

        private static Dictionary<string, string> ParseForm(string body)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (string.IsNullOrWhiteSpace(body) || body.TrimStart().StartsWith("{", StringComparison.Ordinal))
            {
                return result;
            }

            foreach (string pair in body.Split('&'))
            {
                int eq = pair.IndexOf('=');
                if (eq <= 0)
                {
                    continue;
                }

                result[Uri.UnescapeDataString(pair.Substring(0, eq).Replace('+', ' '))] = Uri.UnescapeDataString(pair.Substring(eq + 1).Replace('+', ' '));
            }

            return result;
        }
    }
}
