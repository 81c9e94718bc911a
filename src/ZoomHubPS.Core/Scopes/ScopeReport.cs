using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ZoomHubPS.Core.Scopes
{
    /// <summary>A scope one feature lacks: the cmdlet, the API and the scope to grant.</summary>
    public sealed class MissingScope
    {
        internal MissingScope(ScopeRequirement requirement)
        {
            Feature = requirement.Feature;
            Api = requirement.Api;
            Scope = requirement.AnyOf[0];
        }

        /// <summary>The cmdlet that will fail without it.</summary>
        public string Feature { get; }

        /// <summary>Zoom or HubSpot.</summary>
        public ApiKind Api { get; }

        /// <summary>The scope to grant (Zoom also accepts its user-level and classic forms).</summary>
        public string Scope { get; }

        /// <inheritdoc />
        public override string ToString() => Feature + ": " + Api + " " + Scope;
    }

    /// <summary>
    /// The scopes both sides granted at connect and what each feature lacks. A side whose scopes could not be read
    /// (a ready Zoom token, a HubSpot token the info route does not know) is "unknown" and reports nothing missing:
    /// the warning must never cry wolf.
    /// </summary>
    public sealed class ScopeReport
    {
        private ScopeReport(IReadOnlyList<string> zoom, IReadOnlyList<string> hubSpot, IReadOnlyList<MissingScope> missing)
        {
            Zoom = zoom;
            HubSpot = hubSpot;
            Missing = missing;
        }

        /// <summary>Scopes of the Zoom token, or null when unknown.</summary>
        public IReadOnlyList<string> Zoom { get; }

        /// <summary>Scopes of the HubSpot token, or null when unknown.</summary>
        public IReadOnlyList<string> HubSpot { get; }

        /// <summary>What each feature lacks (empty when nothing or when the side is unknown).</summary>
        public IReadOnlyList<MissingScope> Missing { get; }

        /// <summary>Checks the granted scopes against <see cref="ScopeRequirements.All"/>.</summary>
        /// <param name="zoomScopes">The token response's space-separated <c>scope</c>, or null.</param>
        /// <param name="hubSpotScopes">The access-token-info <c>scopes</c>, or null.</param>
        public static ScopeReport Check(string zoomScopes, IEnumerable<string> hubSpotScopes)
        {
            List<string> zoom = zoomScopes?.Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries).ToList();
            List<string> hubSpot = hubSpotScopes?.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
            var granted = new Dictionary<ApiKind, HashSet<string>>();
            if (zoom != null) granted[ApiKind.Zoom] = new HashSet<string>(zoom, StringComparer.Ordinal);
            if (hubSpot != null) granted[ApiKind.HubSpot] = new HashSet<string>(hubSpot, StringComparer.Ordinal);

            var missing = new List<MissingScope>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (ScopeRequirement r in ScopeRequirements.All)
            {
                if (!granted.TryGetValue(r.Api, out HashSet<string> have) || r.IsMetBy(have)) continue;
                var m = new MissingScope(r);
                if (seen.Add(m.ToString())) missing.Add(m);
            }

            return new ScopeReport(zoom, hubSpot, missing);
        }

        /// <summary>
        /// One sentence per API naming each feature and the scopes it lacks, e.g. "The HubSpot token lacks scopes for
        /// Sync-ZoomWebinarToHubSpot (crm.objects.contacts.write) …"; empty when nothing is missing.
        /// </summary>
        public IReadOnlyList<string> Warnings()
        {
            var lines = new List<string>();
            foreach (IGrouping<ApiKind, MissingScope> api in Missing.GroupBy(m => m.Api))
            {
                string features = string.Join("; ", api.GroupBy(m => m.Feature).Select(f => f.Key + " (" + string.Join(", ", f.Select(m => m.Scope)) + ")"));
                string who = api.Key == ApiKind.Zoom ? "The Zoom app" : "The HubSpot token";
                string fix = api.Key == ApiKind.Zoom
                    ? "Add the scopes to the Server-to-Server OAuth app in the Zoom Marketplace (Zoom also accepts the classic webinar:read:admin / webinar:write:admin / user:read:admin scopes), then reconnect."
                    : "Add the scopes to the private app (or service key) in HubSpot, then reconnect.";
                lines.Add(string.Format(CultureInfo.InvariantCulture, "{0} lacks scopes these cmdlets need: {1}. {2}", who, features, fix));
            }

            return lines;
        }
    }
}
