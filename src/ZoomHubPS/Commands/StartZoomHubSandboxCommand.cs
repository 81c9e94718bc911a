using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Models;
using ZoomHubPS.Sandbox;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Hosting;
using ZoomHubPS.Sandbox.Limits;
using ZoomHubPS.Sandbox.Scenarios;
using ScenarioData = ZoomHubPS.Sandbox.Scenarios.Scenario;

using ZoomHubPS.Infrastructure;

using ZoomHubPS.Completion;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Starts the Zoom + HubSpot sandbox as an HTTP server on 127.0.0.1, for any client (curl, SDKs, runbooks).</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "ZoomHubSandbox", HelpUri = HelpLinks.Base + "Start-ZoomHubSandbox.md")]
    [OutputType(typeof(ZoomHubSandboxEndpoint))]
    public sealed class StartZoomHubSandboxCommand : ZoomHubCmdlet
    {
        internal static readonly List<ZoomHubSandboxEndpoint> Running = new List<ZoomHubSandboxEndpoint>();

        /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>Scenario: a built-in name (demo, business, empty) or a scenario JSON path.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ScenarioCompleter))]
        public string Scenario { get; set; } = "demo";

        /// <summary>Zoom plan whose rate limits the sandbox enforces (default: the scenario's).</summary>
        [Parameter]
        [ValidateSet("Free", "Pro", "Business")]
        public string ZoomPlan { get; set; }

        /// <summary>HubSpot tier whose rate limits the sandbox enforces (default: the scenario's).</summary>
        [Parameter]
        [ValidateSet("Free", "Starter", "Professional", "Enterprise")]
        public string HubSpotTier { get; set; }

        /// <summary>Enforce no rate limits at all.</summary>
        [Parameter]
        public SwitchParameter NoLimits { get; set; }

        /// <summary>Faults to inject, as JSON (latency, 429s, 5xx, resets, timeouts, fail after N writes, token expiry).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Fault { get; set; }

        /// <inheritdoc />
        protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            ScenarioData scenario = ScenarioLoader.Load(Scenario);
            FaultOptions faults = null;
            if (Fault != null)
            {
                try
                {
                    faults = FaultOptions.FromJson(Fault);
                }
                catch (Exception ex)
                {
                    throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument,
                        "-Fault is not valid fault JSON: " + ex.Message + " See Get-Help Start-ZoomHubSandbox -Parameter Fault.", Fault);
                }
            }

            var options = new SandboxOptions
            {
                ScenarioData = scenario,
                Faults = faults ?? new FaultOptions(),
                Limits = NoLimits ? LimitOptions.None : LimitOptions.For(ZoomPlan ?? scenario.Zoom.Plan, HubSpotTier ?? scenario.HubSpot.Tier, scenario.HubSpot.TimeZone),
            };
            var sandbox = new ZoomHubSandbox(options);

            var host = new LoopbackHost(sandbox, Port);
            host.Start();
            var endpoint = new ZoomHubSandboxEndpoint(sandbox, host, Scenario);
            lock (Running)
            {
                Running.Add(endpoint);
            }

            WriteVerbose($"Sandbox '{Scenario}' listening on {endpoint.BaseUri}.");
            WriteObject(endpoint);
            return Task.CompletedTask;
        }
    }
}
