using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

// Zoom response models: JSON names as in Zoom's API (FACTS §1.4–§1.9), typed .NET properties.
namespace ZoomHubPS.Core.Zoom
{
    /// <summary>A user of the Zoom account.</summary>
    public sealed class ZoomUser
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("email")] public string Email { get; set; }
        [JsonPropertyName("first_name")] public string FirstName { get; set; }
        [JsonPropertyName("last_name")] public string LastName { get; set; }
        [JsonPropertyName("type")] public int Type { get; set; }
        [JsonPropertyName("status")] public string Status { get; set; }
        [JsonPropertyName("timezone")] public string Timezone { get; set; }
        [JsonPropertyName("dept")] public string Dept { get; set; }
        [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    }

    /// <summary>A webinar (list item or full details).</summary>
    public sealed class ZoomWebinar
    {
        [JsonPropertyName("id")] public long Id { get; set; }
        [JsonPropertyName("uuid")] public string Uuid { get; set; }
        [JsonPropertyName("host_id")] public string HostId { get; set; }
        [JsonPropertyName("host_email")] public string HostEmail { get; set; }
        [JsonPropertyName("topic")] public string Topic { get; set; }
        /// <summary>5 webinar, 6 recurring without fixed time, 9 recurring with fixed time.</summary>
        [JsonPropertyName("type")] public int Type { get; set; }
        [JsonPropertyName("start_time")] public DateTimeOffset? StartTime { get; set; }
        /// <summary>Minutes.</summary>
        [JsonPropertyName("duration")] public int Duration { get; set; }
        [JsonPropertyName("timezone")] public string Timezone { get; set; }
        [JsonPropertyName("agenda")] public string Agenda { get; set; }
        [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("join_url")] public string JoinUrl { get; set; }
        [JsonPropertyName("registration_url")] public string RegistrationUrl { get; set; }
        [JsonPropertyName("settings")] public ZoomWebinarSettings Settings { get; set; }
        [JsonPropertyName("occurrences")] public List<ZoomOccurrence> Occurrences { get; set; }

        /// <summary>Whether it recurs (types 6 and 9).</summary>
        [JsonIgnore] public bool IsRecurring => Type == 6 || Type == 9;

        /// <summary>Whether people must register (approval type 0 or 1).</summary>
        [JsonIgnore] public bool RequiresRegistration => Settings != null && Settings.ApprovalType != 2;
    }

    /// <summary>Selected webinar settings.</summary>
    public sealed class ZoomWebinarSettings
    {
        /// <summary>0 automatic, 1 manual, 2 no registration.</summary>
        [JsonPropertyName("approval_type")] public int ApprovalType { get; set; } = 2;
        [JsonPropertyName("registration_type")] public int? RegistrationType { get; set; }
        [JsonPropertyName("registrants_restrict_number")] public int RegistrantsRestrictNumber { get; set; }
        [JsonPropertyName("close_registration")] public bool CloseRegistration { get; set; }
        [JsonPropertyName("contact_name")] public string ContactName { get; set; }
        [JsonPropertyName("contact_email")] public string ContactEmail { get; set; }
    }

    /// <summary>An occurrence of a recurring webinar.</summary>
    public sealed class ZoomOccurrence
    {
        [JsonPropertyName("occurrence_id")] public string OccurrenceId { get; set; }
        [JsonPropertyName("start_time")] public DateTimeOffset StartTime { get; set; }
        [JsonPropertyName("duration")] public int Duration { get; set; }
        [JsonPropertyName("status")] public string Status { get; set; }
    }

    /// <summary>A registrant (list, absentees, get one).</summary>
    public sealed class ZoomRegistrant
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("email")] public string Email { get; set; }
        [JsonPropertyName("first_name")] public string FirstName { get; set; }
        [JsonPropertyName("last_name")] public string LastName { get; set; }
        [JsonPropertyName("address")] public string Address { get; set; }
        [JsonPropertyName("city")] public string City { get; set; }
        [JsonPropertyName("state")] public string State { get; set; }
        [JsonPropertyName("zip")] public string Zip { get; set; }
        [JsonPropertyName("country")] public string Country { get; set; }
        [JsonPropertyName("phone")] public string Phone { get; set; }
        [JsonPropertyName("industry")] public string Industry { get; set; }
        [JsonPropertyName("org")] public string Org { get; set; }
        [JsonPropertyName("job_title")] public string JobTitle { get; set; }
        [JsonPropertyName("purchasing_time_frame")] public string PurchasingTimeFrame { get; set; }
        [JsonPropertyName("role_in_purchase_process")] public string RoleInPurchaseProcess { get; set; }
        [JsonPropertyName("no_of_employees")] public string NoOfEmployees { get; set; }
        [JsonPropertyName("comments")] public string Comments { get; set; }
        [JsonPropertyName("custom_questions")] public List<ZoomQuestionAnswer> CustomQuestions { get; set; }
        /// <summary>approved | pending | denied.</summary>
        [JsonPropertyName("status")] public string Status { get; set; }
        [JsonPropertyName("create_time")] public DateTimeOffset? CreateTime { get; set; }
        [JsonPropertyName("join_url")] public string JoinUrl { get; set; }

        /// <summary>Webinar the registrant was listed for (set by the client, not by Zoom).</summary>
        [JsonIgnore] public long WebinarId { get; set; }

        /// <summary>Occurrence the listing was filtered by (set by the client), if any.</summary>
        [JsonIgnore] public string OccurrenceId { get; set; }
    }

    /// <summary>A custom question's answer.</summary>
    public sealed class ZoomQuestionAnswer
    {
        [JsonPropertyName("title")] public string Title { get; set; }
        [JsonPropertyName("value")] public string Value { get; set; }
    }

    /// <summary>The registration form of a webinar.</summary>
    public sealed class ZoomRegistrationQuestions
    {
        [JsonPropertyName("questions")] public List<ZoomStandardQuestion> Questions { get; set; } = new List<ZoomStandardQuestion>();
        [JsonPropertyName("custom_questions")] public List<ZoomCustomQuestion> CustomQuestions { get; set; } = new List<ZoomCustomQuestion>();
    }

    /// <summary>A standard field on the form (email and first_name are always required and never listed).</summary>
    public sealed class ZoomStandardQuestion
    {
        [JsonPropertyName("field_name")] public string FieldName { get; set; }
        [JsonPropertyName("required")] public bool Required { get; set; }
    }

    /// <summary>A custom question.</summary>
    public sealed class ZoomCustomQuestion
    {
        [JsonPropertyName("title")] public string Title { get; set; }
        /// <summary>short | single_radio | single_dropdown | multiple.</summary>
        [JsonPropertyName("type")] public string Type { get; set; }
        [JsonPropertyName("required")] public bool Required { get; set; }
        [JsonPropertyName("answers")] public List<string> Answers { get; set; } = new List<string>();
    }

    /// <summary>A panelist.</summary>
    public sealed class ZoomPanelist
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("email")] public string Email { get; set; }
        [JsonPropertyName("join_url")] public string JoinUrl { get; set; }
    }

    /// <summary>A past instance (occurrence that took place).</summary>
    public sealed class ZoomPastInstance
    {
        [JsonPropertyName("uuid")] public string Uuid { get; set; }
        [JsonPropertyName("start_time")] public DateTimeOffset StartTime { get; set; }

        /// <summary>The webinar (set by the client).</summary>
        [JsonIgnore] public long WebinarId { get; set; }
    }

    /// <summary>One participant row (one session: a rejoin is another row).</summary>
    public sealed class ZoomParticipant
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("user_id")] public string UserId { get; set; }
        [JsonPropertyName("participant_user_id")] public string ParticipantUserId { get; set; }
        [JsonPropertyName("name")] public string Name { get; set; }
        /// <summary>"" for guests whose email Zoom hides.</summary>
        [JsonPropertyName("user_email")] public string UserEmail { get; set; }
        [JsonPropertyName("join_time")] public DateTimeOffset? JoinTime { get; set; }
        [JsonPropertyName("leave_time")] public DateTimeOffset? LeaveTime { get; set; }
        /// <summary>Seconds.</summary>
        [JsonPropertyName("duration")] public int Duration { get; set; }
        [JsonPropertyName("registrant_id")] public string RegistrantId { get; set; }
        [JsonPropertyName("status")] public string Status { get; set; }
        [JsonPropertyName("failover")] public bool Failover { get; set; }
        [JsonPropertyName("internal_user")] public bool InternalUser { get; set; }

        /// <summary>Webinar and instance (set by the client).</summary>
        [JsonIgnore] public long WebinarId { get; set; }

        /// <summary>Instance UUID (set by the client).</summary>
        [JsonIgnore] public string InstanceUuid { get; set; }
    }

    /// <summary>Summary report of one instance (GET /report/webinars/{id}).</summary>
    public sealed class ZoomWebinarReport
    {
        [JsonPropertyName("uuid")] public string Uuid { get; set; }
        [JsonPropertyName("id")] public long Id { get; set; }
        [JsonPropertyName("topic")] public string Topic { get; set; }
        [JsonPropertyName("start_time")] public DateTimeOffset? StartTime { get; set; }
        [JsonPropertyName("end_time")] public DateTimeOffset? EndTime { get; set; }
        /// <summary>Minutes the instance actually lasted.</summary>
        [JsonPropertyName("duration")] public int Duration { get; set; }
        [JsonPropertyName("participants_count")] public int ParticipantsCount { get; set; }
    }

    /// <summary>Cloud recordings of an instance.</summary>
    public sealed class ZoomRecording
    {
        [JsonPropertyName("uuid")] public string Uuid { get; set; }
        [JsonPropertyName("id")] public long Id { get; set; }
        [JsonPropertyName("host_id")] public string HostId { get; set; }
        [JsonPropertyName("topic")] public string Topic { get; set; }
        [JsonPropertyName("start_time")] public DateTimeOffset? StartTime { get; set; }
        [JsonPropertyName("duration")] public int Duration { get; set; }
        [JsonPropertyName("total_size")] public long TotalSize { get; set; }
        [JsonPropertyName("recording_count")] public int RecordingCount { get; set; }
        [JsonPropertyName("share_url")] public string ShareUrl { get; set; }
        [JsonPropertyName("password")] public string Password { get; set; }
        [JsonPropertyName("recording_play_passcode")] public string RecordingPlayPasscode { get; set; }
        [JsonPropertyName("recording_files")] public List<ZoomRecordingFile> RecordingFiles { get; set; } = new List<ZoomRecordingFile>();
    }

    /// <summary>One recording file.</summary>
    public sealed class ZoomRecordingFile
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("recording_start")] public DateTimeOffset? RecordingStart { get; set; }
        [JsonPropertyName("recording_end")] public DateTimeOffset? RecordingEnd { get; set; }
        [JsonPropertyName("file_type")] public string FileType { get; set; }
        [JsonPropertyName("file_extension")] public string FileExtension { get; set; }
        [JsonPropertyName("file_size")] public long FileSize { get; set; }
        [JsonPropertyName("play_url")] public string PlayUrl { get; set; }
        [JsonPropertyName("download_url")] public string DownloadUrl { get; set; }
        [JsonPropertyName("status")] public string Status { get; set; }
        [JsonPropertyName("recording_type")] public string RecordingType { get; set; }
    }

    /// <summary>Body of POST /webinars/{id}/registrants (email and first_name required).</summary>
    public sealed class ZoomRegistrantRequest
    {
        [JsonPropertyName("email")] public string Email { get; set; }
        [JsonPropertyName("first_name")] public string FirstName { get; set; }
        [JsonPropertyName("last_name")] public string LastName { get; set; }
        [JsonPropertyName("address")] public string Address { get; set; }
        [JsonPropertyName("city")] public string City { get; set; }
        [JsonPropertyName("state")] public string State { get; set; }
        [JsonPropertyName("zip")] public string Zip { get; set; }
        [JsonPropertyName("country")] public string Country { get; set; }
        [JsonPropertyName("phone")] public string Phone { get; set; }
        [JsonPropertyName("industry")] public string Industry { get; set; }
        [JsonPropertyName("org")] public string Org { get; set; }
        [JsonPropertyName("job_title")] public string JobTitle { get; set; }
        [JsonPropertyName("purchasing_time_frame")] public string PurchasingTimeFrame { get; set; }
        [JsonPropertyName("role_in_purchase_process")] public string RoleInPurchaseProcess { get; set; }
        [JsonPropertyName("no_of_employees")] public string NoOfEmployees { get; set; }
        [JsonPropertyName("comments")] public string Comments { get; set; }
        [JsonPropertyName("custom_questions")] public List<ZoomQuestionAnswer> CustomQuestions { get; set; }
        [JsonPropertyName("language")] public string Language { get; set; }
    }

    /// <summary>Answer of POST /webinars/{id}/registrants (201).</summary>
    public sealed class ZoomRegistrantCreated
    {
        [JsonPropertyName("id")] public long Id { get; set; }
        [JsonPropertyName("registrant_id")] public string RegistrantId { get; set; }
        [JsonPropertyName("topic")] public string Topic { get; set; }
        [JsonPropertyName("start_time")] public DateTimeOffset? StartTime { get; set; }
        [JsonPropertyName("join_url")] public string JoinUrl { get; set; }
    }

    /// <summary>One person of a batch registration.</summary>
    public sealed class ZoomBatchRegistrant
    {
        [JsonPropertyName("email")] public string Email { get; set; }
        [JsonPropertyName("first_name")] public string FirstName { get; set; }
        [JsonPropertyName("last_name")] public string LastName { get; set; }
    }

    /// <summary>One registered person in a batch answer.</summary>
    public sealed class ZoomBatchRegistered
    {
        [JsonPropertyName("registrant_id")] public string RegistrantId { get; set; }
        [JsonPropertyName("email")] public string Email { get; set; }
        [JsonPropertyName("join_url")] public string JoinUrl { get; set; }
    }

    /// <summary>Registrant status filter.</summary>
    public enum RegistrantStatus
    {
        /// <summary>approved (Zoom's default).</summary>
        Approved,

        /// <summary>pending.</summary>
        Pending,

        /// <summary>denied (includes cancelled).</summary>
        Denied,
    }

    /// <summary>User status filter.</summary>
    public enum UserStatus
    {
        /// <summary>active.</summary>
        Active,

        /// <summary>inactive.</summary>
        Inactive,

        /// <summary>pending.</summary>
        Pending,
    }

    /// <summary>Which webinars of a host to list.</summary>
    public enum WebinarListType
    {
        /// <summary>Unexpired past, live and upcoming.</summary>
        Scheduled,

        /// <summary>Upcoming only.</summary>
        Upcoming,
    }

    /// <summary>Registrant status actions.</summary>
    public enum RegistrantAction
    {
        /// <summary>approve.</summary>
        Approve,

        /// <summary>deny.</summary>
        Deny,

        /// <summary>cancel.</summary>
        Cancel,
    }
}
