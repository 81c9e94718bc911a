using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;
using static ZoomHubPS.Sandbox.Zoom.ZoomApiHelpers;
using static ZoomHubPS.Sandbox.Zoom.ZoomRegistrationChecks;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// Adding registrants: <c>POST …/registrants</c> (one, 201) and <c>POST …/batch_registrants</c> (≤ 30, type 5 only, 201).
    /// Checks run in this order: webinar id → body → per-registrant daily limit → registration on / not paid / not over →
    /// host (3027) / panelist (3000) → required questions → duplicate (returns the existing registrant) → capacity (3043).
    /// </summary>
    internal sealed class ZoomRegistrationRoutes
    {
        private const string AddApiName = "Add a webinar registrant";

        private readonly ZoomState _state;

        internal ZoomRegistrationRoutes(ZoomState state)
        {
            _state = state;
        }

        internal void Register(ZoomRoutes routes)
        {
            routes.Post("/v2/webinars/{webinarId}/registrants", ZoomRoutes.Light, Add);
            routes.Post("/v2/webinars/{webinarId}/batch_registrants", ZoomRoutes.Heavy, AddBatch);
        }

        private SandboxResponse Add(SandboxRequest request)
        {
            if (!TryResolveNumeric(request, out ZoomWebinar webinar, out SandboxResponse error))
            {
                return error;
            }

            JsonObject body = request.Json() as JsonObject ?? new JsonObject();
            string email = Text(body, "email");
            JsonArray invalid = ValidateIdentity(body);
            if (invalid.Count > 0)
            {
                return Validation(invalid);
            }

            DateTimeOffset now = _state.Now;
            if (_state.DailyLimit.Count("register", email, now) >= ZoomDailyLimit.RegistrationsPerDay)
            {
                return ZoomRegistrantRoutes.DailyLimitExceeded(email, ZoomDailyLimit.RegistrationsPerDay, AddApiName, now);
            }

            _state.DailyLimit.Add("register", email, now);

            List<ZoomOccurrence> occurrences = null;
            error = CheckOpen(webinar, now) ?? CheckOccurrences(webinar, request.QueryValue("occurrence_ids"), now, out occurrences) ?? CheckPerson(webinar, email);
            if (error != null)
            {
                return error;
            }

            JsonArray missing = MissingRequired(webinar, body);
            if (missing.Count > 0)
            {
                return Validation(missing);
            }

            if (webinar.RegistrantsByEmail.TryGetValue(email, out ZoomRegistrant existing))
            {
                // Zoom answers a repeat registration with the existing registrant (same id and join link). A repeat that
                // names further occurrences adds them: the person wants those too, and nothing is lost.
                foreach (ZoomOccurrence o in occurrences ?? new List<ZoomOccurrence>())
                {
                    if (existing.OccurrenceIdList.Count > 0 && !existing.OccurrenceIdList.Contains(o.OccurrenceId))
                    {
                        existing.OccurrenceIdList.Add(o.OccurrenceId);
                    }
                }

                return Created(webinar, existing);
            }

            if (IsFull(webinar, 1))
            {
                return Full();
            }

            ZoomRegistrant registrant = NewRegistrant(webinar, body, webinar.ApprovalType == 1 ? "pending" : "approved", now);
            foreach (ZoomOccurrence o in occurrences ?? new List<ZoomOccurrence>())
            {
                registrant.OccurrenceIdList.Add(o.OccurrenceId);
            }

            ZoomState.AddRegistrant(webinar, registrant);
            return Created(webinar, registrant);
        }

        /// <summary>
        /// Batch registration. Zoom documents the shape and the type-5 restriction but not how it treats hosts,
        /// panelists, duplicates or required questions; the twin picks the strict reading so a client that relies on
        /// checking first (as ZoomHubPS does) is verified: a host or panelist in the batch, or a required question
        /// beyond first/last name, fails the whole batch (3027 / 3000 / 300), a full webinar fails it (3043), and a
        /// duplicate email answers its existing registrant, as the single add does.
        /// </summary>
        private SandboxResponse AddBatch(SandboxRequest request)
        {
            if (!TryResolveNumeric(request, out ZoomWebinar webinar, out SandboxResponse error))
            {
                return error;
            }

            if (webinar.Type != 5)
            {
                // Code unconfirmed; the spec says only type 5 webinars are supported.
                return SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 300, "Batch registration is only supported for webinars of type 5: " + webinar.Id + ".");
            }

            JsonObject body = request.Json() as JsonObject ?? new JsonObject();
            JsonArray people = body["registrants"] as JsonArray;
            if (people == null || people.Count == 0 || people.Count > 30)
            {
                return Validation("registrants", "Between 1 and 30 registrants are required.");
            }

            var errors = new JsonArray();
            var inputs = new List<JsonObject>();
            for (int i = 0; i < people.Count; i++)
            {
                JsonObject person = people[i] as JsonObject ?? new JsonObject();
                foreach (JsonNode e in ValidateIdentity(person))
                {
                    errors.Add(new JsonObject { ["field"] = "registrants[" + i + "]." + (string)e["field"], ["message"] = (string)e["message"] });
                }

                inputs.Add(person);
            }

            if (errors.Count > 0)
            {
                return Validation(errors);
            }

            DateTimeOffset now = _state.Now;
            foreach (JsonObject person in inputs)
            {
                string email = Text(person, "email");
                if (_state.DailyLimit.Count("register", email, now) >= ZoomDailyLimit.RegistrationsPerDay)
                {
                    return ZoomRegistrantRoutes.DailyLimitExceeded(email, ZoomDailyLimit.RegistrationsPerDay, AddApiName, now);
                }
            }

            foreach (JsonObject person in inputs)
            {
                _state.DailyLimit.Add("register", Text(person, "email"), now);
            }

            error = CheckOpen(webinar, now);
            foreach (JsonObject person in inputs)
            {
                error = error ?? CheckPerson(webinar, Text(person, "email"));
            }

            if (error != null)
            {
                return error;
            }

            JsonArray missing = MissingRequired(webinar, new JsonObject { ["last_name"] = "batch supplies last_name", ["email"] = "x", ["first_name"] = "x" });
            if (missing.Count > 0)
            {
                // Batch entries carry only email, first_name and last_name: check last_name per entry, anything else always fails.
                return Validation(missing);
            }

            if (webinar.QuestionList.Any(q => q.FieldName == "last_name" && q.Required))
            {
                var noLast = new JsonArray();
                for (int i = 0; i < inputs.Count; i++)
                {
                    if (string.IsNullOrWhiteSpace(Text(inputs[i], "last_name")))
                    {
                        noLast.Add(new JsonObject { ["field"] = "registrants[" + i + "].last_name", ["message"] = "This field is required." });
                    }
                }

                if (noLast.Count > 0)
                {
                    return Validation(noLast);
                }
            }

            var distinctNew = new HashSet<string>(inputs.Select(p => Text(p, "email")).Where(e => !webinar.RegistrantsByEmail.ContainsKey(e)), StringComparer.OrdinalIgnoreCase);
            if (IsFull(webinar, distinctNew.Count))
            {
                return Full();
            }

            bool autoApprove = body["auto_approve"] is JsonValue v && v.TryGetValue(out bool b) && b;
            string status = autoApprove || webinar.ApprovalType != 1 ? "approved" : "pending";
            var results = new JsonArray();
            foreach (JsonObject person in inputs)
            {
                string email = Text(person, "email");
                if (!webinar.RegistrantsByEmail.TryGetValue(email, out ZoomRegistrant registrant))
                {
                    registrant = NewRegistrant(webinar, person, status, now);
                    ZoomState.AddRegistrant(webinar, registrant);
                }

                results.Add(new JsonObject { ["registrant_id"] = registrant.Id, ["email"] = registrant.Email, ["join_url"] = registrant.JoinUrl });
            }

            return SandboxResponse.Json(HttpStatusCode.Created, new JsonObject { ["registrants"] = results });
        }

        private bool TryResolveNumeric(SandboxRequest request, out ZoomWebinar webinar, out SandboxResponse error)
        {
            webinar = null;
            error = null;
            string raw = request.RouteValue("webinarId") ?? string.Empty;
            if (raw.Length == 0 || !raw.All(c => c >= '0' && c <= '9') || !long.TryParse(raw, out long id))
            {
                error = InvalidWebinarId();
                return false;
            }

            if (!_state.WebinarsById.TryGetValue(id, out webinar))
            {
                error = WebinarNotFound(raw);
                return false;
            }

            return true;
        }

        private ZoomRegistrant NewRegistrant(ZoomWebinar webinar, JsonObject body, string status, DateTimeOffset now)
        {
            var registrant = new ZoomRegistrant
            {
                Id = _state.Context.NewId(22),
                Email = Text(body, "email").Trim(),
                FirstName = Text(body, "first_name") ?? string.Empty,
                LastName = Text(body, "last_name") ?? string.Empty,
                Status = status,
                CreateTime = now,
                JoinUrl = _state.NewJoinUrl(webinar.Id),
            };
            foreach (string field in ZoomRegistrantRoutes.StandardFields)
            {
                string value = Text(body, field);
                if (!string.IsNullOrEmpty(value))
                {
                    registrant.FieldValues[field] = value;
                }
            }

            if (body["custom_questions"] is JsonArray answers)
            {
                foreach (JsonObject a in answers.OfType<JsonObject>())
                {
                    registrant.CustomAnswerList.Add(new KeyValuePair<string, string>(Text(a, "title") ?? string.Empty, Text(a, "value") ?? string.Empty));
                }
            }

            return registrant;
        }

        private static SandboxResponse Created(ZoomWebinar webinar, ZoomRegistrant registrant)
        {
            JsonArray occurrences = webinar.IsRecurring
                ? ZoomWebinarRoutes.OccurrencesJson(webinar, o => o.Status == "available" && registrant.IsFor(o.OccurrenceId))
                : new JsonArray();
            DateTimeOffset start = webinar.StartTime;
            if (webinar.IsRecurring && occurrences.Count > 0)
            {
                start = webinar.OccurrenceList.First(o => o.OccurrenceId == (string)occurrences[0]["occurrence_id"]).StartTime;
            }

            return SandboxResponse.Json(HttpStatusCode.Created, new JsonObject
            {
                ["id"] = webinar.Id,
                ["registrant_id"] = registrant.Id,
                ["topic"] = webinar.Topic,
                ["start_time"] = Date(start),
                ["join_url"] = registrant.JoinUrl,
                ["occurrences"] = occurrences,
            });
        }
    }
}
