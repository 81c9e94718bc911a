using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// Packs the items of many small batches into calls of the API's maximum size, per key (for the sync: per
    /// participation state and route), and tells each batch when all of its items are written.
    /// </summary>
    /// <remarks>
    /// The sync's batches of 100 people each have fewer than 100 participations of a state (60 attendees, a handful of
    /// cancellations), so one call per state and batch would send 1.6 calls where 1 suffices. A batch hands its items
    /// here and waits for the returned task before its history upsert, which keeps the crash-safe order (participations
    /// first, then the upsert that records them) while calls leave full. A call leaves when a key holds a full call;
    /// partial calls leave at <see cref="Flush"/> (no more batches) or when more than the allowed number of batches are
    /// waiting, which bounds how many people are held in memory.
    /// <para>
    /// A step that a batch waits on before it can go on (the archived check, the contact creation) packs by arrivals
    /// instead (<see cref="PackByArrivals"/>): each running batch is announced with <see cref="Expect"/>, and a partial
    /// call leaves as soon as no announced batch can still bring items (each one has handed its items over, or passed
    /// by disposing its <see cref="PackerArrival"/>) and no further batch may start (the people are all handed out, or
    /// every slot is taken — by batches that may be the ones waiting here). A waiting batch therefore never waits for
    /// one that cannot run, and 90 new contacts per batch of 100 leave as 90 full calls for 9,000, not 100.
    /// </para>
    /// </remarks>
    internal sealed class BatchPacker<TKey, TItem>
    {
        private readonly object _gate = new object();
        private readonly Dictionary<TKey, List<Entry>> _buffers;
        private readonly List<TKey> _order = new List<TKey>();
        private readonly int _callSize;
        private readonly int _maxWaitingBatches;
        private readonly Func<TKey, IReadOnlyList<TItem>, Task> _send;
        private readonly List<Task> _sends = new List<Task>();
        private Exception _failed;
        private int _calls;
        private bool _countsArrivals;
        private int _expected;
        private Func<bool> _moreMayStart = () => false;

        /// <param name="callSize">Items per call (the API's maximum).</param>
        /// <param name="maxWaitingBatches">Batches allowed to wait for a partial call before partial calls are sent anyway.</param>
        /// <param name="send">Sends one call of one key; throws when the call fails as a whole (per-item errors are its own business).</param>
        /// <param name="comparer">Key comparer.</param>
        public BatchPacker(int callSize, int maxWaitingBatches, Func<TKey, IReadOnlyList<TItem>, Task> send, IEqualityComparer<TKey> comparer = null)
        {
            if (callSize < 1) throw new ArgumentOutOfRangeException(nameof(callSize));
            _callSize = callSize;
            _maxWaitingBatches = Math.Max(1, maxWaitingBatches);
            _send = send ?? throw new ArgumentNullException(nameof(send));
            _buffers = new Dictionary<TKey, List<Entry>>(comparer ?? EqualityComparer<TKey>.Default);
        }

        /// <summary>Calls started so far.</summary>
        public int Calls => Volatile.Read(ref _calls);

        /// <summary>
        /// Packs by arrivals (see the remarks). <paramref name="moreMayStart"/> says whether another batch may still
        /// start without any waiting one going on; when its answer turns false, call <see cref="Recheck"/>.
        /// </summary>
        public void PackByArrivals(Func<bool> moreMayStart)
        {
            lock (_gate)
            {
                _countsArrivals = true;
                _moreMayStart = moreMayStart ?? (() => false);
            }
        }

        /// <summary>Sends the partial calls if nothing more can come (after the people ran out or the slots shrank).</summary>
        public void Recheck()
        {
            var ready = new List<(TKey, List<Entry>)>();
            lock (_gate)
            {
                if (_failed != null || !NoneToCome) return;
                TakeAll(ready);
            }

            Start(ready);
        }

        // Under the lock: no announced batch is still to arrive and no other can start.
        private bool NoneToCome => _countsArrivals && _expected == 0 && !_moreMayStart();

        /// <summary>
        /// Announces a running batch that may hand items over (see the remarks): partial calls wait for it until it
        /// does (<see cref="AddAsync"/> with this arrival) or disposes the arrival (it has nothing for this step).
        /// </summary>
        public PackerArrival Expect()
        {
            lock (_gate)
            {
                _countsArrivals = true;
                _expected++;
            }

            return new PackerArrival(Passed);
        }

        // An announced batch handed its items over or passed: when none is left to come, the partial calls leave.
        private void Passed()
        {
            var ready = new List<(TKey, List<Entry>)>();
            lock (_gate)
            {
                _expected--;
                if (_failed != null || !NoneToCome) return;
                TakeAll(ready);
            }

            Start(ready);
        }

        /// <summary>
        /// Adds one batch's items. The task completes when every one of them has been sent, and faults with the error of
        /// the first call of theirs that failed (or of <see cref="Fail"/>). With the batch's <paramref name="arrival"/>,
        /// the batch counts as arrived.
        /// </summary>
        public Task AddAsync(IEnumerable<KeyValuePair<TKey, TItem>> items, PackerArrival arrival = null)
        {
            var ticket = new Ticket();
            var ready = new List<(TKey Key, List<Entry> Entries)>();
            lock (_gate)
            {
                if (arrival != null && arrival.Arrive()) _expected--;
                if (_failed != null) return Task.FromException(_failed);
                foreach (KeyValuePair<TKey, TItem> item in items)
                {
                    if (!_buffers.TryGetValue(item.Key, out List<Entry> buffer))
                    {
                        _buffers[item.Key] = buffer = new List<Entry>();
                        _order.Add(item.Key);
                    }

                    buffer.Add(new Entry { Item = item.Value, Ticket = ticket });
                    ticket.Outstanding++;
                }

                foreach (TKey key in _order)
                {
                    List<Entry> buffer = _buffers[key];
                    while (buffer.Count >= _callSize)
                    {
                        ready.Add((key, buffer.GetRange(0, _callSize)));
                        buffer.RemoveRange(0, _callSize);
                    }
                }

                int waiting = _buffers.Values.SelectMany(b => b).Select(e => e.Ticket).Distinct().Count();
                if (waiting > _maxWaitingBatches || NoneToCome) TakeAll(ready);
            }

            Start(ready);
            return ticket.Outstanding == 0 ? Task.CompletedTask : ticket.Done.Task;
        }

        /// <summary>Sends every partial call (no more batches will come).</summary>
        public void Flush()
        {
            var ready = new List<(TKey, List<Entry>)>();
            lock (_gate)
            {
                if (_failed != null) return;
                TakeAll(ready);
            }

            Start(ready);
        }

        /// <summary>The run failed: nothing more is sent; every batch still waiting fails with <paramref name="error"/>.</summary>
        public void Fail(Exception error)
        {
            var tickets = new List<Ticket>();
            lock (_gate)
            {
                if (_failed == null) _failed = error;
                foreach (List<Entry> buffer in _buffers.Values)
                {
                    tickets.AddRange(buffer.Select(e => e.Ticket));
                    buffer.Clear();
                }
            }

            foreach (Ticket t in tickets.Distinct()) t.Done.TrySetException(_failed);
        }

        private void TakeAll(List<(TKey, List<Entry>)> ready)
        {
            foreach (TKey key in _order)
            {
                List<Entry> buffer = _buffers[key];
                if (buffer.Count == 0) continue;
                ready.Add((key, new List<Entry>(buffer)));
                buffer.Clear();
            }
        }

        /// <summary>
        /// Completes when every call started so far has finished (its reply read or its failure known): a run that ends,
        /// even by failing, waits here so none of its writes lands after it returned.
        /// </summary>
        public Task DrainAsync()
        {
            lock (_gate) return Task.WhenAll(_sends.ToArray());
        }

        private void Start(List<(TKey Key, List<Entry> Entries)> ready)
        {
            foreach (var call in ready)
            {
                Interlocked.Increment(ref _calls);
                Task send = SendAsync(call.Key, call.Entries); // never faults: errors go to the waiting batches
                lock (_gate)
                {
                    _sends.RemoveAll(t => t.IsCompleted);
                    _sends.Add(send);
                }
            }
        }

        private async Task SendAsync(TKey key, List<Entry> entries)
        {
            try
            {
                await _send(key, entries.Select(e => e.Item).ToList()).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                foreach (Ticket t in entries.Select(e => e.Ticket).Distinct()) t.Done.TrySetException(ex);
                return;
            }

            foreach (Entry e in entries)
            {
                if (Interlocked.Decrement(ref e.Ticket.Outstanding) == 0) e.Ticket.Done.TrySetResult(true);
            }
        }

        private sealed class Ticket
        {
            public int Outstanding;
            public readonly TaskCompletionSource<bool> Done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        private sealed class Entry
        {
            public TItem Item;
            public Ticket Ticket;
        }
    }

    /// <summary>
    /// A batch announced to a <see cref="BatchPacker{TKey, TItem}"/> that packs by arrivals: it arrives by handing its
    /// items over, or passes when disposed without having done so (no items, an early return, a failure).
    /// </summary>
    internal sealed class PackerArrival : IDisposable
    {
        private readonly Action _passed;
        private int _done;

        internal PackerArrival(Action passed) => _passed = passed;

        /// <summary>Marks the arrival (true the first time only); the packer counts it under its own lock.</summary>
        internal bool Arrive() => Interlocked.Exchange(ref _done, 1) == 0;

        /// <summary>Passes, when the batch did not arrive.</summary>
        public void Dispose()
        {
            if (Arrive()) _passed();
        }
    }
}
