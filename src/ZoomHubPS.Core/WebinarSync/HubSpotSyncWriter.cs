using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Webinars;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// Writes one instance's plans to HubSpot in the crash-safe order, per batch of people: (1) the marketing event
    /// (once per instance); (2) contacts that do not exist yet, created by an upsert of their email and names (HubSpot's
    /// answer says which ones it created), packed with the other running batches' new contacts into calls of 100; (3) the participations that changed, packed with other batches' into calls
    /// of 100 per state; (4) timeline events; (5) one upsert carrying the ledger and the aggregates — last, so an
    /// up-to-date ledger entry reliably means "fully synced"; and, at the end, (6) the event's completion.
    /// </summary>
    /// <remarks>
    /// Every write here is harmless to repeat: upserts by email, participations HubSpot treats as the same one when
    /// re-sent, timeline events with fixed ids. A lost reply is therefore retried by the HTTP layer, and an interrupted
    /// run, run again, ends where an uninterrupted run ends.
    /// </remarks>
    internal sealed class HubSpotSyncWriter
    {
        // Batches whose participations may wait for a fuller call before partial calls are sent anyway (bounds the people
        // held in memory; in practice a call of each state fills within two batches).
        private const int MaxWaitingBatches = 10;

        private readonly HubSpotClient _hubSpot;
        private readonly InstanceContext _instance;
        private readonly bool _whatIf;
        private readonly TimeProvider _clock;
        private readonly BatchPacker<(ParticipationState State, bool ByEmail), (SyncPerson Person, PlannedParticipation Participation, BatchFailures Failures)> _packer;
        private readonly BatchPacker<bool, (PersonPlan Plan, BatchFailures Failures)> _creations;
        private readonly object _gate = new object();
        private readonly LedgerCoordinator _ledgers;
        private readonly SyncPropertyNames _names;
        private Task<HubSpotMarketingEvent> _event;

        public HubSpotSyncWriter(ZoomHubConnection api, InstanceContext instance, bool whatIf, LedgerCoordinator ledgers, SyncPropertyNames names, CancellationToken runToken)
        {
            _ledgers = ledgers;
            _names = names;
            _hubSpot = api.HubSpot;
            _clock = api.ServiceTime;
            _instance = instance;
            _whatIf = whatIf;
            _packer = new BatchPacker<(ParticipationState, bool), (SyncPerson, PlannedParticipation, BatchFailures)>(
                HubSpotMarketingEventsClient.AttendanceBatchSize, MaxWaitingBatches, (key, items) => SendParticipationsAsync(key, items, runToken));
            _creations = new BatchPacker<bool, (PersonPlan, BatchFailures)>(HubSpotClient.BatchSize, int.MaxValue, (_, items) => SendCreationsAsync(items, runToken));
        }

        /// <summary>Packs the creations of running batches (see <see cref="BatchPacker{TKey, TItem}.PackByArrivals"/>).</summary>
        public void PackCreationsByArrivals(Func<bool> moreMayStart) => _creations.PackByArrivals(moreMayStart);

        /// <summary>Nothing more may start: a partial creation call leaves if no running batch is still to come.</summary>
        public void RecheckCreations() => _creations.Recheck();

        /// <summary>Announces a running batch to the creation step (it will call <see cref="CreateContactsAsync"/> with the arrival, or dispose it).</summary>
        public PackerArrival ExpectCreations() => _creations.Expect();

        /// <summary>(1) The instance's event, created or corrected once; later callers share the first call.</summary>
        public Task<HubSpotMarketingEvent> EnsureEventAsync(CancellationToken ct)
        {
            lock (_gate) return _event ?? (_event = EnsureEventOnceAsync(ct));
        }

        /// <summary>
        /// (2) Creates the contacts that do not exist, packed with other batches'; HubSpot's "new" flag decides Created
        /// versus Updated. Completes when this batch's contacts are written.
        /// </summary>
        public Task CreateContactsAsync(IReadOnlyList<PersonPlan> plans, BatchFailures failures, PackerArrival arrival)
        {
            // Always arrives (with no contacts too): later batches' creations must not wait for this one.
            List<PersonPlan> creating = _whatIf ? new List<PersonPlan>() : plans.Where(p => p.CreatesContact).ToList();
            return _creations.AddAsync(creating.Select(p => new KeyValuePair<bool, (PersonPlan, BatchFailures)>(true, (p, failures))), arrival);
        }

        // One call of ≤ 100 new contacts from one or more batches; each refused person is marked in their own batch's list.
        private async Task SendCreationsAsync(IReadOnlyList<(PersonPlan Plan, BatchFailures Failures)> items, CancellationToken ct)
        {
            HubSpotBatchResult<HubSpotObject> written = await _hubSpot.Contacts.BatchUpsertAsync(items.Select(x => Input(x.Plan.Person, IdentityProperties(x.Plan.Person))).ToList(), ct).ConfigureAwait(false);
            MarkEach(written.Errors, items.Select(x => (x.Plan.Person, x.Failures)).ToList());
            Dictionary<string, HubSpotObject> byEmail = ContactMatcher.ByEmail(written.Results);
            foreach (var (plan, _) in items)
            {
                if (!byEmail.TryGetValue(plan.Person.Email, out HubSpotObject c)) continue;
                plan.Person.ContactId = c.Id;
                plan.Person.CreatedHere = c.New == true;
                plan.Outcome = c.New == false ? SyncOutcome.Updated : SyncOutcome.Created; // another run created it first
            }
        }

        /// <summary>(3) Hands the batch's participations to the packer; completes when all of them are written.</summary>
        public Task WriteParticipationsAsync(IReadOnlyList<PersonPlan> plans, BatchFailures failures)
        {
            var items = plans.SelectMany(p => p.Participations.Select(x => new KeyValuePair<(ParticipationState, bool), (SyncPerson, PlannedParticipation, BatchFailures)>(
                (x.State, !p.Person.BySecondaryEmail), (p.Person, x, failures)))).ToList();
            return _whatIf || items.Count == 0 ? Task.CompletedTask : _packer.AddAsync(items);
        }

        /// <summary>(4) Timeline events (partner apps).</summary>
        public async Task WriteTimelineAsync(IReadOnlyList<PersonPlan> plans, BatchFailures failures, CancellationToken ct)
        {
            List<PersonPlan> withEvents = failures.Remaining(plans).Where(p => p.TimelineEvents.Count > 0).ToList();
            if (withEvents.Count == 0 || _whatIf) return;
            HubSpotBatchResult<HubSpotTimelineEvent> written = await _hubSpot.Timeline.CreateEventsAsync(withEvents.SelectMany(p => p.TimelineEvents), ct).ConfigureAwait(false);
            failures.Mark(written.Errors, withEvents.Select(p => p.Person).ToList());
        }

        /// <summary>
        /// (5) The ledger and aggregates of everyone not refused so far — under the people's ledger locks, on top of what
        /// another instance of this run wrote for them meanwhile (<see cref="LedgerCoordinator"/>).
        /// </summary>
        public async Task UpsertAsync(IReadOnlyList<PersonPlan> plans, BatchFailures failures, CancellationToken ct)
        {
            List<PersonPlan> remaining = failures.Remaining(plans);
            if (remaining.Count == 0 || _whatIf) return;
            using (await _ledgers.LockAsync(remaining.Select(p => p.Person.Email), ct).ConfigureAwait(false))
            {
                foreach (PersonPlan p in remaining)
                {
                    string latest = _ledgers.Latest(p.Person.Email);
                    if (latest != null && latest != p.BaseLedger) SyncPlanner.Rebase(p, latest, _names);
                }

                await WriteLedgersAsync(remaining, failures, ct).ConfigureAwait(false);
                foreach (PersonPlan p in failures.Remaining(remaining)) _ledgers.Written(p.Person.Email, p.Properties[_names.History]);
            }
        }

        private async Task WriteLedgersAsync(List<PersonPlan> remaining, BatchFailures failures, CancellationToken ct)
        {
            // Matched on a secondary email: updated by id (an upsert by this email would create a second contact).
            List<PersonPlan> byId = remaining.Where(p => p.Person.BySecondaryEmail).ToList();
            List<PersonPlan> byEmail = remaining.Where(p => !p.Person.BySecondaryEmail).ToList();
            if (byEmail.Count > 0)
            {
                HubSpotBatchResult<HubSpotObject> r = await _hubSpot.Contacts.BatchUpsertAsync(byEmail.Select(p => Input(p.Person, p.Properties)), ct).ConfigureAwait(false);
                failures.Mark(r.Errors, byEmail.Select(p => p.Person).ToList());
                Dictionary<string, HubSpotObject> found = ContactMatcher.ByEmail(r.Results);
                foreach (PersonPlan p in byEmail)
                {
                    if (found.TryGetValue(p.Person.Email, out HubSpotObject c)) p.Person.ContactId = c.Id;
                }
            }

            if (byId.Count > 0)
            {
                HubSpotBatchResult<HubSpotObject> r = await _hubSpot.Contacts.BatchUpdateAsync(byId.Select(p => new HubSpotObjectInput { Id = p.Person.Contact.Id, Properties = p.Properties }), ct).ConfigureAwait(false);
                failures.Mark(r.Errors, byId.Select(p => p.Person).ToList());
            }
        }

        /// <summary>(6) Completes the event once the instance is over (HubSpot then computes attendance durations).</summary>
        public async Task CompleteEventAsync(CancellationToken ct)
        {
            HubSpotMarketingEvent existing = await EnsureEventAsync(ct).ConfigureAwait(false);
            if (!_instance.HasEnded(_clock.GetUtcNow()) || existing?.EventCompleted == true || _whatIf) return;
            await _hubSpot.MarketingEvents.CompleteAsync(_instance.EventId, _instance.EventAccountId, _instance.Start, _instance.End, ct).ConfigureAwait(false);
        }

        /// <summary>Every batch has handed its participations over: the partial calls leave.</summary>
        public void Flush() => _packer.Flush();

        /// <summary>The run failed: nothing more is sent, batches still waiting fail too.</summary>
        public void Fail(Exception error)
        {
            _creations.Fail(error);
            _packer.Fail(error);
        }

        /// <summary>Completes when every creation and participation call started has finished.</summary>
        public Task DrainAsync() => Task.WhenAll(_creations.DrainAsync(), _packer.DrainAsync());

        private async Task<HubSpotMarketingEvent> EnsureEventOnceAsync(CancellationToken ct)
        {
            HubSpotMarketingEvent wanted = _instance.IsPast
                ? WebinarEvent.Build(_instance.Webinar, _instance.EventAccountId, _instance.SlotStart, _instance.Start, _instance.End, _instance.EventProperties)
                : WebinarEvent.Scheduled(_instance.Webinar, _instance.EventAccountId, _instance.SlotStart, _instance.Occurrence);
            HubSpotMarketingEvent existing = await _hubSpot.MarketingEvents.GetAsync(_instance.EventId, _instance.EventAccountId, ct).ConfigureAwait(false);
            if (!WebinarEvent.HasFields(existing, wanted) && !_whatIf)
            {
                await _hubSpot.MarketingEvents.UpsertAsync(new[] { wanted }, ct).ConfigureAwait(false);
            }

            return existing;
        }

        // One call of ≤ 100 participations of one state, from one or more batches. Email-create matches contacts by
        // primary email (they all exist by now); contacts matched on a secondary email go by id.
        private async Task SendParticipationsAsync((ParticipationState State, bool ByEmail) key, IReadOnlyList<(SyncPerson Person, PlannedParticipation Participation, BatchFailures Failures)> items, CancellationToken ct)
        {
            IEnumerable<HubSpotParticipationInput> inputs = items.Select(x => new HubSpotParticipationInput
            {
                ContactId = key.ByEmail ? (long?)null : long.Parse(x.Person.Contact.Id, CultureInfo.InvariantCulture),
                Email = key.ByEmail ? x.Person.Email.ToLowerInvariant() : null,
                InteractionDateTime = x.Participation.InteractionMs,
                Properties = x.Participation.Properties ?? new Dictionary<string, string>(),
                ContactProperties = key.ByEmail ? new Dictionary<string, string>() : null,
            });
            HubSpotBatchResult<HubSpotAttendanceResult> written = await _hubSpot.MarketingEvents.RecordAsync(_instance.EventId, _instance.EventAccountId, key.State, inputs, key.ByEmail, ct).ConfigureAwait(false);
            MarkEach(written.Errors, items.Select(x => (x.Person, x.Failures)).ToList());
        }

        // The errors of a call that carried several batches: each refused person is marked in their own batch's list.
        private static void MarkEach(IReadOnlyCollection<HubSpotBatchError> errors, IReadOnlyList<(SyncPerson Person, BatchFailures Failures)> items)
        {
            if (errors == null || errors.Count == 0) return;
            var all = new BatchFailures();
            all.Mark(errors, items.Select(x => x.Person).ToList());
            foreach (var (person, failures) in items)
            {
                string message = all.MessageOf(person.Email);
                if (message != null) failures.Set(person.Email, message);
            }
        }

        private static HubSpotObjectInput Input(SyncPerson person, Dictionary<string, string> properties)
        {
            string email = person.Contact?.Email ?? person.Email.ToLowerInvariant();
            var props = new Dictionary<string, string>(properties, StringComparer.Ordinal) { ["email"] = email };
            return new HubSpotObjectInput { Id = email, IdProperty = "email", Properties = props };
        }

        private static Dictionary<string, string> IdentityProperties(SyncPerson person)
        {
            var props = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!string.IsNullOrWhiteSpace(person.FirstName)) props["firstname"] = person.FirstName.Trim();
            if (!string.IsNullOrWhiteSpace(person.LastName)) props["lastname"] = person.LastName.Trim();
            return props;
        }
    }
}
