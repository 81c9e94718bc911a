using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

// Polls and Q&A in the scenario format (about_ZoomHubPS_Sandbox_Scenarios): field names follow the API's JSON.
namespace ZoomHubPS.Sandbox.Scenarios
{
    public sealed class ZoomPollSeed
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("title")] public string Title { get; set; }
        /// <summary>notstart | started | ended | sharing | deactivated.</summary>
        [JsonPropertyName("status")] public string Status { get; set; } = "ended";
        /// <summary>Answers come back as "Anonymous Attendee" with no email.</summary>
        [JsonPropertyName("anonymous")] public bool Anonymous { get; set; }
        /// <summary>1 poll, 2 advanced poll, 3 quiz.</summary>
        [JsonPropertyName("poll_type")] public int PollType { get; set; } = 1;
        [JsonPropertyName("questions")] public List<ZoomPollQuestionSeed> Questions { get; set; } = new List<ZoomPollQuestionSeed>();
    }

    public sealed class ZoomPollQuestionSeed
    {
        [JsonPropertyName("name")] public string Name { get; set; }
        /// <summary>single | multiple | short_answer | … (the API's enum).</summary>
        [JsonPropertyName("type")] public string Type { get; set; } = "single";
        [JsonPropertyName("answer_required")] public bool AnswerRequired { get; set; }
        [JsonPropertyName("answers")] public List<string> Answers { get; set; } = new List<string>();
        [JsonPropertyName("right_answers")] public List<string> RightAnswers { get; set; } = new List<string>();
    }

    public sealed class ZoomPollResponseSeed
    {
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("email")] public string Email { get; set; } = "";
        /// <summary>Report only; defaults to the registrant's names.</summary>
        [JsonPropertyName("first_name")] public string FirstName { get; set; }
        [JsonPropertyName("last_name")] public string LastName { get; set; }
        [JsonPropertyName("answers")] public List<ZoomPollAnswerSeed> Answers { get; set; } = new List<ZoomPollAnswerSeed>();
    }

    public sealed class ZoomPollAnswerSeed
    {
        /// <summary>The id of one of the webinar's <c>polls</c>.</summary>
        [JsonPropertyName("poll_id")] public string PollId { get; set; }
        [JsonPropertyName("question")] public string Question { get; set; }
        /// <summary>Several choices of a multiple-choice question joined by ";".</summary>
        [JsonPropertyName("answer")] public string Answer { get; set; }
        /// <summary>Defaults to 10 minutes after the instance started.</summary>
        [JsonPropertyName("date_time")] public DateTimeOffset? DateTime { get; set; }
    }

    public sealed class ZoomQaSeed
    {
        /// <summary>Generated when absent.</summary>
        [JsonPropertyName("question_id")] public string QuestionId { get; set; }
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("email")] public string Email { get; set; } = "";
        [JsonPropertyName("question")] public string Question { get; set; }
        /// <summary>Defaults to 15 minutes after the instance started.</summary>
        [JsonPropertyName("create_time")] public DateTimeOffset? CreateTime { get; set; }
        /// <summary>open | answered | dismissed | deleted; default: answered when there is an answer, else open.</summary>
        [JsonPropertyName("status")] public string Status { get; set; }
        /// <summary>Asked anonymously: "Anonymous Attendee", no email.</summary>
        [JsonPropertyName("anonymous")] public bool Anonymous { get; set; }
        /// <summary>Answered live by a panelist ("live answered").</summary>
        [JsonPropertyName("live_answered")] public bool LiveAnswered { get; set; }
        [JsonPropertyName("answers")] public List<ZoomQaAnswerSeed> Answers { get; set; } = new List<ZoomQaAnswerSeed>();
    }

    public sealed class ZoomQaAnswerSeed
    {
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("email")] public string Email { get; set; } = "";
        /// <summary>host_answered_publicly | host_answered_privately | participant_commented.</summary>
        [JsonPropertyName("type")] public string Type { get; set; } = "host_answered_publicly";
        [JsonPropertyName("content")] public string Content { get; set; }
        /// <summary>Defaults to 5 minutes after the question.</summary>
        [JsonPropertyName("create_time")] public DateTimeOffset? CreateTime { get; set; }
    }
}
