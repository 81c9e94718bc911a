using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Webinars;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarRegistration
{
    /// <summary>
    /// After a chunk is registered: the join link onto each contact, the registration into the contact's ledger (so the
    /// registration count and the last registered webinar are right at once, and the later sync sees the registration
    /// as recorded), and the <c>register</c> participation onto the slot's marketing event — the same event the sync
    /// writes to (<see cref="WebinarEvent"/>). Contacts whose link and ledger are already right get no write.
    /// </summary>
    /// <remarks>
    /// Crash-safe order, so that running the same registration again finishes what an interrupted one left: (1) the
    /// ledger entry is written first, without its join link — "registered at T, participation not confirmed"; (2) the
    /// register participation at T; (3) the entry completed with its join link, and the contact's link. A re-run finds
    /// the person already registered in Zoom and reads the ledger: no entry, nothing of this registration was written
    /// (it starts at (1)); an unconfirmed entry resends the participation at the same T — the same participation, not a
    /// second one — and completes it; a complete entry needs nothing.
    /// </remarks>
    internal sealed class RegistrationWriteBack
    {
        private readonly ZoomHubConnection _api;
        private readonly RegistrationContext _context;
        private readonly RegistrationOptions _options;
        private readonly SyncPropertyNames _names;
        private readonly DateTimeOffset? _slot;
        private readonly ZoomOccurrence _occurrence;
        private Task<bool> _eventReady;
        private Task<bool> _schemaReady;

        public RegistrationWriteBack(ZoomHubConnection api, RegistrationContext context, RegistrationOptions options)
        {
            _api = api;
            _context = context;
            _options = options;
            _names = options.PropertyNames ?? new SyncPropertyNames();
            DateTimeOffset now = api.ServiceTime.GetUtcNow();
            _occurrence = WebinarSchedule.Occurrence(context.Webinar, options.OccurrenceId) ?? WebinarSchedule.NextOccurrence(context.Webinar, now);
            _slot = WebinarSchedule.ScheduledStart(context.Webinar, options.OccurrenceId, now);
        }

        public async Task WriteAsync(IReadOnlyList<RegistrationResult> results, CancellationToken ct)
        {
            List<RegistrationResult> linked = results.Where(r => (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.AlreadyRegistered) && !string.IsNullOrEmpty(r.JoinUrl)).ToList();
            if (linked.Count == 0) return;

            bool ledger = _slot.HasValue && await SchemaReadyAsync(ct).ConfigureAwait(false);
            var props = new List<string> { "email", _options.JoinUrlProperty };
            if (ledger) props.Add(_names.History);
            HubSpotBatchResult<HubSpotObject> current = await _api.HubSpot.Contacts.BatchReadAsync(linked.Select(r => r.Email), "email", props, false, ct).ConfigureAwait(false);
            Dictionary<string, HubSpotObject> byEmail = ContactMatcher.ByEmail(current.Results);
            List<Person> people = linked.Select(r => new Person(r, byEmail.TryGetValue(r.Email, out HubSpotObject c) ? c : null)).ToList();
            foreach (Person p in people)
            {
                if (p.Contact != null) p.Result.ContactId = p.Contact.Id;
                if (ledger) Plan(p);
            }

            // (1) The registrations not in the ledger yet, with their time and no link: from here a re-run resends the same participation.
            await UpsertAsync(people.Where(p => p.Recording).Select(p => p.Change(ContactAggregates.Properties(p.History, _names))), people, ct).ConfigureAwait(false);

            // (2) Their participations.
            List<Person> unconfirmed = people.Where(p => p.Entry != null && p.Entry.AwaitsRegisterParticipation()).ToList();
            if (ledger) await RegisterParticipationsAsync(unconfirmed.Select(p => (p.Result.Email, p.Entry.RegisteredAtUnix * 1000)).ToList(), ct).ConfigureAwait(false);
            else await RegisterParticipationsAsync(linked.Where(r => r.Status == RegistrationStatus.Registered).Select(r => (r.Email, HubSpotValues.Milliseconds(_api.ServiceTime.GetUtcNow()))).ToList(), ct).ConfigureAwait(false);

            // (3) The entries completed with their link, and every link that differs. Where the link property is the
            // ledger's "last registered webinar", the ledger decides it (the latest registration, which may be another
            // webinar's): writing this registration's link over it would undo the sync's value on every run.
            bool ledgerOwnsLink = ledger && string.Equals(_options.JoinUrlProperty, _names.LastRegisteredWebinarUrl, StringComparison.OrdinalIgnoreCase);
            var final = new List<HubSpotObjectInput>();
            foreach (Person p in people)
            {
                var change = new Dictionary<string, string>(StringComparer.Ordinal);
                if (p.Entry != null && p.Entry.AwaitsRegisterParticipation())
                {
                    p.Entry.JoinUrl = p.Result.JoinUrl;
                    p.History.Replace(p.Entry);
                    foreach (var pair in ContactAggregates.Properties(p.History, _names)) change[pair.Key] = pair.Value;
                }

                if (!ledgerOwnsLink && p.Contact?.Get(_options.JoinUrlProperty) != p.Result.JoinUrl) change[_options.JoinUrlProperty] = p.Result.JoinUrl;
                if (change.Count > 0) final.Add(p.Change(change));
            }

            await UpsertAsync(final, people, ct).ConfigureAwait(false);
        }

        // Which entry this registration has in the contact's ledger: the existing one, or a new unconfirmed one to record.
        private void Plan(Person p)
        {
            p.History = WebinarHistory.Parse(p.Contact?.Get(_names.History));
            long slot = _slot.Value.ToUnixTimeSeconds();
            HistoryEntry old = p.History.Find(_context.Webinar.Id, slot);
            if (old?.RegisteredAtUnix > 0)
            {
                p.Entry = old;
                return;
            }

            // Only a registration made now, or one Zoom shows approved, is recorded; its time is Zoom's when Zoom told it.
            _context.Registered.TryGetValue(p.Result.Email, out ZoomRegistrant known);
            bool approved = p.Result.Status == RegistrationStatus.Registered || string.Equals(known?.Status, "approved", StringComparison.OrdinalIgnoreCase);
            if (!approved) return;
            DateTimeOffset at = p.Result.Status == RegistrationStatus.AlreadyRegistered && known?.CreateTime != null ? known.CreateTime.Value : _api.ServiceTime.GetUtcNow();
            p.Entry = new HistoryEntry
            {
                WebinarId = _context.Webinar.Id,
                StartUnix = slot,
                Registration = RegistrationOf(),
                RegisteredAtUnix = at.ToUnixTimeSeconds(),
                AttendedSeconds = old?.AttendedSeconds ?? 0,
                DurationSeconds = old?.DurationSeconds ?? 0,
                JoinUrl = null, // not confirmed: see the remarks
                Topic = _context.Webinar.Topic,
                Timeline = old?.Timeline,
            };
            p.History.Replace(p.Entry);
            p.Recording = true;
        }

        private async Task UpsertAsync(IEnumerable<HubSpotObjectInput> inputs, List<Person> people, CancellationToken ct)
        {
            List<HubSpotObjectInput> list = inputs.ToList();
            if (list.Count == 0) return;
            HubSpotBatchResult<HubSpotObject> written = await _api.HubSpot.Contacts.BatchUpsertAsync(list, ct).ConfigureAwait(false);
            Dictionary<string, HubSpotObject> ids = ContactMatcher.ByEmail(written.Results);
            foreach (Person p in people)
            {
                if (ids.TryGetValue(p.Result.Email, out HubSpotObject c)) p.Result.ContactId = c.Id;
            }
        }

        // Registering for one occurrence of a webinar that registers per occurrence counts for that occurrence.
        private RegistrationKey RegistrationOf()
            => _options.OccurrenceId != null && _context.Webinar.IsRecurring && (_context.Webinar.Settings?.RegistrationType ?? 1) != 1
                ? RegistrationKey.Occurrence(_options.OccurrenceId)
                : RegistrationKey.Webinar;

        private async Task RegisterParticipationsAsync(IReadOnlyList<(string Email, long AtMs)> registered, CancellationToken ct)
        {
            // A recurring webinar without a fixed time has no scheduled slot to name an event: the sync records these.
            if (registered.Count == 0 || !_slot.HasValue || !await EventReadyAsync(ct).ConfigureAwait(false)) return;
            string account = WebinarEvent.ExternalAccountId(_api);
            await _api.HubSpot.MarketingEvents.RecordAsync(WebinarEvent.ExternalEventId(_context.Webinar.Id, _slot.Value), account, ParticipationState.Register,
                registered.Select(r => new HubSpotParticipationInput { Email = r.Email.ToLowerInvariant(), InteractionDateTime = r.AtMs, Properties = new Dictionary<string, string>(), ContactProperties = new Dictionary<string, string>() }),
                byEmail: true, ct).ConfigureAwait(false);
        }

        // The slot's event, created when missing (once per call); an event the sync already wrote is left as it is.
        private Task<bool> EventReadyAsync(CancellationToken ct) => _eventReady ?? (_eventReady = EnsureEventAsync(ct));

        private async Task<bool> EnsureEventAsync(CancellationToken ct)
        {
            string account = WebinarEvent.ExternalAccountId(_api);
            string id = WebinarEvent.ExternalEventId(_context.Webinar.Id, _slot.Value);
            if (await _api.HubSpot.MarketingEvents.GetAsync(id, account, ct).ConfigureAwait(false) == null)
            {
                await _api.HubSpot.MarketingEvents.UpsertAsync(new[] { WebinarEvent.Scheduled(_context.Webinar, account, _slot.Value, _occurrence) }, ct).ConfigureAwait(false);
            }

            return true;
        }

        // The ledger is written only where the sync's properties exist (Initialize-ZoomHubSchema was run).
        private Task<bool> SchemaReadyAsync(CancellationToken ct) => _schemaReady ?? (_schemaReady = CheckSchemaAsync(ct));

        private async Task<bool> CheckSchemaAsync(CancellationToken ct)
            => (await new SchemaInitializer(_api).MissingAsync(_names, ct).ConfigureAwait(false)).Count == 0;

        /// <summary>One linked result, its contact, and its ledger entry for this slot.</summary>
        private sealed class Person
        {
            public Person(RegistrationResult result, HubSpotObject contact)
            {
                Result = result;
                Contact = contact;
            }

            public RegistrationResult Result { get; }

            public HubSpotObject Contact { get; }

            public WebinarHistory History { get; set; }

            /// <summary>This registration's entry (null: none is recorded, e.g. a pending registrant).</summary>
            public HistoryEntry Entry { get; set; }

            /// <summary>The entry is new: step (1) writes it.</summary>
            public bool Recording { get; set; }

            public HubSpotObjectInput Change(Dictionary<string, string> properties)
            {
                string email = Contact?.Email ?? Result.Email.ToLowerInvariant();
                var change = new Dictionary<string, string>(properties, StringComparer.Ordinal) { ["email"] = email };
                return new HubSpotObjectInput { Id = email, IdProperty = "email", Properties = change };
            }
        }
    }
}
