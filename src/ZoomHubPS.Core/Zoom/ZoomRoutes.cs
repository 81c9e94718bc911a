using System.Globalization;

namespace ZoomHubPS.Core.Zoom
{
    /// <summary>Every Zoom route the module calls, in one place (relative to the API base, e.g. https://api.zoom.us/v2/).</summary>
    internal static class ZoomRoutes
    {
        private static string N(long id) => Http.ApiPath.Number(id);

        public static string Users() => "users";                                                     // GET /users
        public static string User(string idOrEmail) => "users/" + Http.ApiPath.Segment(idOrEmail); // GET /users/{userId}
        public static string HostWebinars(string hostIdOrEmail) => User(hostIdOrEmail) + "/webinars";    // GET /users/{userId}/webinars
        public static string Webinar(long id) => "webinars/" + N(id);                                // GET /webinars/{webinarId}
        public static string Registrants(long id) => Webinar(id) + "/registrants";                   // GET|POST /webinars/{webinarId}/registrants
        public static string Registrant(long id, string registrantId) => Registrants(id) + "/" + Http.ApiPath.Segment(registrantId); // GET|DELETE …/registrants/{registrantId}
        public static string RegistrantStatus(long id) => Registrants(id) + "/status";               // PUT …/registrants/status
        public static string BatchRegistrants(long id) => Webinar(id) + "/batch_registrants";        // POST /webinars/{webinarId}/batch_registrants
        public static string Questions(long id) => Registrants(id) + "/questions";                   // GET …/registrants/questions
        public static string Panelists(long id) => Webinar(id) + "/panelists";                       // GET /webinars/{webinarId}/panelists
        public static string PastInstances(long id) => "past_webinars/" + N(id) + "/instances";     // GET /past_webinars/{webinarId}/instances
        public static string PastParticipants(string pathId) => "past_webinars/" + pathId + "/participants"; // GET /past_webinars/{webinarId}/participants
        public static string Absentees(string pathId) => "past_webinars/" + pathId + "/absentees";   // GET /past_webinars/{webinarId}/absentees
        public static string ReportParticipants(string pathId) => "report/webinars/" + pathId + "/participants"; // GET /report/webinars/{webinarId}/participants
        public static string WebinarReport(string pathId) => "report/webinars/" + pathId;            // GET /report/webinars/{webinarId}
        public static string Recordings(string pathId) => "meetings/" + pathId + "/recordings";     // GET /meetings/{meetingId}/recordings
        public static string DashboardWebinars() => "metrics/webinars";                            // GET /metrics/webinars?type=past&from&to
        public static string UserMeetingsReport(string userId) => "report/users/" + Http.ApiPath.Segment(userId) + "/meetings"; // GET /report/users/{userId}/meetings
        public static string Polls(long id) => Webinar(id) + "/polls";                               // GET /webinars/{webinarId}/polls
        public static string PastPolls(string pathId) => "past_webinars/" + pathId + "/polls";       // GET /past_webinars/{webinarId}/polls
        public static string PastQa(string pathId) => "past_webinars/" + pathId + "/qa";             // GET /past_webinars/{webinarId}/qa
        public static string ReportPolls(string pathId) => "report/webinars/" + pathId + "/polls";   // GET /report/webinars/{webinarId}/polls
        public static string ReportQa(string pathId) => "report/webinars/" + pathId + "/qa";         // GET /report/webinars/{webinarId}/qa
    }
}
