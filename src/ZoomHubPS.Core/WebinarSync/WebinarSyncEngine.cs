using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Recordings;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// Syncs webinar instances into HubSpot: contacts, the instance's marketing event with register / attend / cancel
    /// participations, and the aggregate properties recomputed from each contact's ledger. Re-running an instance
    /// writes nothing; an interrupted run, run again, ends in the uninterrupted state.
    /// </summary>
    /// <remarks>
    /// The parts, each in its own file (see src/ZoomHubPS.Core/README.md): <see cref="InstanceResolver"/> (which
    /// instance, its slot and length), <see cref="InstanceSync"/> (batches through <see cref="ContactMatcher"/>,
    /// <see cref="SyncPlanner"/> and <see cref="HubSpotSyncWriter"/>, scheduled by <see cref="BatchScheduler"/>). One
    /// engine may sync several instances at the same time; what it reads once (account users, schema, templates) is
    /// shared through its <see cref="SyncSession"/>.
    /// </remarks>
    public sealed class WebinarSyncEngine
    {
        private readonly ZoomHubConnection _connection;
        private readonly SyncSession _session;
        private readonly InstanceResolver _resolver;

        /// <summary>Creates an engine over a connection (reuse it across instances: account users and the schema check are read once).</summary>
        public WebinarSyncEngine(ZoomHubConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
            _session = new SyncSession(connection);
            _resolver = new InstanceResolver(connection, _session);
        }

        /// <summary>What the engine reads once (webinars, their instances, account users): shared with the account-wide run.</summary>
        internal SyncSession Session => _session;

        /// <summary>
        /// Every instance of the account's webinars (all active users) that ended at or after <paramref name="since"/>:
        /// the same discovery as the account-wide run, so webinars Zoom no longer lists per host are found where Zoom's
        /// past listings or HubSpot still show them. <paramref name="onWarning"/> hears, once, what could not be found.
        /// </summary>
        public async Task<IReadOnlyList<SyncTarget>> ExpandSinceAsync(DateTimeOffset since, Action<string> onWarning = null, CancellationToken cancellationToken = default)
        {
            DateTimeOffset now = _connection.ServiceTime.GetUtcNow();
            List<ZoomUser> hosts = await _connection.Zoom.Users.List(UserStatus.Active).ToListAsync(cancellationToken).ConfigureAwait(false);
            AccountSync.DiscoveryResult found = await new AccountSync.WebinarDiscovery(_connection).DiscoverAsync(hosts, since, now, null, cancellationToken).ConfigureAwait(false);
            foreach (string warning in found.Warnings) onWarning?.Invoke(warning);
            var summary = new AccountSync.ZoomHubSyncSummary { WindowStart = since, WindowEnd = now };
            var planner = new AccountSync.AccountRunPlanner(_session, Settings.SyncSettings.Default.ResolveRun(), summary, now) { PastOnly = true };
            return (await planner.TargetsAsync(found.Webinars, cancellationToken).ConfigureAwait(false)).Select(t => t.Target).ToList();
        }

        /// <summary>Syncs one instance. <paramref name="onPerson"/> receives each person's record as it is decided.</summary>
        public async Task<SyncResult> SyncAsync(SyncTarget target, SyncOptions options, Action<PersonSyncRecord> onPerson = null, CancellationToken cancellationToken = default)
        {
            if (target == null) throw new ArgumentNullException(nameof(target));
            options = options ?? new SyncOptions();
            SyncPropertyNames names = options.PropertyNames ?? new SyncPropertyNames();
            var watch = Stopwatch.StartNew();
            var result = new SyncResult { WebinarId = target.WebinarId, WhatIf = options.WhatIf };
            RequestScope requests = _connection.Counters.BeginScope();
            try
            {
                await _session.EnsureSchemaAsync(names, cancellationToken).ConfigureAwait(false);
                TimelineTemplateSet templates = options.TimelineAppId is long app
                    ? await _session.TemplatesAsync(app, cancellationToken).ConfigureAwait(false)
                    : null;

                ZoomWebinar webinar = await _session.WebinarAsync(target.WebinarId, cancellationToken).ConfigureAwait(false);
                result.Topic = webinar.Topic;
                if (SkipRules.ExcludesHost(webinar, options))
                {
                    result.InstanceSkipReason = SkipReasons.ExcludedHost;
                    return result;
                }

                InstanceContext instance = await _resolver.ResolveAsync(webinar, target.InstanceUuid, cancellationToken).ConfigureAwait(false);
                result.InstanceUuid = instance.InstanceUuid;
                result.StartTime = instance.Start;
                result.MarketingEventId = instance.EventId;
                instance = await WithRecordingAsync(instance, options, names, result, cancellationToken).ConfigureAwait(false);
                instance = await WithEngagementAsync(instance, options, result, cancellationToken).ConfigureAwait(false);

                ISet<string> accountUsers = options.IncludeAccountUsers
                    ? new HashSet<string>()
                    : await _session.AccountUsersAsync(cancellationToken).ConfigureAwait(false);
                var skips = new SkipRules(options, accountUsers);
                TimelineEventBuilder timeline = templates == null ? null : new TimelineEventBuilder(instance, templates);
                var reporter = new SyncReporter(instance, result, onPerson, options.WhatIf, _session.ClaimPlannedCreation);
                await new InstanceSync(_connection, instance, options, skips, timeline, reporter, _session.Ledgers).RunAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                requests.Dispose();
                result.ZoomRequests = requests.Zoom;
                result.HubSpotRequests = requests.HubSpot;
                result.Duration = watch.Elapsed;
            }

            return result;
        }

        // Polls and Q&A of a held instance: one read each (not paged), before any person is planned.
        private async Task<InstanceContext> WithEngagementAsync(InstanceContext instance, SyncOptions options, SyncResult result, CancellationToken ct)
        {
            if (!options.IncludePollsAndQuestions || !instance.IsPast) return instance;
            InstanceEngagement engagement = await InstanceEngagement.ReadAsync(_connection.Zoom, instance.WebinarId, instance.InstanceUuid, ct).ConfigureAwait(false);
            result.PollAnswers = engagement.IsRead ? engagement.PollAnswerCount : (int?)null;
            result.Questions = engagement.IsRead ? engagement.QuestionCount : (int?)null;
            result.PollsAndQuestionsNote = engagement.NotReadReason;
            return instance.WithEngagement(engagement);
        }

        // One recording read per instance; its facts go onto the event (the properties HubSpot defines), into the
        // ledger entries and timeline events of the instance's people, and into the result.
        private async Task<InstanceContext> WithRecordingAsync(InstanceContext instance, SyncOptions options, SyncPropertyNames names, SyncResult result, CancellationToken ct)
        {
            InstanceRecording recording = await RecordingReader.ReadAsync(_connection.Zoom, instance.Webinar, instance.InstanceUuid, instance.IsPast,
                options.IncludeRecording, options.ExcludeRecordingDomains, ct).ConfigureAwait(false);
            IReadOnlyList<HubSpotEventProperty> eventProperties = new HubSpotEventProperty[0];
            string note = recording.Message;
            if (recording.State == RecordingState.Available)
            {
                EventPropertyNames defined = await _session.EventPropertiesAsync(names, ct).ConfigureAwait(false);
                eventProperties = defined.For(recording);
                note = string.Join(" ", new[] { note, defined.Note() }.Where(n => !string.IsNullOrEmpty(n)));
            }

            result.RecordingStatus = recording.State == RecordingState.Available ? "Available" : recording.Reason;
            result.RecordingShareUrl = recording.ShareUrl;
            result.RecordingStart = recording.Start;
            result.RecordingDurationMinutes = recording.State == RecordingState.Available ? recording.DurationMinutes : (int?)null;
            result.TranscriptUrl = recording.TranscriptUrl;
            result.RecordingNote = string.IsNullOrEmpty(note) ? null : note;
            return instance.WithRecording(recording, eventProperties);
        }
    }
}
