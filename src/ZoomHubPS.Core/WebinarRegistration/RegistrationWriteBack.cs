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
            var updates = new List<HubSpotObjectInput>();
            foreach (RegistrationResult r in linked)
            {
                byEmail.TryGetValue(r.Email, out HubSpotObject contact);
                if (contact != null) r.ContactId = contact.Id;
                Dictionary<string, string> change = Changes(r, contact, ledger);
                if (change.Count == 0) continue;
                string email = contact?.Email ?? r.Email.ToLowerInvariant();
                change["email"] = email;
                updates.Add(new HubSpotObjectInput { Id = email, IdProperty = "email", Properties = change });
            }

            if (updates.Count > 0)
            {
                HubSpotBatchResult<HubSpotObject> written = await _api.HubSpot.Contacts.BatchUpsertAsync(updates, ct).ConfigureAwait(false);
                Dictionary<string, HubSpotObject> ids = ContactMatcher.ByEmail(written.Results);
                foreach (RegistrationResult r in linked)
                {
                    if (ids.TryGetValue(r.Email, out HubSpotObject c)) r.ContactId = c.Id;
                }
            }

            await RegisterParticipationsAsync(results.Where(r => r.Status == RegistrationStatus.Registered).ToList(), ct).ConfigureAwait(false);
        }

        // The join link where it differs, and the ledger entry of this slot when the contact's ledger lacks it.
        private Dictionary<string, string> Changes(RegistrationResult r, HubSpotObject contact, bool ledger)
        {
            var change = new Dictionary<string, string>(StringComparer.Ordinal);
            if (ledger && r.Status == RegistrationStatus.Registered)
            {
                WebinarHistory history = WebinarHistory.Parse(contact?.Get(_names.History));
                if (history.Find(_context.Webinar.Id, _slot.Value.ToUnixTimeSeconds())?.RegisteredAtUnix > 0) return change; // recorded already
                HistoryEntry old = history.Find(_context.Webinar.Id, _slot.Value.ToUnixTimeSeconds());
                history.Replace(new HistoryEntry
                {
                    WebinarId = _context.Webinar.Id,
                    StartUnix = _slot.Value.ToUnixTimeSeconds(),
                    Registration = RegistrationOf(),
                    RegisteredAtUnix = _api.ServiceTime.GetUtcNow().ToUnixTimeSeconds(),
                    AttendedSeconds = old?.AttendedSeconds ?? 0,
                    DurationSeconds = old?.DurationSeconds ?? 0,
                    JoinUrl = r.JoinUrl,
                    Topic = _context.Webinar.Topic,
                    Timeline = old?.Timeline,
                });
                foreach (var pair in ContactAggregates.Properties(history, _names)) change[pair.Key] = pair.Value;
            }

            if (contact?.Get(_options.JoinUrlProperty) != r.JoinUrl) change[_options.JoinUrlProperty] = r.JoinUrl;
            return change;
        }

        // Registering for one occurrence of a webinar that registers per occurrence counts for that occurrence.
        private RegistrationKey RegistrationOf()
            => _options.OccurrenceId != null && _context.Webinar.IsRecurring && (_context.Webinar.Settings?.RegistrationType ?? 1) != 1
                ? RegistrationKey.Occurrence(_options.OccurrenceId)
                : RegistrationKey.Webinar;

        private async Task RegisterParticipationsAsync(List<RegistrationResult> registered, CancellationToken ct)
        {
            // A recurring webinar without a fixed time has no scheduled slot to name an event: the sync records these.
            if (registered.Count == 0 || !_slot.HasValue || !await EventReadyAsync(ct).ConfigureAwait(false)) return;
            string account = WebinarEvent.ExternalAccountId(_api);
            long at = HubSpotValues.Milliseconds(_api.ServiceTime.GetUtcNow());
            await _api.HubSpot.MarketingEvents.RecordAsync(WebinarEvent.ExternalEventId(_context.Webinar.Id, _slot.Value), account, ParticipationState.Register,
                registered.Select(r => new HubSpotParticipationInput { Email = r.Email.ToLowerInvariant(), InteractionDateTime = at, Properties = new Dictionary<string, string>(), ContactProperties = new Dictionary<string, string>() }),
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
    }
}
