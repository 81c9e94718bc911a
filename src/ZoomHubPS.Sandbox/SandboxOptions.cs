using System;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Limits;

namespace ZoomHubPS.Sandbox
{
    /// <summary>How a twin is seeded and how strict it is.</summary>
    public sealed class SandboxOptions
    {
        /// <summary>A built-in scenario name (e.g. <c>demo</c>, <c>empty</c>) or a path to a scenario JSON file. Default <c>demo</c>.</summary>
        public string Scenario { get; set; } = "demo";

        /// <summary>An already-built scenario (wins over <see cref="Scenario"/>); e.g. from <see cref="Scenarios.ScenarioGenerator"/>.</summary>
        public Scenarios.Scenario ScenarioData { get; set; }

        /// <summary>The clock the twin lives by. Default: a sandbox clock that starts at the scenario's "now" and advances with real time.</summary>
        public TimeProvider Clock { get; set; }

        /// <summary>
        /// Without a <see cref="Clock"/>: where the default sandbox clock starts (an anchored scenario moves onto this date)
        /// instead of the scenario's "now" on today's date. A plain value, so a caller that cannot name
        /// <see cref="TimeProvider"/> (the cmdlets, PowerShell) can still set the date: <c>Start-ZoomHubSandbox -Now</c>.
        /// </summary>
        public DateTimeOffset? StartAt { get; set; }

        /// <summary>Rate limits to enforce. Default: the scenario's Zoom plan and HubSpot tier (limits on; "no limits" is a choice).</summary>
        public LimitOptions Limits { get; set; }

        /// <summary>Faults to inject (latency, 429 bursts, 5xx, resets, timeouts, early token expiry, fail after N writes).</summary>
        public FaultOptions Faults { get; set; } = new FaultOptions();

        /// <summary>Seed for everything random in the twin (generated ids, fault draws, jitter).</summary>
        public int Seed { get; set; } = 20261128;
    }
}
