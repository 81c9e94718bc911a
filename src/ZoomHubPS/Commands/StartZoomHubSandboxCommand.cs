using System;
using System.Collections;
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
    [Cmdlet(VerbsLifecycle.Start, "ZoomHubSandbox", DefaultParameterSetName = ScenarioSet, HelpUri = HelpLinks.Base + "Start-ZoomHubSandbox.md")]
    [OutputType(typeof(ZoomHubSandboxEndpoint))]
    public sealed class StartZoomHubSandboxCommand : ZoomHubCmdlet
    {
        private const string ScenarioSet = nameof(Scenario);
        private const string GenerateSet = nameof(Generate);

        internal static readonly List<ZoomHubSandboxEndpoint> Running = new List<ZoomHubSandboxEndpoint>();

        /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>Scenario: a built-in name (demo, business, empty) or a scenario JSON path.</summary>
        [Parameter(Position = 0, ParameterSetName = ScenarioSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ScenarioCompleter))]
        public string Scenario { get; set; } = "demo";

        /// <summary>A generated scenario instead: the generator's options as a hashtable, e.g. @{ Registrants = 1000 }.</summary>
        [Parameter(Mandatory = true, ParameterSetName = GenerateSet)]
        [AllowEmptyCollection]
        public Hashtable Generate { get; set; }

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

        /// <summary>Faults to inject: a hashtable or JSON text (latency, 429s, 5xx, resets, timeouts, lost replies, fail after N writes, token expiry).</summary>
        [Parameter]
        [ValidateNotNull]
        public object Fault { get; set; }

        /// <summary>Where the sandbox clock starts (the scenario is moved onto this date); default: now, on the scenario's time of day.</summary>
        [Parameter]
        public DateTimeOffset Now { get; set; }

        /// <inheritdoc />
        protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            ScenarioData scenario = ParameterSetName == GenerateSet ? Generated() : SandboxScenarios.Load(Scenario);
            string name = ParameterSetName == GenerateSet ? "generated" : Scenario;
            var options = new SandboxOptions
            {
                ScenarioData = scenario,
                Faults = Faults() ?? new FaultOptions(),
                Limits = NoLimits ? LimitOptions.None : LimitOptions.For(ZoomPlan ?? scenario.Zoom.Plan, HubSpotTier ?? scenario.HubSpot.Tier, scenario.HubSpot.TimeZone),
                StartAt = MyInvocation.BoundParameters.ContainsKey(nameof(Now)) ? Now : (DateTimeOffset?)null,
            };
            var sandbox = new ZoomHubSandbox(options);

            var host = new LoopbackHost(sandbox, Port);
            host.Start();
            var endpoint = new ZoomHubSandboxEndpoint(sandbox, host, name);
            lock (Running)
            {
                Running.Add(endpoint);
            }

            WriteVerbose($"Sandbox '{name}' listening on {endpoint.BaseUri}.");
            WriteObject(endpoint);
            return Task.CompletedTask;
        }

        private ScenarioData Generated()
        {
            try
            {
                return ScenarioGenerator.Generate(SandboxParameters.Generator(Generate));
            }
            catch (ArgumentException ex)
            {
                throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument, ex.Message + " See Get-Help Start-ZoomHubSandbox -Parameter Generate.", Generate);
            }
        }

        private FaultOptions Faults()
        {
            if (Fault == null) return null;
            try
            {
                return SandboxParameters.Faults(Fault);
            }
            catch (ArgumentException ex)
            {
                throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument, "-Fault is not valid: " + ex.Message + " See Get-Help Start-ZoomHubSandbox -Parameter Fault.", Fault);
            }
        }
    }
}
