namespace ZoomHubPS.Sandbox.Limits
{
    /// <summary>Which limits the twin enforces. (Skeleton.)</summary>
    public sealed class LimitOptions
    {
        /// <summary>No limits at all (a deliberate choice, never the default).</summary>
        public static LimitOptions None => new LimitOptions();

        /// <summary>Limits of a Zoom plan and a HubSpot tier.</summary>
        public static LimitOptions For(string zoomPlan, string hubSpotTier) => new LimitOptions();
    }
}
