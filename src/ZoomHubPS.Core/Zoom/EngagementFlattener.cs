using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ZoomHubPS.Core.Zoom
{
    /// <summary>
    /// Turns Zoom's per-person poll and Q&amp;A answers into flat records (pure: no HTTP). Both routes of each kind share one
    /// shape; the report adds first/last name, question ids and status, and answer details.
    /// </summary>
    internal static class EngagementFlattener
    {
        /// <summary>Zoom's display name for anonymous answers and questions.</summary>
        internal const string AnonymousName = "Anonymous Attendee";

        /// <summary>Zoom's answer text for a question answered live.</summary>
        internal const string LiveAnswered = "live answered";

        public static IEnumerable<ZoomPollAnswer> PollAnswers(PollResultsEnvelope e, long webinarId, string instanceUuid, IReadOnlyDictionary<string, ZoomPoll> polls, EngagementSource source)
        {
            if (e == null) yield break;
            DateTimeOffset? start = Time(e.StartTime);
            string uuid = instanceUuid ?? e.Uuid;
            foreach (PollRespondent person in e.Respondents ?? new List<PollRespondent>())
            {
                foreach (PollAnswerDetail a in person.Answers ?? new List<PollAnswerDetail>())
                {
                    ZoomPoll poll = a.PollId != null && polls != null && polls.TryGetValue(a.PollId, out ZoomPoll p) ? p : null;
                    bool anonymous = (poll?.Anonymous ?? false) || string.Equals(person.Name, AnonymousName, StringComparison.Ordinal);
                    yield return new ZoomPollAnswer
                    {
                        WebinarId = webinarId,
                        InstanceUuid = uuid,
                        InstanceStart = start,
                        Email = anonymous ? null : Email(person.Email),
                        Name = person.Name,
                        FirstName = Text(person.FirstName),
                        LastName = Text(person.LastName),
                        PollId = a.PollId,
                        PollTitle = poll?.Title,
                        Question = a.Question,
                        Answer = a.Answer,
                        AnsweredAt = Time(a.DateTime),
                        Anonymous = anonymous,
                        Source = source,
                    };
                }
            }
        }

        public static IEnumerable<ZoomQaQuestion> Questions(QaEnvelope e, long webinarId, string instanceUuid, EngagementSource source)
        {
            if (e == null) yield break;
            DateTimeOffset? start = Time(e.StartTime);
            string uuid = instanceUuid ?? e.Uuid;
            foreach (QaAsker person in e.Askers ?? new List<QaAsker>())
            {
                foreach (QaQuestionDetail q in person.Questions ?? new List<QaQuestionDetail>())
                {
                    var record = new ZoomQaQuestion
                    {
                        WebinarId = webinarId,
                        InstanceUuid = uuid,
                        InstanceStart = start,
                        Email = Email(person.Email),
                        Name = person.Name,
                        QuestionId = Text(q.QuestionId),
                        Question = q.Question,
                        AskedAt = Time(q.CreateTime),
                        Source = source,
                    };
                    Answer(record, q);
                    yield return record;
                }
            }
        }

        // Answered: a host answer in the details, Zoom's "answered" status, or (past route) any answer text at all.
        private static void Answer(ZoomQaQuestion record, QaQuestionDetail q)
        {
            List<QaAnswerDetail> hostAnswers = (q.AnswerDetails ?? new List<QaAnswerDetail>())
                .Where(d => d.Type != null && d.Type.StartsWith("host_answered", StringComparison.Ordinal) && !string.IsNullOrEmpty(d.Content))
                .ToList();
            bool live = string.Equals(q.Answer?.Trim(), LiveAnswered, StringComparison.OrdinalIgnoreCase)
                || hostAnswers.Any(d => string.Equals(d.Content.Trim(), LiveAnswered, StringComparison.OrdinalIgnoreCase));
            List<string> written = hostAnswers.Select(d => d.Content).Where(c => !string.Equals(c.Trim(), LiveAnswered, StringComparison.OrdinalIgnoreCase)).ToList();
            if (q.AnswerDetails == null && !string.IsNullOrWhiteSpace(q.Answer) && !live) written.Add(q.Answer);

            string status = string.IsNullOrEmpty(q.QuestionStatus) || q.QuestionStatus == "default" ? null : q.QuestionStatus;
            record.AnsweredLive = live;
            record.Answered = live || written.Count > 0 || status == "answered";
            record.Answer = written.Count == 0 ? null : string.Join("; ", written);
            record.AnsweredBy = ZoomWebinarPollQuestion.Join(hostAnswers.Select(d => d.Name).Distinct(StringComparer.Ordinal));
            record.Status = status ?? (record.Answered ? "answered" : "open");
        }

        private static string Email(string email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim();

        private static string Text(string value) => string.IsNullOrEmpty(value) ? null : value;

        private static DateTimeOffset? Time(string value)
            => !string.IsNullOrWhiteSpace(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset t)
                ? t : (DateTimeOffset?)null;
    }
}
