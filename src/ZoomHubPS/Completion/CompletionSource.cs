using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Completion
{
    /// <summary>
    /// What the argument completers read from: the connection the command line would use, and a per-connection cache
    /// with a short lifetime, so Tab after Tab costs no request and a slow account never freezes the prompt.
    /// </summary>
    internal static class CompletionSource
    {
        /// <summary>How long a listing is reused (webinars and properties change rarely while someone types).</summary>
        public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

        /// <summary>The longest a first listing may take before completion gives up (and offers nothing this time).</summary>
        public static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

        private sealed class Entry
        {
            public DateTime At;
            public object Value;
        }

        private static readonly ConditionalWeakTable<ZoomHubConnection, Dictionary<string, Entry>> Caches = new ConditionalWeakTable<ZoomHubConnection, Dictionary<string, Entry>>();

        /// <summary>-Connection from the command line when it is already a value, else the default; null when there is none.</summary>
        public static ZoomHubConnection Connection(IDictionary fakeBoundParameters)
        {
            object value = fakeBoundParameters?.Contains("Connection") == true ? fakeBoundParameters["Connection"] : null;
            if (value is PSObject ps) value = ps.BaseObject;
            ZoomHubConnection connection = value as ZoomHubConnection ?? ConnectionStore.Default(Runspace.DefaultRunspace);
            return connection == null || connection.IsClosed ? null : connection;
        }

        /// <summary>
        /// The cached value for <paramref name="key"/>, else <paramref name="load"/> run within <see cref="Budget"/>;
        /// null when it failed or took too long (completion must never throw or hang).
        /// </summary>
        public static T Get<T>(ZoomHubConnection connection, string key, Func<ZoomHubConnection, CancellationToken, Task<T>> load)
            where T : class
        {
            Dictionary<string, Entry> cache = Caches.GetOrCreateValue(connection);
            lock (cache)
            {
                if (cache.TryGetValue(key, out Entry hit) && DateTime.UtcNow - hit.At < Lifetime) return hit.Value as T;
            }

            using (var timeout = new CancellationTokenSource(Budget))
            {
                try
                {
                    // On the pool: the pipeline thread only waits, and the Core code never needs it to continue.
                    T value = Task.Run(() => load(connection, timeout.Token), timeout.Token).GetAwaiter().GetResult();
                    lock (cache)
                    {
                        cache[key] = new Entry { At = DateTime.UtcNow, Value = value };
                    }

                    return value;
                }
                catch (Exception)
                {
                    return null;
                }
            }
        }

        /// <summary>The word being completed without surrounding quotes.</summary>
        public static string Unquote(string wordToComplete) => (wordToComplete ?? string.Empty).Trim('\'', '"');

        /// <summary>A value as PowerShell should insert it: in single quotes when it holds anything but letters, digits, '-', '_', '.'.</summary>
        public static string Quote(string value)
        {
            foreach (char c in value)
            {
                if (!char.IsLetterOrDigit(c) && c != '-' && c != '_' && c != '.') return "'" + value.Replace("'", "''") + "'";
            }

            return value;
        }
    }
}
