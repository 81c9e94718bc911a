using System;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Infrastructure;
using ZoomHubPS.Sandbox;

using ZoomHubPS.Completion;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Connects to a Zoom account and a HubSpot portal (or to the local sandbox) and makes it the session default.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "ZoomHub", DefaultParameterSetName = ClientCredentialSet, HelpUri = HelpLinks.Base + "Connect-ZoomHub.md")]
    [OutputType(typeof(ZoomHubConnection))]
    public sealed class ConnectZoomHubCommand : ZoomHubCmdlet
    {
        private const string ClientCredentialSet = nameof(ClientCredential);
        private const string AccessTokenSet = nameof(ZoomAccessToken);
        private const string SandboxSet = nameof(Sandbox);

        #region Parameters

        /// <summary>Zoom account id of the Server-to-Server OAuth app.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ClientCredentialSet)]
        [ValidateNotNullOrEmpty]
        public string AccountId { get; set; }

        /// <summary>Client id (user name) and client secret (password) of the Zoom Server-to-Server OAuth app.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ClientCredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential ClientCredential { get; set; }

        /// <summary>A ready Zoom access token (for jobs that share one token); it cannot be refreshed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        public SecureString ZoomAccessToken { get; set; }

        /// <summary>HubSpot private-app or service-key token.</summary>
        [Parameter(Mandatory = true, Position = 2, ParameterSetName = ClientCredentialSet)]
        [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        public SecureString HubSpotToken { get; set; }

        /// <summary>Connect to an in-process twin of both APIs, seeded from a scenario.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SandboxSet)]
        public SwitchParameter Sandbox { get; set; }

        /// <summary>Sandbox scenario: a built-in name (demo, business, empty) or a path to a scenario JSON file.</summary>
        [Parameter(ParameterSetName = SandboxSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ScenarioCompleter))]
        public string Scenario { get; set; } = "demo";

        /// <summary>A name for the connection, shown by Get-ZoomHubConnection -ListAvailable (e.g. "EMEA account").</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        /// <summary>Zoom OAuth base URI (default https://zoom.us/).</summary>
        [Parameter(ParameterSetName = ClientCredentialSet)]
        public Uri ZoomOAuthUri { get; set; }

        /// <summary>Zoom API base URI (default https://api.zoom.us/v2/).</summary>
        [Parameter(ParameterSetName = ClientCredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        public Uri ZoomApiUri { get; set; }

        /// <summary>HubSpot API base URI (default https://api.hubapi.com/).</summary>
        [Parameter(ParameterSetName = ClientCredentialSet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        public Uri HubSpotUri { get; set; }

        /// <summary>Zoom plan, which sets the client-side rate limits.</summary>
        // Strings, not Core's enums: an enum-typed field would make PowerShell load Core while it scans the
        // cmdlet types, before the dependency resolver is hooked (value types are laid out at type load).
        [Parameter]
        [ValidateSet("Pro", "Business", "Free")]
        public string ZoomPlan { get; set; } = "Pro";

        /// <summary>HubSpot tier, which sets the client-side rate limits.</summary>
        [Parameter]
        [ValidateSet("Professional", "Free", "Starter", "Enterprise", "ApiLimitIncrease")]
        public string HubSpotTier { get; set; } = "Professional";

        /// <summary>Return the connection object.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            ZoomHubConnectionOptions options = BuildOptions(out ZoomHubSandbox sandbox);
            ZoomHubConnection connection;
            try
            {
                connection = await ZoomHubConnection.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (sandbox != null)
            {
                sandbox.Dispose();
                throw;
            }

            if (sandbox != null)
            {
                SandboxRegistry.Attach(connection, sandbox);
            }

            ZoomHubConnection previous = ConnectionStore.SetDefault(CurrentRunspace, connection);
            if (previous != null && !ReferenceEquals(previous, connection))
            {
                WriteVerbose("Replaced the previous default connection (it stays open: Get-ZoomHubConnection -ListAvailable lists it, -Connection uses it, Disconnect-ZoomHub -Connection closes it).");
            }

            WriteVerbose($"Connected: Zoom account {connection.Info.ZoomAccountId}, HubSpot portal {connection.Info.HubSpotPortalId}{(sandbox != null ? " (sandbox, scenario '" + Scenario + "')" : string.Empty)}.");
            foreach (string warning in connection.Scopes.Warnings())
            {
                // Said now, naming each cmdlet and scope, instead of a bare 403 at the first write.
                WriteWarning(warning);
            }

            if (PassThru)
            {
                WriteObject(ConnectionView.ForOutput(connection, CurrentRunspace));
            }
        }

        #endregion

        #region Private

        private ZoomHubConnectionOptions BuildOptions(out ZoomHubSandbox sandbox)
        {
            sandbox = null;
            var options = new ZoomHubConnectionOptions
            {
                ZoomPlan = (ZoomPlan)Enum.Parse(typeof(ZoomPlan), ZoomPlan, ignoreCase: true),
                HubSpotTier = (HubSpotTier)Enum.Parse(typeof(HubSpotTier), HubSpotTier, ignoreCase: true),
                Name = Name,
            };

            switch (ParameterSetName)
            {
                case SandboxSet:
                    sandbox = new ZoomHubSandbox(new SandboxOptions { Scenario = Scenario });
                    options.IsSandbox = true;
                    options.Handler = sandbox.CreateHandler();
                    options.ZoomOAuthBaseUri = ZoomHubSandbox.InProcessZoomOAuthUri;
                    options.ZoomApiBaseUri = ZoomHubSandbox.InProcessZoomApiUri;
                    options.HubSpotBaseUri = ZoomHubSandbox.InProcessHubSpotUri;
                    options.ZoomAccountId = sandbox.Credentials.ZoomAccountId;
                    options.ZoomClientId = sandbox.Credentials.ZoomClientId;
                    options.ZoomClientSecret = Secrets.ToSecureString(sandbox.Credentials.ZoomClientSecret);
                    options.HubSpotToken = Secrets.ToSecureString(sandbox.Credentials.HubSpotToken);
                    break;
                case AccessTokenSet:
                    options.ZoomAccessToken = ZoomAccessToken;
                    options.HubSpotToken = HubSpotToken;
                    break;
                default:
                    options.ZoomAccountId = AccountId;
                    options.ZoomClientId = ClientCredential.UserName;
                    options.ZoomClientSecret = ClientCredential.Password;
                    options.HubSpotToken = HubSpotToken;
                    break;
            }

            if (ZoomOAuthUri != null) options.ZoomOAuthBaseUri = ZoomOAuthUri;
            if (ZoomApiUri != null) options.ZoomApiBaseUri = ZoomApiUri;
            if (HubSpotUri != null) options.HubSpotBaseUri = HubSpotUri;
            return options;
        }

        #endregion
    }
}
