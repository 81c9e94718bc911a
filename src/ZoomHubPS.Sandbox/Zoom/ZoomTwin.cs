using ZoomHubPS.Sandbox.Http;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>The Zoom side of the twin: state plus routes. (Skeleton: filled in by the Zoom work.)</summary>
    public sealed class ZoomTwin
    {
        private readonly SandboxContext _context;

        internal ZoomTwin(SandboxContext context)
        {
            _context = context;
        }

        /// <summary>Account id of the seeded account.</summary>
        public string AccountId { get; private set; } = "sandbox-account";

        /// <summary>S2S client id.</summary>
        public string ClientId { get; private set; } = "sandbox-client-id";

        /// <summary>S2S client secret.</summary>
        public string ClientSecret { get; private set; } = "sandbox-client-secret";

        internal void Seed(ZoomSeed seed)
        {
        }

        internal void Register(RouteTable routes)
        {
        }

        /// <summary>Checks the Bearer token of a Zoom API request; null when fine (OAuth routes need no Bearer).</summary>
        internal SandboxResponse Authenticate(SandboxRequest request) => null;
    }
}
