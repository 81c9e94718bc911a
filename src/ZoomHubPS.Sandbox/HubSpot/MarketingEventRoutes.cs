namespace ZoomHubPS.Sandbox.HubSpot
{
    internal static class MarketingEventRoutes
    {
        internal static void Register(HubSpotRouter router)
        {
        }
    }
}
