namespace ZoomHubPS.Core
{
    /// <summary>Which service a request, error or limit belongs to.</summary>
    public enum ApiKind
    {
        /// <summary>Zoom (OAuth and REST API v2).</summary>
        Zoom,

        /// <summary>HubSpot REST API.</summary>
        HubSpot,
    }

    /// <summary>Zoom plan: sets the client-side rate limits (FACTS §1.10).</summary>
    public enum ZoomPlan
    {
        /// <summary>Pro: Light 30/s, Medium 20/s, Heavy 10/s, Resource-intensive 10/min.</summary>
        Pro,

        /// <summary>Business and above: Light 80/s, Medium 60/s, Heavy 40/s, Resource-intensive 20/min.</summary>
        Business,

        /// <summary>Free: Light 4/s, Medium 2/s, Heavy 1/s.</summary>
        Free,
    }

    /// <summary>HubSpot subscription tier: sets the client-side rate limits (FACTS §2.8).</summary>
    public enum HubSpotTier
    {
        /// <summary>190 requests per 10 s.</summary>
        Professional,

        /// <summary>100 requests per 10 s.</summary>
        Free,

        /// <summary>100 requests per 10 s.</summary>
        Starter,

        /// <summary>190 requests per 10 s.</summary>
        Enterprise,

        /// <summary>250 requests per 10 s (API limit increase pack).</summary>
        ApiLimitIncrease,
    }
}
