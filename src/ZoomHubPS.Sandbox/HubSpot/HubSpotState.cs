using System;
using System.Collections.Generic;
using System.Linq;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>Everything the HubSpot twin holds. Every access happens under <see cref="Gate"/>.</summary>
    internal sealed class HubSpotState
    {
        /// <summary>Token of the default app when the scenario names none (a sandbox value, never a real token).</summary>
        internal const string DefaultToken = "pat-na1-00000000-0000-4000-8000-5a4db0c0ffee";

        internal const long DefaultAppId = 1234567;

        internal HubSpotState(SandboxContext context)
        {
            Context = context;
            Properties = new PropertyCatalog(context.Now);
        }

        internal object Gate { get; } = new object();

        internal SandboxContext Context { get; }

        internal DateTimeOffset Now => Context.Now;

        internal long PortalId { get; set; } = 12345678;

        internal string Tier { get; set; } = "Professional";

        internal string TimeZone { get; set; } = "UTC";

        internal string CompanyCurrency { get; set; } = "USD";

        internal HubSpotApps Apps { get; } = new HubSpotApps();

        internal PropertyCatalog Properties { get; }

        /// <summary>Property definitions of the marketing-event object (0-54).</summary>
        internal PropertyCatalog MarketingEventProperties { get; } = PropertyCatalog.ForMarketingEvents();

        /// <summary>Whether the properties API may change marketing-event definitions (creating them by API is unconfirmed: off).</summary>
        internal bool AllowMarketingEventPropertyWrites { get; set; }

        internal ContactStore Contacts { get; } = new ContactStore();

        /// <summary>Contact lists (Lists v3).</summary>
        internal ListStore Lists { get; } = new ListStore();

        internal bool MatchSecondaryEmail { get; set; }

        /// <summary>Developer API key accepted as <c>?hapikey=</c> on timeline event-template routes.</summary>
        internal string DeveloperApiKey { get; set; } = "sandbox-developer-hapikey-0000";

        // Marketing events.
        internal List<HubSpotMarketingEvent> Events { get; } = new List<HubSpotMarketingEvent>();

        internal Dictionary<string, HubSpotMarketingEvent> EventsByObjectId { get; } = new Dictionary<string, HubSpotMarketingEvent>(StringComparer.Ordinal);

        internal Dictionary<string, HubSpotMarketingEvent> EventsByExternalKey { get; } = new Dictionary<string, HubSpotMarketingEvent>(StringComparer.Ordinal);

        internal long NextEventObjectId { get; set; } = 5000001;

        internal long NextParticipationId { get; set; } = 9000001;

        /// <summary>Participations by contact id, for the per-contact breakdown without scanning every event.</summary>
        internal Dictionary<long, List<KeyValuePair<HubSpotMarketingEvent, HubSpotParticipation>>> ParticipationsByContact { get; }
            = new Dictionary<long, List<KeyValuePair<HubSpotMarketingEvent, HubSpotParticipation>>>();

        // Timeline.
        internal Dictionary<string, HubSpotTimelineTemplate> Templates { get; } = new Dictionary<string, HubSpotTimelineTemplate>(StringComparer.Ordinal);

        internal Dictionary<string, HubSpotTimelineEvent> TimelineEvents { get; } = new Dictionary<string, HubSpotTimelineEvent>(StringComparer.Ordinal);

        internal List<HubSpotTimelineEvent> TimelineOrder { get; } = new List<HubSpotTimelineEvent>();

        internal long NextTemplateId { get; set; } = 1001001;

        // A marketing-event property seeded without a group lands in the object's own default group, not the contacts' one.
        private static HubSpotPropertySeed MarketingEventSeed(HubSpotPropertySeed p) => new HubSpotPropertySeed
        {
            Name = p.Name, Label = p.Label, Type = p.Type, FieldType = p.FieldType, Description = p.Description, Hidden = p.Hidden,
            GroupName = string.IsNullOrEmpty(p.GroupName) || p.GroupName == PropertyCatalog.DefaultGroup ? PropertyCatalog.MarketingEventGroup : p.GroupName,
        };

        internal static string ExternalKey(long appId, string externalAccountId, string externalEventId)
            => appId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" + externalAccountId + "\n" + externalEventId;

        internal static string TimelineKey(string templateId, string eventId) => templateId + "\n" + eventId;

        internal void Seed(HubSpotSeed seed)
        {
            seed = seed ?? new HubSpotSeed();
            PortalId = seed.PortalId;
            Tier = seed.Tier ?? Tier;
            TimeZone = seed.TimeZone ?? TimeZone;
            CompanyCurrency = seed.CompanyCurrency ?? CompanyCurrency;
            Apps.Add(DefaultAppId, "ZoomHubPS sandbox app", string.IsNullOrEmpty(seed.Token) ? DefaultToken : seed.Token, seed.Scopes);
            Properties.Seed(seed, Now);
            AllowMarketingEventPropertyWrites = seed.AllowMarketingEventPropertyWrites;
            MarketingEventProperties.Seed(null, (seed.MarketingEventProperties ?? new List<HubSpotPropertySeed>()).Select(MarketingEventSeed), Now);
            Contacts.Seed(seed.Contacts, Now);
            Lists.Seed(seed.Lists, Contacts, Now);
        }
    }
}
