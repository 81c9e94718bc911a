using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// One read per key, shared by everyone who asks, also when they ask at the same moment (the read starts exactly
    /// once: a lazy entry, not a factory that two callers may both run). A read that failed or was cancelled is
    /// dropped, so the next caller reads again: a Ctrl+C or a lost reply must not poison the engine.
    /// </summary>
    internal sealed class SharedReads<TKey, T>
    {
        private readonly ConcurrentDictionary<TKey, Lazy<Task<T>>> _entries;

        public SharedReads(IEqualityComparer<TKey> comparer = null)
            => _entries = new ConcurrentDictionary<TKey, Lazy<Task<T>>>(comparer ?? EqualityComparer<TKey>.Default);

        public Task<T> Get(TKey key, Func<Task<T>> read)
        {
            var fresh = new Lazy<Task<T>>(read);
            Lazy<Task<T>> entry = _entries.GetOrAdd(key, fresh);
            Task<T> task = entry.Value;
            if (ReferenceEquals(entry, fresh) || (!task.IsFaulted && !task.IsCanceled)) return task;

            // An earlier read failed: drop only that entry (another caller may already have put a new one in its place).
            ((ICollection<KeyValuePair<TKey, Lazy<Task<T>>>>)_entries).Remove(new KeyValuePair<TKey, Lazy<Task<T>>>(key, entry));
            return _entries.GetOrAdd(key, new Lazy<Task<T>>(read)).Value;
        }
    }
}
