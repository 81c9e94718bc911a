using System;
using System.Collections.Generic;
using System.Linq;

// Flat records of polls and Q&A: one shape per stream, one row per poll question / answer / question asked, strings
// and numbers only, so they read at 80 columns and export cleanly with Export-Csv and ConvertTo-Json.
namespace ZoomHubPS.Core.Zoom
{
    /// <summary>Which route a poll or Q&amp;A record came from.</summary>
    public enum EngagementSource
    {
        /// <summary>/report/webinars/{id}/polls|qa: Heavy, report scope, 6 months; richest (first/last name, question status, answer details).</summary>
        Report,

        /// <summary>/past_webinars/{id}/polls|qa: Medium, webinar scope; the fallback when the report is unavailable.</summary>
        PastWebinar,
    }

    /// <summary>One question of a poll defined on a webinar (Get-ZoomWebinarPoll).</summary>
    public sealed class ZoomWebinarPollQuestion
    {
        /// <summary>The webinar.</summary>
        public long WebinarId { get; internal set; }

        /// <summary>Poll id (the <c>polling_id</c> of the answers).</summary>
        public string PollId { get; internal set; }

        /// <summary>Poll title.</summary>
        public string PollTitle { get; internal set; }

        /// <summary>notstart, started, ended, sharing or deactivated.</summary>
        public string PollStatus { get; internal set; }

        /// <summary>Poll, AdvancedPoll or Quiz.</summary>
        public string PollType { get; internal set; }

        /// <summary>Answers are anonymous: the results carry no name or email.</summary>
        public bool Anonymous { get; internal set; }

        /// <summary>1 for the poll's first question.</summary>
        public int QuestionNumber { get; internal set; }

        /// <summary>The question.</summary>
        public string Question { get; internal set; }

        /// <summary>single, multiple, matching, rank_order, short_answer, long_answer, fill_in_the_blank or rating_scale.</summary>
        public string QuestionType { get; internal set; }

        /// <summary>Whether attendees must answer.</summary>
        public bool Required { get; internal set; }

        /// <summary>The choices, joined by "; ".</summary>
        public string Answers { get; internal set; }

        /// <summary>Quizzes: the correct answers, joined by "; ".</summary>
        public string RightAnswers { get; internal set; }

        /// <summary>One record per question of <paramref name="poll"/>.</summary>
        public static IEnumerable<ZoomWebinarPollQuestion> From(ZoomPoll poll)
        {
            if (poll == null) yield break;
            int n = 0;
            foreach (ZoomPollQuestion q in poll.Questions ?? new List<ZoomPollQuestion>())
            {
                yield return new ZoomWebinarPollQuestion
                {
                    WebinarId = poll.WebinarId,
                    PollId = poll.Id,
                    PollTitle = poll.Title,
                    PollStatus = poll.Status,
                    PollType = PollTypeName(poll.PollType),
                    Anonymous = poll.Anonymous,
                    QuestionNumber = ++n,
                    Question = q.Name,
                    QuestionType = q.Type,
                    Required = q.AnswerRequired,
                    Answers = Join(q.Answers),
                    RightAnswers = Join(q.RightAnswers),
                };
            }
        }

        internal static string PollTypeName(int? type)
        {
            switch (type)
            {
                case 2: return "AdvancedPoll";
                case 3: return "Quiz";
                default: return "Poll";
            }
        }

        internal static string Join(IEnumerable<string> values)
        {
            List<string> list = (values ?? Enumerable.Empty<string>()).Where(v => !string.IsNullOrEmpty(v)).ToList();
            return list.Count == 0 ? null : string.Join("; ", list);
        }
    }

    /// <summary>One answer one person gave to one poll question in one webinar instance (Get-ZoomWebinarPollResult).</summary>
    public sealed class ZoomPollAnswer
    {
        /// <summary>The webinar.</summary>
        public long WebinarId { get; internal set; }

        /// <summary>The instance (null when the latest instance was asked for by webinar id and Zoom did not say).</summary>
        public string InstanceUuid { get; internal set; }

        /// <summary>When the instance started.</summary>
        public DateTimeOffset? InstanceStart { get; internal set; }

        /// <summary>The person's email; null when Zoom withholds it (anonymous polls, guests outside the email display rules).</summary>
        public string Email { get; internal set; }

        /// <summary>Display name ("Anonymous Attendee" for anonymous polls).</summary>
        public string Name { get; internal set; }

        /// <summary>First name (report only).</summary>
        public string FirstName { get; internal set; }

        /// <summary>Last name (report only).</summary>
        public string LastName { get; internal set; }

        /// <summary>Poll id.</summary>
        public string PollId { get; internal set; }

        /// <summary>Poll title, from the webinar's poll definitions (null when they are gone or polls are off).</summary>
        public string PollTitle { get; internal set; }

        /// <summary>The question.</summary>
        public string Question { get; internal set; }

        /// <summary>The answer as Zoom gives it (several choices of a multiple-choice question are joined by Zoom).</summary>
        public string Answer { get; internal set; }

        /// <summary>When it was answered.</summary>
        public DateTimeOffset? AnsweredAt { get; internal set; }

        /// <summary>Whether the answer is anonymous.</summary>
        public bool Anonymous { get; internal set; }

        /// <summary>Report or PastWebinar.</summary>
        public EngagementSource Source { get; internal set; }
    }

    /// <summary>One question an attendee asked in Q&amp;A in one webinar instance, answered or not (Get-ZoomWebinarQuestion).</summary>
    public sealed class ZoomQaQuestion
    {
        /// <summary>The webinar.</summary>
        public long WebinarId { get; internal set; }

        /// <summary>The instance.</summary>
        public string InstanceUuid { get; internal set; }

        /// <summary>When the instance started.</summary>
        public DateTimeOffset? InstanceStart { get; internal set; }

        /// <summary>Who asked: email, null when Zoom withholds it.</summary>
        public string Email { get; internal set; }

        /// <summary>Who asked: display name ("Anonymous Attendee" for anonymous questions).</summary>
        public string Name { get; internal set; }

        /// <summary>Question id (report only).</summary>
        public string QuestionId { get; internal set; }

        /// <summary>The question.</summary>
        public string Question { get; internal set; }

        /// <summary>When it was asked (report only).</summary>
        public DateTimeOffset? AskedAt { get; internal set; }

        /// <summary>answered, open, dismissed or deleted.</summary>
        public string Status { get; internal set; }

        /// <summary>Whether a host or panelist answered it (in writing or live).</summary>
        public bool Answered { get; internal set; }

        /// <summary>Answered live (Zoom: "live answered"), so there is no written answer.</summary>
        public bool AnsweredLive { get; internal set; }

        /// <summary>The written answers, joined by "; ".</summary>
        public string Answer { get; internal set; }

        /// <summary>Who answered, joined by "; " (report only).</summary>
        public string AnsweredBy { get; internal set; }

        /// <summary>Report or PastWebinar.</summary>
        public EngagementSource Source { get; internal set; }
    }
}
