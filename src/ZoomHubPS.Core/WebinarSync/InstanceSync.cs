using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Attendance;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// The sync of one resolved instance: streams its people in batches (<see cref="PeopleStream"/>), and per batch
    /// looks up the contacts (<see cref="ContactMatcher"/>), waits for the attendance, plans (<see cref="SyncPlanner"/>)
    /// and writes (<see cref="HubSpotSyncWriter"/>), a few batches at a time (<see cref="BatchScheduler"/>). When it
    /// returns or throws, every request it started has finished.
    /// </summary>
    internal sealed class InstanceSync
    {
        // Batches at once, and how many more may read their contacts ahead while the participant report is read: at most
        // (InFlight + ReadAhead) × 100 people are ever held. The read-ahead fills HubSpot's first window with reads while
        // Zoom's report (10 pages a second on Pro) is still coming: the sliding window repeats the first one's shape, so
        // the seconds saved there are saved in every later window (benchmark: 10,000 people 26.0 s with 36, 24.9 s with 60).
        private const int InFlight = 4;
        private const int ReadAhead = 60;

        private readonly ZoomHubConnection _api;
        private readonly InstanceContext _instance;
        private readonly SyncOptions _options;
        private readonly SkipRules _skips;
        private readonly SyncPlanner _planner;
        private readonly SyncReporter _reporter;

        private readonly LedgerCoordinator _ledgers;

        public InstanceSync(ZoomHubConnection api, InstanceContext instance, SyncOptions options, SkipRules skips, TimelineEventBuilder timeline, SyncReporter reporter, LedgerCoordinator ledgers)
        {
            _ledgers = ledgers;
            _api = api;
            _instance = instance;
            _options = options;
            _skips = skips;
            _reporter = reporter;
            _planner = new SyncPlanner(instance, options, skips, timeline);
        }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            // One token for everything this run starts: a failed batch cancels the others' requests, and the run waits for
            // them to unwind before it reports the failure.
            using (var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var attendance = new InstanceAttendance(_instance);
                var scheduler = new BatchScheduler(InFlight, _instance.IsPast ? ReadAhead : 0);
                var writer = new HubSpotSyncWriter(_api, _instance, _options.WhatIf, _ledgers, _options.PropertyNames ?? new SyncPropertyNames(), run.Token);
                var matcher = new ContactMatcher(_api.HubSpot, _options, _options.PropertyNames ?? new SyncPropertyNames(), _skips, run.Token);

                // The packed steps wait for more batches while one may still start: people left and a slot free.
                int peopleLeft = 1;
                bool MoreMayStart() => Volatile.Read(ref peopleLeft) == 1 && scheduler.HasFreeSlot;
                void Recheck()
                {
                    matcher.Recheck();
                    writer.RecheckCreations();
                }

                matcher.PackByArrivals(MoreMayStart);
                writer.PackCreationsByArrivals(MoreMayStart);
                attendance.StartReading(_api.Zoom, _instance, run.Token);
                Task readAheadEnds = attendance.Completed.ContinueWith(_ =>
                {
                    scheduler.EndReadAhead();
                    Recheck();
                }, TaskScheduler.Default);
                try
                {
                    var people = new PeopleStream(_api.Zoom, _instance, attendance);
                    await people.ForEachBatchAsync(batch => scheduler.DispatchAsync(prepared => ProcessAsync(batch, attendance, matcher, writer, prepared, run.Token), run.Token), run.Token).ConfigureAwait(false);
                    Volatile.Write(ref peopleLeft, 0);
                    Recheck();

                    // Every batch has handed over its participations: the partial calls can leave, then the batches finish.
                    await scheduler.AllPreparedAsync().ConfigureAwait(false);
                    writer.Flush();
                    await scheduler.AllDoneAsync().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    run.Cancel();
                    matcher.Fail(ex);
                    writer.Fail(ex);
                    await scheduler.JoinAsync().ConfigureAwait(false);
                    await Quietly(attendance.Completed).ConfigureAwait(false);
                    throw;
                }
                finally
                {
                    await matcher.DrainAsync().ConfigureAwait(false);
                    await writer.DrainAsync().ConfigureAwait(false);
                    await readAheadEnds.ConfigureAwait(false);
                }

                foreach (var row in attendance.RowsWithoutEmail.GroupBy(r => r.Name ?? r.UserId ?? string.Empty)) _reporter.NoEmail(row.Key);
                if (_instance.IsPast) await writer.CompleteEventAsync(run.Token).ConfigureAwait(false);
            }
        }

        private async Task ProcessAsync(List<SyncPerson> people, InstanceAttendance attendance, ContactMatcher matcher, HubSpotSyncWriter writer, Action prepared, CancellationToken ct)
        {
            // The packed steps (archived check, creation) wait for this batch until it hands its items over or leaves.
            using (PackerArrival archivedCheck = matcher.Expect())
            using (PackerArrival creation = writer.ExpectCreations())
            {
                await ProcessAsync(people, attendance, matcher, archivedCheck, writer, creation, prepared, ct).ConfigureAwait(false);
            }
        }

        private async Task ProcessAsync(List<SyncPerson> people, InstanceAttendance attendance, ContactMatcher matcher, PackerArrival archivedCheck, HubSpotSyncWriter writer, PackerArrival creation, Action prepared, CancellationToken ct)
        {
            // 1. Who needs a HubSpot read: not invalid emails, account users, or pending registrants who did not attend
            // (a batch with pending registrants waits for the attendance first, so they are not read for nothing).
            if (people.Any(SkipRules.NeedsAttendance)) await attendance.Completed.ConfigureAwait(false);
            var candidates = new List<SyncPerson>();
            var skipped = new List<(SyncPerson Person, string Reason)>();
            foreach (SyncPerson p in people)
            {
                string reason = _skips.BeforeRead(p, SkipRules.NeedsAttendance(p) ? attendance.Get(p.Email) : null);
                if (reason == null) candidates.Add(p);
                else skipped.Add((p, reason));
            }

            // 2. The contacts (needs no attendance: it may run while participants are read).
            await matcher.MatchAsync(candidates, archivedCheck, ct).ConfigureAwait(false);

            // 3. Decide: from here on the attendance must be complete.
            await attendance.Completed.ConfigureAwait(false);
            foreach (var (person, reason) in skipped) _reporter.Skipped(person, attendance.Get(person.Email), reason);
            var changed = new List<PersonPlan>();
            foreach (SyncPerson p in candidates)
            {
                PersonPlan plan = _planner.Plan(p, attendance.Get(p.Email));
                if (plan.HasWrites) changed.Add(plan);
                else _reporter.Planned(plan);
            }

            if (changed.Count == 0) return;

            // 4. Writes in the crash-safe order; participations leave packed with other batches'.
            await writer.EnsureEventAsync(ct).ConfigureAwait(false);
            var failures = new BatchFailures();
            await writer.CreateContactsAsync(changed, failures, creation).ConfigureAwait(false);
            foreach (PersonPlan plan in changed) _reporter.CountParticipations(plan);
            Task participations = writer.WriteParticipationsAsync(failures.Remaining(changed), failures);
            prepared();
            await participations.ConfigureAwait(false);
            await writer.WriteTimelineAsync(changed, failures, ct).ConfigureAwait(false);
            await writer.UpsertAsync(changed, failures, ct).ConfigureAwait(false);
            foreach (PersonPlan plan in changed) _reporter.Planned(plan, failures.MessageOf(plan.Person.Email));
        }

        private static async Task Quietly(Task task)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Secondary to the error the run reports.
            }
        }
    }
}
