using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;
using static ZoomHubPS.Sandbox.Zoom.ZoomApiHelpers;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary><c>GET …/registrants/questions</c> (the registration form) and <c>GET …/panelists</c> (not paged).</summary>
    internal sealed class ZoomQuestionRoutes
    {
        private readonly ZoomState _state;

        internal ZoomQuestionRoutes(ZoomState state)
        {
            _state = state;
        }

        internal void Register(ZoomRoutes routes)
        {
            routes.Get("/v2/webinars/{webinarId}/registrants/questions", ZoomRoutes.Light, Questions);
            routes.Get("/v2/webinars/{webinarId}/panelists", ZoomRoutes.Medium, Panelists);
        }

        private SandboxResponse Questions(SandboxRequest request)
        {
            ZoomWebinarRef reference = ZoomWebinarRef.Resolve(_state, request.RouteValue("webinarId"));
            if (reference.Result != ZoomRefResult.Found)
            {
                return RefError(reference);
            }

            ZoomWebinar w = reference.Webinar;
            if (w.ApprovalType == 2)
            {
                return SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 3000, "Registration has not been enabled for this webinar: " + w.Id + ".");
            }

            // email and first_name are always required and never listed.
            return SandboxResponse.Json(HttpStatusCode.OK, new JsonObject
            {
                ["questions"] = new JsonArray(w.QuestionList.Select(q => (JsonNode)new JsonObject { ["field_name"] = q.FieldName, ["required"] = q.Required }).ToArray()),
                ["custom_questions"] = new JsonArray(w.CustomQuestionList.Select(q => (JsonNode)new JsonObject
                {
                    ["title"] = q.Title,
                    ["type"] = q.Type,
                    ["required"] = q.Required,
                    ["answers"] = new JsonArray(q.Answers.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
                }).ToArray()),
            });
        }

        private SandboxResponse Panelists(SandboxRequest request)
        {
            ZoomWebinarRef reference = ZoomWebinarRef.Resolve(_state, request.RouteValue("webinarId"));
            if (reference.Result != ZoomRefResult.Found)
            {
                return RefError(reference);
            }

            ZoomWebinar w = reference.Webinar;
            return SandboxResponse.Json(HttpStatusCode.OK, new JsonObject
            {
                ["total_records"] = w.PanelistList.Count,
                ["panelists"] = new JsonArray(w.PanelistList.Select(p => (JsonNode)new JsonObject
                {
                    ["id"] = p.Id,
                    ["name"] = p.Name,
                    ["email"] = p.Email,
                    ["join_url"] = p.JoinUrl,
                    ["virtual_background_id"] = string.Empty,
                    ["name_tag_id"] = string.Empty,
                }).ToArray()),
            });
        }
    }
}
