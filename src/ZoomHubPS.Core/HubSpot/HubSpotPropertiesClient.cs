using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Http;

namespace ZoomHubPS.Core.HubSpot
{
    /// <summary>Property definitions and groups of one object type (contacts, or marketing events).</summary>
    public class HubSpotPropertiesClient : HubSpotApiClient
    {
        /// <summary>The contacts object type.</summary>
        public const string Contacts = "contacts";

        /// <summary>The marketing-events object type (0-54).</summary>
        public const string MarketingEvents = "marketing_events";

        internal HubSpotPropertiesClient(ApiConnection api, string objectType = Contacts) : base(api) => ObjectType = objectType;

        /// <summary>For mocking.</summary>
        protected HubSpotPropertiesClient() { }

        /// <summary>The object type the definitions belong to.</summary>
        public string ObjectType { get; } = Contacts;

        /// <summary>GET /crm/v3/properties/{objectType} (not paged).</summary>
        public virtual async Task<IReadOnlyList<HubSpotProperty>> ListAsync(CancellationToken cancellationToken = default)
            => (await Api.SendAsync<ResultsBody<HubSpotProperty>>(HttpMethod.Get, HubSpotRoutes.PropertyList(ObjectType), null, RateCategory.Standard, cancellationToken).ConfigureAwait(false))?.Results ?? new List<HubSpotProperty>();

        /// <summary>POST /crm/v3/properties/{objectType} — 409 when the name exists.</summary>
        public virtual Task<HubSpotProperty> CreateAsync(HubSpotProperty property, CancellationToken cancellationToken = default)
            => Api.SendAsync<HubSpotProperty>(HttpMethod.Post, HubSpotRoutes.PropertyList(ObjectType), property, RateCategory.Standard, cancellationToken);

        /// <summary>POST /crm/v3/properties/{objectType}/batch/create.</summary>
        public virtual Task<HubSpotBatchResult<HubSpotProperty>> BatchCreateAsync(IEnumerable<HubSpotProperty> properties, CancellationToken cancellationToken = default)
            => BatchAsync<HubSpotProperty, HubSpotProperty>(HubSpotRoutes.PropertyBatchCreate(ObjectType), properties, chunk => new InputsBody<HubSpotProperty> { Inputs = chunk }, cancellationToken);

        /// <summary>GET /crm/v3/properties/{objectType}/groups.</summary>
        public virtual async Task<IReadOnlyList<HubSpotPropertyGroup>> ListGroupsAsync(CancellationToken cancellationToken = default)
            => (await Api.SendAsync<ResultsBody<HubSpotPropertyGroup>>(HttpMethod.Get, HubSpotRoutes.PropertyGroups(ObjectType), null, RateCategory.Standard, cancellationToken).ConfigureAwait(false))?.Results ?? new List<HubSpotPropertyGroup>();

        /// <summary>POST /crm/v3/properties/{objectType}/groups — 409 when it exists.</summary>
        public virtual Task<HubSpotPropertyGroup> CreateGroupAsync(HubSpotPropertyGroup group, CancellationToken cancellationToken = default)
            => Api.SendAsync<HubSpotPropertyGroup>(HttpMethod.Post, HubSpotRoutes.PropertyGroups(ObjectType), group, RateCategory.Standard, cancellationToken);
    }
}
