namespace ZoomHubPS.Sandbox.HubSpot
{
    internal static class PropertyRoutes
    {
        internal static void Register(HubSpotRouter router)
        {
        }
    }
}
