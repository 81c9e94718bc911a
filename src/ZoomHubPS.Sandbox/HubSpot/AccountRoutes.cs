namespace ZoomHubPS.Sandbox.HubSpot
{
    internal static class AccountRoutes
    {
        internal static void Register(HubSpotRouter router)
        {
        }
    }
}
