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
    /// [<c>from</c>, <c>to</c>] (UTC days, <c>yyyy-mm-dd</c>, at most one month apart; default today to tomorrow),
    /// newest first, <c>page_size</c> ≤ 300 with <c>next_page_token</c>. Items have no <c>share_url</c>.
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

            if (!TryReadRange(request, out DateTime from, out DateTime to, out SandboxResponse error))
            {
                return error;
            }

            bool trash = string.Equals(request.QueryValue("trash"), "true", StringComparison.OrdinalIgnoreCase);
            string meetingId = request.QueryValue("meeting_id");
            string listKey = "recordings|" + user.Id + "|" + Day(from) + "|" + Day(to) + "|" + meetingId + "|" + trash;
            if (!TryReadPage(request, _state, listKey, 300, out int pageSize, out int offset, out error))
            {
                return error;
            }

            List<KeyValuePair<ZoomWebinar, ZoomInstance>> found = trash
                ? new List<KeyValuePair<ZoomWebinar, ZoomInstance>>()
                : _state.Webinars
                    .Where(w => w.HostId == user.Id && (string.IsNullOrEmpty(meetingId) || w.Id.ToString(CultureInfo.InvariantCulture) == meetingId))
                    .SelectMany(w => w.InstanceList.Where(i => i.Recording != null).Select(i => new KeyValuePair<ZoomWebinar, ZoomInstance>(w, i)))
                    .Where(pair => pair.Value.StartTime.UtcDateTime.Date >= from && pair.Value.StartTime.UtcDateTime.Date <= to)
                    .OrderByDescending(pair => pair.Value.StartTime)
                    .ToList();

            var body = new JsonObject { ["from"] = Day(from), ["to"] = Day(to) };
            foreach (KeyValuePair<string, JsonNode> field in Envelope(_state, listKey, found.Count, pageSize, offset, withPageNumber: false).ToList())
            {
                body[field.Key] = field.Value?.DeepClone();
            }

            body["meetings"] = new JsonArray(found.Skip(offset).Take(pageSize)
                .Select(pair => (JsonNode)ZoomRecordingJson.Recording(_state, pair.Key, pair.Value, request, userList: true)).ToArray());
            return SandboxResponse.Json(HttpStatusCode.OK, body);
        }

        /// <summary>Reads from/to; the error texts are ours (Zoom documents the one-month range, not its message).</summary>
        private bool TryReadRange(SandboxRequest request, out DateTime from, out DateTime to, out SandboxResponse error)
        {
            error = null;
            DateTime today = _state.Now.UtcDateTime.Date;
            from = today;
            to = today.AddDays(1);
            string fromText = request.QueryValue("from");
            string toText = request.QueryValue("to");
            if (!string.IsNullOrEmpty(fromText) && !TryDay(fromText, out from))
            {
                error = Validation("from", "from must be a date in yyyy-mm-dd format.");
                return false;
            }

            if (!string.IsNullOrEmpty(toText) && !TryDay(toText, out to))
            {
                error = Validation("to", "to must be a date in yyyy-mm-dd format.");
                return false;
            }

            if (string.IsNullOrEmpty(toText) && !string.IsNullOrEmpty(fromText))
            {
                to = from.AddMonths(1) < today.AddDays(1) ? from.AddMonths(1) : today.AddDays(1);
            }

            if (to < from)
            {
                error = SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 300, "The to date must not be earlier than the from date.");
                return false;
            }

            if (to > from.AddMonths(1))
            {
                error = SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 300, "The date range can be at most one month (from " + Day(from) + " to " + Day(to) + ").");
                return false;
            }

            return true;
        }

        private static bool TryDay(string text, out DateTime day)
            => DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out day);

        private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
