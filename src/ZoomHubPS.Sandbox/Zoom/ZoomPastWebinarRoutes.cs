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
    /// <c>/past_webinars/{webinarId}/instances|participants|absentees</c>. An ID means the latest instance, a UUID
    /// that instance (double-encoded when it starts with "/" or contains "//").
    /// </summary>
    internal sealed class ZoomPastWebinarRoutes
    {
        private readonly ZoomState _state;
        private readonly ZoomRegistrantRoutes _registrants;

        internal ZoomPastWebinarRoutes(ZoomState state, ZoomRegistrantRoutes registrants)
        {
            _state = state;
            _registrants = registrants;
        }

        internal void Register(ZoomRoutes routes)
        {
            routes.Get("/v2/past_webinars/{webinarId}/instances", ZoomRoutes.Light, Instances);
            routes.Get("/v2/past_webinars/{webinarId}/participants", ZoomRoutes.Medium, Participants);
            routes.Get("/v2/past_webinars/{webinarId}/absentees", ZoomRoutes.Heavy, Absentees);
        }

        private SandboxResponse Instances(SandboxRequest request)
        {
            ZoomWebinarRef reference = ZoomWebinarRef.Resolve(_state, request.RouteValue("webinarId"));
            if (reference.Result != ZoomRefResult.Found)
            {
                return RefError(reference);
            }

            DateTimeOffset now = _state.Now;
            return SandboxResponse.Json(HttpStatusCode.OK, new JsonObject
            {
                // Past instances outlive the webinar's deletion but not their own age limit (default 15 months).
                ["webinars"] = new JsonArray(reference.Webinar.InstanceList
                    .Where(i => i.StartTime <= now && ZoomWebinarLifecycle.IsPastInstanceKept(i, _state.Rules, now))
                    .Select(i => (JsonNode)new JsonObject { ["uuid"] = i.Uuid, ["start_time"] = Date(i.StartTime) })
                    .ToArray()),
            });
        }

        private SandboxResponse Participants(SandboxRequest request)
        {
            if (!TryInstance(request, out ZoomWebinarRef reference, out SandboxResponse error))
            {
                return error;
            }

            // The spec returns registrant_id "only with include_fields=registrant_id" yet declares that parameter only on
            // the report endpoint (FACTS §5.5): the twin sends it only when asked, the reading a client cannot over-rely on.
            bool withRegistrantId = IncludesRegistrantId(request);
            string listKey = "past_participants|" + reference.Instance.Uuid;
            if (!TryReadPage(request, _state, listKey, 300, out int pageSize, out int offset, out error))
            {
                return error;
            }

            List<ZoomParticipant> rows = reference.Instance.ParticipantList;
            JsonObject body = Envelope(_state, listKey, rows.Count, pageSize, offset, withPageNumber: false);
            var items = new JsonArray();
            for (int i = offset; i < Math.Min(rows.Count, offset + pageSize); i++)
            {
                ZoomParticipant p = rows[i];
                var row = new JsonObject
                {
                    ["id"] = p.Id,
                    ["user_id"] = p.UserId,
                    ["name"] = p.Name,
                    ["user_email"] = p.UserEmail,
                    ["join_time"] = Date(p.JoinTime),
                    ["leave_time"] = Date(p.LeaveTime),
                    ["duration"] = p.Duration,
                };
                if (withRegistrantId && p.RegistrantId != null)
                {
                    row["registrant_id"] = p.RegistrantId;
                }

                row["status"] = p.Status;
                row["failover"] = false;
                row["internal_user"] = p.InternalUser;
                items.Add(row);
            }

            body["participants"] = items;
            return SandboxResponse.Json(HttpStatusCode.OK, body);
        }

        private SandboxResponse Absentees(SandboxRequest request)
        {
            if (!TryInstance(request, out ZoomWebinarRef reference, out SandboxResponse error))
            {
                return error;
            }

            ZoomWebinar webinar = reference.Webinar;
            ZoomInstance instance = reference.Instance;
            if (webinar.ApprovalType == 2)
            {
                return SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 3000, "This Webinar has not registration required: " + instance.Uuid);
            }

            string occurrenceId = request.QueryValue("occurrence_id");
            occurrenceId = string.IsNullOrEmpty(occurrenceId) ? instance.OccurrenceId : occurrenceId;
            if (!string.IsNullOrEmpty(request.QueryValue("occurrence_id")) && !webinar.OccurrenceList.Any(o => o.OccurrenceId == occurrenceId))
            {
                return SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 300, "Invalid occurrence ID: " + occurrenceId + ".");
            }

            string listKey = "absentees|" + instance.Uuid + "|" + occurrenceId;
            if (!TryReadPage(request, _state, listKey, 300, out int pageSize, out int offset, out error))
            {
                return error;
            }

            var attendedIds = new HashSet<string>(instance.ParticipantList.Where(p => p.RegistrantId != null).Select(p => p.RegistrantId), StringComparer.Ordinal);
            var attendedEmails = new HashSet<string>(instance.ParticipantList.Where(p => p.UserEmail.Length > 0).Select(p => p.UserEmail), StringComparer.OrdinalIgnoreCase);
            List<ZoomRegistrant> absent = webinar.RegistrantList
                .Where(r => r.Status == "approved" && r.IsFor(occurrenceId) && r.CreateTime <= instance.EndTime)
                .Where(r => !attendedIds.Contains(r.Id) && !attendedEmails.Contains(r.Email))
                .ToList();
            return _registrants.Page(listKey, absent, pageSize, offset);
        }

        /// <summary>Resolves the instance of a past-webinar path value; 404/3001 when the webinar never took place.</summary>
        internal bool TryInstance(SandboxRequest request, out ZoomWebinarRef reference, out SandboxResponse error)
        {
            reference = ZoomWebinarRef.Resolve(_state, request.RouteValue("webinarId"));
            error = null;
            if (reference.Result != ZoomRefResult.Found)
            {
                error = reference.Result == ZoomRefResult.InvalidId
                    ? InvalidWebinarId()
                    : SandboxResponse.ZoomError(HttpStatusCode.NotFound, 3001, "Webinar does not exist.");
                return false;
            }

            if (reference.Instance == null || reference.Instance.StartTime > _state.Now)
            {
                error = SandboxResponse.ZoomError(HttpStatusCode.NotFound, 3001, "Webinar does not exist.");
                return false;
            }

            return true;
        }

        internal static bool IncludesRegistrantId(SandboxRequest request)
            => (request.QueryValue("include_fields") ?? string.Empty).Split(',').Any(f => f.Trim() == "registrant_id");
    }
}
