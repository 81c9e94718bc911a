namespace ZoomHubPS.Sandbox.Faults
{
    /// <summary>Faults to inject. (Skeleton.)</summary>
    public sealed class FaultOptions
    {
    }
}
