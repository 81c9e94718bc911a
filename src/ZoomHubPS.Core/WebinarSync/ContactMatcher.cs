using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.HubSpot;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// Finds each person's HubSpot contact: one batch read by primary email per batch, then (with the option) the
    /// secondary emails through search, then whether an unknown email belongs to a deleted contact — that check packed
    /// with the other running batches' into calls of 100 (<see cref="BatchPacker{TKey, TItem}"/> by arrivals). Needs
    /// no attendance, so it runs while the participants are still being read.
    /// </summary>
    internal sealed class ContactMatcher
    {
        // HubSpot finds secondary emails only through search: one OR group per email, at most 5 groups per request.
        private const int SearchGroups = 5;

        private readonly HubSpotClient _hubSpot;
        private readonly SyncOptions _options;
        private readonly SkipRules _skips;
        private readonly string[] _properties;
        private readonly BatchPacker<bool, SyncPerson> _archivedCheck;

        /// <param name="runToken">The run's token: a packed check serves several batches, so it follows the run, not one batch.</param>
        public ContactMatcher(HubSpotClient hubSpot, SyncOptions options, SyncPropertyNames names, SkipRules skips, CancellationToken runToken)
        {
            _hubSpot = hubSpot;
            _options = options;
            _skips = skips;
            // Every property the sync writes: a contact that does not show what its ledger stands for is written again.
            _properties = new[] { "email", "firstname", "lastname", "hs_additional_emails" }.Concat(names.All()).ToArray();
            _archivedCheck = new BatchPacker<bool, SyncPerson>(HubSpotClient.BatchSize, int.MaxValue, (_, unknown) => CheckArchivedAsync(unknown, runToken));
        }

        /// <summary>Packs the archived checks of running batches (see <see cref="BatchPacker{TKey, TItem}.PackByArrivals"/>).</summary>
        public void PackByArrivals(Func<bool> moreMayStart) => _archivedCheck.PackByArrivals(moreMayStart);

        /// <summary>Nothing more may start: a partial archived check leaves if no running batch is still to come.</summary>
        public void Recheck() => _archivedCheck.Recheck();

        /// <summary>Announces a running batch (it will call <see cref="MatchAsync"/> with the arrival, or dispose it).</summary>
        public PackerArrival Expect() => _archivedCheck.Expect();

        /// <summary>The run failed: batches waiting for a packed check fail too.</summary>
        public void Fail(Exception error) => _archivedCheck.Fail(error);

        /// <summary>Completes when every packed check started has finished.</summary>
        public Task DrainAsync() => _archivedCheck.DrainAsync();

        /// <summary>
        /// Matches one batch. The batch's <paramref name="arrival"/> at the packed archived check is settled when this
        /// returns or throws (handed over, or passed), so no other batch's check waits for this one any longer.
        /// </summary>
        public async Task MatchAsync(IReadOnlyList<SyncPerson> people, PackerArrival arrival, CancellationToken ct)
        {
            try
            {
                await MatchCoreAsync(people, arrival, ct).ConfigureAwait(false);
            }
            finally
            {
                arrival.Dispose();
            }
        }

        private async Task MatchCoreAsync(IReadOnlyList<SyncPerson> people, PackerArrival arrival, CancellationToken ct)
        {
            if (people.Count == 0) return;
            HubSpotBatchResult<HubSpotObject> read = await _hubSpot.Contacts.BatchReadAsync(people.Select(c => c.Email), "email", _properties, false, ct).ConfigureAwait(false);
            Dictionary<string, HubSpotObject> byEmail = ByEmail(read.Results);
            foreach (SyncPerson p in people)
            {
                p.Contact = byEmail.TryGetValue(p.Email, out HubSpotObject c) ? c : null;
            }

            if (_options.MatchSecondaryEmail)
            {
                await MatchSecondaryAsync(people.Where(c => c.Contact == null).ToList(), ct).ConfigureAwait(false);
            }

            List<SyncPerson> unknown = people.Where(_skips.MayCreate).ToList();
            if (unknown.Count > 0 && !_options.RecreateDeletedContacts)
            {
                await _archivedCheck.AddAsync(unknown.Select(p => new KeyValuePair<bool, SyncPerson>(true, p)), arrival).ConfigureAwait(false);
            }
        }

        // One call of ≤ 100 unknown emails from one or more batches: which of them belong to deleted contacts.
        private async Task CheckArchivedAsync(IReadOnlyList<SyncPerson> unknown, CancellationToken ct)
        {
            HubSpotBatchResult<HubSpotObject> archived = await _hubSpot.Contacts.BatchReadAsync(unknown.Select(u => u.Email), "email", new[] { "email" }, true, ct).ConfigureAwait(false);
            var deleted = new HashSet<string>(archived.Results.Where(r => r.Archived && r.Email != null).Select(r => r.Email), StringComparer.OrdinalIgnoreCase);
            foreach (SyncPerson p in unknown) p.Deleted = deleted.Contains(p.Email);
        }

        internal static Dictionary<string, HubSpotObject> ByEmail(IEnumerable<HubSpotObject> contacts)
            => contacts.Where(r => r.Email != null).GroupBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        private async Task MatchSecondaryAsync(List<SyncPerson> missing, CancellationToken ct)
        {
            for (int i = 0; i < missing.Count; i += SearchGroups)
            {
                List<SyncPerson> chunk = missing.Skip(i).Take(SearchGroups).ToList();
                var request = new HubSpotSearchRequest
                {
                    FilterGroups = chunk.Select(p => new HubSpotFilterGroup { Filters = { new HubSpotFilter { PropertyName = "hs_additional_emails", Operator = "CONTAINS_TOKEN", Value = p.Email } } }).ToList(),
                    Properties = _properties.ToList(),
                };
                await _hubSpot.Contacts.Search(request).ForEachAsync(c =>
                {
                    string[] extra = (c.Get("hs_additional_emails") ?? string.Empty).Split(';').Select(e => e.Trim()).ToArray();
                    foreach (SyncPerson p in chunk.Where(p => p.Contact == null && extra.Contains(p.Email, StringComparer.OrdinalIgnoreCase)))
                    {
                        p.Contact = c;
                        p.BySecondaryEmail = true;
                    }

                    return true;
                }, ct).ConfigureAwait(false);
            }
        }
    }
}
