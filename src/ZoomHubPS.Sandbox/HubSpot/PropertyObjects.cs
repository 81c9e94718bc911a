using System;
using System.Net;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// An object type the properties API serves (<c>/crm/v3/properties/{objectType}</c>): its path names, the scopes
    /// its reads and writes need ([HS-PROPS] security), its catalog, and whether writes are refused.
    /// </summary>
    internal sealed class PropertyObject
    {
        /// <summary>Contacts: reads crm.schemas.contacts.read, writes crm.schemas.contacts.write.</summary>
        internal static readonly PropertyObject Contacts = new PropertyObject(
            "contacts", new[] { "contacts" }, PropertyRoutes.Read, PropertyRoutes.Write, s => s.Properties, s => null);

        /// <summary>
        /// Marketing events (0-54). The spec lets the marketing-event scopes read definitions; its write operations list
        /// no marketing-event scope, so whether an app can create them is unconfirmed (FACTS §D). The twin refuses writes
        /// with 403 MISSING_SCOPES unless the scenario allows them, so a client must cope with definitions made in the UI.
        /// </summary>
        internal static readonly PropertyObject MarketingEvents = new PropertyObject(
            "marketing_events", new[] { "marketing_events", "0-54" },
            "crm.objects.marketing_events.read|crm.objects.marketing_events.write|crm.schemas.contacts.read",
            "crm.objects.marketing_events.write", s => s.MarketingEventProperties, RefuseMarketingEventWrites);

        private readonly Func<HubSpotState, SandboxResponse> _writeRefusal;

        private PropertyObject(string name, string[] paths, string readScope, string writeScope, Func<HubSpotState, PropertyCatalog> catalog,
            Func<HubSpotState, SandboxResponse> writeRefusal)
        {
            Name = name;
            Paths = paths;
            ReadScope = readScope;
            WriteScope = writeScope;
            Catalog = catalog;
            _writeRefusal = writeRefusal;
        }

        /// <summary>The name error messages use ("for object type contacts").</summary>
        internal string Name { get; }

        /// <summary>The <c>{objectType}</c> values that reach it (name and object type id).</summary>
        internal string[] Paths { get; }

        internal string ReadScope { get; }

        internal string WriteScope { get; }

        internal Func<HubSpotState, PropertyCatalog> Catalog { get; }

        /// <summary>The answer to a definition write when writes are refused, else null.</summary>
        internal SandboxResponse RefuseWrite(HubSpotState state) => _writeRefusal(state);

        private static SandboxResponse RefuseMarketingEventWrites(HubSpotState state)
            => state.AllowMarketingEventPropertyWrites
                ? null
                : HubSpotJson.Error(HttpStatusCode.Forbidden, "MISSING_SCOPES",
                    "This app hasn't been granted all required scopes to make this call. Property definitions of marketing events (0-54) "
                    + "are not writable with this app's scopes; create them in HubSpot under Settings > Properties > Marketing event properties.");
    }
}
