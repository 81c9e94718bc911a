using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Core.Webinars;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.AccountSync
{
    /// <summary>One instance an account-wide run syncs, with the options its settings resolve to.</summary>
    internal sealed class AccountTarget
    {
        public AccountTarget(SyncTarget target, SyncOptions options)
        {
            Target = target;
            Options = options;
        }

        public SyncTarget Target { get; }

        public SyncOptions Options { get; }
    }

    /// <summary>
    /// Turns discovered webinars into the run's instances: the settings decide per webinar (most specific first: the run,
    /// the webinar's override, the host's settings, the global ones), then every instance that ended inside the window is
    /// a target, and an unexpired webinar not held yet is one for its registrations. Skips are recorded with their reason.
    /// </summary>
    internal sealed class AccountRunPlanner
    {
        private readonly SyncSession _session;
        private readonly EffectiveRunSettings _run;
        private readonly ZoomHubSyncSummary _summary;
        private readonly DateTimeOffset _now;

        public AccountRunPlanner(SyncSession session, EffectiveRunSettings run, ZoomHubSyncSummary summary, DateTimeOffset now)
        {
            _session = session;
            _run = run;
            _summary = summary;
            _now = now;
        }

        /// <summary>Held instances only (a backfill): no registrations-only targets for webinars not held yet.</summary>
        public bool PastOnly { get; set; }

        /// <summary>The targets of every webinar, in the order given (the webinars are read side by side).</summary>
        public async Task<IReadOnlyList<AccountTarget>> TargetsAsync(IReadOnlyList<DiscoveredWebinar> webinars, CancellationToken ct)
        {
            IReadOnlyList<AccountTarget>[] each = await Task.WhenAll(webinars.Select(w => TargetsAsync(w, ct))).ConfigureAwait(false);
            return each.SelectMany(t => t).ToList();
        }

        /// <summary>The targets of one webinar (none when the settings skip it or Zoom deleted it; the skip is recorded).</summary>
        public async Task<IReadOnlyList<AccountTarget>> TargetsAsync(DiscoveredWebinar found, CancellationToken ct)
        {
            ZoomWebinar webinar = await WebinarAsync(found, ct).ConfigureAwait(false);
            if (webinar == null) return new AccountTarget[0];
            EffectiveWebinarSettings settings = _run.ForWebinar(webinar.HostEmail ?? found.HostEmail, webinar.Id);
            if (!settings.Sync)
            {
                _summary.AddSkipped(webinar.Id, null, settings.SkipReason);
                return new AccountTarget[0];
            }

            SyncOptions options = OptionsOf(settings);
            return (await InstancesAsync(webinar, found, ct).ConfigureAwait(false)).Select(target => new AccountTarget(target, options)).ToList();
        }

        private async Task<IEnumerable<SyncTarget>> InstancesAsync(ZoomWebinar webinar, DiscoveredWebinar found, CancellationToken ct)
        {
            IReadOnlyList<ZoomPastInstance> held = await _session.PastInstancesAsync(webinar.Id, ct).ConfigureAwait(false);
            TimeSpan scheduled = TimeSpan.FromMinutes(webinar.Duration > 0 ? webinar.Duration : 60);
            var targets = new List<SyncTarget>();
            foreach (ZoomPastInstance i in held)
            {
                DateTimeOffset end = i.StartTime + scheduled;
                if (end < _summary.WindowStart || i.StartTime > _summary.WindowEnd) continue;
                if (end > _now)
                {
                    _summary.AddSkipped(webinar.Id, i.Uuid, "NotEnded");
                    continue;
                }

                targets.Add(new SyncTarget { WebinarId = webinar.Id, InstanceUuid = i.Uuid });
            }

            // Not held yet, and Zoom still lists it: its registrations (the instance itself is synced once it has ended).
            DateTimeOffset? next = WebinarSchedule.NextOccurrence(webinar, _now)?.StartTime ?? webinar.StartTime;
            if (!PastOnly && held.Count == 0 && found.IsUnexpired && next > _now)
            {
                targets.Add(new SyncTarget { WebinarId = webinar.Id });
            }

            return targets;
        }

        // A webinar Zoom has deleted (404) cannot be synced any more; it is reported as skipped.
        private async Task<ZoomWebinar> WebinarAsync(DiscoveredWebinar found, CancellationToken ct)
        {
            try
            {
                return await _session.WebinarAsync(found.Id, ct).ConfigureAwait(false);
            }
            catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.NotFound)
            {
                _summary.AddSkipped(found.Id, null, "DeletedInZoom");
                return null;
            }
        }

        private static SyncOptions OptionsOf(EffectiveWebinarSettings s)
            => new SyncOptions()
                .WithExclusions(s.ExcludedHostDomains, s.ExcludedContactDomains, s.ExcludedRecordingDomains)
                .WithPeople(s.IncludeAccountUsers, s.MatchSecondaryEmail, s.RecreateDeletedContacts)
                .WithRecording(s.SyncRecordings)
                .WithPollsAndQuestions(s.SyncPollsAndQuestions)
                .WithPropertyNames(s.PropertyNames)
                .WithTimelineApp(s.TimelineAppId);
    }
}
