using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Webinars;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// What an engine reads once and reuses across instances (and across instances synced at the same time): the
    /// account's users, the schema check, timeline templates, and the per-occurrence registrations of recurring
    /// webinars. Each is one shared task, so concurrent instances wait for one read instead of making their own.
    /// </summary>
    internal sealed class SyncSession
    {
        private readonly ZoomHubConnection _api;
        private readonly SharedReads<string, bool> _schema = new SharedReads<string, bool>(StringComparer.Ordinal);
        private readonly SharedReads<long, TimelineTemplateSet> _templates = new SharedReads<long, TimelineTemplateSet>();
        private readonly SharedReads<string, EventPropertyNames> _eventProperties = new SharedReads<string, EventPropertyNames>(StringComparer.Ordinal);
        private readonly SharedReads<long, OccurrenceRegistrations> _occurrences = new SharedReads<long, OccurrenceRegistrations>();
        private readonly SharedReads<long, ZoomWebinar> _webinars = new SharedReads<long, ZoomWebinar>();
        private readonly SharedReads<long, IReadOnlyList<ZoomPastInstance>> _instances = new SharedReads<long, IReadOnlyList<ZoomPastInstance>>();
        private readonly ConcurrentDictionary<string, bool> _plannedCreations = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        private readonly object _gate = new object();
        private Task<HashSet<string>> _accountUsers;

        public SyncSession(ZoomHubConnection api) => _api = api;

        /// <summary>Ledger writes of instances synced at the same time, merged instead of overwritten.</summary>
        public LedgerCoordinator Ledgers { get; } = new LedgerCoordinator();

        /// <summary>Throws <see cref="ZoomHubSchemaMissingException"/> when the contact properties the sync writes are missing.</summary>
        public Task EnsureSchemaAsync(SyncPropertyNames names, CancellationToken ct)
            => _schema.Get(string.Join(",", names.All()), () => CheckSchemaAsync(names, ct));

        /// <summary>A timeline app's templates (throws when they are missing).</summary>
        public Task<TimelineTemplateSet> TemplatesAsync(long appId, CancellationToken ct)
            => _templates.Get(appId, () => TimelineTemplates.ResolveAsync(_api, appId, ct));

        /// <summary>Which of the sync's marketing-event properties HubSpot defines (only those are written).</summary>
        public Task<EventPropertyNames> EventPropertiesAsync(SyncPropertyNames names, CancellationToken ct)
            => _eventProperties.Get(string.Join(",", names.EventDefinitions().Select(d => d.Name)), () => EventPropertyNames.ReadAsync(_api, names, ct));

        /// <summary>Every user of the Zoom account (active, inactive, pending), by email.</summary>
        public Task<HashSet<string>> AccountUsersAsync(CancellationToken ct)
        {
            lock (_gate)
            {
                if (_accountUsers == null || _accountUsers.IsFaulted || _accountUsers.IsCanceled) _accountUsers = ReadAccountUsersAsync(ct);
                return _accountUsers;
            }
        }

        /// <summary>For a recurring webinar with per-occurrence registration: how many live occurrences each registrant is listed for.</summary>
        public Task<OccurrenceRegistrations> OccurrenceRegistrationsAsync(ZoomWebinar webinar, CancellationToken ct)
            => _occurrences.Get(webinar.Id, () => ReadOccurrenceRegistrationsAsync(webinar, ct));

        /// <summary>
        /// A dry run plans a contact's creation once per engine: the first instance that meets a new email creates it,
        /// the others (run after it, or at the same time) update it — as a real run turns out.
        /// </summary>
        public bool ClaimPlannedCreation(string email) => _plannedCreations.TryAdd(email, true);

        /// <summary>A webinar's details, read once per engine (every instance of a webinar shares them).</summary>
        public Task<ZoomWebinar> WebinarAsync(long webinarId, CancellationToken ct)
            => _webinars.Get(webinarId, () => _api.Zoom.Webinars.GetAsync(webinarId, ct));

        /// <summary>A webinar's past instances, read once per engine; none for a webinar never held (Zoom answers 404).</summary>
        public Task<IReadOnlyList<ZoomPastInstance>> PastInstancesAsync(long webinarId, CancellationToken ct)
            => _instances.Get(webinarId, () => ReadPastInstancesAsync(webinarId, ct));

        private async Task<IReadOnlyList<ZoomPastInstance>> ReadPastInstancesAsync(long webinarId, CancellationToken ct)
        {
            try
            {
                return await _api.Zoom.PastWebinars.ListInstancesAsync(webinarId, ct).ConfigureAwait(false);
            }
            catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.NotFound)
            {
                return new ZoomPastInstance[0];
            }
        }

        private async Task<bool> CheckSchemaAsync(SyncPropertyNames names, CancellationToken ct)
        {
            IReadOnlyList<string> missing = await new SchemaInitializer(_api).MissingAsync(names, ct).ConfigureAwait(false);
            if (missing.Count > 0) throw new ZoomHubSchemaMissingException(missing);
            return true;
        }

        private async Task<HashSet<string>> ReadAccountUsersAsync(CancellationToken ct)
        {
            var users = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (UserStatus status in new[] { UserStatus.Active, UserStatus.Inactive, UserStatus.Pending })
            {
                await _api.Zoom.Users.List(status).ForEachAsync(u =>
                {
                    if (!string.IsNullOrEmpty(u.Email)) users.Add(u.Email);
                    return true;
                }, ct).ConfigureAwait(false);
            }

            return users;
        }

        private async Task<OccurrenceRegistrations> ReadOccurrenceRegistrationsAsync(ZoomWebinar webinar, CancellationToken ct)
        {
            List<ZoomOccurrence> live = WebinarSchedule.LiveOccurrences(webinar).ToList();
            var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (ZoomOccurrence o in live)
            {
                await _api.Zoom.Registrants.List(webinar.Id, RegistrantStatus.Approved, o.OccurrenceId).ForEachAsync(r =>
                {
                    if (!string.IsNullOrEmpty(r.Email)) counts[r.Email] = (counts.TryGetValue(r.Email, out int n) ? n : 0) + 1;
                    return true;
                }, ct).ConfigureAwait(false);
            }

            return new OccurrenceRegistrations(counts, live.Count);
        }
    }
}
