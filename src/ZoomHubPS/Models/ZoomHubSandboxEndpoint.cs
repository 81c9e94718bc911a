using System;
using System.Collections;
using System.Management.Automation;
using System.Security;
using ZoomHubPS.Sandbox;
using ZoomHubPS.Sandbox.Hosting;

namespace ZoomHubPS.Models
{
    /// <summary>A running loopback sandbox: where it listens and the credentials it accepts (sandbox-only values).</summary>
    public sealed class ZoomHubSandboxEndpoint : IDisposable
    {
        internal ZoomHubSandboxEndpoint(ZoomHubSandbox sandbox, LoopbackHost host, string scenario)
        {
            Sandbox = sandbox;
            Host = host;
            Scenario = scenario;
            ZoomClientCredential = new PSCredential(sandbox.Credentials.ZoomClientId, Infrastructure.Secrets.ToSecureString(sandbox.Credentials.ZoomClientSecret));
            HubSpotToken = Infrastructure.Secrets.ToSecureString(sandbox.Credentials.HubSpotToken);
        }

        internal LoopbackHost Host { get; }

        /// <summary>The twin behind the endpoint (journal, state, faults, clock).</summary>
        public ZoomHubSandbox Sandbox { get; }

        /// <summary>The scenario it was seeded from.</summary>
        public string Scenario { get; }

        /// <summary>TCP port on 127.0.0.1.</summary>
        public int Port => Host.BaseUri.Port;

        /// <summary>Base URI (all three APIs are served here, routed by path).</summary>
        public Uri BaseUri => Host.BaseUri;

        /// <summary>Zoom OAuth base URI (POST {this}oauth/token).</summary>
        public Uri ZoomOAuthUri => Host.ZoomOAuthUri;

        /// <summary>Zoom API base URI.</summary>
        public Uri ZoomApiUri => Host.ZoomApiUri;

        /// <summary>HubSpot API base URI.</summary>
        public Uri HubSpotUri => Host.HubSpotUri;

        /// <summary>Zoom account id the sandbox accepts.</summary>
        public string ZoomAccountId => Sandbox.Credentials.ZoomAccountId;

        /// <summary>Zoom client id and secret the sandbox accepts.</summary>
        public PSCredential ZoomClientCredential { get; }

        /// <summary>HubSpot token the sandbox accepts.</summary>
        public SecureString HubSpotToken { get; }

        /// <summary>Parameters for <c>Connect-ZoomHub @endpoint.ConnectParameters</c>.</summary>
        public Hashtable ConnectParameters => new Hashtable
        {
            ["AccountId"] = ZoomAccountId,
            ["ClientCredential"] = ZoomClientCredential,
            ["HubSpotToken"] = HubSpotToken,
            ["ZoomOAuthUri"] = ZoomOAuthUri,
            ["ZoomApiUri"] = ZoomApiUri,
            ["HubSpotUri"] = HubSpotUri,
        };

        /// <summary>
        /// The scenario the sandbox was seeded from (after anchoring) as scenario JSON, e.g. to keep a generated one:
        /// <c>$endpoint.ScenarioJson() | Set-Content ./big.json</c>, then <c>Connect-ZoomHub -Sandbox -Scenario ./big.json</c>.
        /// </summary>
        public string ScenarioJson() => ZoomHubPS.Sandbox.Scenarios.ScenarioLoader.ToJson(Sandbox.Scenario);

        /// <summary>Whether it still listens.</summary>
        public bool IsRunning => Host.IsRunning;

        /// <summary>Stops listening and releases the twin.</summary>
        public void Dispose()
        {
            Host.Dispose();
            Sandbox.Dispose();
        }

        /// <inheritdoc />
        public override string ToString() => BaseUri.ToString();
    }
}
