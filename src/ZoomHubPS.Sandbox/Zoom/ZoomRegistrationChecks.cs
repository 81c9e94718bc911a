using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZoomHubPS.Sandbox.Http;
using static ZoomHubPS.Sandbox.Zoom.ZoomApiHelpers;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// The checks of <see cref="ZoomRegistrationRoutes"/>, each answering Zoom's own error when a registration must be
    /// refused: identity fields, registration open, occurrences, host and panelists, required questions, capacity.
    /// </summary>
    internal static class ZoomRegistrationChecks
    {
        private static readonly Regex EmailShape = new Regex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant);

        /// <summary>Email and first name are always required; lengths per the spec (email ≤ 128, names ≤ 64).</summary>
        internal static JsonArray ValidateIdentity(JsonObject body)
        {
            var errors = new JsonArray();
            string email = Text(body, "email");
            string first = Text(body, "first_name");
            string last = Text(body, "last_name");
            if (string.IsNullOrWhiteSpace(email))
            {
                errors.Add(new JsonObject { ["field"] = "email", ["message"] = "This field is required." });
            }
            else if (email.Length > 128 || !EmailShape.IsMatch(email))
            {
                errors.Add(new JsonObject { ["field"] = "email", ["message"] = "Invalid field." });
            }

            if (string.IsNullOrWhiteSpace(first))
            {
                errors.Add(new JsonObject { ["field"] = "first_name", ["message"] = "This field is required." });
            }
            else if (first.Length > 64)
            {
                errors.Add(new JsonObject { ["field"] = "first_name", ["message"] = "Invalid field." });
            }

            if (last != null && last.Length > 64)
            {
                errors.Add(new JsonObject { ["field"] = "last_name", ["message"] = "Invalid field." });
            }

            return errors;
        }

        internal static SandboxResponse CheckOpen(ZoomWebinar webinar, DateTimeOffset now)
        {
            if (webinar.ApprovalType == 2)
            {
                return SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 3000, "This webinar does not have registration as required: " + webinar.Id + ".");
            }

            if (webinar.Paid)
            {
                return SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 3000, "The Zoom REST API does not support paid registration.");
            }

            return webinar.EndTime <= now ? Over() : null;
        }

        internal static SandboxResponse CheckOccurrences(ZoomWebinar webinar, string occurrenceIds, DateTimeOffset now, out List<ZoomOccurrence> occurrences)
        {
            occurrences = new List<ZoomOccurrence>();
            if (string.IsNullOrEmpty(occurrenceIds) || !webinar.IsRecurring)
            {
                return null;
            }

            foreach (string id in occurrenceIds.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()))
            {
                ZoomOccurrence occurrence = webinar.OccurrenceList.FirstOrDefault(o => o.OccurrenceId == id && o.Status == "available");
                if (occurrence == null)
                {
                    return Validation("occurrence_ids", "Invalid occurrence ID: " + id + ".");
                }

                if (occurrence.StartTime.AddMinutes(occurrence.Duration) <= now)
                {
                    return Over();
                }

                occurrences.Add(occurrence);
            }

            return null;
        }

        internal static SandboxResponse CheckPerson(ZoomWebinar webinar, string email)
        {
            if (string.Equals(email, webinar.HostEmail, StringComparison.OrdinalIgnoreCase))
            {
                return SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 3027, "Host cannot register.");
            }

            if (webinar.PanelistList.Any(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase)))
            {
                return SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 3000,
                    "You have been invited as a panelist for the webinar, please check your email to find more information about this webinar.");
            }

            if (webinar.RegistrantsByEmail.TryGetValue(email ?? string.Empty, out ZoomRegistrant existing) && existing.Status == "denied")
            {
                // Denied and cancelled people stay on the webinar's denied/blocked list and cannot register again (Zoom KB
                // KB0068036, devforum 39340). The API's exact answer is unconfirmed; the twin refuses clearly rather than
                // answering 201 with a registration that still cannot join.
                return SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 3000,
                    "Registrant " + existing.Email + " was denied or cancelled for this webinar and cannot register again; approve the registrant instead.");
            }

            return null;
        }

        /// <summary>
        /// One <c>{field, message}</c> per required standard field that is empty and per required custom question
        /// (matched by title, case-insensitively) without an answer. Zoom's exact body is unconfirmed (FACTS §5.3);
        /// this is its generic validation shape.
        /// </summary>
        internal static JsonArray MissingRequired(ZoomWebinar webinar, JsonObject body)
        {
            var errors = new JsonArray();
            foreach (ZoomQuestion q in webinar.QuestionList.Where(q => q.Required))
            {
                if (string.IsNullOrWhiteSpace(Text(body, q.FieldName)))
                {
                    errors.Add(new JsonObject { ["field"] = q.FieldName, ["message"] = "This field is required." });
                }
            }

            var answers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (body["custom_questions"] is JsonArray given)
            {
                foreach (JsonNode a in given)
                {
                    string title = a is JsonObject o ? Text(o, "title") : null;
                    if (!string.IsNullOrEmpty(title))
                    {
                        answers[title] = Text((JsonObject)a, "value");
                    }
                }
            }

            foreach (ZoomCustomQuestion q in webinar.CustomQuestionList.Where(q => q.Required))
            {
                if (!answers.TryGetValue(q.Title, out string value) || string.IsNullOrWhiteSpace(value))
                {
                    errors.Add(new JsonObject { ["field"] = q.Title, ["message"] = "This custom question is required." });
                }
            }

            return errors;
        }

        internal static bool IsFull(ZoomWebinar webinar, int adding)
            => webinar.RegistrantsRestrictNumber > 0
            && webinar.RegistrantList.Count(r => r.Status != "denied") + adding > webinar.RegistrantsRestrictNumber;

        internal static SandboxResponse Full() => SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 3043, "Webinar has reached maximum attendee capacity.");

        internal static SandboxResponse Over() => SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 3038,
            "Webinar is over, you cannot register now. If you have any questions, contact the webinar host.");

        internal static string Text(JsonObject body, string name)
        {
            JsonNode node = body?[name];
            if (node is JsonValue value)
            {
                if (value.TryGetValue(out string s))
                {
                    return s;
                }

                return value.ToJsonString().Trim('"');
            }

            return null;
        }
    }
}
