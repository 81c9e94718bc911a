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
        private const string EnvironmentSet = nameof(FromEnvironment);

        // The variables -FromEnvironment reads (documented in Connect-ZoomHub's help and about_ZoomHubPS_AzureAutomation).
        private const string AccountIdVariable = "ZOOMHUB_ZOOM_ACCOUNT_ID";
        private const string ClientIdVariable = "ZOOMHUB_ZOOM_CLIENT_ID";
        private const string ClientSecretVariable = "ZOOMHUB_ZOOM_CLIENT_SECRET";
        private const string HubSpotTokenVariable = "ZOOMHUB_HUBSPOT_TOKEN";

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
        [Alias("HubSpotCredential")]
        [SecureToken]
        [ValidateNotNull]
        public SecureString HubSpotToken { get; set; }

        /// <summary>Connect with the ZOOMHUB_* environment variables (a hybrid worker, a container, CI).</summary>
        [Parameter(Mandatory = true, ParameterSetName = EnvironmentSet)]
        public SwitchParameter FromEnvironment { get; set; }

        /// <summary>The longest one request may spend waiting out limits and retrying (default 60 s).</summary>
        [Parameter]
        public TimeSpan RetryTimeBudget { get; set; }

        /// <summary>Timeout of one attempt of any request (default: 30 s for reads, 60 s for writes and reports, 120 s for downloads).</summary>
        [Parameter]
        public TimeSpan RequestTimeout { get; set; }

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
                    sandbox = new ZoomHubSandbox(new SandboxOptions { ScenarioData = SandboxScenarios.Load(Scenario) });
                    options.IsSandbox = true;
                    options.FollowServerClock = true; // "now" is the twin's (its scenario is anchored on its clock), read from its Date headers
                    options.Handler = sandbox.CreateHandler();
                    options.ZoomOAuthBaseUri = ZoomHubSandbox.InProcessZoomOAuthUri;
                    options.ZoomApiBaseUri = ZoomHubSandbox.InProcessZoomApiUri;
                    options.HubSpotBaseUri = ZoomHubSandbox.InProcessHubSpotUri;
                    options.ZoomAccountId = sandbox.Credentials.ZoomAccountId;
                    options.ZoomClientId = sandbox.Credentials.ZoomClientId;
                    options.ZoomClientSecret = Secrets.ToSecureString(sandbox.Credentials.ZoomClientSecret);
                    options.HubSpotToken = Secrets.ToSecureString(sandbox.Credentials.HubSpotToken);
                    break;
                case EnvironmentSet:
                    FromVariables(options);
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

            // A twin served on this machine (Start-ZoomHubSandbox) runs on its scenario's clock: follow it, so "now" is
            // the twin's for every decision (is a webinar over, which instances are in the window).
            if (sandbox == null && IsLoopback(options.ZoomApiBaseUri) && IsLoopback(options.HubSpotBaseUri)) options.FollowServerClock = true;
            options.Retry = RetryOptionsOf(options.Retry);
            return options;
        }

        private RetryOptions RetryOptionsOf(RetryOptions current)
        {
            RetryOptions retry = current ?? new RetryOptions();
            try
            {
                if (MyInvocation.BoundParameters.ContainsKey(nameof(RetryTimeBudget))) retry = retry.WithMaxWait(RetryTimeBudget);
                if (MyInvocation.BoundParameters.ContainsKey(nameof(RequestTimeout))) retry = retry.WithTimeout(RequestTimeout);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument, ex.Message.Split('\n')[0] + " (-RetryTimeBudget is zero or more, -RequestTimeout more than zero, e.g. '00:01:30').", this);
            }

            return retry;
        }

        // The ZOOMHUB_* variables: secrets go straight into SecureStrings; a missing one ends the call naming it.
        private void FromVariables(ZoomHubConnectionOptions options)
        {
            string Read(string name, bool required = true)
            {
                string value = Environment.GetEnvironmentVariable(name);
                if (string.IsNullOrWhiteSpace(value) && required)
                {
                    throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument, $"-FromEnvironment: the environment variable {name} is not set. Set {AccountIdVariable}, {ClientIdVariable}, {ClientSecretVariable} and {HubSpotTokenVariable} (see Get-Help Connect-ZoomHub -Parameter FromEnvironment).", name);
                }

                return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            }

            options.ZoomAccountId = Read(AccountIdVariable);
            options.ZoomClientId = Read(ClientIdVariable);
            options.ZoomClientSecret = Secrets.ToSecureString(Read(ClientSecretVariable));
            options.HubSpotToken = Secrets.ToSecureString(Read(HubSpotTokenVariable));
            if (Read("ZOOMHUB_ZOOM_OAUTH_URI", false) is string oauth) options.ZoomOAuthBaseUri = UriOf("ZOOMHUB_ZOOM_OAUTH_URI", oauth);
            if (Read("ZOOMHUB_ZOOM_API_URI", false) is string api) options.ZoomApiBaseUri = UriOf("ZOOMHUB_ZOOM_API_URI", api);
            if (Read("ZOOMHUB_HUBSPOT_URI", false) is string hubSpot) options.HubSpotBaseUri = UriOf("ZOOMHUB_HUBSPOT_URI", hubSpot);
            if (Read("ZOOMHUB_ZOOM_PLAN", false) is string plan && !MyInvocation.BoundParameters.ContainsKey(nameof(ZoomPlan))) options.ZoomPlan = ParseEnum<ZoomPlan>("ZOOMHUB_ZOOM_PLAN", plan);
            if (Read("ZOOMHUB_HUBSPOT_TIER", false) is string tier && !MyInvocation.BoundParameters.ContainsKey(nameof(HubSpotTier))) options.HubSpotTier = ParseEnum<HubSpotTier>("ZOOMHUB_HUBSPOT_TIER", tier);
        }

        private Uri UriOf(string variable, string text)
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out Uri uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)) return uri;
            throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument, $"-FromEnvironment: {variable} is '{text}', not an http(s) address.", variable);
        }

        private T ParseEnum<T>(string variable, string text) where T : struct
        {
            if (Enum.TryParse(text, true, out T value)) return value;
            throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument, $"-FromEnvironment: {variable} is '{text}'; use one of {string.Join(", ", Enum.GetNames(typeof(T)))}.", variable);
        }

        private static bool IsLoopback(Uri uri) => uri != null && uri.IsLoopback;

        #endregion
    }
}
