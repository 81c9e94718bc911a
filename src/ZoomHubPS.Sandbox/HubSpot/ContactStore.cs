using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// The portal's contacts with the indexes the batch routes need (id, live primary email, live secondary email,
    /// archived email), so a 50,000-contact portal answers in constant time per input. Not thread-safe: callers hold
    /// the twin's lock.
    /// </summary>
    internal sealed class ContactStore
    {
        private readonly Dictionary<long, HubSpotContact> _byId = new Dictionary<long, HubSpotContact>();
        private readonly Dictionary<string, HubSpotContact> _byEmail = new Dictionary<string, HubSpotContact>(StringComparer.Ordinal);
        private readonly Dictionary<string, HubSpotContact> _bySecondaryEmail = new Dictionary<string, HubSpotContact>(StringComparer.Ordinal);
        private readonly Dictionary<string, HubSpotContact> _archivedByEmail = new Dictionary<string, HubSpotContact>(StringComparer.Ordinal);
        private readonly List<long> _orderedIds = new List<long>();
        private long _nextId = 1001;

        /// <summary>Every record, including archived and merged ones.</summary>
        internal IEnumerable<HubSpotContact> All => _byId.Values;

        /// <summary>Ids in ascending order (all records).</summary>
        internal IReadOnlyList<long> OrderedIds => _orderedIds;

        internal int Count => _byId.Count;

        internal void Seed(IEnumerable<HubSpotContactSeed> seeds, DateTimeOffset now)
        {
            var pending = new List<HubSpotContactSeed>();
            foreach (HubSpotContactSeed seed in seeds ?? Enumerable.Empty<HubSpotContactSeed>())
            {
                if (long.TryParse(seed.Id, NumberStyles.Integer, CultureInfo.InvariantCulture, out long id))
                {
                    _nextId = Math.Max(_nextId, id + 1);
                }

                pending.Add(seed);
            }

            foreach (HubSpotContactSeed seed in pending)
            {
                long id = long.TryParse(seed.Id, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) ? parsed : _nextId++;
                DateTimeOffset created = seed.CreatedAt ?? now;
                var contact = new HubSpotContact(id, created);
                foreach (KeyValuePair<string, string> pair in seed.Properties ?? new Dictionary<string, string>())
                {
                    string value = pair.Key == "email" ? pair.Value?.Trim().ToLowerInvariant() : pair.Value;
                    contact.Set(pair.Key, value, created, "IMPORT");
                }

                contact.UpdatedAt = created;
                Insert(contact);
                if (seed.Archived)
                {
                    Archive(contact, created);
                }
            }
        }

        /// <summary>A record by id; merged ids follow to the survivor when <paramref name="followMerge"/>.</summary>
        internal HubSpotContact ById(long id, bool followMerge = true)
        {
            if (!_byId.TryGetValue(id, out HubSpotContact contact))
            {
                return null;
            }

            int hops = 0;
            while (followMerge && contact.MergedInto.HasValue && hops++ < 100)
            {
                contact = _byId[contact.MergedInto.Value];
            }

            return contact;
        }

        /// <summary>A record by id text (non-numeric text finds nothing).</summary>
        internal HubSpotContact ById(string id, bool followMerge = true)
            => long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? ById(n, followMerge) : null;

        /// <summary>
        /// The live contact whose primary email is <paramref name="email"/> (case-insensitive); with
        /// <paramref name="matchSecondary"/> also one that lists it in <c>hs_additional_emails</c>.
        /// </summary>
        internal HubSpotContact ByEmail(string email, bool matchSecondary)
        {
            if (string.IsNullOrEmpty(email))
            {
                return null;
            }

            string key = email.Trim().ToLowerInvariant();
            if (_byEmail.TryGetValue(key, out HubSpotContact contact))
            {
                return contact;
            }

            return matchSecondary && _bySecondaryEmail.TryGetValue(key, out contact) ? contact : null;
        }

        /// <summary>The most recently archived contact with this primary email, or null.</summary>
        internal HubSpotContact ArchivedByEmail(string email)
            => email != null && _archivedByEmail.TryGetValue(email.Trim().ToLowerInvariant(), out HubSpotContact c) ? c : null;

        /// <summary>A new contact with the given (already normalised) values.</summary>
        internal HubSpotContact Create(IReadOnlyDictionary<string, string> values, DateTimeOffset now)
        {
            var contact = new HubSpotContact(_nextId++, now);
            foreach (KeyValuePair<string, string> pair in values)
            {
                contact.Set(pair.Key, pair.Value, now);
            }

            contact.UpdatedAt = now;
            Insert(contact);
            return contact;
        }

        /// <summary>Writes values; keeps the email indexes right. True when anything changed (then updatedAt moves).</summary>
        internal bool Update(HubSpotContact contact, IReadOnlyDictionary<string, string> values, DateTimeOffset now, string source = "API")
        {
            Unindex(contact);
            bool changed = false;
            foreach (KeyValuePair<string, string> pair in values)
            {
                changed |= contact.Set(pair.Key, pair.Value, now, source);
            }

            // Unchanged writes leave lastmodifieddate alone, so a re-run that changes nothing is visible as such.
            if (changed)
            {
                contact.UpdatedAt = now;
            }

            Index(contact);
            return changed;
        }

        /// <summary>Moves a contact to the recycling bin.</summary>
        internal void Archive(HubSpotContact contact, DateTimeOffset now)
        {
            if (contact.Archived)
            {
                return;
            }

            Unindex(contact);
            contact.Archived = true;
            contact.ArchivedAt = now;
            if (contact.Email != null)
            {
                _archivedByEmail[contact.Email] = contact;
            }
        }

        /// <summary>
        /// Merges <paramref name="other"/> into <paramref name="primary"/>: the primary keeps its values and fills empty ones
        /// from the other, gains the other's emails as secondary emails and its id in <c>hs_merged_object_ids</c>.
        /// </summary>
        internal void Merge(HubSpotContact primary, HubSpotContact other, DateTimeOffset now)
        {
            Unindex(other);
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> pair in other.Values)
            {
                if (pair.Key != "email" && pair.Key != "hs_additional_emails" && primary.Get(pair.Key) == null)
                {
                    values[pair.Key] = pair.Value;
                }
            }

            var emails = primary.AdditionalEmails.ToList();
            foreach (string email in new[] { other.Email }.Concat(other.AdditionalEmails))
            {
                if (email != null && email != primary.Email && !emails.Contains(email))
                {
                    emails.Add(email);
                }
            }

            values["hs_additional_emails"] = string.Join(";", emails);
            primary.Merged.Add(other.Id);
            primary.Merged.AddRange(other.Merged);
            other.MergedInto = primary.Id;
            Update(primary, values, now, "MERGE_CONTACTS");
            primary.UpdatedAt = now;
        }

        private void Insert(HubSpotContact contact)
        {
            _byId[contact.Id] = contact;
            int index = _orderedIds.Count == 0 || _orderedIds[_orderedIds.Count - 1] < contact.Id
                ? _orderedIds.Count
                : ~_orderedIds.BinarySearch(contact.Id);
            if (index >= 0)
            {
                _orderedIds.Insert(index, contact.Id);
            }

            Index(contact);
        }

        private void Index(HubSpotContact contact)
        {
            if (contact.Archived || contact.MergedInto.HasValue)
            {
                return;
            }

            if (contact.Email != null)
            {
                _byEmail[contact.Email] = contact;
            }

            foreach (string secondary in contact.AdditionalEmails)
            {
                _bySecondaryEmail[secondary.ToLowerInvariant()] = contact;
            }
        }

        private void Unindex(HubSpotContact contact)
        {
            if (contact.Email != null && _byEmail.TryGetValue(contact.Email, out HubSpotContact owner) && owner == contact)
            {
                _byEmail.Remove(contact.Email);
            }

            foreach (string secondary in contact.AdditionalEmails)
            {
                string key = secondary.ToLowerInvariant();
                if (_bySecondaryEmail.TryGetValue(key, out owner) && owner == contact)
                {
                    _bySecondaryEmail.Remove(key);
                }
            }
        }
    }
}
