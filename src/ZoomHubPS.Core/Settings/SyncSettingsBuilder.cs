using System;
using System.Collections.Generic;

namespace ZoomHubPS.Core.Settings
{
    /// <summary>
    /// A changeable draft of <see cref="SyncSettings"/>: start from the defaults (<c>new SyncSettingsBuilder()</c>) or from
    /// existing settings (<see cref="SyncSettings.ToBuilder"/>), change values, then <see cref="Build"/> validates
    /// everything with the same rules as loading a document. The initial values here are the documented defaults.
    /// </summary>
    public sealed class SyncSettingsBuilder
    {
        /// <summary>Master switch; false syncs nothing (a run can still force it).</summary>
        public bool Sync { get; set; } = true;

        /// <summary>The Zoom users whose webinars are synced: <c>"All"</c> alone, or their emails.</summary>
        public List<string> Users { get; set; } = new List<string> { SettingRules.AllUsers };

        /// <summary>Global default: webinars without an override of their own are synced.</summary>
        public bool SyncNewWebinars { get; set; } = true;

        /// <summary>Global default: recordings and transcripts are synced.</summary>
        public bool SyncRecordings { get; set; }

        /// <summary>Per-user settings.</summary>
        public List<UserSyncSetting> UserSettings { get; set; } = new List<UserSyncSetting>();

        /// <summary>Per-webinar overrides.</summary>
        public List<WebinarSyncSetting> Webinars { get; set; } = new List<WebinarSyncSetting>();

        /// <summary>Host domains whose webinars are skipped.</summary>
        public List<string> ExcludedHostDomains { get; set; } = new List<string>();

        /// <summary>Contact domains that are not created as contacts.</summary>
        public List<string> ExcludedContactDomains { get; set; } = new List<string>();

        /// <summary>Host domains whose recordings are skipped.</summary>
        public List<string> ExcludedRecordingDomains { get; set; } = new List<string>();

        /// <summary>Also sync users of the connected Zoom account as contacts.</summary>
        public bool IncludeAccountUsers { get; set; }

        /// <summary>Update the contact whose secondary email matches instead of creating one.</summary>
        public bool MatchSecondaryEmail { get; set; }

        /// <summary>Re-create contacts that were deleted in HubSpot.</summary>
        public bool RecreateDeletedContacts { get; set; }

        /// <summary>Read poll answers and Q&amp;A of held instances into the contacts (counts and the latest webinar's texts).</summary>
        public bool SyncPollsAndQuestions { get; set; }

        /// <summary>The property-name map (the keys -PropertyName takes).</summary>
        public Dictionary<string, string> PropertyNames { get; set; } = new Dictionary<string, string>();

        /// <summary>HubSpot app id for timeline events, or null.</summary>
        public long? TimelineAppId { get; set; }

        /// <summary>Days before now that a run covers.</summary>
        public int LookbackDays { get; set; } = 30;

        /// <summary>HubSpot list to Zoom webinar registration rules.</summary>
        public List<RegistrationRule> RegistrationRules { get; set; } = new List<RegistrationRule>();

        /// <summary>Validates and normalises the draft; throws <see cref="InvalidSyncSettingsException"/> naming the bad key.</summary>
        public SyncSettings Build() => SyncSettingsValidator.Validate(this);

        /// <summary>Adds or replaces the settings of the user with <paramref name="setting"/>'s email (compared without case).</summary>
        public void SetUser(UserSyncSetting setting)
        {
            if (setting == null) throw new ArgumentNullException(nameof(setting));
            RemoveUser(setting.Email);
            UserSettings.Add(setting);
        }

        /// <summary>The settings of the user with this email (compared without case), or null.</summary>
        public UserSyncSetting FindUser(string email) => UserSettings.Find(u => SameEmail(u.Email, email));

        /// <summary>Removes the user's settings; false when there were none.</summary>
        public bool RemoveUser(string email) => UserSettings.RemoveAll(u => SameEmail(u.Email, email)) > 0;

        /// <summary>Adds or replaces the override of <paramref name="setting"/>'s webinar.</summary>
        public void SetWebinar(WebinarSyncSetting setting)
        {
            if (setting == null) throw new ArgumentNullException(nameof(setting));
            RemoveWebinar(setting.WebinarId);
            Webinars.Add(setting);
        }

        /// <summary>The override of this webinar, or null.</summary>
        public WebinarSyncSetting FindWebinar(long webinarId) => Webinars.Find(w => w.WebinarId == webinarId);

        /// <summary>Removes the webinar's override; false when there was none.</summary>
        public bool RemoveWebinar(long webinarId) => Webinars.RemoveAll(w => w.WebinarId == webinarId) > 0;

        internal static bool SameEmail(string a, string b)
            => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
