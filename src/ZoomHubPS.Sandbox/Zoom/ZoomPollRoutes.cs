using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;
using static ZoomHubPS.Sandbox.Zoom.ZoomApiHelpers;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// Polls: the definitions (<c>GET /webinars/{id}/polls</c>, Light) and per instance who answered what
    /// (<c>GET /past_webinars/{id}/polls</c>, Medium; <c>GET /report/webinars/{id}/polls</c>, Heavy, kept 6 months). None is
    /// paged. Answers to an anonymous poll come back under "Anonymous Attendee" with no email; the past route blanks the
    /// emails of people outside the account who did not register (<see cref="ZoomEmailDisplay"/>), the report does not.
    /// </summary>
    internal sealed class ZoomPollRoutes : ZoomInstanceEngagementRoutes
    {
        internal const string AnonymousName = "Anonymous Attendee";

        internal ZoomPollRoutes(ZoomState state, ZoomPastWebinarRoutes past, ZoomReportRoutes report)
            : base(state, past, report)
        {
        }

        internal void Register(ZoomRoutes routes)
        {
            routes.Get("/v2/webinars/{webinarId}/polls", ZoomRoutes.Light, Definitions);
            RegisterInstanceRoutes(routes, "polls");
        }

        /// <summary>400 code 4400 when the host's polls setting is off.</summary>
        internal static SandboxResponse PollsDisabled()
            => SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 4400,
                "Webinar polls disabled. To enable this feature, enable the \"Webinar Polls/Quizzes\" setting in the Zoom web portal's \"Settings\" interface.");

        private SandboxResponse Definitions(SandboxRequest request)
        {
            ZoomWebinarRef reference = ZoomWebinarRef.Resolve(State, request.RouteValue("webinarId"));
            if (reference.Result != ZoomRefResult.Found)
            {
                return RefError(reference);
            }

            ZoomWebinar webinar = reference.Webinar;
            if (webinar.PollsDisabled)
            {
                return PollsDisabled();
            }

            // anonymous=true lists the anonymous polls, false the others, absent all (the spec's wording; unconfirmed).
            string anonymous = request.QueryValue("anonymous");
            IEnumerable<ZoomPoll> polls = webinar.PollList;
            if (anonymous == "true" || anonymous == "false") polls = polls.Where(p => p.Anonymous == (anonymous == "true"));
            var items = new JsonArray(polls.Select(p => (JsonNode)PollJson(p)).ToArray());
            return SandboxResponse.Json(HttpStatusCode.OK, new JsonObject { ["total_records"] = items.Count, ["polls"] = items });
        }

        /// <inheritdoc />
        protected override JsonArray People(ZoomWebinar webinar, ZoomInstance instance, bool report)
        {
            var anonymousPolls = new HashSet<string>(webinar.PollList.Where(p => p.Anonymous).Select(p => p.Id), StringComparer.Ordinal);
            var people = new JsonArray();
            foreach (ZoomPollResponse r in instance.PollResponseList)
            {
                // One person's answers to anonymous polls are listed apart, under the anonymous name.
                foreach (var group in r.Answers.GroupBy(a => anonymousPolls.Contains(a.PollId)).OrderBy(g => g.Key))
                {
                    bool anonymous = group.Key;
                    string email = anonymous ? string.Empty : (report ? r.Email : ZoomEmailDisplay.Shown(State, webinar, r.Email));
                    var person = new JsonObject { ["name"] = anonymous ? AnonymousName : r.Name, ["email"] = email };
                    if (report)
                    {
                        person["first_name"] = anonymous ? AnonymousName : r.FirstName;
                        person["last_name"] = anonymous ? AnonymousName : r.LastName;
                    }

                    person["question_details"] = new JsonArray(group.Select(a => (JsonNode)new JsonObject
                    {
                        ["answer"] = a.Answer,
                        ["date_time"] = Date(a.DateTime),
                        ["polling_id"] = a.PollId,
                        ["question"] = a.Question,
                    }).ToArray());
                    people.Add(person);
                }
            }

            return people;
        }

        private static JsonObject PollJson(ZoomPoll p) => new JsonObject
        {
            ["id"] = p.Id,
            ["status"] = p.Status,
            ["anonymous"] = p.Anonymous,
            ["poll_type"] = p.PollType,
            ["questions"] = new JsonArray(p.Questions.Select(q => (JsonNode)new JsonObject
            {
                ["answer_required"] = q.AnswerRequired,
                ["answers"] = new JsonArray(q.Answers.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
                ["name"] = q.Name,
                ["right_answers"] = new JsonArray(q.RightAnswers.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
                ["type"] = q.Type,
            }).ToArray()),
            ["title"] = p.Title,
        };
    }
}
