using System;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.Faults
{
    /// <summary>What the injector decided for one request.</summary>
    public sealed class FaultDecision
    {
        /// <summary>No fault, no latency.</summary>
        public static readonly FaultDecision None = new FaultDecision();

        /// <summary>Simulated latency to wait (sandbox clock) before answering.</summary>
        public TimeSpan Latency { get; set; }

        /// <summary>A response that replaces the route's (429, 5xx, or one with <see cref="SandboxResponse.Throw"/> set).</summary>
        public SandboxResponse Response { get; set; }

        /// <summary>Name of the fault for the journal.</summary>
        public string Name { get; set; }
    }

    /// <summary>Injects configured faults, deterministically from the seed. (Skeleton.)</summary>
    public sealed class FaultInjector
    {
        internal FaultInjector(SandboxContext context, FaultOptions options)
        {
            Options = options;
        }

        /// <summary>The faults in force.</summary>
        public FaultOptions Options { get; }

        internal FaultDecision Decide(SandboxRequest request) => FaultDecision.None;

        internal void OnCompleted(SandboxRequest request, SandboxResponse response)
        {
        }
    }
}
