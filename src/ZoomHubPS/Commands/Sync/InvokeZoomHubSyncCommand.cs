using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.AccountSync;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Infrastructure;

using ZoomHubPS.Completion;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Runs the whole account as the saved settings say: the registration rules (HubSpot list → webinar), then every selected user's webinars and every instance that ended in the window, and one summary.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "ZoomHubSync", DefaultParameterSetName = DefaultSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Base + "Invoke-ZoomHubSync.md")]
    [OutputType(typeof(ZoomHubSyncSummary))]
    public sealed class InvokeZoomHubSyncCommand : ConnectedCmdlet
    {
        private const string DefaultSet = "Default";
        private const string PathSet = nameof(SettingsPath);
        private const string ObjectSet = nameof(Settings);

        #region Parameters

        /// <summary>Saved settings: a settings object (Get-ZoomHubSyncSetting), JSON text (an Automation variable), or a hashtable.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [ValidateNotNull]
        public object Settings { get; set; }

        /// <summary>A saved settings file.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string SettingsPath { get; set; }

        /// <summary>Start of the window (default: now − the settings' lookbackDays).</summary>
        [Parameter]
        public DateTime Since { get; set; }

        /// <summary>End of the window (default: now).</summary>
        [Parameter]
        public DateTime Until { get; set; }

        /// <summary>Days the window reaches back, for this run.</summary>
        [Parameter]
        [ValidateRange(1, 365)]
        public int LookbackDays { get; set; }

        /// <summary>Only these Zoom users (emails), for this run.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] UserEmail { get; set; }

        /// <summary>Also these webinars (ids as typed), whatever discovery finds — webinars Zoom no longer lists.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WebinarIdCompleter))]
        public string[] WebinarId { get; set; }

        /// <summary>Host domains whose webinars are skipped, for this run.</summary>
        [Parameter]
        public string[] ExcludeHostDomain { get; set; }

        /// <summary>Contact domains not created as contacts, for this run.</summary>
        [Parameter]
        public string[] ExcludeContactDomain { get; set; }

        /// <summary>Host domains whose recordings are skipped, for this run.</summary>
        [Parameter]
        public string[] ExcludeRecordingDomain { get; set; }

        /// <summary>Sync recordings (or not, with :$false), for this run.</summary>
        [Parameter]
        public SwitchParameter SyncRecordings { get; set; }

        /// <summary>Sync users of the Zoom account too (or not), for this run.</summary>
        [Parameter]
        public SwitchParameter IncludeAccountUsers { get; set; }

        /// <summary>Match secondary emails (or not), for this run.</summary>
        [Parameter]
        public SwitchParameter MatchSecondaryEmail { get; set; }

        /// <summary>Re-create deleted contacts (or not), for this run.</summary>
        [Parameter]
        public SwitchParameter RecreateDeletedContacts { get; set; }

        /// <summary>Sync poll answers and Q&amp;A (or not, with :$false), for this run.</summary>
        [Parameter]
        public SwitchParameter SyncPollsAndQuestions { get; set; }

        /// <summary>Property-name map, for this run (same keys as Initialize-ZoomHubSchema -PropertyName).</summary>
        [Parameter]
        public Hashtable PropertyName { get; set; }

        /// <summary>Timeline app id, for this run.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long TimelineAppId { get; set; }

        /// <summary>Run even when the saved settings say sync: false.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Registration rules for this run instead of the saved ones (hashtables or objects with ListId or ListName, WebinarId, OccurrenceId).</summary>
        [Parameter]
        [ValidateNotNull]
        public object[] RegistrationRule { get; set; }

        /// <summary>Apply no registration rule in this run (the sync runs as usual).</summary>
        [Parameter]
        public SwitchParameter SkipRegistrationRules { get; set; }

        /// <summary>Instances synced at once (1 to 16; default 4).</summary>
        [Parameter]
        [ValidateRange(1, 16)]
        public int ThrottleLimit { get; set; } = 4;

        #endregion

        #region Overrides

        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            EffectiveRunSettings run = ResolveRun(LoadSettings());
            DateTimeOffset? since = Bound(nameof(Since)) ? new DateTimeOffset(Since.ToUniversalTime()) : (DateTimeOffset?)null;
            DateTimeOffset? until = Bound(nameof(Until)) ? new DateTimeOffset(Until.ToUniversalTime()) : (DateTimeOffset?)null;
            string action = run.RegistrationRules.Count == 0 || !run.Sync
                ? "Sync the selected users' webinars into HubSpot"
                : $"Register the members of {run.RegistrationRules.Count} registration rule(s)' HubSpot lists, then sync the selected users' webinars into HubSpot";
            bool write = await ShouldProcessAsync($"Zoom account {Api.Info?.ZoomAccountId} and HubSpot portal {Api.Info?.HubSpotPortalId}", action).ConfigureAwait(false);
            if (!write && !IsWhatIf) return; // declined at -Confirm
            if (SkipRegistrationRules) WriteVerbose("-SkipRegistrationRules: this run applies no registration rule.");

            var feedback = new AccountSyncFeedback(WriteVerbose, WriteWarning, WriteError,
                new ProgressReporter(WriteProgress, Math.Abs(GetHashCode() % 10_000), MyInvocation.MyCommand.Name, ShowProgress));
            AccountSyncObserver observer = feedback.Observer();

            var engine = new AccountSyncEngine(Api) { InstancesAtOnce = ThrottleLimit };
            ZoomHubSyncSummary summary;
            try
            {
                summary = await engine.RunAsync(run, since, until, whatIf: !write, observer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ZoomHubSchemaMissingException || ex is ZoomHubTimelineTemplatesMissingException)
            {
                throw Terminating(ErrorRecordFactory.Create(ex, null));
            }

            feedback.Complete();
            if (summary.Outcome == SyncRunOutcomes.Disabled) WriteWarning("The saved settings say sync: false: nothing was synced or registered. Turn it on (Set-ZoomHubSyncSetting -Sync $true), or run once with -Force.");
            WriteObject(summary);
        }

        #endregion

        #region Private

        private SyncSettings LoadSettings()
        {
            try
            {
                switch (ParameterSetName)
                {
                    case PathSet: return SyncSettingsInput.ReadFile(SettingsPath, SessionState.Path.GetUnresolvedProviderPathFromPSPath(SettingsPath));
                    case ObjectSet: return SyncSettingsInput.From(Settings);
                    default: return SyncSettings.Default;
                }
            }
            catch (InvalidSyncSettingsException ex)
            {
                throw Terminating(ErrorRecordFactory.InvalidSyncSettings(ex, Settings, Settings is string ? "the JSON text" : "the object"));
            }
        }

        // Every value can be overridden for one run by a parameter: the most specific level (SyncRunOverrides).
        private EffectiveRunSettings ResolveRun(SyncSettings settings)
        {
            var overrides = new SyncRunOverrides
            {
                Sync = Force ? true : (bool?)null,
                Users = UserEmail,
                WebinarIds = WebinarId?.Select(ParseWebinarId).ToList(),
                ExcludedHostDomains = ExcludeHostDomain,
                ExcludedContactDomains = ExcludeContactDomain,
                ExcludedRecordingDomains = ExcludeRecordingDomain,
                SyncRecordings = Bound(nameof(SyncRecordings)) ? SyncRecordings.IsPresent : (bool?)null,
                IncludeAccountUsers = Bound(nameof(IncludeAccountUsers)) ? IncludeAccountUsers.IsPresent : (bool?)null,
                MatchSecondaryEmail = Bound(nameof(MatchSecondaryEmail)) ? MatchSecondaryEmail.IsPresent : (bool?)null,
                RecreateDeletedContacts = Bound(nameof(RecreateDeletedContacts)) ? RecreateDeletedContacts.IsPresent : (bool?)null,
                SyncPollsAndQuestions = Bound(nameof(SyncPollsAndQuestions)) ? SyncPollsAndQuestions.IsPresent : (bool?)null,
                PropertyNames = PropertyName?.Cast<DictionaryEntry>().ToDictionary(e => e.Key?.ToString() ?? string.Empty, e => e.Value?.ToString(), StringComparer.OrdinalIgnoreCase),
                TimelineAppId = Bound(nameof(TimelineAppId)) ? TimelineAppId : (long?)null,
                LookbackDays = Bound(nameof(LookbackDays)) ? LookbackDays : (int?)null,
                RegistrationRules = RunRules(),
            };
            try
            {
                return settings.ResolveRun(overrides);
            }
            catch (ArgumentException ex)
            {
                throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument, ex.Message, this);
            }
        }

        // -SkipRegistrationRules is "no rules for this run"; -RegistrationRule replaces the saved rules (read as the settings read them).
        private List<RegistrationRule> RunRules()
        {
            if (SkipRegistrationRules && Bound(nameof(RegistrationRule)))
            {
                throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument, "Give -RegistrationRule or -SkipRegistrationRules, not both.", this);
            }

            if (SkipRegistrationRules) return new List<RegistrationRule>();
            if (!Bound(nameof(RegistrationRule))) return null;
            try
            {
                return Core.Settings.RegistrationRule.FromObject(SyncSettingsInput.ToPlain(RegistrationRule)).ToList();
            }
            catch (InvalidSyncSettingsException ex)
            {
                throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument, "-RegistrationRule: " + ex.Message, RegistrationRule);
            }
        }

        private long ParseWebinarId(string text)
        {
            if (ZoomIds.TryNormalizeWebinarId(text, out long id)) return id;
            throw InvalidArgument(ErrorIds.ZoomHubInvalidWebinarId, $"-WebinarId: '{text}' is not a Zoom webinar id (9 to 13 digits, optionally grouped with spaces or dashes, e.g. '812 3456 7890').", text);
        }

        private bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);

        #endregion
    }
}
