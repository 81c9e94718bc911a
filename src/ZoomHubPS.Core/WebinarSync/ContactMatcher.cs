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
    /// secondary emails through search, then whether an unknown email belongs to a deleted contact. Needs no
    /// attendance, so it runs while the participants are still being read.
    /// </summary>
    internal sealed class ContactMatcher
    {
        // HubSpot finds secondary emails only through search: one OR group per email, at most 5 groups per request.
        private const int SearchGroups = 5;

        private readonly HubSpotClient _hubSpot;
        private readonly SyncOptions _options;
        private readonly SkipRules _skips;
        private readonly string[] _properties;

        public ContactMatcher(HubSpotClient hubSpot, SyncOptions options, SyncPropertyNames names, SkipRules skips)
        {
            _hubSpot = hubSpot;
            _options = options;
            _skips = skips;
            // Every property the sync writes: a contact that does not show what its ledger stands for is written again.
            _properties = new[] { "email", "firstname", "lastname", "hs_additional_emails" }.Concat(names.All()).ToArray();
        }

        public async Task MatchAsync(IReadOnlyList<SyncPerson> people, CancellationToken ct)
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
                HubSpotBatchResult<HubSpotObject> archived = await _hubSpot.Contacts.BatchReadAsync(unknown.Select(u => u.Email), "email", new[] { "email" }, true, ct).ConfigureAwait(false);
                var deleted = new HashSet<string>(archived.Results.Where(r => r.Archived && r.Email != null).Select(r => r.Email), StringComparer.OrdinalIgnoreCase);
                foreach (SyncPerson p in unknown) p.Deleted = deleted.Contains(p.Email);
            }
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
