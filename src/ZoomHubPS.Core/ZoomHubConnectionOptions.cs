using System;
using System.Net.Http;
using System.Security;

namespace ZoomHubPS.Core
{
    /// <summary>What <see cref="ZoomHubConnection.ConnectAsync"/> needs. Secrets stay in SecureStrings.</summary>
    public sealed class ZoomHubConnectionOptions
    {
        /// <summary>Zoom account id (Server-to-Server OAuth).</summary>
        public string ZoomAccountId { get; set; }

        /// <summary>Zoom S2S app client id (not a secret).</summary>
        public string ZoomClientId { get; set; }

        /// <summary>Zoom S2S app client secret.</summary>
        public SecureString ZoomClientSecret { get; set; }

        /// <summary>A ready Zoom access token (instead of the client credential); it cannot be refreshed.</summary>
        public SecureString ZoomAccessToken { get; set; }

        /// <summary>HubSpot private-app / service-key token.</summary>
        public SecureString HubSpotToken { get; set; }

        /// <summary>Zoom OAuth host. Default https://zoom.us/.</summary>
        public Uri ZoomOAuthBaseUri { get; set; } = new Uri("https://zoom.us/");

        /// <summary>Zoom API base. Default https://api.zoom.us/v2/.</summary>
        public Uri ZoomApiBaseUri { get; set; } = new Uri("https://api.zoom.us/v2/");

        /// <summary>HubSpot API base. Default https://api.hubapi.com/.</summary>
        public Uri HubSpotBaseUri { get; set; } = new Uri("https://api.hubapi.com/");

        /// <summary>A handler to send requests through (e.g. the sandbox); not disposed by the connection.</summary>
        public HttpMessageHandler Handler { get; set; }

        /// <summary>The clock for token expiry, limiter and retry waits. Default: system time.</summary>
        public TimeProvider Clock { get; set; }

        /// <summary>
        /// Follow the server's clock (its responses' Date headers) instead of the machine's: for a sandbox served from
        /// another process, whose time is its scenario's. Ignored when <see cref="Clock"/> is given.
        /// </summary>
        public bool FollowServerClock { get; set; }

        /// <summary>Zoom plan (client-side limits).</summary>
        public ZoomPlan ZoomPlan { get; set; } = ZoomPlan.Pro;

        /// <summary>HubSpot tier (client-side limits).</summary>
        public HubSpotTier HubSpotTier { get; set; } = HubSpotTier.Professional;

        /// <summary>Disable the client-side limiter (tests against an unlimited sandbox).</summary>
        public bool DisableRateLimiter { get; set; }

        /// <summary>Retry and timeout settings.</summary>
        public RetryOptions Retry { get; set; } = new RetryOptions();

        /// <summary>User-Agent sent with every request.</summary>
        public string UserAgent { get; set; } = "ZoomHubPS/" + typeof(ZoomHubConnectionOptions).Assembly.GetName().Version;

        /// <summary>Whether this connection targets the sandbox.</summary>
        public bool IsSandbox { get; set; }

        /// <summary>A display name.</summary>
        public string Name { get; set; }

        /// <inheritdoc />
        public override string ToString() => $"Zoom account {ZoomAccountId}, {ZoomApiBaseUri}, {HubSpotBaseUri}";
    }
}
