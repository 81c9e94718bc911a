using System;
using System.Collections.Generic;
using System.Linq;

namespace ZoomHubPS.Sandbox.Journal
{
    /// <summary>Every request the twin answered, with counts per route and per limit bucket. Thread-safe.</summary>
    public sealed class RequestJournal
    {
        private readonly object _gate = new object();
        private readonly List<JournalEntry> _entries = new List<JournalEntry>();
        private long _sequence;

        /// <summary>A snapshot of all entries, oldest first.</summary>
        public IReadOnlyList<JournalEntry> Entries
        {
            get
            {
                lock (_gate)
                {
                    return _entries.ToArray();
                }
            }
        }

        /// <summary>Total number of requests.</summary>
        public int Total
        {
            get
            {
                lock (_gate)
                {
                    return _entries.Count;
                }
            }
        }

        internal void Add(JournalEntry entry)
        {
            lock (_gate)
            {
                entry.Sequence = ++_sequence;
                _entries.Add(entry);
            }
        }

        /// <summary>Forgets every entry (e.g. after seeding, before the part of a test that counts).</summary>
        public void Clear()
        {
            lock (_gate)
            {
                _entries.Clear();
            }
        }

        /// <summary>Requests per "METHOD /template".</summary>
        public IReadOnlyDictionary<string, int> CountsByRoute()
            => Snapshot().GroupBy(e => e.RouteKey).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        /// <summary>Requests per "Api/Bucket" (e.g. "Zoom/Medium", "HubSpot/Standard", "HubSpot/Search").</summary>
        public IReadOnlyDictionary<string, int> CountsByBucket()
            => Snapshot().GroupBy(e => e.Api + "/" + e.Bucket).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        /// <summary>Requests to one route, e.g. <c>Count("POST", "/crm/v3/objects/contacts/batch/upsert")</c>.</summary>
        public int Count(string method, string routeTemplate)
            => Snapshot().Count(e => e.Method == method && e.Route == routeTemplate);

        /// <summary>Requests for one API ("Zoom", "ZoomOAuth", "HubSpot").</summary>
        public int CountApi(string api) => Snapshot().Count(e => e.Api == api);

        /// <summary>Number of state-changing requests that succeeded (2xx): writes that landed, including those whose reply was lost.</summary>
        public int CountWrites() => Snapshot().Count(e => e.IsWrite && e.Status >= 200 && e.Status < 300);

        private JournalEntry[] Snapshot()
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }
}
