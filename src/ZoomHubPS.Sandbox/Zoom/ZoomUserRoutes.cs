using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;
using static ZoomHubPS.Sandbox.Zoom.ZoomApiHelpers;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary><c>GET /users</c>, <c>GET /users/{userId}</c>, <c>GET /users/{userId}/webinars</c>.</summary>
    internal sealed class ZoomUserRoutes
    {
        private readonly ZoomState _state;

        internal ZoomUserRoutes(ZoomState state)
        {
            _state = state;
        }

        internal void Register(ZoomRoutes routes)
        {
            routes.Get("/v2/users", ZoomRoutes.Medium, ListUsers);
            routes.Get("/v2/users/{userId}", ZoomRoutes.Light, GetUser);
            routes.Get("/v2/users/{userId}/webinars", ZoomRoutes.Medium, ListWebinars);
        }

        private SandboxResponse ListUsers(SandboxRequest request)
        {
            string status = request.QueryValue("status");
            status = string.IsNullOrEmpty(status) ? "active" : status;
            if (status != "active" && status != "inactive" && status != "pending")
            {
                return Validation("status", "status must be one of active, inactive, pending.");
            }

            string listKey = "users|" + status;
            if (!TryReadPage(request, _state, listKey, 2000, out int pageSize, out int offset, out SandboxResponse error))
            {
                return error;
            }

            List<ZoomUser> users = _state.Users.Where(u => u.Status == status).ToList();
            JsonObject body = Envelope(_state, listKey, users.Count, pageSize, offset);
            body["users"] = new JsonArray(users.Skip(offset).Take(pageSize).Select(u => (JsonNode)UserJson(u, false)).ToArray());
            return SandboxResponse.Json(HttpStatusCode.OK, body);
        }

        private SandboxResponse GetUser(SandboxRequest request)
        {
            string userId = request.RouteValue("userId");
            if (IsMe(userId))
            {
                return MeNotSupported();
            }

            ZoomUser user = _state.FindUser(userId);
            return user == null ? UserNotFound(userId) : SandboxResponse.Json(HttpStatusCode.OK, UserJson(user, true));
        }

        private SandboxResponse ListWebinars(SandboxRequest request)
        {
            string userId = request.RouteValue("userId");
            if (IsMe(userId))
            {
                return MeNotSupported();
            }

            ZoomUser user = _state.FindUser(userId);
            if (user == null)
            {
                return UserNotFound(userId);
            }

            string type = request.QueryValue("type");
            type = string.IsNullOrEmpty(type) ? "scheduled" : type;
            if (type != "scheduled" && type != "upcoming")
            {
                return Validation("type", "type must be scheduled or upcoming.");
            }

            string listKey = "webinars|" + user.Id + "|" + type;
            if (!TryReadPage(request, _state, listKey, 300, out int pageSize, out int offset, out SandboxResponse error))
            {
                return error;
            }

            // Zoom lists unexpired webinars only: one that ended drops out (after the scenario's grace, default none).
            DateTimeOffset now = _state.Now;
            List<ZoomWebinar> webinars = _state.Webinars
                .Where(w => string.Equals(w.HostId, user.Id, StringComparison.Ordinal))
                .Where(w => type == "upcoming" ? ZoomWebinarLifecycle.IsListedAsUpcoming(w, now) : ZoomWebinarLifecycle.IsListedAsScheduled(w, _state.Rules, now))
                .OrderBy(w => w.StartTime)
                .ToList();
            JsonObject body = Envelope(_state, listKey, webinars.Count, pageSize, offset);
            body["webinars"] = new JsonArray(webinars.Skip(offset).Take(pageSize).Select(w => (JsonNode)ListItem(w)).ToArray());
            return SandboxResponse.Json(HttpStatusCode.OK, body);
        }

        /// <summary>The list-item shape of a webinar (a subset of the full object; agenda cut to 250 characters).</summary>
        internal static JsonObject ListItem(ZoomWebinar w) => new JsonObject
        {
            ["id"] = w.Id,
            ["uuid"] = w.Uuid,
            ["host_id"] = w.HostId,
            ["topic"] = w.Topic,
            ["type"] = w.Type,
            ["start_time"] = Date(w.StartTime),
            ["duration"] = w.Duration,
            ["timezone"] = w.Timezone,
            ["agenda"] = w.Agenda.Length > 250 ? w.Agenda.Substring(0, 250) : w.Agenda,
            ["created_at"] = Date(w.CreatedAt),
            ["join_url"] = w.JoinUrl,
            ["is_simulive"] = false,
        };

        private static JsonObject UserJson(ZoomUser u, bool full)
        {
            var body = new JsonObject
            {
                ["id"] = u.Id,
                ["first_name"] = u.FirstName,
                ["last_name"] = u.LastName,
                ["display_name"] = (u.FirstName + " " + u.LastName).Trim(),
                ["email"] = u.Email,
                ["type"] = u.Type,
                ["timezone"] = u.Timezone,
                ["verified"] = 1,
                ["dept"] = u.Dept,
                ["created_at"] = Date(u.CreatedAt),
                ["user_created_at"] = Date(u.CreatedAt),
                ["status"] = u.Status,
                ["role_id"] = "2",
                ["language"] = "en-US",
            };
            if (full)
            {
                body["role_name"] = "Member";
                body["account_id"] = string.Empty;
            }

            return body;
        }

        internal static bool IsMe(string userId) => string.Equals(userId, "me", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Zoom documents <c>me</c> for user-level apps only. What a Server-to-Server token gets for it is not documented,
        /// so the twin refuses it: clients must name the user by id or email, which works everywhere.
        /// </summary>
        internal static SandboxResponse MeNotSupported()
            => SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 300, "The \"me\" user ID is only for user-level apps. Use the user's ID or email with a Server-to-Server OAuth app.");

        internal static SandboxResponse UserNotFound(string userId)
            => SandboxResponse.ZoomError(HttpStatusCode.NotFound, 1001, "User does not exist: " + userId + ".");
    }
}
