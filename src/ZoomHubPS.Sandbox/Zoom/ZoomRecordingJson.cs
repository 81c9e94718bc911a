using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;
using static ZoomHubPS.Sandbox.Zoom.ZoomApiHelpers;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// The recording object of <c>GET /meetings/{meetingId}/recordings</c> and the items of
    /// <c>GET /users/{userId}/recordings</c> (which lack <c>share_url</c>, <c>password</c> and the participant audio files),
    /// with the links a client follows pointing at the host it called.
    /// </summary>
    internal static class ZoomRecordingJson
    {
        /// <summary>File-host name of the in-process twin (downloads redirect there).</summary>
        internal const string InProcessFileHost = "https://ssrweb.zoom.sandbox.zoomhub.invalid";

        /// <summary>
        /// Where download links point: the sandbox web host in process; the host that was called on the loopback host
        /// (it serves every route on one port), so a client can follow them.
        /// </summary>
        internal static string WebBase(SandboxRequest request) => IsInProcess(request) ? ZoomState.WebHost : Authority(request);

        /// <summary>Where downloads redirect to (Zoom's file host, ssrweb).</summary>
        internal static string FileHostBase(SandboxRequest request) => IsInProcess(request) ? InProcessFileHost : Authority(request);

        /// <summary>One recording (an instance's). <paramref name="userList"/> gives the shape of the user list's items.</summary>
        internal static JsonObject Recording(ZoomState state, ZoomWebinar w, ZoomInstance instance, SandboxRequest request, bool userList)
        {
            ZoomRecording r = instance.Recording;
            IReadOnlyList<ZoomRecordingFile> files = r.FilesAt(state.Now);
            var body = new JsonObject
            {
                ["uuid"] = instance.Uuid,
                ["id"] = w.Id,
                ["account_id"] = state.AccountId,
                ["host_id"] = w.HostId,
                ["topic"] = w.Topic,
                ["type"] = w.Type.ToString(CultureInfo.InvariantCulture),
                ["start_time"] = Date(instance.StartTime),
                ["duration"] = instance.Duration,
                ["total_size"] = files.Where(f => f.HasFileDetails).Sum(f => f.FileSize),
                ["recording_count"] = files.Count,
            };
            if (!userList)
            {
                body["share_url"] = r.ShareUrl;
                body["password"] = r.Password;
            }

            body["recording_play_passcode"] = r.RecordingPlayPasscode;
            string webBase = WebBase(request);
            body["recording_files"] = new JsonArray(files.Select(f => (JsonNode)File(instance, f, webBase)).ToArray());
            if (!userList)
            {
                // Only when "Record a separate audio file of each participant" is on; the twin's recordings never have it.
                body["participant_audio_files"] = new JsonArray();
            }

            return body;
        }

        private static JsonObject File(ZoomInstance instance, ZoomRecordingFile f, string webBase)
        {
            var json = new JsonObject();
            if (f.HasFileDetails)
            {
                json["id"] = f.Id;
            }

            json["meeting_id"] = instance.Uuid;
            json["recording_start"] = Date(f.RecordingStart);
            json["recording_end"] = Date(f.RecordingEnd);
            json["file_type"] = f.FileType;
            json["file_extension"] = f.FileExtension;
            if (f.HasFileDetails)
            {
                json["file_size"] = f.FileSize;
                json["play_url"] = ZoomState.WebHost + "/rec/play/" + f.DownloadKey;
            }

            json["download_url"] = webBase + "/rec/download/" + f.DownloadKey;
            if (f.HasFileDetails)
            {
                json["status"] = "completed";
                json["recording_type"] = f.RecordingType;
            }

            return json;
        }

        private static bool IsInProcess(SandboxRequest request)
            => request.Uri == null || !request.Uri.IsAbsoluteUri || request.Uri.Host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase);

        private static string Authority(SandboxRequest request) => request.Uri.GetLeftPart(UriPartial.Authority);
    }
}
