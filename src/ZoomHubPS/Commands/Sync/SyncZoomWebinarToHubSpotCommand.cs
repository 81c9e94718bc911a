using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.WebinarSync;

using ZoomHubPS.Infrastructure;

using ZoomHubPS.Completion;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Syncs Zoom webinar registrations and attendance into HubSpot: contacts, marketing events and segmentation properties.</para>
    /// </summary>
    [Cmdlet(VerbsData.Sync, "ZoomWebinarToHubSpot", DefaultParameterSetName = WebinarSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Base + "Sync-ZoomWebinarToHubSpot.md")]
    [OutputType(typeof(SyncResult), typeof(PersonSyncRecord))]
    public sealed class SyncZoomWebinarToHubSpotCommand : ConnectedCmdlet
    {
        private const string WebinarSet = nameof(WebinarId);
        private const string SinceSet = nameof(Since);

        /// <summary>The information-stream tag of the per-instance summaries that -Detailed moves off the output.</summary>
        public const string SummaryTag = "ZoomHubSyncSummary";

        private WebinarSyncEngine _engine;
        private SyncOptions _options;
        private SyncProgress _progress;

        #region Parameters

        /// <summary>Webinar id (the latest instance, or the one given by -InstanceUuid).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = WebinarSet)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WebinarIdCompleter))]
        public string WebinarId { get; set; }

        /// <summary>Instance UUID (from Get-ZoomWebinarInstance).</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = WebinarSet)]
        [Alias("Uuid")]
        [ArgumentCompleter(typeof(InstanceUuidCompleter))]
        public string InstanceUuid { get; set; }

        /// <summary>Every past instance of the account's webinars since this date (backfill).</summary>
        [Parameter(Mandatory = true, ParameterSetName = SinceSet)]
        public DateTime Since { get; set; }

        /// <summary>Host email domains whose webinars are skipped.</summary>
        [Parameter]
        public string[] ExcludeHostDomain { get; set; }

        /// <summary>Email domains not created as contacts (existing contacts still get the activity).</summary>
        [Parameter]
        public string[] ExcludeContactDomain { get; set; }

        /// <summary>Host email domains whose recordings are not read.</summary>
        [Parameter]
        public string[] ExcludeRecordingDomain { get; set; }

        /// <summary>Also sync users of the connected Zoom account.</summary>
        [Parameter]
        public SwitchParameter IncludeAccountUsers { get; set; }

        /// <summary>Update the contact whose secondary email matches instead of creating one.</summary>
        [Parameter]
        public SwitchParameter MatchSecondaryEmail { get; set; }

        /// <summary>Re-create contacts deleted in HubSpot.</summary>
        [Parameter]
        public SwitchParameter RecreateDeletedContacts { get; set; }

        /// <summary>Read the instance's poll answers and Q&amp;A into the contacts.</summary>
        [Parameter]
        public SwitchParameter IncludePollsAndQuestions { get; set; }

        /// <summary>Read each instance's recording (share URL in the result).</summary>
        [Parameter]
        public SwitchParameter IncludeRecording { get; set; }

        /// <summary>
        /// Write one record per person instead of one result per instance (one type per stream, so Export-Csv gets one
        /// shape); the per-instance results go to the information stream (tag ZoomHubSyncSummary, -InformationVariable).
        /// </summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        /// <summary>Map of property names (same map as Initialize-ZoomHubSchema).</summary>
        [Parameter]
        public Hashtable PropertyName { get; set; }

        /// <summary>HubSpot app id whose timeline templates (from Initialize-ZoomHubSchema -TimelineAppId) receive events.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long TimelineAppId { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc />
        protected override Task BeginProcessingAsync(CancellationToken cancellationToken)
        {
            SyncPropertyNames names;
            try
            {
                names = PropertyNameMap.From(PropertyName);
            }
            catch (ArgumentException ex)
            {
                throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument, ex.Message, PropertyName);
            }

            _engine = new WebinarSyncEngine(Api);
            _progress = new SyncProgress(new ProgressReporter(WriteProgress, Math.Abs(GetHashCode() % 10_000), MyInvocation.MyCommand.Name, ShowProgress));
            _options = new SyncOptions()
                .WithExclusions(ExcludeHostDomain ?? new string[0], ExcludeContactDomain ?? new string[0], ExcludeRecordingDomain ?? new string[0])
                .WithPeople(IncludeAccountUsers.IsPresent, MatchSecondaryEmail.IsPresent, RecreateDeletedContacts.IsPresent)
                .WithRecording(IncludeRecording)
                .WithPollsAndQuestions(IncludePollsAndQuestions)
                .WithPropertyNames(names)
                .WithTimelineApp(TimelineAppId > 0 ? TimelineAppId : (long?)null);
            return Task.CompletedTask;
        }

        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            IReadOnlyList<SyncTarget> targets;
            if (ParameterSetName == SinceSet)
            {
                targets = await _engine.ExpandSinceAsync(new DateTimeOffset(Since.ToUniversalTime()), WriteWarning, cancellationToken).ConfigureAwait(false);
                WriteVerbose($"{targets.Count} past instance(s) since {Since:u}.");
                _progress.Expect(targets.Count);
            }
            else
            {
                long id;
                try
                {
                    id = WebinarIdOf(WebinarId);
                }
                catch (ArgumentException ex)
                {
                    WriteItemError(ex, WebinarId);
                    return;
                }

                targets = new[] { new SyncTarget { WebinarId = id, InstanceUuid = string.IsNullOrEmpty(InstanceUuid) ? null : InstanceUuid } };
            }

            bool whatIf = IsWhatIf;
            foreach (SyncTarget target in targets)
            {
                string what = target.InstanceUuid == null ? $"webinar {target.WebinarId} (latest instance)" : $"webinar {target.WebinarId}, instance {target.InstanceUuid}";
                bool run = await ShouldProcessAsync(what, "Sync registrations and attendance into HubSpot").ConfigureAwait(false);
                if (!run && !whatIf)
                {
                    continue; // declined at -Confirm
                }

                SyncOptions options = _options.WithWhatIf(whatIf || !run);
                try
                {
                    _progress.Begin(target);
                    SyncResult result = await _engine.SyncAsync(target, options, OnPerson, cancellationToken).ConfigureAwait(false);
                    if (Detailed) WriteInformation(result, new[] { SummaryTag });
                    else WriteObject(result);
                    _progress.End();
                }
                catch (Exception ex) when (ex is ZoomHubSchemaMissingException || ex is ZoomHubTimelineTemplatesMissingException)
                {
                    throw Terminating(ErrorRecordFactory.Create(ex, null));
                }
                catch (ZoomHubApiException ex)
                {
                    // The message names what was being synced and the failed request; the service's own words follow it.
                    object input = target.InstanceUuid ?? target.WebinarId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    WriteError(ErrorRecordFactory.Create(ex, input, ex.Api == ApiKind.Zoom ? ErrorIds.ZoomWebinarNotFound : null, "Syncing " + what));
                }
            }
        }

        /// <inheritdoc />
        protected override Task EndProcessingAsync(CancellationToken cancellationToken)
        {
            _progress?.Complete();
            return Task.CompletedTask;
        }

        /// <inheritdoc />
        protected override string StopNotice() => _progress?.StopNotice(MyInvocation.MyCommand.Name);

        #endregion

        private void OnPerson(PersonSyncRecord record)
        {
            _progress.Person(record);
            if (Detailed) WriteObject(record);
        }
    }
}
