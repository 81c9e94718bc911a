using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;
using static ZoomHubPS.Sandbox.Zoom.ZoomApiHelpers;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>Reading registrants and changing their status: list, get one, <c>PUT …/registrants/status</c>.</summary>
    internal sealed class ZoomRegistrantRoutes
    {
        /// <summary>The standard registration fields, in the order Zoom lists them.</summary>
        internal static readonly string[] StandardFields =
        {
            "address", "city", "country", "zip", "state", "phone", "industry", "org", "job_title",
            "purchasing_time_frame", "role_in_purchase_process", "no_of_employees", "comments",
        };

        private readonly ZoomState _state;

        internal ZoomRegistrantRoutes(ZoomState state)
        {
            _state = state;
        }

        internal void Register(ZoomRoutes routes)
        {
            routes.Get("/v2/webinars/{webinarId}/registrants", ZoomRoutes.Medium, List);
            routes.Get("/v2/webinars/{webinarId}/registrants/{registrantId}", ZoomRoutes.Light, GetOne);
            routes.Put("/v2/webinars/{webinarId}/registrants/status", ZoomRoutes.Medium, UpdateStatus);
        }

        private SandboxResponse List(SandboxRequest request)
        {
            ZoomWebinarRef reference = ZoomWebinarRef.Resolve(_state, request.RouteValue("webinarId"));
            if (reference.Result != ZoomRefResult.Found)
            {
                return RefError(reference);
            }

            string status = request.QueryValue("status");
            status = string.IsNullOrEmpty(status) ? "approved" : status;
            if (status != "approved" && status != "pending" && status != "denied")
            {
                return Validation("status", "status must be one of pending, approved, denied.");
            }

            string occurrenceId = request.QueryValue("occurrence_id");
            ZoomWebinar webinar = reference.Webinar;
            string listKey = "registrants|" + webinar.Id + "|" + status + "|" + occurrenceId;
            if (!TryReadPage(request, _state, listKey, 300, out int pageSize, out int offset, out SandboxResponse error))
            {
                return error;
            }

            // A webinar without registration simply has no registrants; answering an empty list is the reading
            // that cannot break a client that lists every webinar's registrants.
            List<ZoomRegistrant> matching = webinar.RegistrantList.Where(r => r.Status == status && r.IsFor(occurrenceId)).ToList();
            return Page(listKey, matching, pageSize, offset);
        }

        /// <summary>A registrants page (also used by absentees).</summary>
        internal SandboxResponse Page(string listKey, List<ZoomRegistrant> matching, int pageSize, int offset)
        {
            JsonObject body = Envelope(_state, listKey, matching.Count, pageSize, offset);
            var items = new JsonArray();
            int end = Math.Min(matching.Count, offset + pageSize);
            for (int i = offset; i < end; i++)
            {
                items.Add(RegistrantJson(matching[i]));
            }

            body["registrants"] = items;
            return SandboxResponse.Json(HttpStatusCode.OK, body);
        }

        private SandboxResponse GetOne(SandboxRequest request)
        {
            ZoomWebinarRef reference = ZoomWebinarRef.Resolve(_state, request.RouteValue("webinarId"));
            if (reference.Result != ZoomRefResult.Found)
            {
                return RefError(reference);
            }

            string registrantId = request.RouteValue("registrantId");
            return reference.Webinar.RegistrantsById.TryGetValue(registrantId, out ZoomRegistrant registrant)
                ? SandboxResponse.Json(HttpStatusCode.OK, RegistrantJson(registrant))
                : SandboxResponse.ZoomError(HttpStatusCode.NotFound, 3079, "This registrant does not exist: " + registrantId + ".");
        }

        private SandboxResponse UpdateStatus(SandboxRequest request)
        {
            ZoomWebinarRef reference = ZoomWebinarRef.Resolve(_state, request.RouteValue("webinarId"));
            if (reference.Result != ZoomRefResult.Found)
            {
                return RefError(reference);
            }

            ZoomWebinar webinar = reference.Webinar;
            if (webinar.ApprovalType == 2)
            {
                return SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 300, "Registration has not been enabled for this meeting: " + webinar.Id + ".");
            }

            JsonObject body = request.Json() as JsonObject ?? new JsonObject();
            string action = (string)body["action"];
            JsonArray people = body["registrants"] as JsonArray;
            var errors = new JsonArray();
            if (action != "approve" && action != "deny" && action != "cancel")
            {
                errors.Add(new JsonObject { ["field"] = "action", ["message"] = "action must be approve, deny or cancel." });
            }

            if (people == null || people.Count == 0 || people.Count > 30)
            {
                errors.Add(new JsonObject { ["field"] = "registrants", ["message"] = "Between 1 and 30 registrants are required." });
            }

            if (errors.Count > 0)
            {
                return Validation(errors);
            }

            // Resolve by id or email; unknown entries are ignored (the call names people, it does not create them).
            var targets = new List<ZoomRegistrant>();
            foreach (JsonNode person in people)
            {
                string id = (string)person?["id"];
                string email = (string)person?["email"];
                if ((!string.IsNullOrEmpty(id) && webinar.RegistrantsById.TryGetValue(id, out ZoomRegistrant r))
                    || (!string.IsNullOrEmpty(email) && webinar.RegistrantsByEmail.TryGetValue(email, out r)))
                {
                    if (!targets.Contains(r))
                    {
                        targets.Add(r);
                    }
                }
            }

            DateTimeOffset now = _state.Now;
            foreach (ZoomRegistrant r in targets)
            {
                if (_state.DailyLimit.Count("status", r.Email, now) >= ZoomDailyLimit.StatusUpdatesPerDay)
                {
                    return DailyLimitExceeded(r.Email, ZoomDailyLimit.StatusUpdatesPerDay, "Update webinar registrant's status", now);
                }
            }

            if (action == "approve" && webinar.RegistrantsRestrictNumber > 0)
            {
                int held = webinar.RegistrantList.Count(r => r.Status != "denied");
                int adding = targets.Count(r => r.Status == "denied");
                if (held + adding > webinar.RegistrantsRestrictNumber)
                {
                    return SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 3035, "Webinar has reached maximum attendee capacity.");
                }
            }

            foreach (ZoomRegistrant r in targets)
            {
                _state.DailyLimit.Add("status", r.Email, now);
                // The API knows only approved|pending|denied: a cancelled registration reads as "denied" afterwards.
                r.Status = action == "approve" ? "approved" : "denied";
            }

            return SandboxResponse.Empty(HttpStatusCode.NoContent);
        }

        /// <summary>The daily per-registrant 429, with <c>Retry-After</c> as the ISO time of the next 00:00 UTC.</summary>
        internal static SandboxResponse DailyLimitExceeded(string email, int limit, string apiName, DateTimeOffset now)
        {
            SandboxResponse response = SandboxResponse.ZoomError((HttpStatusCode)429, 429,
                "You have exceeded the daily rate limit of (" + limit + ") for " + apiName + " API requests for the registrant (" + email
                + "). You can resume these API requests at GMT 00:00:00.");
            response.Headers["Retry-After"] = Date(ZoomDailyLimit.NextReset(now));
            response.Headers["X-RateLimit-Type"] = "Daily-limit";
            return response;
        }

        /// <summary>The registrant object of lists, absentees and GET-one.</summary>
        internal static JsonObject RegistrantJson(ZoomRegistrant r)
        {
            var body = new JsonObject
            {
                ["id"] = r.Id,
                ["email"] = r.Email,
                ["first_name"] = r.FirstName,
                ["last_name"] = r.LastName,
            };
            foreach (string field in StandardFields)
            {
                body[field] = r.FieldValues.TryGetValue(field, out string value) ? value : string.Empty;
            }

            body["custom_questions"] = new JsonArray(r.CustomAnswerList.Select(a => (JsonNode)new JsonObject { ["title"] = a.Key, ["value"] = a.Value }).ToArray());
            body["status"] = r.Status;
            body["create_time"] = Date(r.CreateTime);
            body["join_url"] = r.JoinUrl;
            return body;
        }
    }
}
