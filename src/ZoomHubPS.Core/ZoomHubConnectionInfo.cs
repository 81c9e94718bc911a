using System;
using System.Linq;

namespace ZoomHubPS.Core
{
    /// <summary>What a connection is connected to. Never holds a secret.</summary>
    public sealed class ZoomHubConnectionInfo
    {
        internal ZoomHubConnectionInfo(ZoomHubConnection connection, ZoomHubConnectionOptions options, long portalId, string timeZone, DateTimeOffset connectedAt)
        {
            Connection = connection;
            ZoomAccountId = options.ZoomAccountId;
            ZoomClientId = options.ZoomClientId;
            ZoomOAuthBaseUri = options.ZoomOAuthBaseUri;
            ZoomApiBaseUri = options.ZoomApiBaseUri;
            HubSpotBaseUri = options.HubSpotBaseUri;
            HubSpotPortalId = portalId;
            HubSpotTimeZone = timeZone;
            IsSandbox = options.IsSandbox;
            ConnectedAt = connectedAt;
            Name = options.Name;
            ZoomPlan = options.ZoomPlan;
            HubSpotTier = options.HubSpotTier;
        }

        private ZoomHubConnection Connection { get; }

        /// <summary>Display name.</summary>
        public string Name { get; }

        /// <summary>Zoom account id.</summary>
        public string ZoomAccountId { get; }

        /// <summary>Zoom S2S client id (not a secret).</summary>
        public string ZoomClientId { get; }

        /// <summary>HubSpot portal (hub) id.</summary>
        public long HubSpotPortalId { get; }

        /// <summary>HubSpot portal time zone.</summary>
        public string HubSpotTimeZone { get; }

        /// <summary>Zoom OAuth base URI.</summary>
        public Uri ZoomOAuthBaseUri { get; }

        /// <summary>Zoom API base URI.</summary>
        public Uri ZoomApiBaseUri { get; }

        /// <summary>HubSpot API base URI.</summary>
        public Uri HubSpotBaseUri { get; }

        /// <summary>When the cached Zoom token expires (null before the first token or with a ready token).</summary>
        public DateTimeOffset? ZoomTokenExpiresAt => Connection.ZoomTokens?.ExpiresAt;

        /// <summary>Scopes granted to the Zoom app (from the token response).</summary>
        public string ZoomScopes => Connection.ZoomTokens?.Scopes;

        /// <summary>Scopes granted to the HubSpot token (from access-token-info), space-separated; null when unknown.</summary>
        public string HubSpotScopes => Connection.Scopes?.HubSpot == null ? null : string.Join(" ", Connection.Scopes.HubSpot);

        /// <summary>Scopes the cmdlets need and the apps lack, as "Cmdlet: API scope" (empty when none, or when a side's scopes are unknown).</summary>
        public string[] MissingScopes => Connection.Scopes?.Missing.Select(m => m.ToString()).ToArray() ?? new string[0];

        /// <summary>Whether the connection was closed by Disconnect-ZoomHub.</summary>
        public bool IsClosed => Connection.IsClosed;

        /// <summary>Zoom plan the limiter is sized for.</summary>
        public ZoomPlan ZoomPlan { get; }

        /// <summary>HubSpot tier the limiter is sized for.</summary>
        public HubSpotTier HubSpotTier { get; }

        /// <summary>Whether this is a sandbox connection.</summary>
        public bool IsSandbox { get; }

        /// <summary>When the connection was validated.</summary>
        public DateTimeOffset ConnectedAt { get; }

        /// <inheritdoc />
        public override string ToString() => $"Zoom account {ZoomAccountId} / HubSpot portal {HubSpotPortalId}{(IsSandbox ? " (sandbox)" : string.Empty)}";
    }
}
