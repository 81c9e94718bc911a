namespace ZoomHubPS.Core.Settings
{
    /// <summary>Where a resolved value came from, most specific first.</summary>
    public enum SettingLevel
    {
        /// <summary>A parameter of this run (<see cref="SyncRunOverrides"/>).</summary>
        Run,

        /// <summary>The webinar's override (<c>webinars["id"]</c>).</summary>
        Webinar,

        /// <summary>The host's settings (<c>userSettings["email"]</c>).</summary>
        User,

        /// <summary>The document's top-level value.</summary>
        Global,
    }

    /// <summary>Why the settings skip a webinar (<see cref="EffectiveWebinarSettings.SkipReason"/>).</summary>
    public static class WebinarSkipReasons
    {
        /// <summary>The master switch is off (<c>sync: false</c>, or the run's Sync = false).</summary>
        public const string SyncOff = "SyncOff";

        /// <summary>The host's domain is in <c>exclusions.hostDomains</c> (or a subdomain of one). Same value as the engine's reason.</summary>
        public const string ExcludedHost = WebinarSync.SkipReasons.ExcludedHost;

        /// <summary>The host is not in <c>users</c>, and no webinar override or run parameter turns the webinar on.</summary>
        public const string UserNotSelected = "UserNotSelected";

        /// <summary>The webinar's override says <c>sync: false</c>.</summary>
        public const string WebinarOff = "WebinarOff";

        /// <summary>No override, and the user's (or global) <c>syncNewWebinars</c> is false.</summary>
        public const string NewWebinarsOff = "NewWebinarsOff";
    }

    /// <summary>Why the settings skip a webinar's recordings (<see cref="EffectiveWebinarSettings.RecordingSkipReason"/>).</summary>
    public static class RecordingSkipReasons
    {
        /// <summary>The webinar itself is not synced.</summary>
        public const string WebinarNotSynced = "WebinarNotSynced";

        /// <summary><c>syncRecordings</c> is false at the level that decides.</summary>
        public const string RecordingsOff = "RecordingsOff";

        /// <summary>The host's domain is in <c>exclusions.recordingDomains</c> (or a subdomain of one).</summary>
        public const string ExcludedRecordingHost = "ExcludedRecordingHost";
    }
}
