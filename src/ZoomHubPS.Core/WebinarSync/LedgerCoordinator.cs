using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// Keeps instances synced at the same time from overwriting each other's ledger entries. Each instance reads a
    /// contact's ledger before it writes it; when two instances hold the same person, the second upsert would drop the
    /// first's entry. So every ledger upsert of an engine happens under the people's locks, and whatever another
    /// instance wrote for them in this run is merged in first (<see cref="Latest"/>).
    /// </summary>
    /// <remarks>
    /// The locks are held only around the upsert call itself, taken in one order (sorted emails) and never while
    /// waiting for anything else, so they cannot deadlock. Two processes syncing the same people at once can still race:
    /// split jobs by host or webinar (about_ZoomHubPS_AzureAutomation).
    /// </remarks>
    internal sealed class LedgerCoordinator
    {
        private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, string> _written = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The ledger this engine last wrote for <paramref name="email"/> in this run, or null.</summary>
        public string Latest(string email) => _written.TryGetValue(email, out string ledger) ? ledger : null;

        /// <summary>Records a ledger this engine wrote.</summary>
        public void Written(string email, string ledger) => _written[email] = ledger;

        /// <summary>Takes the locks of <paramref name="emails"/> (in one order); dispose to release them.</summary>
        public async Task<IDisposable> LockAsync(IEnumerable<string> emails, CancellationToken ct)
        {
            List<SemaphoreSlim> held = new List<SemaphoreSlim>();
            try
            {
                foreach (string email in emails.Select(e => e.ToLowerInvariant()).Distinct(StringComparer.Ordinal).OrderBy(e => e, StringComparer.Ordinal))
                {
                    SemaphoreSlim gate = _locks.GetOrAdd(email, _ => new SemaphoreSlim(1, 1));
                    await gate.WaitAsync(ct).ConfigureAwait(false);
                    held.Add(gate);
                }

                return new Release(held);
            }
            catch
            {
                new Release(held).Dispose();
                throw;
            }
        }

        private sealed class Release : IDisposable
        {
            private List<SemaphoreSlim> _held;

            public Release(List<SemaphoreSlim> held) => _held = held;

            public void Dispose()
            {
                List<SemaphoreSlim> held = Interlocked.Exchange(ref _held, null);
                if (held == null) return;
                foreach (SemaphoreSlim gate in held) gate.Release();
            }
        }
    }
}
