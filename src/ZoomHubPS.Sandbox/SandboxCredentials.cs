namespace ZoomHubPS.Sandbox
{
    /// <summary>The credentials a twin accepts. They are sandbox-only values, never real secrets.</summary>
    public sealed class SandboxCredentials
    {
        internal SandboxCredentials(string zoomAccountId, string zoomClientId, string zoomClientSecret, string hubSpotToken)
        {
            ZoomAccountId = zoomAccountId;
            ZoomClientId = zoomClientId;
            ZoomClientSecret = zoomClientSecret;
            HubSpotToken = hubSpotToken;
        }

        /// <summary>Zoom account id (S2S OAuth).</summary>
        public string ZoomAccountId { get; }

        /// <summary>Zoom S2S client id.</summary>
        public string ZoomClientId { get; }

        /// <summary>Zoom S2S client secret.</summary>
        public string ZoomClientSecret { get; }

        /// <summary>HubSpot private-app / service-key token.</summary>
        public string HubSpotToken { get; }

        /// <inheritdoc />
        public override string ToString() => $"Zoom account {ZoomAccountId}, client {ZoomClientId}";
    }
}
