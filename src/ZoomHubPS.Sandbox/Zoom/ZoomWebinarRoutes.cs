using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;
using static ZoomHubPS.Sandbox.Zoom.ZoomApiHelpers;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary><c>GET /webinars/{webinarId}</c> (ID or UUID); 404 code 3001 once Zoom has deleted the webinar.</summary>
    internal sealed class ZoomWebinarRoutes
    {
        private readonly ZoomState _state;

        internal ZoomWebinarRoutes(ZoomState state)
        {
            _state = state;
        }

        internal void Register(ZoomRoutes routes)
        {
            routes.Get("/v2/webinars/{webinarId}", ZoomRoutes.Light, GetWebinar);
        }

        private SandboxResponse GetWebinar(SandboxRequest request)
        {
            ZoomWebinarRef reference = ZoomWebinarRef.Resolve(_state, request.RouteValue("webinarId"));
            if (reference.Result != ZoomRefResult.Found)
            {
                return RefError(reference);
            }

            // An expired webinar still answers here; a deleted one (90 days on, by default) is gone like any unknown id.
            if (ZoomWebinarLifecycle.IsDeleted(reference.Webinar, _state.Rules, _state.Now))
            {
                return WebinarNotFound(reference.Raw);
            }

            // Like Zoom, past occurrences are listed only when asked for (show_previous_occurrences=true).
            bool showPrevious = string.Equals(request.QueryValue("show_previous_occurrences"), "true", StringComparison.OrdinalIgnoreCase);
            return SandboxResponse.Json(HttpStatusCode.OK, FullJson(reference.Webinar, _state.Now, showPrevious));
        }

        /// <summary>The full webinar object.</summary>
        internal static JsonObject FullJson(ZoomWebinar w, DateTimeOffset now, bool showPreviousOccurrences)
        {
            JsonObject body = ZoomUserRoutes.ListItem(w);
            body.Remove("is_simulive");
            body["host_email"] = w.HostEmail;
            body["agenda"] = w.Agenda;
            body["start_url"] = ZoomState.WebHost + "/s/" + w.Id + "?zak=sandbox";
            body["password"] = string.Empty;
            body["is_simulive"] = false;
            body["creation_source"] = "web_portal";
            body["transition_to_live"] = false;
            body["tracking_fields"] = new JsonArray();
            if (w.RegistrationUrl != null)
            {
                // Absent from the spec for webinars but sent in practice when registration is on (FACTS §1.4).
                body["registration_url"] = w.RegistrationUrl;
            }

            if (w.IsRecurring)
            {
                body["occurrences"] = OccurrencesJson(w, o => showPreviousOccurrences || o.StartTime.AddMinutes(o.Duration) > now);
                if (w.Type == 9)
                {
                    body["recurrence"] = new JsonObject { ["type"] = 2, ["repeat_interval"] = 1, ["end_times"] = w.OccurrenceList.Count };
                }
            }

            var settings = new JsonObject
            {
                ["approval_type"] = w.ApprovalType,
                ["registrants_email_notification"] = true,
                ["registrants_confirmation_email"] = true,
                ["registrants_restrict_number"] = w.RegistrantsRestrictNumber,
                ["close_registration"] = w.CloseRegistration,
                ["contact_name"] = w.ContactName ?? string.Empty,
                ["contact_email"] = w.ContactEmail ?? string.Empty,
                ["email_in_attendee_report"] = true,
                ["meeting_authentication"] = false,
                ["on_demand"] = false,
                ["practice_session"] = false,
                ["audio"] = "both",
                ["email_language"] = "en-US",
                ["alternative_hosts"] = string.Empty,
                ["panelists_invitation_email_notification"] = true,
                ["question_and_answer"] = new JsonObject { ["enable"] = true, ["allow_anonymous_questions"] = true },
            };
            if (w.RegistrationType.HasValue)
            {
                settings["registration_type"] = w.RegistrationType.Value;
            }

            body["settings"] = settings;
            return body;
        }

        /// <summary><c>occurrences[{occurrence_id,start_time,duration,status}]</c> of the occurrences that pass <paramref name="include"/>.</summary>
        internal static JsonArray OccurrencesJson(ZoomWebinar w, Func<ZoomOccurrence, bool> include)
            => new JsonArray(w.OccurrenceList.Where(include).Select(o => (JsonNode)new JsonObject
            {
                ["occurrence_id"] = o.OccurrenceId,
                ["start_time"] = Date(o.StartTime),
                ["duration"] = o.Duration,
                ["status"] = o.Status,
            }).ToArray());
    }
}
