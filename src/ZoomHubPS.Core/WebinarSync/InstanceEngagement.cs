using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// What the people of one held instance did in polls and Q&amp;A, by email: read once per instance (the report routes,
    /// the past-webinar routes when the report is unavailable; neither is paged), then asked per person by the planner.
    /// </summary>
    /// <remarks>
    /// A marketer filters on numbers ("asked at least one question") and reads text: per contact the sync keeps the
    /// counts in the ledger (summed over every synced webinar) and writes the latest webinar's answers and questions as
    /// text, one per line. Answers and questions whose email Zoom withholds (anonymous polls, guests) belong to no one.
    /// </remarks>
    internal sealed class InstanceEngagement
    {
        /// <summary>Longest text written to one property (HubSpot allows 65,536; a contact record stays readable).</summary>
        internal const int MaxTextLength = 4000;

        private readonly Dictionary<string, List<string>> _answers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<string>> _questions = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);

        private InstanceEngagement()
        {
        }

        /// <summary>Answers in the instance (every person's, with an email or not).</summary>
        public int PollAnswerCount { get; private set; }

        /// <summary>Questions asked in the instance.</summary>
        public int QuestionCount { get; private set; }

        /// <summary>Why the instance's polls and Q&amp;A could not be read (null: read).</summary>
        public string NotReadReason { get; private set; }

        public bool IsRead => NotReadReason == null;

        /// <summary>One person's part (nothing for a person who neither answered nor asked).</summary>
        public PersonEngagement For(string email)
        {
            if (!IsRead || string.IsNullOrEmpty(email)) return null;
            _answers.TryGetValue(email, out List<string> answers);
            _questions.TryGetValue(email, out List<string> questions);
            return new PersonEngagement(answers?.Count ?? 0, questions?.Count ?? 0, Text(answers), Text(questions));
        }

        /// <summary>
        /// Reads the instance's poll answers and questions. Polls or Q&amp;A switched off, a missing scope or a webinar Zoom
        /// no longer has leave the instance "not read" with Zoom's reason (the ledger keeps what it had); a failure that
        /// outlasted the retries ends the instance's sync like any other read.
        /// </summary>
        public static async Task<InstanceEngagement> ReadAsync(ZoomClient zoom, long webinarId, string instanceUuid, CancellationToken ct)
        {
            var engagement = new InstanceEngagement();
            try
            {
                await EngagementReader.PollAnswers(zoom, webinarId, instanceUuid, cancellationToken: ct, withPollTitles: false)
                    .ForEachAsync(a => engagement.AddAnswer(a), ct).ConfigureAwait(false);
                await EngagementReader.Questions(zoom, webinarId, instanceUuid, cancellationToken: ct)
                    .ForEachAsync(q => engagement.AddQuestion(q), ct).ConfigureAwait(false);
            }
            catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.NotFound || ex.Kind == ErrorKind.Validation || ex.Kind == ErrorKind.PermissionDenied)
            {
                return new InstanceEngagement { NotReadReason = "Polls and Q&A not read: " + (ex.VendorMessage ?? ex.Message) };
            }

            return engagement;
        }

        private bool AddAnswer(ZoomPollAnswer a)
        {
            PollAnswerCount++;
            if (!a.Anonymous) Add(_answers, a.Email, OneLine(a.Question) + ": " + OneLine(a.Answer));
            return true;
        }

        private bool AddQuestion(ZoomQaQuestion q)
        {
            QuestionCount++;
            Add(_questions, q.Email, OneLine(q.Question) + (q.Answered ? " (answered)" : string.Empty));
            return true;
        }

        private static void Add(Dictionary<string, List<string>> byEmail, string email, string line)
        {
            if (string.IsNullOrWhiteSpace(email)) return;
            email = email.Trim();
            if (!byEmail.TryGetValue(email, out List<string> lines)) byEmail[email] = lines = new List<string>();
            lines.Add(line);
        }

        private static string OneLine(string s)
            => string.Join(" ", (s ?? string.Empty).Split(new[] { '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim())).Trim();

        // One line each, in Zoom's order; a long line is shortened, and the text ends at a line's end before
        // MaxTextLength, saying how many lines were left out.
        private static string Text(List<string> lines)
        {
            if (lines == null || lines.Count == 0) return string.Empty;
            const int MaxLine = 500;
            var sb = new StringBuilder();
            for (int i = 0; i < lines.Count; i++)
            {
                string line = lines[i].Length > MaxLine ? lines[i].Substring(0, MaxLine - 1) + "…" : lines[i];
                string more = $"… and {lines.Count - i} more";
                if (sb.Length + line.Length + more.Length + 2 > MaxTextLength)
                {
                    if (sb.Length > 0) sb.Append('\n');
                    sb.Append(more);
                    break;
                }

                if (sb.Length > 0) sb.Append('\n');
                sb.Append(line);
            }

            return sb.ToString();
        }
    }

    /// <summary>One person's answers and questions in one instance.</summary>
    internal sealed class PersonEngagement
    {
        public PersonEngagement(int pollAnswers, int questions, string answersText, string questionsText)
        {
            PollAnswers = pollAnswers;
            Questions = questions;
            AnswersText = answersText;
            QuestionsText = questionsText;
        }

        public int PollAnswers { get; }

        public int Questions { get; }

        /// <summary>"Question: answer", one per line.</summary>
        public string AnswersText { get; }

        /// <summary>The questions asked, one per line, "(answered)" after those a host or panelist answered.</summary>
        public string QuestionsText { get; }
    }
}
