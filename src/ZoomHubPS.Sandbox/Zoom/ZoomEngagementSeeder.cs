using System;
using System.Collections.Generic;
using System.Linq;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>Loads a scenario's polls (per webinar) and poll answers and Q&amp;A (per instance), checking what they refer to.</summary>
    internal static class ZoomEngagementSeeder
    {
        internal static void SeedPolls(ZoomState state, ZoomWebinar webinar, ZoomWebinarSeed w)
        {
            webinar.PollsDisabled = w.PollsDisabled;
            foreach (ZoomPollSeed p in w.Polls ?? new List<ZoomPollSeed>())
            {
                string id = string.IsNullOrEmpty(p.Id) ? state.Context.NewId(22) : p.Id;
                if (webinar.PollList.Any(x => x.Id == id))
                {
                    throw new ArgumentException("Scenario: poll id " + id + " appears twice in webinar " + w.Id + ".");
                }

                webinar.PollList.Add(new ZoomPoll
                {
                    Id = id,
                    Title = p.Title ?? string.Empty,
                    Status = string.IsNullOrEmpty(p.Status) ? "ended" : p.Status,
                    Anonymous = p.Anonymous,
                    PollType = p.PollType == 0 ? 1 : p.PollType,
                    Questions = (p.Questions ?? new List<ZoomPollQuestionSeed>()).Select(q => new ZoomPollQuestion
                    {
                        Name = q.Name ?? string.Empty,
                        Type = string.IsNullOrEmpty(q.Type) ? "single" : q.Type,
                        AnswerRequired = q.AnswerRequired,
                        Answers = (q.Answers ?? new List<string>()).ToList(),
                        RightAnswers = (q.RightAnswers ?? new List<string>()).ToList(),
                    }).ToList(),
                });
            }
        }

        internal static void SeedInstance(ZoomState state, ZoomWebinar webinar, ZoomInstance instance, ZoomInstanceSeed seed)
        {
            foreach (ZoomPollResponseSeed r in seed.PollResponses ?? new List<ZoomPollResponseSeed>())
            {
                webinar.RegistrantsByEmail.TryGetValue(r.Email ?? string.Empty, out ZoomRegistrant registrant);
                instance.PollResponseList.Add(new ZoomPollResponse
                {
                    Name = r.Name ?? string.Empty,
                    Email = r.Email ?? string.Empty,
                    FirstName = r.FirstName ?? registrant?.FirstName ?? string.Empty,
                    LastName = r.LastName ?? registrant?.LastName ?? string.Empty,
                    Answers = (r.Answers ?? new List<ZoomPollAnswerSeed>()).Select(a => Answer(webinar, instance, r, a)).ToList(),
                });
            }

            foreach (ZoomQaSeed q in seed.Qa ?? new List<ZoomQaSeed>())
            {
                DateTimeOffset asked = (q.CreateTime ?? instance.StartTime.AddMinutes(15)).ToUniversalTime();
                List<ZoomQaAnswer> answers = (q.Answers ?? new List<ZoomQaAnswerSeed>()).Select(a => new ZoomQaAnswer
                {
                    Name = a.Name ?? string.Empty,
                    Email = a.Email ?? string.Empty,
                    Type = string.IsNullOrEmpty(a.Type) ? "host_answered_publicly" : a.Type,
                    Content = a.Content ?? string.Empty,
                    CreateTime = (a.CreateTime ?? asked.AddMinutes(5)).ToUniversalTime(),
                }).ToList();
                bool answered = q.LiveAnswered || answers.Any(a => a.Type.StartsWith("host_answered", StringComparison.Ordinal));
                instance.QaList.Add(new ZoomQaEntry
                {
                    QuestionId = string.IsNullOrEmpty(q.QuestionId) ? state.NewGuid() : q.QuestionId,
                    Name = q.Name ?? string.Empty,
                    Email = q.Email ?? string.Empty,
                    Anonymous = q.Anonymous,
                    Question = q.Question ?? string.Empty,
                    CreateTime = asked,
                    Status = string.IsNullOrEmpty(q.Status) ? (answered ? "answered" : "open") : q.Status,
                    LiveAnswered = q.LiveAnswered,
                    Answers = answers,
                });
            }
        }

        private static ZoomPollResponseAnswer Answer(ZoomWebinar webinar, ZoomInstance instance, ZoomPollResponseSeed person, ZoomPollAnswerSeed a)
        {
            if (!webinar.PollList.Any(p => p.Id == a.PollId))
            {
                throw new ArgumentException("Scenario: " + (person.Name ?? person.Email) + " answers poll " + a.PollId + ", which webinar " + webinar.Id + " does not define.");
            }

            return new ZoomPollResponseAnswer
            {
                PollId = a.PollId,
                Question = a.Question ?? string.Empty,
                Answer = a.Answer ?? string.Empty,
                DateTime = (a.DateTime ?? instance.StartTime.AddMinutes(10)).ToUniversalTime(),
            };
        }
    }
}
