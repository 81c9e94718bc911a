using System.Collections.Generic;

namespace ZoomHubPS.Core.Settings
{
    /// <summary>
    /// The parameters of one run (Invoke-ZoomHubSync), each replacing a saved value for that run only; null means "not
    /// given: use the settings". Validated when resolved: an invalid value throws ArgumentException naming the property.
    /// </summary>
    public sealed class SyncRunOverrides
    {
        /// <summary>Master switch for this run: true runs even when the settings say <c>sync: false</c>.</summary>
        public bool? Sync { get; set; }

        /// <summary>Replaces <c>users</c>: "All" alone, or emails.</summary>
        public IList<string> Users { get; set; }

        /// <summary>
        /// Webinars this run is asked for by id: they are synced whatever the webinar, user and global on/off settings and
        /// the user selection say (the master switch and the exclusions still apply).
        /// </summary>
        public IList<long> WebinarIds { get; set; }

        /// <summary>Replaces the user's and the global <c>syncNewWebinars</c> (a webinar's own <c>sync</c> still wins: it is a default).</summary>
        public bool? SyncNewWebinars { get; set; }

        /// <summary>Replaces <c>syncRecordings</c> at every level (webinar, user, global); the recording exclusions still apply.</summary>
        public bool? SyncRecordings { get; set; }

        /// <summary>Replaces <c>exclusions.hostDomains</c>.</summary>
        public IList<string> ExcludedHostDomains { get; set; }

        /// <summary>Replaces <c>exclusions.contactDomains</c>.</summary>
        public IList<string> ExcludedContactDomains { get; set; }

        /// <summary>Replaces <c>exclusions.recordingDomains</c>.</summary>
        public IList<string> ExcludedRecordingDomains { get; set; }

        /// <summary>Replaces <c>includeAccountUsers</c>.</summary>
        public bool? IncludeAccountUsers { get; set; }

        /// <summary>Replaces <c>matchSecondaryEmail</c>.</summary>
        public bool? MatchSecondaryEmail { get; set; }

        /// <summary>Replaces <c>recreateDeletedContacts</c>.</summary>
        public bool? RecreateDeletedContacts { get; set; }

        /// <summary>Replaces <c>syncPollsAndQuestions</c>.</summary>
        public bool? SyncPollsAndQuestions { get; set; }

        /// <summary>Replaces the whole <c>propertyNames</c> map.</summary>
        public IDictionary<string, string> PropertyNames { get; set; }

        /// <summary>Replaces <c>timelineAppId</c>.</summary>
        public long? TimelineAppId { get; set; }

        /// <summary>Replaces <c>lookbackDays</c>.</summary>
        public int? LookbackDays { get; set; }

        /// <summary>Replaces <c>registrationRules</c>.</summary>
        public IList<RegistrationRule> RegistrationRules { get; set; }
    }
}
