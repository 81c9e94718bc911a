using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;
using static ZoomHubPS.Sandbox.Zoom.ZoomApiHelpers;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary><c>GET /meetings/{meetingId}/recordings</c>: takes a webinar ID (latest instance) or an instance UUID.</summary>
    internal sealed class ZoomRecordingRoutes
    {
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
            ZoomWebinarRef reference = ZoomWebinarRef.Resolve(_state, request.RouteValue("meetingId"));
            ZoomInstance instance = reference.Result == ZoomRefResult.Found ? reference.Instance : null;
            if (instance == null || instance.Recording == null)
            {
                return SandboxResponse.ZoomError(HttpStatusCode.NotFound, 3301, "There is no recording for this meeting.");
            }

            ZoomWebinar w = reference.Webinar;
            ZoomRecording r = instance.Recording;
            var body = new JsonObject
            {
                ["uuid"] = instance.Uuid,
                ["id"] = w.Id,
                ["account_id"] = _state.AccountId,
                ["host_id"] = w.HostId,
                ["topic"] = w.Topic,
                ["type"] = w.Type.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["start_time"] = Date(instance.StartTime),
                ["duration"] = instance.Duration,
                ["total_size"] = r.FileList.Sum(f => f.FileSize),
                ["recording_count"] = r.FileList.Count,
                ["share_url"] = r.ShareUrl,
                ["password"] = r.Password,
                ["recording_play_passcode"] = r.RecordingPlayPasscode,
                ["recording_files"] = new JsonArray(r.FileList.Select(f => (JsonNode)new JsonObject
                {
                    ["id"] = f.Id,
                    ["meeting_id"] = instance.Uuid,
                    ["recording_start"] = Date(f.RecordingStart),
                    ["recording_end"] = Date(f.RecordingEnd),
                    ["file_type"] = f.FileType,
                    ["file_extension"] = f.FileType,
                    ["file_size"] = f.FileSize,
                    ["play_url"] = ZoomState.WebHost + "/rec/play/" + f.Id,
                    ["download_url"] = ZoomState.WebHost + "/rec/download/" + f.Id,
                    ["status"] = "completed",
                    ["recording_type"] = f.RecordingType,
                }).ToArray()),
                ["participant_audio_files"] = new JsonArray(),
            };
            if ((request.QueryValue("include_fields") ?? string.Empty).Contains("download_access_token"))
            {
                body["download_access_token"] = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9." + _state.Context.NewId(64) + "." + _state.Context.NewId(43);
            }

            return SandboxResponse.Json(HttpStatusCode.OK, body);
        }
    }
}
