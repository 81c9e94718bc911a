using System;
using System.Collections.Generic;

// Polls and Q&A held by the Zoom twin. Public getters for tests; only the twin changes them, under its lock.
namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>A poll defined on a webinar.</summary>
    public sealed class ZoomPoll
    {
        /// <summary>Poll id.</summary>
        public string Id { get; internal set; }

        /// <summary>Title.</summary>
        public string Title { get; internal set; }

        /// <summary>notstart | started | ended | sharing | deactivated.</summary>
        public string Status { get; internal set; }

        /// <summary>Answers are returned as "Anonymous Attendee" with no email.</summary>
        public bool Anonymous { get; internal set; }

        /// <summary>1 poll, 2 advanced poll, 3 quiz.</summary>
        public int PollType { get; internal set; }

        /// <summary>Questions.</summary>
        public IReadOnlyList<ZoomPollQuestion> Questions { get; internal set; }
    }

    /// <summary>A poll question.</summary>
    public sealed class ZoomPollQuestion
    {
        /// <summary>The question.</summary>
        public string Name { get; internal set; }

        /// <summary>single | multiple | short_answer | …</summary>
        public string Type { get; internal set; }

        /// <summary>Must be answered.</summary>
        public bool AnswerRequired { get; internal set; }

        /// <summary>Choices.</summary>
        public IReadOnlyList<string> Answers { get; internal set; }

        /// <summary>Quiz answers.</summary>
        public IReadOnlyList<string> RightAnswers { get; internal set; }
    }

    /// <summary>One person's answers in one instance.</summary>
    public sealed class ZoomPollResponse
    {
        /// <summary>Display name.</summary>
        public string Name { get; internal set; }

        /// <summary>Email as Zoom knows it ("" for a guest without one).</summary>
        public string Email { get; internal set; }

        /// <summary>First name (report route).</summary>
        public string FirstName { get; internal set; }

        /// <summary>Last name (report route).</summary>
        public string LastName { get; internal set; }

        /// <summary>The answers.</summary>
        public IReadOnlyList<ZoomPollResponseAnswer> Answers { get; internal set; }
    }

    /// <summary>One answer to one poll question.</summary>
    public sealed class ZoomPollResponseAnswer
    {
        /// <summary>The poll.</summary>
        public string PollId { get; internal set; }

        /// <summary>The question.</summary>
        public string Question { get; internal set; }

        /// <summary>The answer.</summary>
        public string Answer { get; internal set; }

        /// <summary>When.</summary>
        public DateTimeOffset DateTime { get; internal set; }
    }

    /// <summary>A question asked in Q&amp;A.</summary>
    public sealed class ZoomQaEntry
    {
        /// <summary>Question id.</summary>
        public string QuestionId { get; internal set; }

        /// <summary>Who asked (display name, "Anonymous Attendee" when anonymous).</summary>
        public string Name { get; internal set; }

        /// <summary>Who asked ("" when anonymous or unknown).</summary>
        public string Email { get; internal set; }

        /// <summary>Asked anonymously.</summary>
        public bool Anonymous { get; internal set; }

        /// <summary>The question.</summary>
        public string Question { get; internal set; }

        /// <summary>When.</summary>
        public DateTimeOffset CreateTime { get; internal set; }

        /// <summary>open | answered | dismissed | deleted.</summary>
        public string Status { get; internal set; }

        /// <summary>Answered live ("live answered").</summary>
        public bool LiveAnswered { get; internal set; }

        /// <summary>Written answers and comments.</summary>
        public IReadOnlyList<ZoomQaAnswer> Answers { get; internal set; }
    }

    /// <summary>An answer or comment on a Q&amp;A question.</summary>
    public sealed class ZoomQaAnswer
    {
        /// <summary>Who.</summary>
        public string Name { get; internal set; }

        /// <summary>Who ("" for people outside the account, per the report's text).</summary>
        public string Email { get; internal set; }

        /// <summary>host_answered_publicly | host_answered_privately | participant_commented.</summary>
        public string Type { get; internal set; }

        /// <summary>The text.</summary>
        public string Content { get; internal set; }

        /// <summary>When.</summary>
        public DateTimeOffset CreateTime { get; internal set; }
    }
}
