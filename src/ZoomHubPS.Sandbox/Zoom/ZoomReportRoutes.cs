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
    /// <c>GET /report/webinars/{webinarId}/participants</c> and <c>GET /report/webinars/{webinarId}</c> (Heavy: they draw on
    /// the daily report quota). Report data is kept 6 months (<c>zoom.rules.report_months</c>): older instances are 404/3001,
    /// older than a year 400/12702.
    /// </summary>
    internal sealed class ZoomReportRoutes
    {
        private readonly ZoomState _state;
        private readonly ZoomPastWebinarRoutes _past;

        internal ZoomReportRoutes(ZoomState state, ZoomPastWebinarRoutes past)
        {
            _state = state;
            _past = past;
        }

        internal void Register(ZoomRoutes routes)
        {
            routes.Get("/v2/report/webinars/{webinarId}/participants", ZoomRoutes.Heavy, Participants);
            routes.Get("/v2/report/webinars/{webinarId}", ZoomRoutes.Heavy, Summary);
        }

        private SandboxResponse Participants(SandboxRequest request)
        {
            if (!TryRetained(request, out ZoomWebinarRef reference, out SandboxResponse error))
            {
                return error;
            }

            bool withRegistrantId = ZoomPastWebinarRoutes.IncludesRegistrantId(request);
            string listKey = "report_participants|" + reference.Instance.Uuid;
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
                    ["participant_user_id"] = p.Id,
                    ["name"] = p.Name,
                    ["user_email"] = p.UserEmail,
                    ["join_time"] = Date(p.JoinTime),
                    ["leave_time"] = Date(p.LeaveTime),
                    ["duration"] = p.Duration,
                };
                if (withRegistrantId)
                {
                    // Asked for: present on every row ("" for people who did not register), as the report sends it.
                    row["registrant_id"] = p.RegistrantId ?? string.Empty;
                }

                row["failover"] = false;
                row["status"] = p.Status;
                row["customer_key"] = string.Empty;
                row["bo_mtg_id"] = string.Empty;
                items.Add(row);
            }

            body["participants"] = items;
            return SandboxResponse.Json(HttpStatusCode.OK, body);
        }

        private SandboxResponse Summary(SandboxRequest request)
        {
            if (!TryRetained(request, out ZoomWebinarRef reference, out SandboxResponse error))
            {
                return error;
            }

            ZoomWebinar w = reference.Webinar;
            ZoomInstance i = reference.Instance;
            int totalMinutes = ZoomHeldInstances.TotalMinutes(i);
            ZoomUser host = _state.FindUser(w.HostEmail);
            return SandboxResponse.Json(HttpStatusCode.OK, new JsonObject
            {
                ["uuid"] = i.Uuid,
                ["id"] = w.Id,
                ["host_id"] = w.HostId,
                ["type"] = w.Type,
                ["topic"] = w.Topic,
                ["user_name"] = host == null ? string.Empty : (host.FirstName + " " + host.LastName).Trim(),
                ["user_email"] = w.HostEmail,
                ["start_time"] = Date(i.StartTime),
                ["end_time"] = Date(i.EndTime),
                ["duration"] = i.Duration,
                ["total_minutes"] = totalMinutes,
                ["participants_count"] = i.ParticipantList.Count,
                ["tracking_fields"] = new JsonArray(),
                ["dept"] = host?.Dept ?? string.Empty,
            });
        }

        /// <summary>Resolves a report's instance: kept 6 months (older: 404/3001), never older than a year (400/12702).</summary>
        internal bool TryRetained(SandboxRequest request, out ZoomWebinarRef reference, out SandboxResponse error)
        {
            if (!_past.TryInstance(request, out reference, out error))
            {
                if (reference.Result != ZoomRefResult.InvalidId)
                {
                    error = SandboxResponse.ZoomError(HttpStatusCode.NotFound, 3001, "Webinar \"" + reference.Raw + "\" not found or has expired");
                }

                return false;
            }

            DateTimeOffset now = _state.Now;
            if (reference.Instance.StartTime < now.AddYears(-1))
            {
                error = SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 12702, "Can not access a webinar a year ago.");
                return false;
            }

            if (reference.Instance.StartTime < ZoomWebinarLifecycle.ReportHorizon(_state.Rules, now))
            {
                error = SandboxResponse.ZoomError(HttpStatusCode.NotFound, 3001, "Webinar \"" + reference.Raw + "\" not found or has expired");
                return false;
            }

            return true;
        }
    }
}
