using ZoomHubPS.Sandbox.Http;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>The HubSpot side of the twin: state plus routes. (Skeleton: filled in by the HubSpot work.)</summary>
    public sealed class HubSpotTwin
    {
        private readonly SandboxContext _context;

        internal HubSpotTwin(SandboxContext context)
        {
            _context = context;
        }

        /// <summary>The token the twin accepts.</summary>
        public string Token { get; private set; } = "pat-na1-sandbox";

        internal void Seed(HubSpotSeed seed)
        {
        }

        internal void Register(RouteTable routes)
        {
        }

        /// <summary>Checks the Bearer token; null when fine.</summary>
        internal SandboxResponse Authenticate(SandboxRequest request) => null;
    }
}
