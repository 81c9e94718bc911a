using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

// The scenario format (documented in docs/about_ZoomHubPS_Sandbox_Scenarios.md). Field names follow the
// APIs' own JSON names so a scenario reads like the responses it produces.
namespace ZoomHubPS.Sandbox.Scenarios
{
    /// <summary>A seed for the twin: the Zoom account and the HubSpot portal, as of <see cref="Now"/>.</summary>
    public sealed class Scenario
    {
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("description")] public string Description { get; set; }

        /// <summary>Sandbox time at start (the fake "now"); defaults to the real time when absent.</summary>
        [JsonPropertyName("now")] public DateTimeOffset? Now { get; set; }

        /// <summary>
        /// <c>"today"</c>: a twin moves every date by whole days so <see cref="Now"/> falls on its clock's UTC date
        /// (<see cref="ScenarioAnchor"/>); <c>"none"</c> or absent: the dates stay as written.
        /// </summary>
        [JsonPropertyName("anchor"), JsonConverter(typeof(AnchorValueConverter))] public string Anchor { get; set; }

        [JsonPropertyName("zoom")] public ZoomSeed Zoom { get; set; } = new ZoomSeed();
        [JsonPropertyName("hubspot")] public HubSpotSeed HubSpot { get; set; } = new HubSpotSeed();
    }

    public sealed class ZoomSeed
    {
        [JsonPropertyName("account_id")] public string AccountId { get; set; }
        [JsonPropertyName("client_id")] public string ClientId { get; set; }
        [JsonPropertyName("client_secret")] public string ClientSecret { get; set; }

        /// <summary>Pro | Business | Free (rate limits).</summary>
        [JsonPropertyName("plan")] public string Plan { get; set; } = "Pro";

        /// <summary>Account features that gate APIs (the Dashboard); see <see cref="ZoomFeaturesSeed"/>.</summary>
        [JsonPropertyName("features")] public ZoomFeaturesSeed Features { get; set; } = new ZoomFeaturesSeed();

        /// <summary>How long Zoom keeps listing, serving and reporting webinars; see <see cref="ZoomRulesSeed"/>.</summary>
        [JsonPropertyName("rules")] public ZoomRulesSeed Rules { get; set; } = new ZoomRulesSeed();

        /// <summary>Email domains of the account's own people (used by "internal user" rules).</summary>
        [JsonPropertyName("internal_domains")] public List<string> InternalDomains { get; set; } = new List<string>();

        /// <summary>Scopes the S2S app was granted (space-separated in the token response).</summary>
        [JsonPropertyName("scopes")] public List<string> Scopes { get; set; }

        [JsonPropertyName("users")] public List<ZoomUserSeed> Users { get; set; } = new List<ZoomUserSeed>();
        [JsonPropertyName("webinars")] public List<ZoomWebinarSeed> Webinars { get; set; } = new List<ZoomWebinarSeed>();
    }

    public sealed class ZoomUserSeed
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("email")] public string Email { get; set; }
        [JsonPropertyName("first_name")] public string FirstName { get; set; }
        [JsonPropertyName("last_name")] public string LastName { get; set; }
        /// <summary>1 basic, 2 licensed.</summary>
        [JsonPropertyName("type")] public int Type { get; set; } = 2;
        /// <summary>active | inactive | pending.</summary>
        [JsonPropertyName("status")] public string Status { get; set; } = "active";
        [JsonPropertyName("timezone")] public string Timezone { get; set; }
        [JsonPropertyName("dept")] public string Dept { get; set; }
    }

    public sealed class ZoomWebinarSeed
    {
        [JsonPropertyName("id")] public long Id { get; set; }
        /// <summary>UUID of the latest instance (defaults to the last instance's UUID or a generated one).</summary>
        [JsonPropertyName("uuid")] public string Uuid { get; set; }
        [JsonPropertyName("host_email")] public string HostEmail { get; set; }
        [JsonPropertyName("topic")] public string Topic { get; set; }
        /// <summary>5 webinar, 6 recurring no fixed time, 9 recurring fixed time.</summary>
        [JsonPropertyName("type")] public int Type { get; set; } = 5;
        [JsonPropertyName("start_time")] public DateTimeOffset? StartTime { get; set; }
        /// <summary>Minutes.</summary>
        [JsonPropertyName("duration")] public int Duration { get; set; } = 60;
        [JsonPropertyName("timezone")] public string Timezone { get; set; } = "UTC";
        [JsonPropertyName("agenda")] public string Agenda { get; set; }
        [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        /// <summary>Last edit (Zoom deletes a webinar 90 days after its scheduled end or last edit, whichever is later).</summary>
        [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }
        /// <summary>Paid registration (the API refuses to register: 3000).</summary>
        [JsonPropertyName("paid")] public bool Paid { get; set; }
        [JsonPropertyName("settings")] public ZoomWebinarSettingsSeed Settings { get; set; } = new ZoomWebinarSettingsSeed();
        [JsonPropertyName("occurrences")] public List<ZoomOccurrenceSeed> Occurrences { get; set; } = new List<ZoomOccurrenceSeed>();
        [JsonPropertyName("questions")] public List<ZoomQuestionSeed> Questions { get; set; } = new List<ZoomQuestionSeed>();
        [JsonPropertyName("custom_questions")] public List<ZoomCustomQuestionSeed> CustomQuestions { get; set; } = new List<ZoomCustomQuestionSeed>();
        [JsonPropertyName("panelists")] public List<ZoomPanelistSeed> Panelists { get; set; } = new List<ZoomPanelistSeed>();
        [JsonPropertyName("registrants")] public List<ZoomRegistrantSeed> Registrants { get; set; } = new List<ZoomRegistrantSeed>();
        /// <summary>Past instances (ended occurrences) with their participants and recording.</summary>
        [JsonPropertyName("instances")] public List<ZoomInstanceSeed> Instances { get; set; } = new List<ZoomInstanceSeed>();
        /// <summary>Poll definitions (GET /webinars/{id}/polls); answers are per instance (<c>poll_responses</c>).</summary>
        [JsonPropertyName("polls")] public List<ZoomPollSeed> Polls { get; set; } = new List<ZoomPollSeed>();
        /// <summary>The host's polls setting is off: the poll routes answer 400 code 4400.</summary>
        [JsonPropertyName("polls_disabled")] public bool PollsDisabled { get; set; }
    }

    public sealed class ZoomWebinarSettingsSeed
    {
        /// <summary>0 automatic, 1 manual, 2 no registration.</summary>
        [JsonPropertyName("approval_type")] public int ApprovalType { get; set; } = 0;
        [JsonPropertyName("registration_type")] public int? RegistrationType { get; set; }
        /// <summary>Capacity (0 = unlimited).</summary>
        [JsonPropertyName("registrants_restrict_number")] public int RegistrantsRestrictNumber { get; set; }
        [JsonPropertyName("close_registration")] public bool CloseRegistration { get; set; }
        [JsonPropertyName("contact_name")] public string ContactName { get; set; }
        [JsonPropertyName("contact_email")] public string ContactEmail { get; set; }
    }

    public sealed class ZoomOccurrenceSeed
    {
        [JsonPropertyName("occurrence_id"), EpochMilliseconds] public string OccurrenceId { get; set; }
        [JsonPropertyName("start_time")] public DateTimeOffset StartTime { get; set; }
        [JsonPropertyName("duration")] public int Duration { get; set; } = 60;
        [JsonPropertyName("status")] public string Status { get; set; } = "available";
    }

    public sealed class ZoomQuestionSeed
    {
        [JsonPropertyName("field_name")] public string FieldName { get; set; }
        [JsonPropertyName("required")] public bool Required { get; set; }
    }

    public sealed class ZoomCustomQuestionSeed
    {
        [JsonPropertyName("title")] public string Title { get; set; }
        /// <summary>short | single_radio | single_dropdown | multiple.</summary>
        [JsonPropertyName("type")] public string Type { get; set; } = "short";
        [JsonPropertyName("required")] public bool Required { get; set; }
        [JsonPropertyName("answers")] public List<string> Answers { get; set; } = new List<string>();
    }

    public sealed class ZoomPanelistSeed
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("email")] public string Email { get; set; }
    }

    public sealed class ZoomRegistrantSeed
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("email")] public string Email { get; set; }
        [JsonPropertyName("first_name")] public string FirstName { get; set; }
        [JsonPropertyName("last_name")] public string LastName { get; set; }
        /// <summary>approved | pending | denied (cancelled registrants are "denied" in the API).</summary>
        [JsonPropertyName("status")] public string Status { get; set; } = "approved";
        [JsonPropertyName("create_time")] public DateTimeOffset? CreateTime { get; set; }
        [JsonPropertyName("org")] public string Org { get; set; }
        [JsonPropertyName("job_title")] public string JobTitle { get; set; }
        [JsonPropertyName("country")] public string Country { get; set; }
        [JsonPropertyName("phone")] public string Phone { get; set; }
        [JsonPropertyName("custom_questions")] public List<ZoomAnswerSeed> CustomQuestions { get; set; } = new List<ZoomAnswerSeed>();
        /// <summary>For recurring webinars: the occurrences registered for (empty = all).</summary>
        [JsonPropertyName("occurrence_ids"), EpochMilliseconds] public List<string> OccurrenceIds { get; set; } = new List<string>();
    }

    public sealed class ZoomAnswerSeed
    {
        [JsonPropertyName("title")] public string Title { get; set; }
        [JsonPropertyName("value")] public string Value { get; set; }
    }

    public sealed class ZoomInstanceSeed
    {
        [JsonPropertyName("uuid")] public string Uuid { get; set; }
        [JsonPropertyName("start_time")] public DateTimeOffset StartTime { get; set; }
        /// <summary>Minutes the instance lasted (defaults to the webinar's duration).</summary>
        [JsonPropertyName("duration")] public int? Duration { get; set; }
        /// <summary>Exact end, for an instance that lasted a fraction of a minute (Zoom's report then says 0 minutes); wins over duration.</summary>
        [JsonPropertyName("end_time")] public DateTimeOffset? EndTime { get; set; }
        /// <summary>The occurrence this instance was (recurring webinars).</summary>
        [JsonPropertyName("occurrence_id"), EpochMilliseconds] public string OccurrenceId { get; set; }
        [JsonPropertyName("participants")] public List<ZoomParticipantSeed> Participants { get; set; } = new List<ZoomParticipantSeed>();
        [JsonPropertyName("recording")] public ZoomRecordingSeed Recording { get; set; }
        /// <summary>Who answered which poll question in this instance.</summary>
        [JsonPropertyName("poll_responses")] public List<ZoomPollResponseSeed> PollResponses { get; set; } = new List<ZoomPollResponseSeed>();
        /// <summary>Questions attendees asked in Q&amp;A in this instance, and the answers.</summary>
        [JsonPropertyName("qa")] public List<ZoomQaSeed> Qa { get; set; } = new List<ZoomQaSeed>();
    }

    public sealed class ZoomParticipantSeed
    {
        /// <summary>Zoom user id when signed in to the account ("" for guests).</summary>
        [JsonPropertyName("id")] public string Id { get; set; } = "";
        /// <summary>Per-session id (a rejoin gets a new one; generated when absent).</summary>
        [JsonPropertyName("user_id")] public string UserId { get; set; }
        [JsonPropertyName("name")] public string Name { get; set; }
        /// <summary>"" for guests whose email Zoom hides.</summary>
        [JsonPropertyName("user_email")] public string UserEmail { get; set; } = "";
        [JsonPropertyName("join_time")] public DateTimeOffset JoinTime { get; set; }
        [JsonPropertyName("leave_time")] public DateTimeOffset LeaveTime { get; set; }
        /// <summary>Registrant id (resolves guests who registered).</summary>
        [JsonPropertyName("registrant_id")] public string RegistrantId { get; set; }
        /// <summary>Convenience for authors: the registrant's email, resolved to <see cref="RegistrantId"/> at load.</summary>
        [JsonPropertyName("registrant_email")] public string RegistrantEmail { get; set; }
        [JsonPropertyName("internal_user")] public bool InternalUser { get; set; }
        [JsonPropertyName("status")] public string Status { get; set; } = "in_meeting";
    }

    public sealed class ZoomRecordingSeed
    {
        [JsonPropertyName("share_url")] public string ShareUrl { get; set; }
        [JsonPropertyName("password")] public string Password { get; set; }
        [JsonPropertyName("recording_play_passcode")] public string RecordingPlayPasscode { get; set; }
        [JsonPropertyName("recording_files")] public List<ZoomRecordingFileSeed> RecordingFiles { get; set; } = new List<ZoomRecordingFileSeed>();
        /// <summary>Downloads answer 200 with an HTML "only the host can download" page instead of the file.</summary>
        [JsonPropertyName("download_refused")] public bool DownloadRefused { get; set; }
        /// <summary>The transcript lags behind: TRANSCRIPT and CC files are not listed (until <see cref="TranscriptReadyAt"/>, when set).</summary>
        [JsonPropertyName("transcript_pending")] public bool TranscriptPending { get; set; }
        /// <summary>When a pending transcript appears (sandbox time).</summary>
        [JsonPropertyName("transcript_ready_at")] public DateTimeOffset? TranscriptReadyAt { get; set; }
    }

    public sealed class ZoomRecordingFileSeed
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("file_type")] public string FileType { get; set; } = "MP4";
        /// <summary>Defaults by file type (MP4 shared_screen_with_speaker_view, TRANSCRIPT audio_transcript, CHAT chat_file, …).</summary>
        [JsonPropertyName("recording_type")] public string RecordingType { get; set; }
        /// <summary>Bytes of media files (text files measure their content).</summary>
        [JsonPropertyName("file_size")] public long FileSize { get; set; }
        [JsonPropertyName("recording_start")] public DateTimeOffset? RecordingStart { get; set; }
        [JsonPropertyName("recording_end")] public DateTimeOffset? RecordingEnd { get; set; }
        /// <summary>Text of a TRANSCRIPT/CC (WebVTT), CHAT, CSV or TIMELINE file; generated from the participants when absent.</summary>
        [JsonPropertyName("content")] public string Content { get; set; }
    }

    public sealed class HubSpotSeed
    {
        [JsonPropertyName("portal_id")] public long PortalId { get; set; } = 12345678;
        /// <summary>The private-app / service-key token the sandbox accepts.</summary>
        [JsonPropertyName("token")] public string Token { get; set; }
        /// <summary>Free | Starter | Professional | Enterprise (rate limits).</summary>
        [JsonPropertyName("tier")] public string Tier { get; set; } = "Professional";
        [JsonPropertyName("time_zone")] public string TimeZone { get; set; } = "UTC";
        [JsonPropertyName("company_currency")] public string CompanyCurrency { get; set; } = "USD";
        /// <summary>Scopes the token has (absent = all).</summary>
        [JsonPropertyName("scopes")] public List<string> Scopes { get; set; }
        [JsonPropertyName("contacts")] public List<HubSpotContactSeed> Contacts { get; set; } = new List<HubSpotContactSeed>();
        [JsonPropertyName("property_groups")] public List<HubSpotGroupSeed> PropertyGroups { get; set; } = new List<HubSpotGroupSeed>();
        [JsonPropertyName("properties")] public List<HubSpotPropertySeed> Properties { get; set; } = new List<HubSpotPropertySeed>();
        /// <summary>Property definitions of the marketing-event object (0-54): only these names are kept in an event's customProperties.</summary>
        [JsonPropertyName("marketing_event_properties")] public List<HubSpotPropertySeed> MarketingEventProperties { get; set; } = new List<HubSpotPropertySeed>();
        /// <summary>Whether apps may create, change or delete marketing-event property definitions (unconfirmed; refused by default).</summary>
        [JsonPropertyName("allow_marketing_event_property_writes")] public bool AllowMarketingEventPropertyWrites { get; set; }
        /// <summary>Contact lists (Lists v3): MANUAL and SNAPSHOT lists name their members, DYNAMIC lists a filterBranch.</summary>
        [JsonPropertyName("lists")] public List<HubSpotListSeed> Lists { get; set; } = new List<HubSpotListSeed>();
    }

    /// <summary>A HubSpot list; field names are the Lists v3 API's.</summary>
    public sealed class HubSpotListSeed
    {
        /// <summary>The ILS list id (a number as text; generated when absent).</summary>
        [JsonPropertyName("listId")] public string ListId { get; set; }
        /// <summary>The id the list had in the v1 lists API (for /crm/v3/lists/idmapping).</summary>
        [JsonPropertyName("legacyListId")] public string LegacyListId { get; set; }
        [JsonPropertyName("name")] public string Name { get; set; }
        /// <summary>MANUAL | DYNAMIC | SNAPSHOT.</summary>
        [JsonPropertyName("processingType")] public string ProcessingType { get; set; } = "MANUAL";
        /// <summary>Only contact lists (0-1) are supported.</summary>
        [JsonPropertyName("objectTypeId")] public string ObjectTypeId { get; set; } = "0-1";
        /// <summary>Record ids of a MANUAL list (SNAPSHOT: added to the filter's matches).</summary>
        [JsonPropertyName("members")] public List<string> Members { get; set; } = new List<string>();
        /// <summary>Filters of a DYNAMIC or SNAPSHOT list, in the API's filterBranch shape (an immutable JSON value, so copies of a scenario share it safely).</summary>
        [JsonPropertyName("filterBranch")] public System.Text.Json.JsonElement? FilterBranch { get; set; }
        [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }
    }

    public sealed class HubSpotContactSeed
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        /// <summary>Property values as HubSpot stores them (strings). <c>hs_additional_emails</c> is ";"-separated.</summary>
        [JsonPropertyName("properties")] public Dictionary<string, string> Properties { get; set; } = new Dictionary<string, string>();
        /// <summary>In the recycling bin (deleted).</summary>
        [JsonPropertyName("archived")] public bool Archived { get; set; }
        [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    }

    public sealed class HubSpotGroupSeed
    {
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("label")] public string Label { get; set; }
        [JsonPropertyName("displayOrder")] public int DisplayOrder { get; set; } = -1;
    }

    public sealed class HubSpotPropertySeed
    {
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("label")] public string Label { get; set; }
        [JsonPropertyName("type")] public string Type { get; set; } = "string";
        [JsonPropertyName("fieldType")] public string FieldType { get; set; } = "text";
        [JsonPropertyName("groupName")] public string GroupName { get; set; } = "contactinformation";
        [JsonPropertyName("description")] public string Description { get; set; }
        [JsonPropertyName("hidden")] public bool Hidden { get; set; }
    }
}
