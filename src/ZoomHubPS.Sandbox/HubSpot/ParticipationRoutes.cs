namespace ZoomHubPS.Sandbox.HubSpot
{
    internal static class ParticipationRoutes
    {
        internal static void Register(HubSpotRouter router)
        {
        }
    }
}
