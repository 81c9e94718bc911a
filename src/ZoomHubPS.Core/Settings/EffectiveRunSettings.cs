using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace ZoomHubPS.Core.Settings
{
    /// <summary>
    /// The run-wide values of one run: the saved settings with the run's parameters applied. Built by
    /// <see cref="SyncSettings.ResolveRun"/>, which validates the parameters; pure and immutable, so one instance serves
    /// every webinar of the run (<see cref="ForWebinar"/>).
    /// </summary>
    public sealed class EffectiveRunSettings
    {
        private readonly HashSet<long> _runWebinarIds;

        internal EffectiveRunSettings(SyncSettings settings, SyncRunOverrides overrides)
        {
            Settings = settings ?? throw new ArgumentNullException(nameof(settings));
            SyncRunOverrides run = Overrides = overrides ?? new SyncRunOverrides();
            Sync = run.Sync ?? settings.Sync;
            Users = run.Users == null ? settings.Users : ReadOnly(Checked(() => SyncSettingsValidator.Users(run.Users, nameof(run.Users))));
            _runWebinarIds = new HashSet<long>(run.WebinarIds == null ? Enumerable.Empty<long>()
                : Checked(() => run.WebinarIds.Select((id, i) => SyncSettingsValidator.WebinarId(id, JsonPathText.Index(nameof(run.WebinarIds), i))).ToList()));
            ExcludedHostDomains = Domains(run.ExcludedHostDomains, settings.ExcludedHostDomains, nameof(run.ExcludedHostDomains));
            ExcludedContactDomains = Domains(run.ExcludedContactDomains, settings.ExcludedContactDomains, nameof(run.ExcludedContactDomains));
            ExcludedRecordingDomains = Domains(run.ExcludedRecordingDomains, settings.ExcludedRecordingDomains, nameof(run.ExcludedRecordingDomains));
            IncludeAccountUsers = run.IncludeAccountUsers ?? settings.IncludeAccountUsers;
            MatchSecondaryEmail = run.MatchSecondaryEmail ?? settings.MatchSecondaryEmail;
            RecreateDeletedContacts = run.RecreateDeletedContacts ?? settings.RecreateDeletedContacts;
            SyncPollsAndQuestions = run.SyncPollsAndQuestions ?? settings.SyncPollsAndQuestions;
            PropertyNames = run.PropertyNames == null ? settings.PropertyNames
                : new ReadOnlyDictionary<string, string>(Checked(() => SyncSettingsValidator.PropertyNames(run.PropertyNames, nameof(run.PropertyNames))));
            TimelineAppId = run.TimelineAppId.HasValue ? Checked(() => SyncSettingsValidator.TimelineAppId(run.TimelineAppId, nameof(run.TimelineAppId))) : settings.TimelineAppId;
            LookbackDays = run.LookbackDays.HasValue ? Checked(() => SyncSettingsValidator.LookbackDays(run.LookbackDays.Value, nameof(run.LookbackDays))) : settings.LookbackDays;
            RegistrationRules = run.RegistrationRules == null ? settings.RegistrationRules
                : ReadOnly(Checked(() => SyncSettingsValidator.Rules(run.RegistrationRules, nameof(run.RegistrationRules))));
            ExplicitWebinarIds = ReadOnly(_runWebinarIds.Concat(settings.Webinars.Where(w => w.Sync == true).Select(w => w.WebinarId)).Distinct().OrderBy(id => id));
        }

        /// <summary>The saved settings this run started from.</summary>
        public SyncSettings Settings { get; }

        /// <summary>Master switch for the run.</summary>
        public bool Sync { get; }

        /// <summary>Where <see cref="Sync"/> came from (Run or Global).</summary>
        public SettingLevel SyncDecidedBy => Overrides.Sync.HasValue ? SettingLevel.Run : SettingLevel.Global;

        /// <summary>The selected users: "All" alone, or emails.</summary>
        public IReadOnlyList<string> Users { get; }

        /// <summary>Whether every user of the account is selected.</summary>
        public bool AllUsers => Users.Count == 1 && Users[0] == SettingRules.AllUsers;

        /// <summary>
        /// Webinars to look at even when their host is not selected: the ids the run names and the webinars whose
        /// override says <c>sync: true</c>. Discovery adds them to the selected users' webinars.
        /// </summary>
        public IReadOnlyList<long> ExplicitWebinarIds { get; }

        /// <summary>Host domains whose webinars are skipped.</summary>
        public IReadOnlyList<string> ExcludedHostDomains { get; }

        /// <summary>Contact domains not created as contacts.</summary>
        public IReadOnlyList<string> ExcludedContactDomains { get; }

        /// <summary>Host domains whose recordings are skipped.</summary>
        public IReadOnlyList<string> ExcludedRecordingDomains { get; }

        /// <summary>Also sync users of the connected Zoom account.</summary>
        public bool IncludeAccountUsers { get; }

        /// <summary>Match contacts by their secondary emails.</summary>
        public bool MatchSecondaryEmail { get; }

        /// <summary>Re-create contacts deleted in HubSpot.</summary>
        public bool RecreateDeletedContacts { get; }

        /// <summary>Read poll answers and Q&amp;A of held instances.</summary>
        public bool SyncPollsAndQuestions { get; }

        /// <summary>The property-name map.</summary>
        public IReadOnlyDictionary<string, string> PropertyNames { get; }

        /// <summary>HubSpot app id for timeline events, or null.</summary>
        public long? TimelineAppId { get; }

        /// <summary>Days before now the run covers.</summary>
        public int LookbackDays { get; }

        /// <summary>Registration rules of the run.</summary>
        public IReadOnlyList<RegistrationRule> RegistrationRules { get; }

        internal SyncRunOverrides Overrides { get; }

        /// <summary>The start of the run's window: <paramref name="now"/> minus <see cref="LookbackDays"/>.</summary>
        public DateTimeOffset Since(DateTimeOffset now) => now.AddDays(-LookbackDays);

        /// <summary>Whether the user with this email is selected (All, or in the list; compared without case).</summary>
        public bool IsUserSelected(string email)
            => AllUsers || (!string.IsNullOrWhiteSpace(email) && Users.Contains(email.Trim().ToLowerInvariant(), StringComparer.Ordinal));

        /// <summary>Whether the run names this webinar by id.</summary>
        public bool IsNamedByRun(long webinarId) => _runWebinarIds.Contains(webinarId);

        /// <summary>What the sync of one webinar does in this run (rules: about_ZoomHubPS_SyncSettings).</summary>
        public EffectiveWebinarSettings ForWebinar(string hostEmail, long webinarId) => SyncSettingsResolver.Resolve(this, hostEmail, webinarId);

        private static IReadOnlyList<string> Domains(IList<string> given, IReadOnlyList<string> saved, string name)
            => given == null ? saved : ReadOnly(Checked(() => SyncSettingsValidator.Domains(given, name)));

        private static ReadOnlyCollection<T> ReadOnly<T>(IEnumerable<T> items) => Array.AsReadOnly(items.ToArray());

        // A run parameter that breaks a rule is a bad argument of the run (ArgumentException naming it), not bad saved data.
        private static T Checked<T>(Func<T> normalise)
        {
            try
            {
                return normalise();
            }
            catch (InvalidSyncSettingsException ex)
            {
                throw new ArgumentException(ex.Message, ex);
            }
        }
    }
}
