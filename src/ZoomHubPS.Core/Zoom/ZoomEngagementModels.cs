using System.Collections.Generic;
using System.Text.Json.Serialization;

// Poll and Q&A JSON as the Meetings spec defines it (GET /webinars/{id}/polls, /past_webinars/{id}/polls|qa,
// /report/webinars/{id}/polls|qa). None of these routes is paged: one answer holds one instance.
namespace ZoomHubPS.Core.Zoom
{
    /// <summary>A poll (or quiz) defined on a webinar.</summary>
    public sealed class ZoomPoll
    {
        [JsonPropertyName("id")] public string Id { get; set; }

        /// <summary>notstart | started | ended | sharing | deactivated.</summary>
        [JsonPropertyName("status")] public string Status { get; set; }

        [JsonPropertyName("title")] public string Title { get; set; }

        /// <summary>Answers are anonymous ("Anonymous Attendee", no email) in the results.</summary>
        [JsonPropertyName("anonymous")] public bool Anonymous { get; set; }

        /// <summary>1 poll, 2 advanced poll, 3 quiz.</summary>
        [JsonPropertyName("poll_type")] public int? PollType { get; set; }

        [JsonPropertyName("questions")] public List<ZoomPollQuestion> Questions { get; set; } = new List<ZoomPollQuestion>();

        /// <summary>The webinar (set by the client).</summary>
        [JsonIgnore] public long WebinarId { get; set; }
    }

    /// <summary>One question of a poll.</summary>
    public sealed class ZoomPollQuestion
    {
        [JsonPropertyName("name")] public string Name { get; set; }

        /// <summary>single | multiple | matching | rank_order | short_answer | long_answer | fill_in_the_blank | rating_scale.</summary>
        [JsonPropertyName("type")] public string Type { get; set; }

        [JsonPropertyName("answer_required")] public bool AnswerRequired { get; set; }

        [JsonPropertyName("answers")] public List<string> Answers { get; set; } = new List<string>();

        /// <summary>Quizzes (poll type 3): the correct answers.</summary>
        [JsonPropertyName("right_answers")] public List<string> RightAnswers { get; set; } = new List<string>();
    }

    internal sealed class PollsEnvelope
    {
        [JsonPropertyName("total_records")] public int? TotalRecords { get; set; }
        [JsonPropertyName("polls")] public List<ZoomPoll> Polls { get; set; } = new List<ZoomPoll>();
    }

    /// <summary>Past-webinar and report poll results: one entry per person, their answers inside.</summary>
    internal sealed class PollResultsEnvelope
    {
        [JsonPropertyName("id")] public long? Id { get; set; }
        [JsonPropertyName("uuid")] public string Uuid { get; set; }
        [JsonPropertyName("start_time")] public string StartTime { get; set; }
        [JsonPropertyName("questions")] public List<PollRespondent> Respondents { get; set; } = new List<PollRespondent>();
    }

    internal sealed class PollRespondent
    {
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("first_name")] public string FirstName { get; set; }
        [JsonPropertyName("last_name")] public string LastName { get; set; }
        [JsonPropertyName("email")] public string Email { get; set; }
        [JsonPropertyName("question_details")] public List<PollAnswerDetail> Answers { get; set; } = new List<PollAnswerDetail>();
    }

    internal sealed class PollAnswerDetail
    {
        [JsonPropertyName("polling_id")] public string PollId { get; set; }
        [JsonPropertyName("question")] public string Question { get; set; }
        [JsonPropertyName("answer")] public string Answer { get; set; }

        // A date-time on the past-webinar route, a plain string on the report route: parsed leniently.
        [JsonPropertyName("date_time")] public string DateTime { get; set; }
    }

    /// <summary>Past-webinar and report Q&amp;A: one entry per person who asked, their questions inside.</summary>
    internal sealed class QaEnvelope
    {
        [JsonPropertyName("id")] public long? Id { get; set; }
        [JsonPropertyName("uuid")] public string Uuid { get; set; }
        [JsonPropertyName("start_time")] public string StartTime { get; set; }
        [JsonPropertyName("questions")] public List<QaAsker> Askers { get; set; } = new List<QaAsker>();
    }

    internal sealed class QaAsker
    {
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("email")] public string Email { get; set; }
        [JsonPropertyName("user_id")] public string UserId { get; set; }
        [JsonPropertyName("question_details")] public List<QaQuestionDetail> Questions { get; set; } = new List<QaQuestionDetail>();
    }

    internal sealed class QaQuestionDetail
    {
        [JsonPropertyName("question_id")] public string QuestionId { get; set; }
        [JsonPropertyName("question")] public string Question { get; set; }

        /// <summary>All answers joined by semicolons, "live answered" for a live answer (deprecated on the report route).</summary>
        [JsonPropertyName("answer")] public string Answer { get; set; }

        [JsonPropertyName("create_time")] public string CreateTime { get; set; }

        /// <summary>Report only: default | open | dismissed | answered | deleted.</summary>
        [JsonPropertyName("question_status")] public string QuestionStatus { get; set; }

        /// <summary>Report only: host answers and participant comments.</summary>
        [JsonPropertyName("answer_details")] public List<QaAnswerDetail> AnswerDetails { get; set; }
    }

    internal sealed class QaAnswerDetail
    {
        [JsonPropertyName("create_time")] public string CreateTime { get; set; }
        [JsonPropertyName("user_id")] public string UserId { get; set; }
        [JsonPropertyName("name")] public string Name { get; set; }

        /// <summary>default | host_answered_publicly | host_answered_privately | participant_commented | host_answered.</summary>
        [JsonPropertyName("type")] public string Type { get; set; }

        [JsonPropertyName("email")] public string Email { get; set; }
        [JsonPropertyName("content")] public string Content { get; set; }
    }
}
