using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// The portal's lists and their memberships. Members are brought up to date whenever a list is read: a DYNAMIC
    /// list gains the live contacts its filter now matches (joined when they last changed, or when the filters were set)
    /// and loses the others; every list loses deleted records and follows merged ones to the surviving record.
    /// Used under the twin's lock.
    /// </summary>
    internal sealed class ListStore
    {
        private readonly SortedDictionary<long, HubSpotList> _byId = new SortedDictionary<long, HubSpotList>();
        private long _nextId = 1;

        internal IEnumerable<HubSpotList> All => _byId.Values;

        internal HubSpotList ById(string listId)
            => long.TryParse(listId, NumberStyles.Integer, CultureInfo.InvariantCulture, out long id) && _byId.TryGetValue(id, out HubSpotList list) ? list : null;

        internal HubSpotList ByName(string objectTypeId, string name)
            => _byId.Values.FirstOrDefault(l => l.ObjectTypeId == objectTypeId && string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));

        internal HubSpotList ByLegacyId(string legacyListId)
            => legacyListId == null ? null : _byId.Values.FirstOrDefault(l => l.LegacyListId == legacyListId);

        /// <summary>Loads the scenario's lists. Throws <see cref="ArgumentException"/> naming what is inconsistent.</summary>
        internal void Seed(IEnumerable<HubSpotListSeed> seeds, ContactStore contacts, DateTimeOffset now)
        {
            List<HubSpotListSeed> all = (seeds ?? Enumerable.Empty<HubSpotListSeed>()).ToList();
            foreach (HubSpotListSeed seed in all)
            {
                if (long.TryParse(seed.ListId, NumberStyles.Integer, CultureInfo.InvariantCulture, out long id))
                {
                    _nextId = Math.Max(_nextId, id + 1);
                }
            }

            foreach (HubSpotListSeed seed in all)
            {
                Add(Build(seed, contacts, now));
            }
        }

        /// <summary>Brings the members up to date (see the type's summary) and returns them.</summary>
        internal Dictionary<long, DateTimeOffset> Refresh(HubSpotList list, ContactStore contacts, DateTimeOffset now)
        {
            if (list.ProcessingType == "DYNAMIC")
            {
                Evaluate(list, contacts, now);
            }
            else
            {
                FollowRecords(list, contacts, now);
            }

            return list.Membership;
        }

        internal static bool IsLive(HubSpotContact c) => c != null && !c.Archived && !c.MergedInto.HasValue;

        private void Add(HubSpotList list)
        {
            if (_byId.ContainsKey(list.NumericId))
            {
                throw new ArgumentException("Scenario: list id " + list.ListId + " appears twice.");
            }

            if (ByName(list.ObjectTypeId, list.Name) != null)
            {
                throw new ArgumentException("Scenario: list name '" + list.Name + "' appears twice (names are unique, case-insensitively).");
            }

            _byId[list.NumericId] = list;
        }

        private static void Validate(HubSpotListSeed seed, string type)
        {
            if (string.IsNullOrWhiteSpace(seed.Name) || !HubSpotList.ProcessingTypes.Contains(type))
            {
                throw new ArgumentException("Scenario: every list needs a name and a processingType of MANUAL, DYNAMIC or SNAPSHOT (list '" + seed.Name + "').");
            }

            if ((seed.ObjectTypeId ?? "0-1") != "0-1")
            {
                throw new ArgumentException("Scenario: list '" + seed.Name + "' has objectTypeId " + seed.ObjectTypeId + "; the sandbox has contact lists (0-1) only.");
            }

            bool hasFilter = seed.FilterBranch.HasValue && seed.FilterBranch.Value.ValueKind == System.Text.Json.JsonValueKind.Object;
            if ((type != "MANUAL") != hasFilter || (type == "DYNAMIC" && seed.Members?.Count > 0))
            {
                throw new ArgumentException("Scenario: list '" + seed.Name + "': DYNAMIC and SNAPSHOT lists need a filterBranch, MANUAL ones none; DYNAMIC lists take no members.");
            }

            if (!string.IsNullOrEmpty(seed.ListId) && !long.TryParse(seed.ListId, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                throw new ArgumentException("Scenario: list id '" + seed.ListId + "' is not a number.");
            }
        }

        private HubSpotList Build(HubSpotListSeed seed, ContactStore contacts, DateTimeOffset now)
        {
            string type = seed.ProcessingType ?? "MANUAL";
            Validate(seed, type);
            bool filtered = type != "MANUAL";
            DateTimeOffset created = (seed.CreatedAt ?? now).ToUniversalTime();
            var list = new HubSpotList
            {
                ListId = string.IsNullOrEmpty(seed.ListId) ? (_nextId++).ToString(CultureInfo.InvariantCulture) : seed.ListId,
                LegacyListId = seed.LegacyListId,
                Name = seed.Name,
                ProcessingType = type,
                CreatedAt = created,
                UpdatedAt = created,
                FiltersUpdatedAt = filtered ? created : (DateTimeOffset?)null,
                FilterBranch = seed.FilterBranch.HasValue ? System.Text.Json.Nodes.JsonNode.Parse(seed.FilterBranch.Value.GetRawText()) as System.Text.Json.Nodes.JsonObject : null,
            };
            if (filtered)
            {
                try
                {
                    list.Filter = ListFilter.Parse(list.FilterBranch);
                }
                catch (FormatException ex)
                {
                    throw new ArgumentException("Scenario: list '" + seed.Name + "': " + ex.Message, ex);
                }
            }

            if (type == "SNAPSHOT")
            {
                Evaluate(list, contacts, created); // the filter's matches once, at creation
            }

            foreach (string member in seed.Members ?? new List<string>())
            {
                HubSpotContact c = contacts.ById(member, followMerge: false);
                if (!IsLive(c))
                {
                    throw new ArgumentException("Scenario: member " + member + " of list '" + seed.Name + "' is not a live contact.");
                }

                list.Membership[c.Id] = created;
            }

            list.LastAddedAt = list.Membership.Count > 0 ? created : (DateTimeOffset?)null;
            return list;
        }

        private static void Evaluate(HubSpotList list, ContactStore contacts, DateTimeOffset now)
        {
            DateTimeOffset since = list.FiltersUpdatedAt ?? list.CreatedAt;
            var current = new HashSet<long>();
            foreach (HubSpotContact c in contacts.All)
            {
                if (!IsLive(c) || !list.Filter.Matches(c))
                {
                    continue;
                }

                current.Add(c.Id);
                if (!list.Membership.ContainsKey(c.Id))
                {
                    // It began to match with its last change (or matched when the filters were set).
                    DateTimeOffset joined = c.UpdatedAt > since ? (c.UpdatedAt < now ? c.UpdatedAt : now) : since;
                    list.Membership[c.Id] = joined;
                    list.LastAddedAt = list.LastAddedAt.HasValue && list.LastAddedAt.Value > joined ? list.LastAddedAt : joined;
                }
            }

            foreach (long gone in list.Membership.Keys.Where(id => !current.Contains(id)).ToList())
            {
                list.Membership.Remove(gone);
                list.LastRemovedAt = now;
            }
        }

        private static void FollowRecords(HubSpotList list, ContactStore contacts, DateTimeOffset now)
        {
            // Most members are live: collect the few that are not, then change the dictionary.
            List<KeyValuePair<long, DateTimeOffset>> gone = list.Membership.Where(m => !IsLive(contacts.ById(m.Key, followMerge: false))).ToList();
            foreach (KeyValuePair<long, DateTimeOffset> member in gone)
            {
                HubSpotContact record = contacts.ById(member.Key, followMerge: false);

                list.Membership.Remove(member.Key);
                HubSpotContact survivor = record != null && record.MergedInto.HasValue ? contacts.ById(member.Key, followMerge: true) : null;
                if (IsLive(survivor))
                {
                    list.Membership[survivor.Id] = list.Membership.TryGetValue(survivor.Id, out DateTimeOffset had) && had < member.Value ? had : member.Value;
                }
                else
                {
                    list.LastRemovedAt = now;
                }
            }
        }
    }
}
