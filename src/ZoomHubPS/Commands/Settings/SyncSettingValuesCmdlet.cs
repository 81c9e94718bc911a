using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// The global values of the settings as parameters, shared by New-ZoomHubSyncSetting and Set-ZoomHubSyncSetting:
    /// each bound parameter replaces its value in the draft, unbound ones keep theirs.
    /// </summary>
    public abstract class SyncSettingValuesCmdlet : SyncSettingCmdlet
    {
        #region Parameters

        /// <summary>Master switch (sync).</summary>
        [Parameter]
        public bool Sync { get; set; }

        /// <summary>"All", or the emails of the Zoom users whose webinars are synced (users).</summary>
        [Parameter]
        [Alias("Users")]
        [AllowEmptyCollection]
        public string[] User { get; set; }

        /// <summary>Global default for webinars without an override (syncNewWebinars).</summary>
        [Parameter]
        public bool SyncNewWebinars { get; set; }

        /// <summary>Global default for recordings and transcripts (syncRecordings).</summary>
        [Parameter]
        public bool SyncRecordings { get; set; }

        /// <summary>exclusions.hostDomains.</summary>
        [Parameter]
        [AllowEmptyCollection]
        [AllowNull]
        public string[] ExcludeHostDomain { get; set; }

        /// <summary>exclusions.contactDomains.</summary>
        [Parameter]
        [AllowEmptyCollection]
        [AllowNull]
        public string[] ExcludeContactDomain { get; set; }

        /// <summary>exclusions.recordingDomains.</summary>
        [Parameter]
        [AllowEmptyCollection]
        [AllowNull]
        public string[] ExcludeRecordingDomain { get; set; }

        /// <summary>includeAccountUsers.</summary>
        [Parameter]
        public bool IncludeAccountUsers { get; set; }

        /// <summary>matchSecondaryEmail.</summary>
        [Parameter]
        public bool MatchSecondaryEmail { get; set; }

        /// <summary>recreateDeletedContacts.</summary>
        [Parameter]
        public bool RecreateDeletedContacts { get; set; }

        /// <summary>syncPollsAndQuestions.</summary>
        [Parameter]
        public bool SyncPollsAndQuestions { get; set; }

        /// <summary>propertyNames: the map -PropertyName of Sync-ZoomWebinarToHubSpot takes.</summary>
        [Parameter]
        [AllowNull]
        public Hashtable PropertyName { get; set; }

        /// <summary>timelineAppId; 0 removes it.</summary>
        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        public long TimelineAppId { get; set; }

        /// <summary>lookbackDays.</summary>
        [Parameter]
        [ValidateRange(SyncSettings.MinLookbackDays, SyncSettings.MaxLookbackDays)]
        public int LookbackDays { get; set; }

        /// <summary>registrationRules: hashtables or objects with ListId or ListName, WebinarId and optionally OccurrenceId.</summary>
        [Parameter]
        [AllowEmptyCollection]
        [AllowNull]
        public object[] RegistrationRule { get; set; }

        #endregion

        /// <summary>Copies every bound value parameter into <paramref name="draft"/>.</summary>
        protected void ApplyValues(SyncSettingsBuilder draft)
        {
            if (Bound(nameof(Sync))) draft.Sync = Sync;
            if (Bound(nameof(User))) draft.Users = (User ?? new string[0]).ToList();
            if (Bound(nameof(SyncNewWebinars))) draft.SyncNewWebinars = SyncNewWebinars;
            if (Bound(nameof(SyncRecordings))) draft.SyncRecordings = SyncRecordings;
            if (Bound(nameof(ExcludeHostDomain))) draft.ExcludedHostDomains = List(ExcludeHostDomain);
            if (Bound(nameof(ExcludeContactDomain))) draft.ExcludedContactDomains = List(ExcludeContactDomain);
            if (Bound(nameof(ExcludeRecordingDomain))) draft.ExcludedRecordingDomains = List(ExcludeRecordingDomain);
            if (Bound(nameof(IncludeAccountUsers))) draft.IncludeAccountUsers = IncludeAccountUsers;
            if (Bound(nameof(MatchSecondaryEmail))) draft.MatchSecondaryEmail = MatchSecondaryEmail;
            if (Bound(nameof(RecreateDeletedContacts))) draft.RecreateDeletedContacts = RecreateDeletedContacts;
            if (Bound(nameof(SyncPollsAndQuestions))) draft.SyncPollsAndQuestions = SyncPollsAndQuestions;
            if (Bound(nameof(PropertyName))) draft.PropertyNames = Map(PropertyName);
            if (Bound(nameof(TimelineAppId))) draft.TimelineAppId = TimelineAppId > 0 ? TimelineAppId : (long?)null;
            if (Bound(nameof(LookbackDays))) draft.LookbackDays = LookbackDays;
            if (Bound(nameof(RegistrationRule))) draft.RegistrationRules = Rules(RegistrationRule);
        }

        private static List<string> List(string[] values) => (values ?? new string[0]).ToList();

        private static Dictionary<string, string> Map(Hashtable map)
        {
            var names = new Dictionary<string, string>();
            foreach (DictionaryEntry entry in map ?? new Hashtable())
            {
                names[entry.Key?.ToString() ?? string.Empty] = entry.Value?.ToString();
            }

            return names;
        }

        // Rules as PowerShell users write them (@{ ListId = 42; WebinarId = '812 3456 7890' }) go through Core's rule reader.
        private List<RegistrationRule> Rules(object[] rules)
        {
            try
            {
                return Core.Settings.RegistrationRule.FromObject(SyncSettingsInput.ToPlain(rules ?? new object[0])).ToList();
            }
            catch (InvalidSyncSettingsException ex)
            {
                throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument, "-RegistrationRule: " + ex.Message, RegistrationRule);
            }
        }
    }
}
