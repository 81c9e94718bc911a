using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;
using static ZoomHubPS.Sandbox.Zoom.ZoomApiHelpers;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// What the per-instance engagement routes (polls, Q&amp;A) share: the past-webinar route (Medium) and the report
    /// route (Heavy, kept 6 months) of one instance, their "not found / not ended / expired" answers (code 3001), and
    /// the envelope <c>{id, uuid, start_time, questions: [...]}</c> both answer with. Each kind lists its people.
    /// </summary>
    internal abstract class ZoomInstanceEngagementRoutes
    {
        private readonly ZoomPastWebinarRoutes _past;
        private readonly ZoomReportRoutes _report;

        protected ZoomInstanceEngagementRoutes(ZoomState state, ZoomPastWebinarRoutes past, ZoomReportRoutes report)
        {
            State = state;
            _past = past;
            _report = report;
        }

        protected ZoomState State { get; }

        /// <summary>Registers <c>GET /v2/past_webinars/{webinarId}/{kind}</c> and <c>GET /v2/report/webinars/{webinarId}/{kind}</c>.</summary>
        protected void RegisterInstanceRoutes(ZoomRoutes routes, string kind)
        {
            routes.Get("/v2/past_webinars/{webinarId}/" + kind, ZoomRoutes.Medium, Past);
            routes.Get("/v2/report/webinars/{webinarId}/" + kind, ZoomRoutes.Heavy, Report);
        }

        /// <summary>One entry per person of the instance (the report form has more fields).</summary>
        protected abstract JsonArray People(ZoomWebinar webinar, ZoomInstance instance, bool report);

        private SandboxResponse Past(SandboxRequest request)
        {
            if (!_past.TryInstance(request, out ZoomWebinarRef reference, out SandboxResponse _))
            {
                return SandboxResponse.ZoomError(HttpStatusCode.NotFound, 3001, "Webinar ID is invalid or not end.");
            }

            return Answer(reference, report: false);
        }

        private SandboxResponse Report(SandboxRequest request)
        {
            if (!_report.TryRetained(request, out ZoomWebinarRef reference, out SandboxResponse error))
            {
                return error.Status == HttpStatusCode.NotFound
                    ? SandboxResponse.ZoomError(HttpStatusCode.NotFound, 3001, "Webinar " + reference.Raw + " not found or has expired.")
                    : error;
            }

            return Answer(reference, report: true);
        }

        private SandboxResponse Answer(ZoomWebinarRef reference, bool report)
        {
            ZoomWebinar webinar = reference.Webinar;
            ZoomInstance instance = reference.Instance;
            return SandboxResponse.Json(HttpStatusCode.OK, new JsonObject
            {
                ["id"] = webinar.Id,
                ["uuid"] = instance.Uuid,
                ["start_time"] = Date(instance.StartTime),
                ["questions"] = People(webinar, instance, report),
            });
        }
    }
}
