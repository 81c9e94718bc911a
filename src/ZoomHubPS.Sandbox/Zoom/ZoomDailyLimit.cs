using System;
using System.Collections.Generic;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// Zoom's per-registrant daily limits: 3 add/batch registration requests and 10 status updates per
    /// registrant email per UTC day (sandbox clock), reset at 00:00 UTC. Counted per email across webinars:
    /// forum reports say the real counter sometimes spans webinars, and the stricter reading keeps clients
    /// honest. Used under the twin's lock.
    /// </summary>
    internal sealed class ZoomDailyLimit
    {
        internal const int RegistrationsPerDay = 3;
        internal const int StatusUpdatesPerDay = 10;

        private readonly Dictionary<string, Counter> _counters = new Dictionary<string, Counter>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Requests counted today for <paramref name="email"/> of <paramref name="kind"/>.</summary>
        internal int Count(string kind, string email, DateTimeOffset now)
            => _counters.TryGetValue(kind + "|" + email, out Counter c) && c.Day == now.UtcDateTime.Date ? c.Count : 0;

        /// <summary>Counts one request.</summary>
        internal void Add(string kind, string email, DateTimeOffset now)
        {
            string key = kind + "|" + email;
            DateTime day = now.UtcDateTime.Date;
            if (!_counters.TryGetValue(key, out Counter c) || c.Day != day)
            {
                c = new Counter { Day = day };
                _counters[key] = c;
            }

            c.Count++;
        }

        /// <summary>The next 00:00 UTC after <paramref name="now"/>.</summary>
        internal static DateTimeOffset NextReset(DateTimeOffset now)
            => new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);

        private sealed class Counter
        {
            internal DateTime Day;
            internal int Count;
        }
    }
}
