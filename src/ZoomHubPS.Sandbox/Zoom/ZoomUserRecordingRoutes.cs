using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;
using static ZoomHubPS.Sandbox.Zoom.ZoomApiHelpers;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// <c>GET /users/{userId}/recordings</c> (FACTS §B): the host's recordings whose start falls in
    /// [<c>from</c>, <c>to</c>] (UTC days, default today to tomorrow, at most <c>range_days</c> apart and a future
    /// <c>to</c> read as today: the listings' one rule, <see cref="ZoomDateRange"/>), newest first, <c>page_size</c> ≤ 300 with <c>next_page_token</c>. Items have no <c>share_url</c>.
    /// <c>trash=true</c> lists the trash, which is always empty in the twin.
    /// </summary>
    internal sealed class ZoomUserRecordingRoutes
    {
        private readonly ZoomState _state;

        internal ZoomUserRecordingRoutes(ZoomState state)
        {
            _state = state;
        }

        internal void Register(ZoomRoutes routes)
        {
            routes.Get("/v2/users/{userId}/recordings", ZoomRoutes.Medium, List);
        }

        private SandboxResponse List(SandboxRequest request)
        {
            string userId = request.RouteValue("userId");
            if (ZoomUserRoutes.IsMe(userId))
            {
                return ZoomUserRoutes.MeNotSupported();
            }

            ZoomUser user = _state.FindUser(userId);
            if (user == null)
            {
                return ZoomUserRoutes.UserNotFound(userId);
            }

            DateTime today = _state.Now.UtcDateTime.Date;
            if (!ZoomDateRange.TryReadOptional(request, _state, today, today.AddDays(1), out ZoomDateRange range, out SandboxResponse error))
            {
                return error;
            }

            bool trash = string.Equals(request.QueryValue("trash"), "true", StringComparison.OrdinalIgnoreCase);
            string meetingId = request.QueryValue("meeting_id");
            string listKey = "recordings|" + user.Id + "|" + range.FromText + "|" + range.ToText + "|" + meetingId + "|" + trash;
            if (!TryReadPage(request, _state, listKey, 300, out int pageSize, out int offset, out error))
            {
                return error;
            }

            List<KeyValuePair<ZoomWebinar, ZoomInstance>> found = trash
                ? new List<KeyValuePair<ZoomWebinar, ZoomInstance>>()
                : _state.Webinars
                    .Where(w => w.HostId == user.Id && (string.IsNullOrEmpty(meetingId) || w.Id.ToString(CultureInfo.InvariantCulture) == meetingId))
                    .SelectMany(w => w.InstanceList.Where(i => i.Recording != null).Select(i => new KeyValuePair<ZoomWebinar, ZoomInstance>(w, i)))
                    .Where(pair => range.Contains(pair.Value.StartTime))
                    .OrderByDescending(pair => pair.Value.StartTime)
                    .ToList();

            var body = new JsonObject { ["from"] = range.FromText, ["to"] = range.ToText };
            foreach (KeyValuePair<string, JsonNode> field in Envelope(_state, listKey, found.Count, pageSize, offset, withPageNumber: false).ToList())
            {
                body[field.Key] = field.Value?.DeepClone();
            }

            body["meetings"] = new JsonArray(found.Skip(offset).Take(pageSize)
                .Select(pair => (JsonNode)ZoomRecordingJson.Recording(_state, pair.Key, pair.Value, request, userList: true)).ToArray());
            return SandboxResponse.Json(HttpStatusCode.OK, body);
        }
    }
}
