using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace ZoomHubPS.Core.Settings
{
    /// <summary>
    /// Saved sync settings (the JSON document of about_ZoomHubPS_SyncSettings, schemaVersion 1), validated and
    /// normalised: emails and domains lower case, webinar ids as numbers, no duplicates. Immutable: change a copy with
    /// <see cref="ToBuilder"/>. Two settings are equal when their documents (<see cref="ToJson"/>) are the same text.
    /// Never holds a secret: credentials stay with the connection.
    /// </summary>
    public sealed class SyncSettings : IEquatable<SyncSettings>
    {
        /// <summary>The document version this module reads and writes.</summary>
        public const int CurrentSchemaVersion = 1;

        /// <summary>Smallest <see cref="LookbackDays"/>.</summary>
        public const int MinLookbackDays = SettingRules.MinLookbackDays;

        /// <summary>Largest <see cref="LookbackDays"/>.</summary>
        public const int MaxLookbackDays = SettingRules.MaxLookbackDays;

        /// <summary>The <see cref="Users"/> entry that selects every user of the account.</summary>
        public const string AllUsersEntry = SettingRules.AllUsers;

        private readonly Dictionary<string, UserSyncSetting> _usersByEmail;
        private readonly Dictionary<long, WebinarSyncSetting> _webinarsById;
        private string _json;

        internal SyncSettings(SyncSettingsBuilder normalised)
        {
            Sync = normalised.Sync;
            Users = ReadOnly(normalised.Users);
            SyncNewWebinars = normalised.SyncNewWebinars;
            SyncRecordings = normalised.SyncRecordings;
            UserSettings = ReadOnly(normalised.UserSettings.OrderBy(u => u.Email, StringComparer.Ordinal));
            Webinars = ReadOnly(normalised.Webinars.OrderBy(w => w.WebinarId));
            ExcludedHostDomains = ReadOnly(normalised.ExcludedHostDomains);
            ExcludedContactDomains = ReadOnly(normalised.ExcludedContactDomains);
            ExcludedRecordingDomains = ReadOnly(normalised.ExcludedRecordingDomains);
            IncludeAccountUsers = normalised.IncludeAccountUsers;
            MatchSecondaryEmail = normalised.MatchSecondaryEmail;
            RecreateDeletedContacts = normalised.RecreateDeletedContacts;
            SyncPollsAndQuestions = normalised.SyncPollsAndQuestions;
            PropertyNames = new ReadOnlyDictionary<string, string>(new SortedDictionary<string, string>(normalised.PropertyNames, StringComparer.OrdinalIgnoreCase));
            TimelineAppId = normalised.TimelineAppId;
            LookbackDays = normalised.LookbackDays;
            RegistrationRules = ReadOnly(normalised.RegistrationRules);
            _usersByEmail = UserSettings.ToDictionary(u => u.Email, StringComparer.OrdinalIgnoreCase);
            _webinarsById = Webinars.ToDictionary(w => w.WebinarId);
        }

        /// <summary>The defaults: sync on, all users, new webinars on, recordings off, 30 days, nothing excluded.</summary>
        public static SyncSettings Default { get; } = new SyncSettingsBuilder().Build();

        /// <summary>Always <see cref="CurrentSchemaVersion"/>.</summary>
        public int SchemaVersion => CurrentSchemaVersion;

        /// <summary>Master switch (<c>sync</c>): false syncs nothing unless a run forces it.</summary>
        public bool Sync { get; }

        /// <summary>The selected Zoom users (<c>users</c>): <c>"All"</c> alone, or emails.</summary>
        public IReadOnlyList<string> Users { get; }

        /// <summary>Whether every user of the account is selected.</summary>
        public bool AllUsers => Users.Count == 1 && Users[0] == SettingRules.AllUsers;

        /// <summary>Global default (<c>syncNewWebinars</c>) for webinars without an override.</summary>
        public bool SyncNewWebinars { get; }

        /// <summary>Global default (<c>syncRecordings</c>) for recordings and transcripts.</summary>
        public bool SyncRecordings { get; }

        /// <summary>Per-user settings (<c>userSettings</c>), by email.</summary>
        public IReadOnlyList<UserSyncSetting> UserSettings { get; }

        /// <summary>Per-webinar overrides (<c>webinars</c>), by id.</summary>
        public IReadOnlyList<WebinarSyncSetting> Webinars { get; }

        /// <summary><c>exclusions.hostDomains</c>: their hosts' webinars are skipped (subdomains too).</summary>
        public IReadOnlyList<string> ExcludedHostDomains { get; }

        /// <summary><c>exclusions.contactDomains</c>: not created as contacts (subdomains too).</summary>
        public IReadOnlyList<string> ExcludedContactDomains { get; }

        /// <summary><c>exclusions.recordingDomains</c>: their hosts' recordings are skipped (subdomains too).</summary>
        public IReadOnlyList<string> ExcludedRecordingDomains { get; }

        /// <summary><c>includeAccountUsers</c>.</summary>
        public bool IncludeAccountUsers { get; }

        /// <summary><c>matchSecondaryEmail</c>.</summary>
        public bool MatchSecondaryEmail { get; }

        /// <summary><c>recreateDeletedContacts</c>.</summary>
        public bool RecreateDeletedContacts { get; }

        /// <summary><c>syncPollsAndQuestions</c>.</summary>
        public bool SyncPollsAndQuestions { get; }

        /// <summary><c>propertyNames</c>: the map -PropertyName takes (logical or default name to property name).</summary>
        public IReadOnlyDictionary<string, string> PropertyNames { get; }

        /// <summary><c>timelineAppId</c>, or null for no timeline events.</summary>
        public long? TimelineAppId { get; }

        /// <summary><c>lookbackDays</c>: a run covers [now - LookbackDays, now].</summary>
        public int LookbackDays { get; }

        /// <summary><c>registrationRules</c>.</summary>
        public IReadOnlyList<RegistrationRule> RegistrationRules { get; }

        /// <summary>Reads and validates a document; throws <see cref="InvalidSyncSettingsException"/> naming the bad key and value.</summary>
        public static SyncSettings Parse(string json) => SyncSettingsJsonReader.Read(json);

        /// <summary>
        /// Reads settings from plain .NET values shaped like the document: dictionaries (the document's keys, matched
        /// without case as PowerShell matches names), lists, strings, numbers, booleans, null. Validated exactly like
        /// <see cref="Parse"/>.
        /// </summary>
        public static SyncSettings FromObject(object document) => Parse(ObjectTreeJson.Write(document));

        /// <summary>The document: every key, in a fixed order, indented with two spaces, "\n" line ends, no final newline.</summary>
        public string ToJson() => _json ?? (_json = SyncSettingsJsonWriter.Write(this));

        /// <summary>A changeable copy.</summary>
        public SyncSettingsBuilder ToBuilder() => new SyncSettingsBuilder
        {
            Sync = Sync,
            Users = Users.ToList(),
            SyncNewWebinars = SyncNewWebinars,
            SyncRecordings = SyncRecordings,
            UserSettings = UserSettings.ToList(),
            Webinars = Webinars.ToList(),
            ExcludedHostDomains = ExcludedHostDomains.ToList(),
            ExcludedContactDomains = ExcludedContactDomains.ToList(),
            ExcludedRecordingDomains = ExcludedRecordingDomains.ToList(),
            IncludeAccountUsers = IncludeAccountUsers,
            MatchSecondaryEmail = MatchSecondaryEmail,
            RecreateDeletedContacts = RecreateDeletedContacts,
            SyncPollsAndQuestions = SyncPollsAndQuestions,
            PropertyNames = PropertyNames.ToDictionary(p => p.Key, p => p.Value),
            TimelineAppId = TimelineAppId,
            LookbackDays = LookbackDays,
            RegistrationRules = RegistrationRules.ToList(),
        };

        /// <summary>The settings of the user with this email (compared without case), or null.</summary>
        public UserSyncSetting FindUser(string email)
            => email != null && _usersByEmail.TryGetValue(email.Trim(), out UserSyncSetting user) ? user : null;

        /// <summary>The override of this webinar, or null.</summary>
        public WebinarSyncSetting FindWebinar(long webinarId)
            => _webinarsById.TryGetValue(webinarId, out WebinarSyncSetting webinar) ? webinar : null;

        /// <summary>
        /// The run-wide values of one run: these settings with the run's overrides applied (validated; an invalid
        /// override throws ArgumentException naming it). Resolve each webinar with <see cref="EffectiveRunSettings.ForWebinar"/>.
        /// </summary>
        public EffectiveRunSettings ResolveRun(SyncRunOverrides overrides = null) => new EffectiveRunSettings(this, overrides);

        /// <summary>
        /// What one webinar's sync does in a run: most specific first, a parameter of the run, then the webinar's
        /// override, then the user's setting, then the global setting (about_ZoomHubPS_SyncSettings has the rules).
        /// </summary>
        public EffectiveWebinarSettings Resolve(string hostEmail, long webinarId, SyncRunOverrides overrides = null)
            => ResolveRun(overrides).ForWebinar(hostEmail, webinarId);

        // Read-only wrappers, so that `$settings.Users[0] = 'x'` in PowerShell fails instead of changing validated settings.
        private static ReadOnlyCollection<T> ReadOnly<T>(IEnumerable<T> items) => Array.AsReadOnly(items.ToArray());

        /// <inheritdoc />
        public bool Equals(SyncSettings other) => other != null && string.Equals(ToJson(), other.ToJson(), StringComparison.Ordinal);

        /// <inheritdoc />
        public override bool Equals(object obj) => Equals(obj as SyncSettings);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToJson());
    }
}
