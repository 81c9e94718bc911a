using System;
using System.Collections.Generic;

// The Zoom twin's state. Public getters let tests (and the sandbox cmdlets) look at what the API holds;
// only the twin changes it, always under its lock.
namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>A user of the sandbox Zoom account.</summary>
    public sealed class ZoomUser
    {
        /// <summary>Zoom user id.</summary>
        public string Id { get; internal set; }

        /// <summary>Email.</summary>
        public string Email { get; internal set; }

        /// <summary>First name.</summary>
        public string FirstName { get; internal set; }

        /// <summary>Last name.</summary>
        public string LastName { get; internal set; }

        /// <summary>1 basic, 2 licensed.</summary>
        public int Type { get; internal set; }

        /// <summary>active | inactive | pending.</summary>
        public string Status { get; internal set; }

        /// <summary>IANA time zone.</summary>
        public string Timezone { get; internal set; }

        /// <summary>Department.</summary>
        public string Dept { get; internal set; }

        /// <summary>When the user was created.</summary>
        public DateTimeOffset CreatedAt { get; internal set; }
    }

    /// <summary>A webinar (all its instances, registrants, questions and panelists).</summary>
    public sealed class ZoomWebinar
    {
        /// <summary>Webinar id (int64).</summary>
        public long Id { get; internal set; }

        /// <summary>UUID of the latest instance.</summary>
        public string Uuid { get; internal set; }

        /// <summary>Host user id.</summary>
        public string HostId { get; internal set; }

        /// <summary>Host email.</summary>
        public string HostEmail { get; internal set; }

        /// <summary>Topic.</summary>
        public string Topic { get; internal set; }

        /// <summary>5 webinar, 6 recurring with no fixed time, 9 recurring with a fixed time.</summary>
        public int Type { get; internal set; }

        /// <summary>Scheduled start.</summary>
        public DateTimeOffset StartTime { get; internal set; }

        /// <summary>Minutes.</summary>
        public int Duration { get; internal set; }

        /// <summary>IANA time zone.</summary>
        public string Timezone { get; internal set; }

        /// <summary>Agenda.</summary>
        public string Agenda { get; internal set; }

        /// <summary>Creation time.</summary>
        public DateTimeOffset CreatedAt { get; internal set; }

        /// <summary>Last edit (null: never edited after creation). Deletion is counted from it when it is later than expiry.</summary>
        public DateTimeOffset? UpdatedAt { get; internal set; }

        /// <summary>Paid registration (the API refuses to register anyone).</summary>
        public bool Paid { get; internal set; }

        /// <summary>0 automatic, 1 manual, 2 no registration.</summary>
        public int ApprovalType { get; internal set; }

        /// <summary>1/2/3 for recurring webinars with a fixed time (type 9).</summary>
        public int? RegistrationType { get; internal set; }

        /// <summary>Capacity (0 = unlimited).</summary>
        public int RegistrantsRestrictNumber { get; internal set; }

        /// <summary>Registration closes after the event date.</summary>
        public bool CloseRegistration { get; internal set; }

        /// <summary>Contact name shown on the registration page.</summary>
        public string ContactName { get; internal set; }

        /// <summary>Contact email shown on the registration page.</summary>
        public string ContactEmail { get; internal set; }

        /// <summary>Webinar join link (attendees use their personal link).</summary>
        public string JoinUrl { get; internal set; }

        /// <summary>Registration page link (only when registration is on).</summary>
        public string RegistrationUrl => ApprovalType == 2 ? null : "https://zoom.sandbox.zoomhub.invalid/webinar/register/WN_" + RegistrationKey;

        internal string RegistrationKey { get; set; }

        /// <summary>Recurring webinars: their occurrences.</summary>
        public IReadOnlyList<ZoomOccurrence> Occurrences => OccurrenceList;

        /// <summary>Standard registration fields and whether they are required.</summary>
        public IReadOnlyList<ZoomQuestion> Questions => QuestionList;

        /// <summary>Custom registration questions.</summary>
        public IReadOnlyList<ZoomCustomQuestion> CustomQuestions => CustomQuestionList;

        /// <summary>Panelists.</summary>
        public IReadOnlyList<ZoomPanelist> Panelists => PanelistList;

        /// <summary>Past instances, oldest first.</summary>
        public IReadOnlyList<ZoomInstance> Instances => InstanceList;

        /// <summary>Whether the webinar is recurring (type 6 or 9).</summary>
        public bool IsRecurring => Type == 6 || Type == 9;

        /// <summary>Poll definitions (answers are per instance).</summary>
        public IReadOnlyList<ZoomPoll> Polls => PollList;

        /// <summary>The host's polls setting is off (the poll routes answer 400 code 4400).</summary>
        public bool PollsDisabled { get; internal set; }

        internal List<ZoomPoll> PollList { get; } = new List<ZoomPoll>();

        internal List<ZoomOccurrence> OccurrenceList { get; } = new List<ZoomOccurrence>();
        internal List<ZoomQuestion> QuestionList { get; } = new List<ZoomQuestion>();
        internal List<ZoomCustomQuestion> CustomQuestionList { get; } = new List<ZoomCustomQuestion>();
        internal List<ZoomPanelist> PanelistList { get; } = new List<ZoomPanelist>();
        internal List<ZoomInstance> InstanceList { get; } = new List<ZoomInstance>();

        // Registrants in registration order, plus lookups (emails are matched case-insensitively, as Zoom does).
        internal List<ZoomRegistrant> RegistrantList { get; } = new List<ZoomRegistrant>();
        internal Dictionary<string, ZoomRegistrant> RegistrantsByEmail { get; } = new Dictionary<string, ZoomRegistrant>(StringComparer.OrdinalIgnoreCase);
        internal Dictionary<string, ZoomRegistrant> RegistrantsById { get; } = new Dictionary<string, ZoomRegistrant>(StringComparer.Ordinal);

        /// <summary>When the webinar (its last occurrence, for recurring ones) ends.</summary>
        public DateTimeOffset EndTime
        {
            get
            {
                DateTimeOffset end = StartTime.AddMinutes(Duration);
                foreach (ZoomOccurrence o in OccurrenceList)
                {
                    if (o.Status == "available" && o.StartTime.AddMinutes(o.Duration) > end)
                    {
                        end = o.StartTime.AddMinutes(o.Duration);
                    }
                }

                return end;
            }
        }
    }

    /// <summary>One occurrence of a recurring webinar.</summary>
    public sealed class ZoomOccurrence
    {
        /// <summary>Occurrence id (Zoom uses the start time in epoch milliseconds).</summary>
        public string OccurrenceId { get; internal set; }

        /// <summary>Start.</summary>
        public DateTimeOffset StartTime { get; internal set; }

        /// <summary>Minutes.</summary>
        public int Duration { get; internal set; }

        /// <summary>available | deleted.</summary>
        public string Status { get; internal set; }
    }

    /// <summary>A standard registration field.</summary>
    public sealed class ZoomQuestion
    {
        /// <summary>Field name, e.g. <c>job_title</c>.</summary>
        public string FieldName { get; internal set; }

        /// <summary>Required.</summary>
        public bool Required { get; internal set; }
    }

    /// <summary>A custom registration question.</summary>
    public sealed class ZoomCustomQuestion
    {
        /// <summary>Title (the key registrants answer by).</summary>
        public string Title { get; internal set; }

        /// <summary>short | single_radio | single_dropdown | multiple.</summary>
        public string Type { get; internal set; }

        /// <summary>Required.</summary>
        public bool Required { get; internal set; }

        /// <summary>Answer choices.</summary>
        public IReadOnlyList<string> Answers { get; internal set; }
    }

    /// <summary>A panelist.</summary>
    public sealed class ZoomPanelist
    {
        /// <summary>Panelist id.</summary>
        public string Id { get; internal set; }

        /// <summary>Name.</summary>
        public string Name { get; internal set; }

        /// <summary>Email.</summary>
        public string Email { get; internal set; }

        /// <summary>Personal join link.</summary>
        public string JoinUrl { get; internal set; }
    }

    /// <summary>A registrant of a webinar.</summary>
    public sealed class ZoomRegistrant
    {
        /// <summary>Registrant id.</summary>
        public string Id { get; internal set; }

        /// <summary>Email as registered.</summary>
        public string Email { get; internal set; }

        /// <summary>First name.</summary>
        public string FirstName { get; internal set; }

        /// <summary>Last name.</summary>
        public string LastName { get; internal set; }

        /// <summary>approved | pending | denied (cancelled registrants read as denied).</summary>
        public string Status { get; internal set; }

        /// <summary>Registration time.</summary>
        public DateTimeOffset CreateTime { get; internal set; }

        /// <summary>Personal join link.</summary>
        public string JoinUrl { get; internal set; }

        /// <summary>Occurrences registered for (recurring webinars); empty means all.</summary>
        public IReadOnlyList<string> OccurrenceIds => OccurrenceIdList;

        /// <summary>Standard fields (address, city, org, job_title, …) by their API names; absent = "".</summary>
        public IReadOnlyDictionary<string, string> Fields => FieldValues;

        /// <summary>Custom question answers (title, value) in answer order.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> CustomQuestions => CustomAnswerList;

        internal List<string> OccurrenceIdList { get; } = new List<string>();
        internal Dictionary<string, string> FieldValues { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
        internal List<KeyValuePair<string, string>> CustomAnswerList { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>Whether the registrant is registered for <paramref name="occurrenceId"/> (always true for non-recurring webinars).</summary>
        public bool IsFor(string occurrenceId)
            => string.IsNullOrEmpty(occurrenceId) || OccurrenceIdList.Count == 0 || OccurrenceIdList.Contains(occurrenceId);
    }

    /// <summary>A past instance of a webinar.</summary>
    public sealed class ZoomInstance
    {
        /// <summary>Instance UUID.</summary>
        public string Uuid { get; internal set; }

        /// <summary>Actual start.</summary>
        public DateTimeOffset StartTime { get; internal set; }

        /// <summary>Minutes.</summary>
        public int Duration { get; internal set; }

        /// <summary>The occurrence this instance was (recurring webinars), else null.</summary>
        public string OccurrenceId { get; internal set; }

        /// <summary>End: the scenario's exact end when it gives one (an instance shorter than a minute), else start + duration.</summary>
        public DateTimeOffset EndTime => ExactEnd ?? StartTime.AddMinutes(Duration);

        internal DateTimeOffset? ExactEnd { get; set; }

        /// <summary>Participant rows (one per session; a rejoin is a new row).</summary>
        public IReadOnlyList<ZoomParticipant> Participants => ParticipantList;

        /// <summary>The cloud recording, or null.</summary>
        public ZoomRecording Recording { get; internal set; }

        internal List<ZoomParticipant> ParticipantList { get; } = new List<ZoomParticipant>();

        /// <summary>Poll answers, per person, as seeded (anonymity is applied when they are read).</summary>
        public IReadOnlyList<ZoomPollResponse> PollResponses => PollResponseList;

        /// <summary>Questions asked in Q&amp;A.</summary>
        public IReadOnlyList<ZoomQaEntry> Qa => QaList;

        internal List<ZoomPollResponse> PollResponseList { get; } = new List<ZoomPollResponse>();

        internal List<ZoomQaEntry> QaList { get; } = new List<ZoomQaEntry>();
    }

    /// <summary>One participant session of an instance.</summary>
    public sealed class ZoomParticipant
    {
        /// <summary>Zoom user id when signed in to the account, else "".</summary>
        public string Id { get; internal set; }

        /// <summary>Per-session id (new on every rejoin).</summary>
        public string UserId { get; internal set; }

        /// <summary>Display name.</summary>
        public string Name { get; internal set; }

        /// <summary>Email ("" for guests whose email Zoom hides).</summary>
        public string UserEmail { get; internal set; }

        /// <summary>Join time.</summary>
        public DateTimeOffset JoinTime { get; internal set; }

        /// <summary>Leave time.</summary>
        public DateTimeOffset LeaveTime { get; internal set; }

        /// <summary>Registrant id (null when the person did not register).</summary>
        public string RegistrantId { get; internal set; }

        /// <summary>in_meeting | in_waiting_room.</summary>
        public string Status { get; internal set; }

        /// <summary>Whether the person is a user of the host's account.</summary>
        public bool InternalUser { get; internal set; }

        /// <summary>Seconds of this session.</summary>
        public int Duration => (int)Math.Max(0, (LeaveTime - JoinTime).TotalSeconds);
    }
}
