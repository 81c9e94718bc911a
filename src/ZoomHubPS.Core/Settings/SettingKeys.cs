namespace ZoomHubPS.Core.Settings
{
    /// <summary>
    /// The key names of the settings document (schemaVersion 1), in the order the writer emits them. The reader lists
    /// these when it meets a key it does not know, so the names live here once.
    /// </summary>
    internal static class SettingKeys
    {
        public const string SchemaVersion = "schemaVersion";
        public const string Sync = "sync";
        public const string Users = "users";
        public const string SyncNewWebinars = "syncNewWebinars";
        public const string SyncRecordings = "syncRecordings";
        public const string UserSettings = "userSettings";
        public const string Webinars = "webinars";
        public const string Exclusions = "exclusions";
        public const string IncludeAccountUsers = "includeAccountUsers";
        public const string MatchSecondaryEmail = "matchSecondaryEmail";
        public const string RecreateDeletedContacts = "recreateDeletedContacts";
        public const string SyncPollsAndQuestions = "syncPollsAndQuestions";
        public const string PropertyNames = "propertyNames";
        public const string TimelineAppId = "timelineAppId";
        public const string LookbackDays = "lookbackDays";
        public const string RegistrationRules = "registrationRules";

        public const string HostDomains = "hostDomains";
        public const string ContactDomains = "contactDomains";
        public const string RecordingDomains = "recordingDomains";

        public const string ListId = "listId";
        public const string ListName = "listName";
        public const string WebinarId = "webinarId";
        public const string OccurrenceId = "occurrenceId";

        /// <summary>Top-level keys.</summary>
        public static readonly string[] Root =
        {
            SchemaVersion, Sync, Users, SyncNewWebinars, SyncRecordings, UserSettings, Webinars, Exclusions,
            IncludeAccountUsers, MatchSecondaryEmail, RecreateDeletedContacts, SyncPollsAndQuestions, PropertyNames, TimelineAppId, LookbackDays,
            RegistrationRules,
        };

        /// <summary>Keys of one <c>userSettings</c> entry.</summary>
        public static readonly string[] User = { SyncNewWebinars, SyncRecordings };

        /// <summary>Keys of one <c>webinars</c> entry.</summary>
        public static readonly string[] Webinar = { Sync, SyncRecordings };

        /// <summary>Keys of <c>exclusions</c>.</summary>
        public static readonly string[] ExclusionLists = { HostDomains, ContactDomains, RecordingDomains };

        /// <summary>Keys of one <c>registrationRules</c> entry.</summary>
        public static readonly string[] Rule = { ListId, ListName, WebinarId, OccurrenceId };
    }
}
