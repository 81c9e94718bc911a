using System;
using System.Collections.Generic;
using System.Linq;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// An app installed in the portal (a private app / service key). Its token authenticates requests; its id decides
    /// which marketing events it may address by external ids (HubSpot's same-app rule).
    /// </summary>
    public sealed class HubSpotApp
    {
        internal HubSpotApp(long appId, string name, string token, IEnumerable<string> scopes)
        {
            AppId = appId;
            Name = name;
            Token = token;
            Scopes = scopes == null ? null : new HashSet<string>(scopes, StringComparer.Ordinal);
        }

        /// <summary>The app id.</summary>
        public long AppId { get; }

        /// <summary>The app name.</summary>
        public string Name { get; }

        /// <summary>Granted scopes; null means every scope.</summary>
        public IReadOnlyCollection<string> Scopes { get; }

        /// <summary>The app's token. Internal so it never shows up in output by accident.</summary>
        internal string Token { get; }

        /// <summary>
        /// True when the app holds <paramref name="scope"/> (or has every scope); "a|b" means either will do, "a&amp;b" both
        /// (the spec's security lists: alternatives, each a set of scopes).
        /// </summary>
        public bool HasScope(string scope)
            => scope == null || Scopes == null || scope.Split('|').Any(alternative => alternative.Split('&').All(s => Scopes.Contains(s)));

        /// <summary>The scopes still needed for the alternative of <paramref name="scope"/> that lacks the fewest.</summary>
        internal IReadOnlyList<string> MissingScopes(string scope)
        {
            var alternatives = scope.Split('|').Select(a => a.Split('&').Where(s => Scopes == null || !Scopes.Contains(s)).ToList()).ToList();
            int fewest = alternatives.Min(a => a.Count);
            // Single-scope alternatives (a|b|c) all lack one: any one suffices, so all are named, as HubSpot lists them.
            return alternatives.Where(a => a.Count == fewest).SelectMany(a => a).Distinct().ToList();
        }

        /// <inheritdoc />
        public override string ToString() => "HubSpot app " + AppId + " (" + Name + ")";
    }

    /// <summary>The portal's apps by token.</summary>
    internal sealed class HubSpotApps
    {
        private readonly Dictionary<string, HubSpotApp> _byToken = new Dictionary<string, HubSpotApp>(StringComparer.Ordinal);
        private readonly List<HubSpotApp> _apps = new List<HubSpotApp>();

        internal HubSpotApp Default { get; private set; }

        internal IReadOnlyList<HubSpotApp> All => _apps;

        internal HubSpotApp Add(long appId, string name, string token, IEnumerable<string> scopes)
        {
            if (string.IsNullOrEmpty(token))
            {
                throw new ArgumentException("A HubSpot app needs a token.", nameof(token));
            }

            if (_byToken.ContainsKey(token))
            {
                throw new InvalidOperationException("Another app already uses this token.");
            }

            var app = new HubSpotApp(appId, name, token, scopes);
            _byToken[token] = app;
            _apps.Add(app);
            if (Default == null)
            {
                Default = app;
            }

            return app;
        }

        internal HubSpotApp ByToken(string token) => token != null && _byToken.TryGetValue(token, out HubSpotApp app) ? app : null;

        internal HubSpotApp ById(long appId) => _apps.FirstOrDefault(a => a.AppId == appId);
    }
}
