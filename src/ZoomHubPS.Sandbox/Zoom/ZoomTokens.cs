using System;
using System.Collections.Generic;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>Access tokens issued by the S2S token endpoint (used under the twin's lock).</summary>
    internal sealed class ZoomTokens
    {
        /// <summary>Zoom S2S tokens live one hour.</summary>
        internal static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3600);

        private readonly Dictionary<string, DateTimeOffset> _expiresAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

        /// <summary>How many tokens were ever issued.</summary>
        internal int IssuedCount { get; private set; }

        /// <summary>Tokens issued and not yet expired or revoked at <paramref name="now"/>.</summary>
        internal int ActiveCount(DateTimeOffset now)
        {
            int n = 0;
            foreach (var pair in _expiresAt)
            {
                if (pair.Value > now)
                {
                    n++;
                }
            }

            return n;
        }

        internal void Add(string token, DateTimeOffset now)
        {
            _expiresAt[token] = now + Lifetime;
            IssuedCount++;
        }

        internal bool IsValid(string token, DateTimeOffset now)
            => token != null && _expiresAt.TryGetValue(token, out DateTimeOffset expires) && expires > now;

        /// <summary>Every token issued so far stops working (new ones can still be fetched).</summary>
        internal void ExpireAll() => _expiresAt.Clear();
    }
}
