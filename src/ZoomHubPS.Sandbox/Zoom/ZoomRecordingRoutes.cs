using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;
using static ZoomHubPS.Sandbox.Zoom.ZoomApiHelpers;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// <c>GET /meetings/{meetingId}/recordings</c> (FACTS §1.9, §B): takes a webinar ID (latest instance) or an instance
    /// UUID (double-encoded when it starts with "/" or holds "//"); <c>include_fields=download_access_token</c> with an
    /// optional <c>ttl</c> (0 to 604800 seconds) adds a token that downloads this instance's files.
    /// </summary>
    internal sealed class ZoomRecordingRoutes
    {
        /// <summary>The spec's <c>ttl</c> maximum (7 days).</summary>
        internal const int MaxTtlSeconds = 604800;

        /// <summary>Lifetime of a download token requested without <c>ttl</c> (unconfirmed; one hour, the shorter side).</summary>
        internal static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(1);

        private readonly ZoomState _state;

        internal ZoomRecordingRoutes(ZoomState state)
        {
            _state = state;
        }

        internal void Register(ZoomRoutes routes)
        {
            routes.Get("/v2/meetings/{meetingId}/recordings", ZoomRoutes.Light, Recordings);
        }

        private SandboxResponse Recordings(SandboxRequest request)
        {
            bool wantsToken = (request.QueryValue("include_fields") ?? string.Empty).Split(',').Any(f => f.Trim() == "download_access_token");
            TimeSpan lifetime = DefaultTokenLifetime;
            string ttl = request.QueryValue("ttl");
            if (wantsToken && !string.IsNullOrEmpty(ttl))
            {
                // Out of the spec's range is a validation error (the spec declares the bounds, not the message: ours).
                if (!int.TryParse(ttl, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seconds) || seconds < 0 || seconds > MaxTtlSeconds)
                {
                    return Validation("ttl", "ttl must be an integer from 0 to " + MaxTtlSeconds.ToString(CultureInfo.InvariantCulture) + ".");
                }

                lifetime = seconds == 0 ? DefaultTokenLifetime : TimeSpan.FromSeconds(seconds);
            }

            ZoomWebinarRef reference = ZoomWebinarRef.Resolve(_state, request.RouteValue("meetingId"));
            ZoomInstance instance = reference.Result == ZoomRefResult.Found ? reference.Instance : null;
            if (instance == null || instance.Recording == null)
            {
                return NoRecording();
            }

            JsonObject body = ZoomRecordingJson.Recording(_state, reference.Webinar, instance, request, userList: false);
            if (wantsToken)
            {
                body["download_access_token"] = _state.Recordings.IssueAccessToken(instance.Uuid, _state.Now + lifetime, _state.Context);
            }

            return SandboxResponse.Json(HttpStatusCode.OK, body);
        }

        /// <summary>404 code 3301, the spec's text for this endpoint.</summary>
        internal static SandboxResponse NoRecording()
            => SandboxResponse.ZoomError(HttpStatusCode.NotFound, 3301, "There is no recording for this meeting.");
    }
}
