using System;
using System.Collections.Generic;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// <c>next_page_token</c>s: each remembers which list (route + filters) and offset it continues, and
    /// stops working 15 minutes (sandbox time) after it was issued, as Zoom documents. A token may be
    /// reused within that time (a client retrying a page gets the same page). Used under the twin's lock.
    /// </summary>
    internal sealed class ZoomPageTokens
    {
        /// <summary>Zoom: "The next page token expires after 15 minutes."</summary>
        internal static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

        private readonly Dictionary<string, Entry> _tokens = new Dictionary<string, Entry>(StringComparer.Ordinal);

        internal string Issue(string listKey, int offset, DateTimeOffset now, SandboxContext context)
        {
            if (_tokens.Count > 20000)
            {
                Prune(now);
            }

            string token = context.NewId(32);
            _tokens[token] = new Entry { ListKey = listKey, Offset = offset, IssuedAt = now };
            return token;
        }

        /// <summary>The offset a token continues at, or false when it is unknown, expired or belongs to another list.</summary>
        internal bool TryResolve(string token, string listKey, DateTimeOffset now, out int offset)
        {
            offset = 0;
            if (!_tokens.TryGetValue(token, out Entry entry) || now - entry.IssuedAt > Lifetime || entry.ListKey != listKey)
            {
                return false;
            }

            offset = entry.Offset;
            return true;
        }

        private void Prune(DateTimeOffset now)
        {
            var expired = new List<string>();
            foreach (var pair in _tokens)
            {
                if (now - pair.Value.IssuedAt > Lifetime)
                {
                    expired.Add(pair.Key);
                }
            }

            foreach (string key in expired)
            {
                _tokens.Remove(key);
            }
        }

        private sealed class Entry
        {
            internal string ListKey;
            internal int Offset;
            internal DateTimeOffset IssuedAt;
        }
    }
}
