namespace ZoomHubPS.Sandbox.Http
{
    /// <summary>Which of the emulated services a route belongs to.</summary>
    public enum SandboxApi
    {
        /// <summary>Zoom's OAuth host (<c>POST /oauth/token</c>).</summary>
        ZoomOAuth,

        /// <summary>Zoom REST API v2 (<c>/v2/…</c>).</summary>
        Zoom,

        /// <summary>HubSpot REST API (<c>/crm/…</c>, <c>/marketing/…</c>, <c>/integrators/…</c>, <c>/account-info/…</c>).</summary>
        HubSpot,
    }
}
