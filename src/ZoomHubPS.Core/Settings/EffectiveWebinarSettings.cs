using System.Collections.Generic;
using ZoomHubPS.Core.WebinarSync;

namespace ZoomHubPS.Core.Settings
{
    /// <summary>
    /// What the sync of one webinar does in one run, with where each decision came from; from
    /// <see cref="EffectiveRunSettings.ForWebinar"/> or <see cref="SyncSettings.Resolve"/>. Immutable.
    /// </summary>
    public sealed class EffectiveWebinarSettings
    {
        internal EffectiveWebinarSettings(EffectiveRunSettings run, string hostEmail, long webinarId, Decision sync, Decision recordings)
        {
            WebinarId = webinarId;
            HostEmail = hostEmail;
            Sync = sync.On;
            SkipReason = sync.Reason;
            SyncDecidedBy = sync.Level;
            SyncRecordings = recordings.On;
            RecordingSkipReason = recordings.Reason;
            RecordingsDecidedBy = recordings.Level;
            ExcludedHostDomains = run.ExcludedHostDomains;
            ExcludedContactDomains = run.ExcludedContactDomains;
            ExcludedRecordingDomains = run.ExcludedRecordingDomains;
            IncludeAccountUsers = run.IncludeAccountUsers;
            MatchSecondaryEmail = run.MatchSecondaryEmail;
            RecreateDeletedContacts = run.RecreateDeletedContacts;
            SyncPollsAndQuestions = run.SyncPollsAndQuestions;
            PropertyNameMap = run.PropertyNames;
            TimelineAppId = run.TimelineAppId;
        }

        /// <summary>The webinar.</summary>
        public long WebinarId { get; }

        /// <summary>The host's email the decision used.</summary>
        public string HostEmail { get; }

        /// <summary>Whether the webinar is synced.</summary>
        public bool Sync { get; }

        /// <summary>Why not (a <see cref="WebinarSkipReasons"/> value), or null when it is synced.</summary>
        public string SkipReason { get; }

        /// <summary>The level whose value decided <see cref="Sync"/>.</summary>
        public SettingLevel SyncDecidedBy { get; }

        /// <summary>Whether its recordings and transcripts are synced.</summary>
        public bool SyncRecordings { get; }

        /// <summary>Why not (a <see cref="RecordingSkipReasons"/> value), or null when they are synced.</summary>
        public string RecordingSkipReason { get; }

        /// <summary>The level whose value decided <see cref="SyncRecordings"/>.</summary>
        public SettingLevel RecordingsDecidedBy { get; }

        /// <summary>Host domains whose webinars are skipped (already applied to <see cref="Sync"/>).</summary>
        public IReadOnlyList<string> ExcludedHostDomains { get; }

        /// <summary>Contact domains that are not created as contacts.</summary>
        public IReadOnlyList<string> ExcludedContactDomains { get; }

        /// <summary>Host domains whose recordings are skipped (already applied to <see cref="SyncRecordings"/>).</summary>
        public IReadOnlyList<string> ExcludedRecordingDomains { get; }

        /// <summary>Also sync users of the connected Zoom account.</summary>
        public bool IncludeAccountUsers { get; }

        /// <summary>Match contacts by their secondary emails.</summary>
        public bool MatchSecondaryEmail { get; }

        /// <summary>Re-create contacts deleted in HubSpot.</summary>
        public bool RecreateDeletedContacts { get; }

        /// <summary>Read poll answers and Q&amp;A of held instances.</summary>
        public bool SyncPollsAndQuestions { get; }

        /// <summary>The property-name map as saved or given.</summary>
        public IReadOnlyDictionary<string, string> PropertyNameMap { get; }

        /// <summary>The property names the sync writes (a new instance per call: SyncPropertyNames can be changed).</summary>
        public SyncPropertyNames PropertyNames => SyncPropertyNames.From(Copy(PropertyNameMap));

        /// <summary>HubSpot app id for timeline events, or null.</summary>
        public long? TimelineAppId { get; }

        private static Dictionary<string, string> Copy(IReadOnlyDictionary<string, string> map)
        {
            var copy = new Dictionary<string, string>();
            foreach (KeyValuePair<string, string> pair in map) copy[pair.Key] = pair.Value;
            return copy;
        }

        /// <summary>One decision: on or off, why not, and the level that decided.</summary>
        internal readonly struct Decision
        {
            public Decision(bool on, string reason, SettingLevel level)
            {
                On = on;
                Reason = on ? null : reason;
                Level = level;
            }

            public bool On { get; }

            public string Reason { get; }

            public SettingLevel Level { get; }
        }
    }
}
