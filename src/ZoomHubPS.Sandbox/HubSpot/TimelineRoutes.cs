namespace ZoomHubPS.Sandbox.HubSpot
{
    internal static class TimelineRoutes
    {
        internal static void Register(HubSpotRouter router)
        {
        }
    }
}
