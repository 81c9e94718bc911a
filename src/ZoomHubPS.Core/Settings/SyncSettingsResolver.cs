using ZoomHubPS.Core.WebinarSync;
using static ZoomHubPS.Core.Settings.EffectiveWebinarSettings;

namespace ZoomHubPS.Core.Settings
{
    /// <summary>
    /// The precedence rules, in one pure function. The master switch and the exclusions are checked first and win over
    /// every toggle (safety); then each value is taken from the most specific level that sets it: the run, the webinar's
    /// override, the host's user settings, the global value.
    /// </summary>
    internal static class SyncSettingsResolver
    {
        public static EffectiveWebinarSettings Resolve(EffectiveRunSettings run, string hostEmail, long webinarId)
        {
            SyncSettings saved = run.Settings;
            UserSyncSetting user = saved.FindUser(hostEmail);
            WebinarSyncSetting webinar = saved.FindWebinar(webinarId);
            Decision sync = WebinarOnOff(run, hostEmail, webinarId, user, webinar);
            Decision recordings = sync.On ? Recordings(run, hostEmail, user, webinar) : new Decision(false, RecordingSkipReasons.WebinarNotSynced, sync.Level);
            return new EffectiveWebinarSettings(run, hostEmail, webinarId, sync, recordings);
        }

        private static Decision WebinarOnOff(EffectiveRunSettings run, string hostEmail, long webinarId, UserSyncSetting user, WebinarSyncSetting webinar)
        {
            SyncRunOverrides given = run.Overrides;
            if (!run.Sync) return new Decision(false, WebinarSkipReasons.SyncOff, run.SyncDecidedBy);
            if (EmailRules.InDomains(hostEmail, run.ExcludedHostDomains))
            {
                return new Decision(false, WebinarSkipReasons.ExcludedHost, given.ExcludedHostDomains != null ? SettingLevel.Run : SettingLevel.Global);
            }

            if (run.IsNamedByRun(webinarId)) return new Decision(true, null, SettingLevel.Run);
            if (webinar?.Sync != null) return new Decision(webinar.Sync.Value, WebinarSkipReasons.WebinarOff, SettingLevel.Webinar);
            if (!run.IsUserSelected(hostEmail))
            {
                return new Decision(false, WebinarSkipReasons.UserNotSelected, given.Users != null ? SettingLevel.Run : SettingLevel.Global);
            }

            // No override of its own: the webinar follows the "new webinars" default, most specific first.
            if (given.SyncNewWebinars.HasValue) return new Decision(given.SyncNewWebinars.Value, WebinarSkipReasons.NewWebinarsOff, SettingLevel.Run);
            if (user?.SyncNewWebinars != null) return new Decision(user.SyncNewWebinars.Value, WebinarSkipReasons.NewWebinarsOff, SettingLevel.User);
            return new Decision(run.Settings.SyncNewWebinars, WebinarSkipReasons.NewWebinarsOff, SettingLevel.Global);
        }

        private static Decision Recordings(EffectiveRunSettings run, string hostEmail, UserSyncSetting user, WebinarSyncSetting webinar)
        {
            SyncRunOverrides given = run.Overrides;
            Decision toggle = given.SyncRecordings.HasValue ? new Decision(given.SyncRecordings.Value, RecordingSkipReasons.RecordingsOff, SettingLevel.Run)
                : webinar?.SyncRecordings != null ? new Decision(webinar.SyncRecordings.Value, RecordingSkipReasons.RecordingsOff, SettingLevel.Webinar)
                : user?.SyncRecordings != null ? new Decision(user.SyncRecordings.Value, RecordingSkipReasons.RecordingsOff, SettingLevel.User)
                : new Decision(run.Settings.SyncRecordings, RecordingSkipReasons.RecordingsOff, SettingLevel.Global);
            if (toggle.On && EmailRules.InDomains(hostEmail, run.ExcludedRecordingDomains))
            {
                return new Decision(false, RecordingSkipReasons.ExcludedRecordingHost, given.ExcludedRecordingDomains != null ? SettingLevel.Run : SettingLevel.Global);
            }

            return toggle;
        }
    }
}
