using System;
using System.Collections.Generic;
using System.Linq;
using ZoomHubPS.Core.HubSpot;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// The properties the sync writes — on contacts, and on the marketing events of recorded instances; each name can be
    /// mapped (e.g. to HubSpot's own zoom_webinar_* names).
    /// </summary>
    public sealed class SyncPropertyNames
    {
        /// <summary>Property group of the module's properties.</summary>
        public string Group { get; set; } = "zoomhub";

        /// <summary>Registration count.</summary>
        public string RegistrationCount { get; set; } = "zoomhub_webinar_registration_count";

        /// <summary>Attended count.</summary>
        public string AttendanceCount { get; set; } = "zoomhub_webinar_attendance_count";

        /// <summary>Average percent attended.</summary>
        public string AverageAttendancePercent { get; set; } = "zoomhub_webinar_average_attendance_percent";

        /// <summary>Personal join URL of the last registered webinar.</summary>
        public string LastRegisteredWebinarUrl { get; set; } = "zoomhub_last_registered_webinar_url";

        /// <summary>Topic of the last registered webinar.</summary>
        public string LastRegisteredWebinarName { get; set; } = "zoomhub_last_registered_webinar_name";

        /// <summary>Start of the last registered webinar.</summary>
        public string LastRegisteredWebinarAt { get; set; } = "zoomhub_last_registered_webinar_at";

        /// <summary>When the contact last attended.</summary>
        public string LastAttendedAt { get; set; } = "zoomhub_last_attended_webinar_at";

        /// <summary>Share link of the recording of the latest webinar the contact registered for or attended that has one.</summary>
        public string LastRecordingUrl { get; set; } = "zoomhub_last_webinar_recording_url";

        /// <summary>Start of that webinar.</summary>
        public string LastRecordingAt { get; set; } = "zoomhub_last_webinar_recording_at";

        /// <summary>Poll answers the contact gave, over every synced webinar whose polls were read.</summary>
        public string PollAnswerCount { get; set; } = "zoomhub_webinar_poll_answer_count";

        /// <summary>Q&amp;A questions the contact asked, over every synced webinar whose Q&amp;A was read.</summary>
        public string QuestionCount { get; set; } = "zoomhub_webinar_question_count";

        /// <summary>The contact's answers in the latest webinar in which they answered a poll ("question: answer" lines).</summary>
        public string LastPollAnswers { get; set; } = "zoomhub_last_webinar_poll_answers";

        /// <summary>The questions the contact asked in the latest webinar in which they asked one (one per line).</summary>
        public string LastQuestions { get; set; } = "zoomhub_last_webinar_questions";

        /// <summary>The hidden ledger.</summary>
        public string History { get; set; } = "zoomhub_webinar_history";

        /// <summary>Marketing event: the recording's share link.</summary>
        public string EventRecordingUrl { get; set; } = "zoomhub_recording_url";

        /// <summary>Marketing event: when the recording starts.</summary>
        public string EventRecordingStart { get; set; } = "zoomhub_recording_start";

        /// <summary>Marketing event: the recording's length in minutes.</summary>
        public string EventRecordingDurationMinutes { get; set; } = "zoomhub_recording_duration_minutes";

        /// <summary>Marketing event: the transcript's download link.</summary>
        public string EventTranscriptUrl { get; set; } = "zoomhub_transcript_url";

        // Logical name → how to read and set it: one table for From, the error message and the docs.
        private static readonly (string Logical, Func<SyncPropertyNames, string> Get, Action<SyncPropertyNames, string> Set)[] Slots =
        {
            (nameof(RegistrationCount), n => n.RegistrationCount, (n, v) => n.RegistrationCount = v),
            (nameof(AttendanceCount), n => n.AttendanceCount, (n, v) => n.AttendanceCount = v),
            (nameof(AverageAttendancePercent), n => n.AverageAttendancePercent, (n, v) => n.AverageAttendancePercent = v),
            (nameof(LastRegisteredWebinarUrl), n => n.LastRegisteredWebinarUrl, (n, v) => n.LastRegisteredWebinarUrl = v),
            (nameof(LastRegisteredWebinarName), n => n.LastRegisteredWebinarName, (n, v) => n.LastRegisteredWebinarName = v),
            (nameof(LastRegisteredWebinarAt), n => n.LastRegisteredWebinarAt, (n, v) => n.LastRegisteredWebinarAt = v),
            (nameof(LastAttendedAt), n => n.LastAttendedAt, (n, v) => n.LastAttendedAt = v),
            (nameof(LastRecordingUrl), n => n.LastRecordingUrl, (n, v) => n.LastRecordingUrl = v),
            (nameof(LastRecordingAt), n => n.LastRecordingAt, (n, v) => n.LastRecordingAt = v),
            (nameof(PollAnswerCount), n => n.PollAnswerCount, (n, v) => n.PollAnswerCount = v),
            (nameof(QuestionCount), n => n.QuestionCount, (n, v) => n.QuestionCount = v),
            (nameof(LastPollAnswers), n => n.LastPollAnswers, (n, v) => n.LastPollAnswers = v),
            (nameof(LastQuestions), n => n.LastQuestions, (n, v) => n.LastQuestions = v),
            (nameof(History), n => n.History, (n, v) => n.History = v),
            (nameof(EventRecordingUrl), n => n.EventRecordingUrl, (n, v) => n.EventRecordingUrl = v),
            (nameof(EventRecordingStart), n => n.EventRecordingStart, (n, v) => n.EventRecordingStart = v),
            (nameof(EventRecordingDurationMinutes), n => n.EventRecordingDurationMinutes, (n, v) => n.EventRecordingDurationMinutes = v),
            (nameof(EventTranscriptUrl), n => n.EventTranscriptUrl, (n, v) => n.EventTranscriptUrl = v),
            (nameof(Group), n => "group", (n, v) => n.Group = v),
        };

        /// <summary>The logical names a map may use (<see cref="From"/>).</summary>
        public static IReadOnlyList<string> LogicalNames { get; } = Slots.Select(s => s.Logical).ToArray();

        /// <summary>Applies a map of logical name (<see cref="LogicalNames"/>) or default property name → property name.</summary>
        public static SyncPropertyNames From(IDictionary<string, string> map)
        {
            var names = new SyncPropertyNames();
            var defaults = new SyncPropertyNames();
            if (map == null) return names;
            foreach (var pair in map)
            {
                string key = pair.Key, value = pair.Value;
                if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"The property map gives no name for '{key}'.");
                var slot = Slots.FirstOrDefault(s => Is(key, s.Logical, s.Get(defaults)));
                if (slot.Set == null) throw new ArgumentException($"'{key}' is not a property the sync writes. Use one of: {string.Join(", ", LogicalNames)}.");
                slot.Set(names, value);
            }

            return names;
        }

        private static bool Is(string key, string logical, string current)
            => string.Equals(key, logical, StringComparison.OrdinalIgnoreCase) || string.Equals(key, current, StringComparison.OrdinalIgnoreCase);

        /// <summary>Contact property definitions for the schema initializer.</summary>
        public IReadOnlyList<HubSpotProperty> Definitions() => new[]
        {
            Number(RegistrationCount, "Zoom webinar registrations", "Webinars (or occurrences) the contact registered for and is still approved for. Written by ZoomHubPS."),
            Number(AttendanceCount, "Zoom webinars attended", "Webinar instances the contact attended. Written by ZoomHubPS."),
            Number(AverageAttendancePercent, "Average Zoom webinar attendance (%)", "Mean share of each attended webinar the contact attended. Written by ZoomHubPS."),
            Text(LastRegisteredWebinarUrl, "Last registered Zoom webinar", "Personal join link of the latest webinar registration. Written by ZoomHubPS."),
            Text(LastRegisteredWebinarName, "Last registered Zoom webinar name", "Topic of the latest webinar registration. Written by ZoomHubPS."),
            DateTime(LastRegisteredWebinarAt, "Last registered Zoom webinar start", "When the webinar of the latest registration starts. Written by ZoomHubPS."),
            DateTime(LastAttendedAt, "Last attended Zoom webinar", "Start of the latest webinar the contact attended. Written by ZoomHubPS."),
            Text(LastRecordingUrl, "Last Zoom webinar recording", "Recording link of the latest webinar the contact registered for or attended that has a recording. Written by ZoomHubPS."),
            DateTime(LastRecordingAt, "Last Zoom webinar recording date", "Start of the webinar of that recording. Written by ZoomHubPS."),
            Number(PollAnswerCount, "Zoom webinar poll answers", "Poll answers the contact gave in synced Zoom webinars (empty: polls never synced for the contact). Written by ZoomHubPS."),
            Number(QuestionCount, "Zoom webinar questions asked", "Q&A questions the contact asked in synced Zoom webinars (empty: Q&A never synced for the contact). Written by ZoomHubPS."),
            TextArea(LastPollAnswers, "Last Zoom webinar poll answers", "The contact's poll answers in the latest webinar in which they answered, one \"question: answer\" per line. Written by ZoomHubPS."),
            TextArea(LastQuestions, "Last Zoom webinar questions", "The Q&A questions the contact asked in the latest webinar in which they asked one, one per line. Written by ZoomHubPS."),
            new HubSpotProperty { Name = History, Label = "Zoom webinar history (ZoomHubPS)", Type = "string", FieldType = "textarea", GroupName = Group, Hidden = true, FormField = false, Description = "Ledger ZoomHubPS recomputes the webinar properties from. Do not edit." },
        };

        /// <summary>Marketing-event property definitions (written on recorded instances' events, where they exist).</summary>
        public IReadOnlyList<HubSpotProperty> EventDefinitions() => new[]
        {
            Text(EventRecordingUrl, "Zoom recording link", "Share link of the webinar's cloud recording. Written by ZoomHubPS."),
            DateTime(EventRecordingStart, "Zoom recording start", "When the cloud recording starts. Written by ZoomHubPS."),
            Number(EventRecordingDurationMinutes, "Zoom recording length (minutes)", "Length of the cloud recording. Written by ZoomHubPS."),
            Text(EventTranscriptUrl, "Zoom transcript link", "Download link of the recording's transcript (needs a Zoom sign-in, or Get-ZoomWebinarTranscript). Written by ZoomHubPS."),
        };

        private HubSpotProperty Number(string name, string label, string description)
            => new HubSpotProperty { Name = name, Label = label, Type = "number", FieldType = "number", GroupName = Group, Description = description };

        private HubSpotProperty Text(string name, string label, string description)
            => new HubSpotProperty { Name = name, Label = label, Type = "string", FieldType = "text", GroupName = Group, Description = description };

        private HubSpotProperty TextArea(string name, string label, string description)
            => new HubSpotProperty { Name = name, Label = label, Type = "string", FieldType = "textarea", GroupName = Group, Description = description };

        private HubSpotProperty DateTime(string name, string label, string description)
            => new HubSpotProperty { Name = name, Label = label, Type = "datetime", FieldType = "date", GroupName = Group, Description = description };

        /// <summary>Every contact property name the sync reads or writes (the sync refuses to run while one is missing).</summary>
        public IEnumerable<string> All() => Definitions().Select(d => d.Name);
    }
}
