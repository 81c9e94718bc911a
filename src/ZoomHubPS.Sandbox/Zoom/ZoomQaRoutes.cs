using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;
using static ZoomHubPS.Sandbox.Zoom.ZoomApiHelpers;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// Q&amp;A of one instance: <c>GET /past_webinars/{id}/qa</c> (Medium: question and answer text) and
    /// <c>GET /report/webinars/{id}/qa</c> (Heavy, kept 6 months: question ids, times, status and answer details). Not
    /// paged; one entry per person who asked, their questions inside. Emails follow <see cref="ZoomEmailDisplay"/> on both.
    /// </summary>
    internal sealed class ZoomQaRoutes : ZoomInstanceEngagementRoutes
    {
        private const string LiveAnswered = "live answered";

        internal ZoomQaRoutes(ZoomState state, ZoomPastWebinarRoutes past, ZoomReportRoutes report)
            : base(state, past, report)
        {
        }

        internal void Register(ZoomRoutes routes) => RegisterInstanceRoutes(routes, "qa");

        /// <inheritdoc />
        protected override JsonArray People(ZoomWebinar webinar, ZoomInstance instance, bool report)
        {
            var people = new JsonArray();
            foreach (var asker in instance.QaList.GroupBy(q => q.Anonymous ? "\u0001anonymous" : q.Name + "\u0001" + q.Email))
            {
                ZoomQaEntry first = asker.First();
                string email = first.Anonymous ? string.Empty : ZoomEmailDisplay.Shown(State, webinar, first.Email);
                var person = new JsonObject();
                if (report) person["user_id"] = first.Anonymous ? string.Empty : (State.FindUser(first.Email)?.Id ?? string.Empty);
                person["name"] = first.Anonymous ? ZoomPollRoutes.AnonymousName : first.Name;
                person["email"] = email;
                person["question_details"] = new JsonArray(asker.Select(q => (JsonNode)(report ? ReportDetail(webinar, q) : PastDetail(q))).ToArray());
                people.Add(person);
            }

            return people;
        }

        private static string Joined(ZoomQaEntry q)
            => q.LiveAnswered ? LiveAnswered : string.Join(";", q.Answers.Where(a => a.Type.StartsWith("host_answered", System.StringComparison.Ordinal)).Select(a => a.Content));

        private static JsonObject PastDetail(ZoomQaEntry q) => new JsonObject { ["question"] = q.Question, ["answer"] = Joined(q) };

        private JsonObject ReportDetail(ZoomWebinar webinar, ZoomQaEntry q) => new JsonObject
        {
            ["question_id"] = q.QuestionId,
            ["question"] = q.Question,
            ["answer"] = Joined(q),
            ["create_time"] = Date(q.CreateTime),
            ["question_status"] = q.Status,
            ["answer_details"] = new JsonArray(q.Answers.Select(a => (JsonNode)new JsonObject
            {
                ["create_time"] = Date(a.CreateTime),
                ["user_id"] = State.FindUser(a.Email)?.Id ?? string.Empty,
                ["name"] = a.Name,
                ["type"] = a.Type,
                ["email"] = ZoomEmailDisplay.Shown(State, webinar, a.Email),
                ["content"] = a.Content,
            }).ToArray()),
        };
    }
}
