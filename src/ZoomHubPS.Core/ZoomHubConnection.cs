using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ZoomHubPS.Core.Http;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Scopes;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core
{
    /// <summary>
    /// A validated connection to one Zoom account and one HubSpot portal: one HttpClient per API (from
    /// Microsoft.Extensions.Http), one shared Zoom token, one set of rate-limit buckets, and the two clients.
    /// </summary>
    public sealed class ZoomHubConnection : IDisposable
    {
        private readonly ServiceProvider _services;
        private readonly HubSpotProfile _hubSpotProfile;
        private int _closed;

        private ZoomHubConnection(ZoomHubConnectionOptions options)
        {
            Options = options;
            Clock = options.Clock ?? TimeProvider.System;
            // Durations (waits, limiter windows, token expiry) stay on Clock; only "now" follows a remote sandbox's time.
            ServiceTime = options.Clock == null && options.FollowServerClock ? new ServerClock() : Clock;
            Counters = new RequestCounters();

            var services = new ServiceCollection();
            foreach (string name in new[] { "Zoom", "HubSpot" })
            {
                IHttpClientBuilder builder = services.AddHttpClient(name, c =>
                {
                    c.Timeout = Timeout.InfiniteTimeSpan; // per-attempt timeouts belong to the Polly pipeline
                    c.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
                });
                if (options.Handler != null)
                {
                    builder.ConfigurePrimaryHttpMessageHandler(() => new NonDisposingHandler(options.Handler));
                }

                // One client per connection, kept for its lifetime: no handler rotation under a long sync.
                builder.SetHandlerLifetime(Timeout.InfiniteTimeSpan);
            }

            _services = services.BuildServiceProvider();
            var factory = _services.GetRequiredService<IHttpClientFactory>();
            HttpClient zoomHttp = factory.CreateClient("Zoom");
            HttpClient hubSpotHttp = factory.CreateClient("HubSpot");

            RateLimits limits = options.DisableRateLimiter ? null : new RateLimits(options.ZoomPlan, options.HubSpotTier, Clock);
            var oauth = new ApiConnection(new ZoomOAuthProfile(), zoomHttp, options.ZoomOAuthBaseUri, null, null, options.Retry, Clock, Counters, ServiceTime);
            ZoomTokens = new ZoomTokenProvider(oauth, options.ZoomAccountId, options.ZoomClientId, options.ZoomClientSecret, options.ZoomAccessToken, Clock);
            var zoomApi = new ApiConnection(new ZoomProfile(), zoomHttp, options.ZoomApiBaseUri, ZoomTokens.GetAsync, limits, options.Retry, Clock, Counters, ServiceTime);
            _hubSpotProfile = new HubSpotProfile();
            var hubSpotApi = new ApiConnection(_hubSpotProfile, hubSpotHttp, options.HubSpotBaseUri,
                (refresh, ct) => Task.FromResult(SecretText.Read(options.HubSpotToken)), limits, options.Retry, Clock, Counters, ServiceTime);
            Zoom = new ZoomClient(zoomApi);
            HubSpot = new HubSpotClient(hubSpotApi);
            Requests = new ZoomHubPS.Core.Requests.ZoomHubRequestClient(zoomApi, hubSpotApi);
        }

        /// <summary>The options the connection was made with (secrets stay SecureStrings).</summary>
        internal ZoomHubConnectionOptions Options { get; }

        internal ZoomTokenProvider ZoomTokens { get; }

        /// <summary>The connection's clock (the sandbox's in sandbox mode); internal so no dependency type shows on the object a cmdlet returns.</summary>
        internal TimeProvider Clock { get; }

        /// <summary>The services' "now" (see <see cref="Http.ApiConnection.ServiceTime"/>).</summary>
        internal TimeProvider ServiceTime { get; }

        /// <summary>Zoom client.</summary>
        public ZoomClient Zoom { get; }

        /// <summary>HubSpot client.</summary>
        public HubSpotClient HubSpot { get; }

        /// <summary>Any endpoint of either API, with this connection's auth, limits and retries (Invoke-ZoomHubRequest).</summary>
        public ZoomHubPS.Core.Requests.ZoomHubRequestClient Requests { get; }

        /// <summary>What the connection points at (no secrets).</summary>
        public ZoomHubConnectionInfo Info { get; private set; }

        /// <summary>The scopes both sides granted at connect, and what each feature lacks.</summary>
        public ScopeReport Scopes { get; private set; }

        /// <summary>Whether the connection was closed (<see cref="Dispose"/>, Disconnect-ZoomHub): it must not be used again.</summary>
        public bool IsClosed => _closed != 0;

        /// <summary>Requests sent so far.</summary>
        public RequestCounters Counters { get; }

        /// <summary>Number of Zoom tokens fetched (one per hour at most, plus refreshes after a 124).</summary>
        public int ZoomTokensFetched => ZoomTokens.TokensFetched;

        /// <summary>
        /// Builds a connection and validates both sides: a Zoom token and one cheap Zoom call, then the HubSpot account
        /// details. Throws <see cref="ZoomHubConnectException"/> naming the side and the reason.
        /// </summary>
        public static async Task<ZoomHubConnection> ConnectAsync(ZoomHubConnectionOptions options, CancellationToken cancellationToken = default)
        {
            Validate(options);
            var connection = new ZoomHubConnection(options);
            try
            {
                try
                {
                    await connection.Zoom.Users.List(UserStatus.Active, new ListOptions { PageSize = 1, MaxItems = 1 }).ToListAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (ZoomHubApiException ex)
                {
                    throw ConnectFailure(ApiKind.Zoom, ex, options.ZoomApiBaseUri);
                }

                HubSpotAccountDetails account;
                try
                {
                    account = await connection.HubSpot.Account.GetDetailsAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (ZoomHubApiException ex)
                {
                    throw ConnectFailure(ApiKind.HubSpot, ex, options.HubSpotBaseUri);
                }

                connection._hubSpotProfile.DailyResetZone = PortalTimeZone(account);
                IReadOnlyList<string> hubSpotScopes = await connection.HubSpotScopesAsync(cancellationToken).ConfigureAwait(false);
                connection.Scopes = ScopeReport.Check(connection.ZoomTokens.Scopes, hubSpotScopes);
                connection.Info = new ZoomHubConnectionInfo(connection, options, account?.PortalId ?? 0, account?.TimeZone, connection.ServiceTime.GetUtcNow());
                return connection;
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>
        /// The portal's time zone: by its id (IANA, as HubSpot gives it; .NET on Windows maps it through ICU), else a fixed
        /// zone at the offset the account reported (right until the next daylight-saving change), else UTC.
        /// </summary>
        internal static TimeZoneInfo PortalTimeZone(HubSpotAccountDetails account)
        {
            if (!string.IsNullOrWhiteSpace(account?.TimeZone))
            {
                try
                {
                    return TimeZoneInfo.FindSystemTimeZoneById(account.TimeZone);
                }
                catch (Exception ex) when (ex is TimeZoneNotFoundException || ex is InvalidTimeZoneException)
                {
                    // Windows PowerShell 5.1 (.NET Framework) knows only Windows ids: fall back to the offset.
                }
            }

            if (account?.UtcOffsetMilliseconds is long ms)
            {
                TimeSpan offset = TimeSpan.FromMilliseconds(ms);
                return TimeZoneInfo.CreateCustomTimeZone("HubSpot portal " + (account.TimeZone ?? "offset"), offset, account.TimeZone ?? "HubSpot portal", account.TimeZone ?? "HubSpot portal");
            }

            return TimeZoneInfo.Utc;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                _services.Dispose();
            }
        }

        /// <summary>
        /// The HubSpot token's scopes (FACTS §E access-token-info), or null when they cannot be read: an older portal or
        /// a token type the route does not know must not fail the connect, it only leaves the scopes unknown.
        /// </summary>
        private async Task<IReadOnlyList<string>> HubSpotScopesAsync(CancellationToken cancellationToken)
        {
            try
            {
                HubSpotAccessTokenInfo info = await HubSpot.Account.GetAccessTokenInfoAsync(Options.HubSpotToken, cancellationToken).ConfigureAwait(false);
                return info?.Scopes;
            }
            catch (ZoomHubApiException)
            {
                return null;
            }
        }

        /// <inheritdoc />
        public override string ToString() => Info?.ToString() ?? "ZoomHub connection (not validated)";

        private static void Validate(ZoomHubConnectionOptions options)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (options.HubSpotToken == null || options.HubSpotToken.Length == 0)
            {
                throw new ArgumentException("A HubSpot token is required (HubSpotToken).", nameof(options));
            }

            if (options.ZoomAccessToken == null)
            {
                if (string.IsNullOrWhiteSpace(options.ZoomAccountId)) throw new ArgumentException("A Zoom account id is required (AccountId), or a ready ZoomAccessToken.", nameof(options));
                if (string.IsNullOrWhiteSpace(options.ZoomClientId)) throw new ArgumentException("The Zoom client id is required (the user name of -ClientCredential).", nameof(options));
                if (options.ZoomClientSecret == null || options.ZoomClientSecret.Length == 0) throw new ArgumentException("The Zoom client secret is required (the password of -ClientCredential).", nameof(options));
            }
        }

        private static ZoomHubConnectException ConnectFailure(ApiKind side, ZoomHubApiException ex, Uri baseUri)
        {
            ConnectFailureReason reason;
            string what;
            switch (ex.Kind)
            {
                case ErrorKind.Network:
                case ErrorKind.Timeout:
                    reason = ConnectFailureReason.Unreachable;
                    what = $"{side} could not be reached at {baseUri.Host}: {ex.VendorMessage}";
                    break;
                case ErrorKind.Authentication:
                    bool account = side == ApiKind.Zoom && ex.VendorCode == "invalid_grant";
                    reason = account ? ConnectFailureReason.InvalidAccount : ConnectFailureReason.InvalidCredentials;
                    what = side == ApiKind.Zoom
                        ? $"Zoom rejected the credentials: {ex.VendorMessage}"
                        : $"HubSpot rejected the token: {ex.VendorMessage}";
                    break;
                case ErrorKind.PermissionDenied:
                    reason = ConnectFailureReason.MissingScope;
                    what = $"{side} refused the validation call for a missing scope: {ex.VendorMessage}";
                    break;
                default:
                    reason = ConnectFailureReason.Other;
                    what = $"{side} validation failed: {ex.VendorMessage}";
                    break;
            }

            return new ZoomHubConnectException(side, reason, what, ex);
        }

        /// <summary>Lets the factory wrap a handler it does not own (the sandbox's) without disposing it.</summary>
        private sealed class NonDisposingHandler : DelegatingHandler
        {
            public NonDisposingHandler(HttpMessageHandler inner)
                : base(inner)
            {
            }

            protected override void Dispose(bool disposing)
            {
                // The inner handler belongs to whoever passed it in.
            }
        }
    }
}
