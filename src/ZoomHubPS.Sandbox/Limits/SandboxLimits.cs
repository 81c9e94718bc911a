using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.Limits
{
    /// <summary>Per-bucket rate limits with the real headers and 429 bodies. (Skeleton.)</summary>
    public sealed class SandboxLimits
    {
        internal SandboxLimits(SandboxContext context, LimitOptions options)
        {
            Options = options;
        }

        /// <summary>The limits in force.</summary>
        public LimitOptions Options { get; }

        /// <summary>Null to admit the request, or the 429 to answer.</summary>
        internal SandboxResponse Admit(SandboxRequest request) => null;

        /// <summary>Adds rate-limit headers to a response.</summary>
        internal void Decorate(SandboxRequest request, SandboxResponse response)
        {
        }
    }
}
