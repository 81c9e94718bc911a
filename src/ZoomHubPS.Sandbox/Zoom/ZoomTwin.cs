using System;
using System.Collections.Generic;
using System.Linq;
using ZoomHubPS.Sandbox.Http;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// The Zoom side of the twin: the S2S token endpoint and the <c>/v2</c> endpoints ZoomHubPS uses, over one account's
    /// users, webinars, registrants, past instances and recordings. Thread-safe: every request runs under one lock.
    /// The getters below return snapshots for tests and tools; they never expose the live collections.
    /// </summary>
    public sealed class ZoomTwin
    {
        private readonly ZoomState _state;
        private readonly ZoomOAuthRoute _oauth;

        internal ZoomTwin(SandboxContext context)
        {
            _state = new ZoomState(context);
            _oauth = new ZoomOAuthRoute(_state);
        }

        /// <summary>Account id of the seeded account (S2S <c>account_id</c>).</summary>
        public string AccountId => _state.AccountId;

        /// <summary>S2S client id.</summary>
        public string ClientId => _state.ClientId;

        /// <summary>S2S client secret (a sandbox value, never a real secret).</summary>
        public string ClientSecret => _state.ClientSecret;

        /// <summary>How many access tokens the token endpoint has issued (clients should share one).</summary>
        public int IssuedTokenCount
        {
            get { lock (_state.Gate) { return _state.Tokens.IssuedCount; } }
        }

        /// <summary>Issued tokens that still work now (not expired, not revoked by <see cref="ExpireTokens"/>).</summary>
        public int ActiveTokenCount
        {
            get { lock (_state.Gate) { return _state.Tokens.ActiveCount(_state.Now); } }
        }

        /// <summary>Email domains of the account's own people.</summary>
        public IReadOnlyCollection<string> InternalDomains
        {
            get { lock (_state.Gate) { return _state.InternalDomains.ToList(); } }
        }

        /// <summary>The account's users.</summary>
        public IReadOnlyList<ZoomUser> Users
        {
            get { lock (_state.Gate) { return _state.Users.ToList(); } }
        }

        /// <summary>All webinars.</summary>
        public IReadOnlyList<ZoomWebinar> Webinars
        {
            get { lock (_state.Gate) { return _state.Webinars.ToList(); } }
        }

        /// <summary>Every issued access token stops working: the next API call gets 401 code 124 (early-expiry fault).</summary>
        public void ExpireTokens()
        {
            lock (_state.Gate)
            {
                _state.Tokens.ExpireAll();
            }
        }

        /// <summary>The webinar with <paramref name="id"/>, or null.</summary>
        public ZoomWebinar Webinar(long id)
        {
            lock (_state.Gate)
            {
                return _state.WebinarsById.TryGetValue(id, out ZoomWebinar w) ? w : null;
            }
        }

        /// <summary>All registrants of a webinar (every status) in registration order. Throws when the webinar does not exist.</summary>
        public IReadOnlyList<ZoomRegistrant> Registrants(long webinarId)
        {
            lock (_state.Gate)
            {
                if (!_state.WebinarsById.TryGetValue(webinarId, out ZoomWebinar w))
                {
                    throw new KeyNotFoundException("The sandbox has no webinar " + webinarId + ".");
                }

                return w.RegistrantList.ToList();
            }
        }

        /// <summary>The registrant of a webinar with <paramref name="email"/> (case-insensitive), or null.</summary>
        public ZoomRegistrant Registrant(long webinarId, string email)
        {
            lock (_state.Gate)
            {
                return _state.WebinarsById.TryGetValue(webinarId, out ZoomWebinar w) && email != null && w.RegistrantsByEmail.TryGetValue(email, out ZoomRegistrant r) ? r : null;
            }
        }

        /// <summary>Past instances of a webinar, oldest first. Throws when the webinar does not exist.</summary>
        public IReadOnlyList<ZoomInstance> Instances(long webinarId)
        {
            lock (_state.Gate)
            {
                if (!_state.WebinarsById.TryGetValue(webinarId, out ZoomWebinar w))
                {
                    throw new KeyNotFoundException("The sandbox has no webinar " + webinarId + ".");
                }

                return w.InstanceList.ToList();
            }
        }

        /// <summary>Add/batch registration requests counted today (sandbox UTC day) for <paramref name="email"/> (limit 3).</summary>
        public int RegistrationRequestsToday(string email)
        {
            lock (_state.Gate)
            {
                return _state.DailyLimit.Count("register", email, _state.Now);
            }
        }

        internal void Seed(ZoomSeed seed)
        {
            lock (_state.Gate)
            {
                _state.Seed(seed);
            }
        }

        internal void Register(RouteTable routes)
        {
            _oauth.Register(routes);
            var zoom = new ZoomRoutes(routes, _state);
            var registrants = new ZoomRegistrantRoutes(_state);
            var past = new ZoomPastWebinarRoutes(_state, registrants);
            new ZoomUserRoutes(_state).Register(zoom);
            new ZoomWebinarRoutes(_state).Register(zoom);
            registrants.Register(zoom);
            new ZoomRegistrationRoutes(_state).Register(zoom);
            new ZoomQuestionRoutes(_state).Register(zoom);
            past.Register(zoom);
            var report = new ZoomReportRoutes(_state, past);
            report.Register(zoom);
            new ZoomRecordingRoutes(_state).Register(zoom);
            new ZoomDashboardRoutes(_state).Register(zoom);
            new ZoomReportListRoutes(_state).Register(zoom);
            new ZoomUserRecordingRoutes(_state).Register(zoom);
            new ZoomRecordingDownloads(_state).Register(zoom);
            new ZoomRegistrantDeleteRoute(_state).Register(zoom);
            new ZoomPollRoutes(_state, past, report).Register(zoom);
            new ZoomQaRoutes(_state, past, report).Register(zoom);
        }

        /// <summary>Checks the Bearer token of a Zoom API request; null when fine (the OAuth route needs no Bearer).</summary>
        internal SandboxResponse Authenticate(SandboxRequest request) => _oauth.Authenticate(request);
    }
}
