namespace ZoomHubPS.Sandbox.Scenarios
{
    /// <summary>Loads built-in scenarios by name or scenario files by path. (Skeleton.)</summary>
    public static class ScenarioLoader
    {
        /// <summary>Loads <paramref name="nameOrPath"/>.</summary>
        public static Scenario Load(string nameOrPath) => new Scenario { Name = nameOrPath ?? "empty" };
    }
}
