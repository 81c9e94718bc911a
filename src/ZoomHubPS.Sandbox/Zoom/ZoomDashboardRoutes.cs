using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;
using static ZoomHubPS.Sandbox.Zoom.ZoomApiHelpers;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// <c>GET /metrics/webinars</c>: the Dashboard's account-wide list of live or past webinar instances (Resource-intensive:
    /// 10/min on Pro, 20/min on Business+, sharing the Heavy daily cap). Only a Business-or-higher account with the
    /// Dashboard feature on gets data; every other account gets 400 code 200, whatever scopes the app has.
    /// </summary>
    internal sealed class ZoomDashboardRoutes
    {
        internal const string PlanRefusal = "This API is only available for ZMP and Business or higher accounts that have enabled the Dashboard feature.";

        /// <summary>
        /// Plans (as a scenario names them, see <c>LimitOptions.For</c>) that include the Dashboard API, with the Webinar
        /// add-on every scenario account has.
        /// </summary>
        private static readonly HashSet<string> DashboardPlans = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Business", "Business+", "BusinessPlus", "Enterprise", "Education", "Partners",
        };

        private readonly ZoomState _state;

        internal ZoomDashboardRoutes(ZoomState state)
        {
            _state = state;
        }

        internal void Register(ZoomRoutes routes)
        {
            routes.Get("/v2/metrics/webinars", ZoomRoutes.ResourceIntensive, ListWebinars);
        }

        /// <summary>Whether the account may call the Dashboard: plan Business or higher and the feature on.</summary>
        internal static bool Allows(ZoomState state) => state.DashboardEnabled && DashboardPlans.Contains((state.Plan ?? string.Empty).Replace(" ", string.Empty));

        private SandboxResponse ListWebinars(SandboxRequest request)
        {
            if (!Allows(_state))
            {
                return SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 200, PlanRefusal);
            }

            string type = request.QueryValue("type");
            type = string.IsNullOrEmpty(type) ? "live" : type;
            if (type != "live" && type != "past")
            {
                return Validation("type", "type must be live or past.");
            }

            if (!ZoomDateRange.TryRead(request, _state, _state.Rules.DashboardMonths, out ZoomDateRange range, out SandboxResponse error))
            {
                return error;
            }

            string listKey = "metrics_webinars|" + type + "|" + range.FromText + "|" + range.ToText;
            if (!TryReadPage(request, _state, listKey, 300, out int pageSize, out int offset, out error))
            {
                return error;
            }

            DateTimeOffset now = _state.Now;
            List<ZoomHeldInstance> rows = (type == "live" ? ZoomHeldInstances.Live(_state, now) : ZoomHeldInstances.Ended(_state, now))
                .Where(h => range.Contains(h.Instance.StartTime))
                .ToList();
            var body = new JsonObject { ["from"] = range.FromText, ["to"] = range.ToText };
            foreach (var pair in Envelope(_state, listKey, rows.Count, pageSize, offset, withPageNumber: false).ToList())
            {
                body[pair.Key] = pair.Value?.DeepClone();
            }

            body["webinars"] = new JsonArray(rows.Skip(offset).Take(pageSize).Select(h => (JsonNode)Item(h, now)).ToArray());
            return SandboxResponse.Json(HttpStatusCode.OK, body);
        }

        private static JsonObject Item(ZoomHeldInstance h, DateTimeOffset now)
        {
            ZoomInstance i = h.Instance;
            bool live = i.EndTime > now;
            return new JsonObject
            {
                ["uuid"] = i.Uuid,
                ["id"] = h.Webinar.Id,
                ["topic"] = h.Webinar.Topic,
                ["host"] = h.HostName,
                ["email"] = h.HostEmail,
                ["user_type"] = h.Host?.Type == 1 ? "Basic" : "Licensed",
                ["start_time"] = Date(i.StartTime),
                ["end_time"] = live ? string.Empty : Date(i.EndTime),
                ["duration"] = Elapsed(live ? now - i.StartTime : i.EndTime - i.StartTime),
                ["participants"] = i.ParticipantList.Count,
                ["has_pstn"] = false,
                ["has_voip"] = true,
                ["has_3rd_party_audio"] = false,
                ["has_video"] = true,
                ["has_screen_share"] = true,
                ["has_recording"] = i.Recording != null,
                ["has_sip"] = false,
                ["has_archiving"] = false,
                ["dept"] = h.HostDept,
                ["custom_keys"] = new JsonArray(),
            };
        }

        /// <summary>
        /// The Dashboard's duration is a string, not minutes: <c>"mm:ss"</c> under an hour and <c>"HH:mm:ss"</c> from an hour
        /// on (both forms appear in real answers, e.g. "01:25" and "03:55:08"; the switch point is the twin's reading).
        /// </summary>
        internal static string Elapsed(TimeSpan span)
        {
            long seconds = Math.Max(0, (long)span.TotalSeconds);
            long hours = seconds / 3600, minutes = seconds % 3600 / 60, rest = seconds % 60;
            return hours > 0
                ? string.Format(CultureInfo.InvariantCulture, "{0:00}:{1:00}:{2:00}", hours, minutes, rest)
                : string.Format(CultureInfo.InvariantCulture, "{0:00}:{1:00}", minutes, rest);
        }
    }
}
