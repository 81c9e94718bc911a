using System;
using System.Collections.Generic;
using System.Linq;
using ZoomHubPS.Sandbox.Http;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// The HubSpot side of the twin: one portal's contacts, contact properties and groups, contact lists, marketing events
    /// with their participations and custom properties, timeline templates and events, and the account endpoints, behind
    /// the paths, JSON and errors of FACTS §2, §6, §C and §D. Thread-safe: every request runs under one lock. Getters return snapshots.
    /// </summary>
    public sealed class HubSpotTwin
    {
        private readonly HubSpotState _state;
        private HubSpotRouter _router;

        internal HubSpotTwin(SandboxContext context)
        {
            _state = new HubSpotState(context);
        }

        /// <summary>The private-app token of the default app (the scenario's token, or a sandbox <c>pat-na1-…</c> value).</summary>
        public string Token
        {
            get { lock (_state.Gate) { return _state.Apps.Default?.Token ?? HubSpotState.DefaultToken; } }
        }

        /// <summary>The portal (hub) id.</summary>
        public long PortalId
        {
            get { lock (_state.Gate) { return _state.PortalId; } }
        }

        /// <summary>The portal's tier (Free, Starter, Professional, Enterprise).</summary>
        public string Tier
        {
            get { lock (_state.Gate) { return _state.Tier; } }
        }

        /// <summary>The default app (the one <see cref="Token"/> belongs to).</summary>
        public HubSpotApp DefaultApp
        {
            get { lock (_state.Gate) { return _state.Apps.Default; } }
        }

        /// <summary>Every app that can call the twin.</summary>
        public IReadOnlyList<HubSpotApp> Apps
        {
            get { lock (_state.Gate) { return _state.Apps.All.ToList(); } }
        }

        /// <summary>Developer API key accepted as <c>?hapikey=</c> on the timeline event-template routes (as HubSpot does).</summary>
        public string DeveloperApiKey
        {
            get { lock (_state.Gate) { return _state.DeveloperApiKey; } }
        }

        /// <summary>
        /// When true, <c>idProperty=email</c> lookups (upsert, batch read, GET by email) also match an email in a contact's
        /// <c>hs_additional_emails</c>. Off by default: FACTS §2.4 leaves v3 secondary matching unconfirmed, and HubSpot's
        /// own Zoom integration uses the primary email only.
        /// </summary>
        public bool MatchSecondaryEmail
        {
            get { lock (_state.Gate) { return _state.MatchSecondaryEmail; } }
            set { lock (_state.Gate) { _state.MatchSecondaryEmail = value; } }
        }

        /// <summary>
        /// Adds another app with its own token (e.g. to check that marketing events created by one app are 404 for another
        /// on the external-id endpoints). <paramref name="scopes"/> null grants every scope.
        /// </summary>
        public HubSpotApp AddApp(string token, long appId, string name = null, IEnumerable<string> scopes = null)
        {
            lock (_state.Gate)
            {
                return _state.Apps.Add(appId, name ?? "Sandbox app " + appId, token, scopes);
            }
        }

        /// <summary>Number of contact records (including archived and merged ones).</summary>
        public int ContactCount
        {
            get { lock (_state.Gate) { return _state.Contacts.Count; } }
        }

        /// <summary>Every contact record (including archived and merged ones), by id.</summary>
        public IReadOnlyList<HubSpotContact> Contacts
        {
            get
            {
                lock (_state.Gate)
                {
                    return _state.Contacts.OrderedIds.Select(id => _state.Contacts.ById(id, followMerge: false).Clone()).ToList();
                }
            }
        }

        /// <summary>The contact with <paramref name="id"/> (archived too), or null; a merged id returns the survivor unless <paramref name="followMerge"/> is false.</summary>
        public HubSpotContact Contact(long id, bool followMerge = true)
        {
            lock (_state.Gate)
            {
                return _state.Contacts.ById(id, followMerge)?.Clone();
            }
        }

        /// <summary>The live contact whose primary email is <paramref name="email"/> (case-insensitive), else the last archived one when <paramref name="includeArchived"/>; or null.</summary>
        public HubSpotContact ContactByEmail(string email, bool includeArchived = false)
        {
            lock (_state.Gate)
            {
                HubSpotContact c = _state.Contacts.ByEmail(email, matchSecondary: false);
                if (c == null && includeArchived)
                {
                    c = _state.Contacts.ArchivedByEmail(email);
                }

                return c?.Clone();
            }
        }

        /// <summary>Adds a contact directly (no API call, no journal entry), e.g. to prepare a test. Values are stored as given.</summary>
        public HubSpotContact AddContact(IDictionary<string, string> properties, bool archived = false)
        {
            lock (_state.Gate)
            {
                var values = properties.ToDictionary(p => p.Key, p => p.Key == "email" ? p.Value?.Trim().ToLowerInvariant() : p.Value, StringComparer.Ordinal);
                HubSpotContact contact = _state.Contacts.Create(values, _state.Now);
                if (archived)
                {
                    _state.Contacts.Archive(contact, _state.Now);
                }

                return contact.Clone();
            }
        }

        /// <summary>Moves a contact to the recycling bin directly (as a user deleting it in HubSpot would). False when unknown.</summary>
        public bool ArchiveContact(long id)
        {
            lock (_state.Gate)
            {
                HubSpotContact c = _state.Contacts.ById(id, followMerge: false);
                if (c == null)
                {
                    return false;
                }

                _state.Contacts.Archive(c, _state.Now);
                return true;
            }
        }

        /// <summary>Every contact property definition (including archived ones).</summary>
        public IReadOnlyList<HubSpotProperty> Properties
        {
            get { lock (_state.Gate) { return _state.Properties.All.Select(p => p.Clone()).ToList(); } }
        }

        /// <summary>A live property definition, or null.</summary>
        public HubSpotProperty Property(string name)
        {
            lock (_state.Gate)
            {
                return _state.Properties.Find(name)?.Clone();
            }
        }

        /// <summary>Every property group.</summary>
        public IReadOnlyList<HubSpotPropertyGroup> PropertyGroups
        {
            get { lock (_state.Gate) { return _state.Properties.Groups.Select(g => g.Clone()).ToList(); } }
        }

        /// <summary>Property definitions of the marketing-event object (0-54), including archived ones.</summary>
        public IReadOnlyList<HubSpotProperty> MarketingEventProperties
        {
            get { lock (_state.Gate) { return _state.MarketingEventProperties.All.Select(p => p.Clone()).ToList(); } }
        }

        /// <summary>
        /// Whether apps may create, change or delete marketing-event property definitions through the properties API.
        /// Off by default: the spec lists no marketing-event scope for those writes (FACTS §D, unconfirmed), so the twin
        /// answers 403 and definitions come from the scenario, as they would from HubSpot's settings.
        /// </summary>
        public bool AllowMarketingEventPropertyWrites
        {
            get { lock (_state.Gate) { return _state.AllowMarketingEventPropertyWrites; } }
            set { lock (_state.Gate) { _state.AllowMarketingEventPropertyWrites = value; } }
        }

        /// <summary>Every marketing event with its participations.</summary>
        public IReadOnlyList<HubSpotMarketingEvent> MarketingEvents
        {
            get { lock (_state.Gate) { return _state.Events.Select(e => e.Clone()).ToList(); } }
        }

        /// <summary>The marketing event with this object id, or null.</summary>
        public HubSpotMarketingEvent MarketingEvent(string objectId)
        {
            lock (_state.Gate)
            {
                return objectId != null && _state.EventsByObjectId.TryGetValue(objectId, out HubSpotMarketingEvent e) ? e.Clone() : null;
            }
        }

        /// <summary>The first marketing event (of any app) with these external ids, or null.</summary>
        public HubSpotMarketingEvent MarketingEvent(string externalAccountId, string externalEventId)
        {
            lock (_state.Gate)
            {
                return _state.Events.FirstOrDefault(e => e.ExternalAccountId == externalAccountId && e.ExternalEventId == externalEventId)?.Clone();
            }
        }

        /// <summary>Every list, its members brought up to date (a DYNAMIC list's filter is evaluated now).</summary>
        public IReadOnlyList<HubSpotList> Lists
        {
            get
            {
                lock (_state.Gate)
                {
                    return _state.Lists.All.Select(l =>
                    {
                        _state.Lists.Refresh(l, _state.Contacts, _state.Now);
                        return l.Clone();
                    }).ToList();
                }
            }
        }

        /// <summary>The list with this ILS id (members up to date), or null.</summary>
        public HubSpotList List(string listId)
        {
            lock (_state.Gate)
            {
                HubSpotList list = _state.Lists.ById(listId);
                if (list == null)
                {
                    return null;
                }

                _state.Lists.Refresh(list, _state.Contacts, _state.Now);
                return list.Clone();
            }
        }

        /// <summary>Every timeline event template.</summary>
        public IReadOnlyList<HubSpotTimelineTemplate> TimelineTemplates
        {
            get { lock (_state.Gate) { return _state.Templates.Values.ToList(); } }
        }

        /// <summary>Every timeline event, in the order first sent.</summary>
        public IReadOnlyList<HubSpotTimelineEvent> TimelineEvents
        {
            get { lock (_state.Gate) { return _state.TimelineOrder.Select(e => e.Clone()).ToList(); } }
        }

        internal HubSpotState State => _state;

        internal void Seed(HubSpotSeed seed)
        {
            lock (_state.Gate)
            {
                _state.Seed(seed);
            }
        }

        internal void Register(RouteTable routes)
        {
            _router = new HubSpotRouter(routes, _state);
            ContactRoutes.Register(_router);
            ContactBatchRoutes.Register(_router);
            ContactSearchRoutes.Register(_router);
            PropertyRoutes.Register(_router);
            MarketingEventRoutes.Register(_router);
            ParticipationRoutes.Register(_router);
            TimelineRoutes.Register(_router);
            ListRoutes.Register(_router);
            ListMembershipRoutes.Register(_router);
            AccountRoutes.Register(_router);
            TokenInfoRoutes.Register(_router);
        }

        /// <summary>Checks the Bearer token (and the route's scope); null when fine, else the 401/403 to answer.</summary>
        internal SandboxResponse Authenticate(SandboxRequest request)
            => _router == null ? null : _router.Authenticate(request);
    }
}
