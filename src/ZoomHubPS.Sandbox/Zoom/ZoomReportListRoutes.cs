using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;
using static ZoomHubPS.Sandbox.Zoom.ZoomApiHelpers;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// The report listings that name past webinars on any paid plan (both Heavy, both at most one month per call, both
    /// within the report's reach): <c>GET /report/users/{userId}/meetings</c> (a host's meetings and webinars with two or
    /// more unique participants) and <c>GET /report/history_meetings</c> (the account's history, filterable to webinars).
    /// </summary>
    internal sealed class ZoomReportListRoutes
    {
        private readonly ZoomState _state;

        internal ZoomReportListRoutes(ZoomState state)
        {
            _state = state;
        }

        internal void Register(ZoomRoutes routes)
        {
            routes.Get("/v2/report/users/{userId}/meetings", ZoomRoutes.Heavy, UserMeetings);
            routes.Get("/v2/report/history_meetings", ZoomRoutes.Heavy, HistoryMeetings);
        }

        private SandboxResponse UserMeetings(SandboxRequest request)
        {
            string userId = request.RouteValue("userId");
            if (ZoomUserRoutes.IsMe(userId))
            {
                return ZoomUserRoutes.MeNotSupported();
            }

            ZoomUser user = _state.FindUser(userId);
            if (user == null)
            {
                return SandboxResponse.ZoomError(HttpStatusCode.NotFound, 1001, "User " + userId + " not exist or not belong to this account.");
            }

            string type = request.QueryValue("type");
            type = string.IsNullOrEmpty(type) ? "past" : type;
            if (type != "past" && type != "pastOne" && type != "pastJoined")
            {
                return Validation("type", "type must be past, pastOne or pastJoined.");
            }

            if (!ZoomDateRange.TryRead(request, _state, _state.Rules.ReportMonths, out ZoomDateRange range, out SandboxResponse error))
            {
                return error;
            }

            string listKey = "report_user_meetings|" + user.Id + "|" + type + "|" + range.FromText + "|" + range.ToText;
            if (!TryReadPage(request, _state, listKey, 300, out int pageSize, out int offset, out error))
            {
                return error;
            }

            List<ZoomHeldInstance> rows = ZoomHeldInstances.Ended(_state, _state.Now)
                .Where(h => range.Contains(h.Instance.StartTime) && Matches(h, user, type))
                .ToList();
            var body = new JsonObject { ["from"] = range.FromText, ["to"] = range.ToText };
            foreach (var pair in Envelope(_state, listKey, rows.Count, pageSize, offset).ToList())
            {
                body[pair.Key] = pair.Value?.DeepClone();
            }

            body["meetings"] = new JsonArray(rows.Skip(offset).Take(pageSize).Select(h => (JsonNode)UserMeetingItem(h)).ToArray());
            return SandboxResponse.Json(HttpStatusCode.OK, body);
        }

        /// <summary>
        /// <c>past</c>: hosted by the user, two or more unique participants (Zoom leaves out the rest); <c>pastOne</c>: hosted,
        /// a single participant; <c>pastJoined</c>: hosted or joined by the user, two or more.
        /// </summary>
        private static bool Matches(ZoomHeldInstance h, ZoomUser user, string type)
        {
            bool hosted = string.Equals(h.Webinar.HostId, user.Id, StringComparison.Ordinal);
            int people = ZoomHeldInstances.UniqueParticipants(h.Instance);
            switch (type)
            {
                case "pastOne": return hosted && people <= 1;
                case "pastJoined": return (hosted || ZoomHeldInstances.Joined(h.Instance, user.Email)) && people >= 2;
                default: return hosted && people >= 2;
            }
        }

        private static JsonObject UserMeetingItem(ZoomHeldInstance h)
        {
            ZoomInstance i = h.Instance;
            return new JsonObject
            {
                ["uuid"] = i.Uuid,
                ["id"] = h.Webinar.Id,
                ["type"] = h.Webinar.Type,
                ["topic"] = h.Webinar.Topic,
                ["user_name"] = h.HostName,
                ["user_email"] = h.HostEmail,
                ["start_time"] = Date(i.StartTime),
                ["end_time"] = Date(i.EndTime),
                ["duration"] = i.Duration,
                ["total_minutes"] = ZoomHeldInstances.TotalMinutes(i),
                ["participants_count"] = ZoomHeldInstances.UniqueParticipants(i),
                ["participants_count_my_account"] = ZoomHeldInstances.FromAccount(i),
                ["source"] = "Zoom",
                ["has_chat"] = false,
                ["has_recording"] = i.Recording != null,
                ["has_screen_share"] = true,
                ["custom_keys"] = new JsonArray(),
            };
        }

        private SandboxResponse HistoryMeetings(SandboxRequest request)
        {
            string dateType = Choice(request, "date_type", "start_time", "start_time", "end_time");
            string meetingType = Choice(request, "meeting_type", "all", "meeting", "webinar", "all");
            string reportType = Choice(request, "report_type", "all", "all", "poll", "survey", "qa", "resource", "reaction");
            if (dateType == null || meetingType == null || reportType == null)
            {
                string name = dateType == null ? "date_type" : meetingType == null ? "meeting_type" : "report_type";
                return SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 300, "Invalid parameter: " + name + ".");
            }

            string group = request.QueryValue("group_id");
            if (!string.IsNullOrEmpty(group))
            {
                // The twin's account has no groups: any group id is one the app cannot see.
                return SandboxResponse.ZoomError(HttpStatusCode.Forbidden, 12703, "No permission for the group: " + group + ".");
            }

            if (!ZoomDateRange.TryRead(request, _state, _state.Rules.ReportMonths, out ZoomDateRange range, out SandboxResponse error))
            {
                return error;
            }

            string search = request.QueryValue("search_key") ?? string.Empty;
            string listKey = string.Join("|", "history_meetings", dateType, meetingType, reportType, search, range.FromText, range.ToText);
            if (!TryReadPage(request, _state, listKey, 300, out int pageSize, out int offset, out error))
            {
                return error;
            }

            // Every instance here is a webinar; the twin keeps no poll, survey, Q&A, resource or reaction data to filter by.
            List<ZoomHeldInstance> rows = meetingType == "meeting" || reportType != "all"
                ? new List<ZoomHeldInstance>()
                : ZoomHeldInstances.Ended(_state, _state.Now)
                    .Where(h => range.Contains(dateType == "end_time" ? h.Instance.EndTime : h.Instance.StartTime) && Found(h, search))
                    .ToList();
            int next = offset + pageSize;
            return SandboxResponse.Json(HttpStatusCode.OK, new JsonObject
            {
                ["next_page_token"] = next < rows.Count ? _state.PageTokens.Issue(listKey, next, _state.Now, _state.Context) : string.Empty,
                ["page_size"] = pageSize,
                ["history_meetings"] = new JsonArray(rows.Skip(offset).Take(pageSize).Select(h => (JsonNode)HistoryItem(h)).ToArray()),
            });
        }

        /// <summary>The value of an enumerated query parameter: its default when absent, null when not one of <paramref name="allowed"/>.</summary>
        private static string Choice(SandboxRequest request, string name, string fallback, params string[] allowed)
        {
            string value = request.QueryValue(name);
            if (string.IsNullOrEmpty(value))
            {
                return fallback;
            }

            return allowed.Contains(value) ? value : null;
        }

        /// <summary><c>search_key</c>: words of the topic or the meeting ID.</summary>
        private static bool Found(ZoomHeldInstance h, string search)
            => search.Length == 0
                || h.Webinar.Topic.IndexOf(search, StringComparison.OrdinalIgnoreCase) >= 0
                || h.Webinar.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == search.Replace(" ", string.Empty);

        private static JsonObject HistoryItem(ZoomHeldInstance h)
        {
            ZoomInstance i = h.Instance;
            int people = ZoomHeldInstances.UniqueParticipants(i);
            return new JsonObject
            {
                ["meeting_uuid"] = i.Uuid,
                ["meeting_id"] = h.Webinar.Id,
                ["type"] = "Webinar",
                ["host_display_name"] = h.HostName,
                ["host_email"] = h.HostEmail,
                ["start_time"] = Date(i.StartTime),
                ["end_time"] = Date(i.EndTime),
                ["topic"] = h.Webinar.Topic,
                ["participants"] = people,
                ["unique_viewers"] = people,
                ["duration"] = i.Duration,
                ["total_participant_minutes"] = ZoomHeldInstances.TotalMinutes(i),
                ["department"] = h.HostDept,
                ["group"] = new JsonArray(),
                ["create_time"] = Date(h.Webinar.CreatedAt),
                ["source"] = "Zoom",
                ["custom_fields"] = new JsonArray(),
                ["tracking_fields"] = new JsonArray(),
                ["feature_used"] = new JsonObject
                {
                    ["registration"] = h.Webinar.ApprovalType != 2,
                    ["record_to_cloud"] = i.Recording != null,
                    ["screen_sharing"] = true,
                    ["video_on"] = true,
                    ["poll"] = false,
                    ["meeting_questions"] = false,
                    ["in_meeting_chat"] = false,
                    ["waiting_room"] = i.ParticipantList.Any(p => p.Status == "in_waiting_room"),
                },
            };
        }
    }
}
