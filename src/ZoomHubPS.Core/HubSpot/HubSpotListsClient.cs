using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Http;

namespace ZoomHubPS.Core.HubSpot
{
    /// <summary>A HubSpot list (lists v3; FACTS §C).</summary>
    public sealed class HubSpotList
    {
        /// <summary>The ILS id, digits as text (the id v3 takes; not the legacy v1 id).</summary>
        [JsonPropertyName("listId")] public string ListId { get; set; }

        /// <summary>The list's name (unique, matched without case).</summary>
        [JsonPropertyName("name")] public string Name { get; set; }

        /// <summary>MANUAL, DYNAMIC or SNAPSHOT.</summary>
        [JsonPropertyName("processingType")] public string ProcessingType { get; set; }

        /// <summary>"0-1" for contact lists.</summary>
        [JsonPropertyName("objectTypeId")] public string ObjectTypeId { get; set; }

        /// <summary>Members, as HubSpot counts them.</summary>
        [JsonPropertyName("size")] public long? Size { get; set; }

        /// <summary>When the list was created.</summary>
        [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>When the list last changed.</summary>
        [JsonPropertyName("updatedAt")] public DateTimeOffset? UpdatedAt { get; set; }
    }

    /// <summary>One member of a list: the record and when it joined.</summary>
    public sealed class HubSpotListMembership
    {
        /// <summary>The contact id.</summary>
        [JsonPropertyName("recordId")] public string RecordId { get; set; }

        /// <summary>When the record joined the list.</summary>
        [JsonPropertyName("membershipTimestamp")] public DateTimeOffset? MembershipTimestamp { get; set; }
    }

    /// <summary>No HubSpot contact list has the id or name (or it is not a contact list).</summary>
    public sealed class HubSpotListNotFoundException : InvalidOperationException
    {
        /// <summary>Creates the exception.</summary>
        public HubSpotListNotFoundException(string listId, string listName, string message) : base(message)
        {
            ListId = listId;
            ListName = listName;
        }

        /// <summary>The id asked for, or null.</summary>
        public string ListId { get; }

        /// <summary>The name asked for, or null.</summary>
        public string ListName { get; }
    }

    /// <summary>Contact lists (lists v3): a list by id or name, its memberships, and its members as contacts.</summary>
    public class HubSpotListsClient : HubSpotApiClient
    {
        /// <summary>The largest membership page HubSpot serves (FACTS §C).</summary>
        public const int MembershipPageSize = 250;

        /// <summary>The contacts object type id.</summary>
        public const string ContactsObjectTypeId = "0-1";

        private readonly HubSpotContactsClient _contacts;

        internal HubSpotListsClient(ApiConnection api, HubSpotContactsClient contacts) : base(api) => _contacts = contacts;

        /// <summary>For mocking.</summary>
        protected HubSpotListsClient() { }

        /// <summary>GET /crm/v3/lists/{listId} — null when there is no such list.</summary>
        public virtual async Task<HubSpotList> GetAsync(string listId, CancellationToken cancellationToken = default)
        {
            try
            {
                return (await Api.SendAsync<ListEnvelope>(HttpMethod.Get, HubSpotRoutes.List(listId), null, RateCategory.Standard, cancellationToken).ConfigureAwait(false))?.List;
            }
            catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.NotFound)
            {
                return null;
            }
        }

        /// <summary>GET /crm/v3/lists/object-type-id/{objectTypeId}/name/{listName} — matched without case; null when none has the name.</summary>
        public virtual async Task<HubSpotList> GetByNameAsync(string name, string objectTypeId = ContactsObjectTypeId, CancellationToken cancellationToken = default)
        {
            try
            {
                return (await Api.SendAsync<ListEnvelope>(HttpMethod.Get, HubSpotRoutes.ListByName(objectTypeId, name), null, RateCategory.Standard, cancellationToken).ConfigureAwait(false))?.List;
            }
            catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.NotFound)
            {
                return null;
            }
        }

        /// <summary>
        /// The contact list with this ILS id, else (id null) the one with this name, matched without case; throws
        /// <see cref="HubSpotListNotFoundException"/> when there is none or it is not a contact list.
        /// </summary>
        public virtual async Task<HubSpotList> FindContactListAsync(string listId, string listName, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(listId) && string.IsNullOrWhiteSpace(listName)) throw new ArgumentException("Give a HubSpot list id or a list name.");
            bool byId = !string.IsNullOrWhiteSpace(listId);
            HubSpotList list = byId
                ? await GetAsync(listId.Trim(), cancellationToken).ConfigureAwait(false)
                : await GetByNameAsync(listName, ContactsObjectTypeId, cancellationToken).ConfigureAwait(false);
            string named = byId ? $"id {listId}" : $"name '{listName}'";
            if (list == null)
            {
                throw new HubSpotListNotFoundException(listId, listName, $"No HubSpot list has the {named}. List ids are the lists' ILS ids (in the list's URL in HubSpot), not the legacy v1 ids.");
            }

            if (list.ObjectTypeId != null && list.ObjectTypeId != ContactsObjectTypeId)
            {
                throw new HubSpotListNotFoundException(listId, listName, $"The HubSpot list with the {named} ('{list.Name}') is not a contact list (object type {list.ObjectTypeId}).");
            }

            return list;
        }

        /// <summary>GET /crm/v3/lists/{listId}/memberships — by record id, up to 250 per page.</summary>
        public virtual Pageable<HubSpotListMembership> ListMemberships(string listId, ListOptions options = null, CancellationToken cancellationToken = default)
        {
            options = options ?? new ListOptions();
            return new Pageable<HubSpotListMembership>((after, ct) => MembershipPageAsync(listId, after, options, ct), options.MaxItems, null, null, cancellationToken);
        }

        /// <summary>
        /// The list's members as contacts, in membership order, page by page: memberships are read 250 at a time and the
        /// contacts by batch read, 100 per call — a page's last few ids wait for the next page, so 1,000 members take 10
        /// reads, not 12. Members deleted since they joined are left out. <paramref name="options"/>' MaxItems counts contacts.
        /// </summary>
        public virtual Pageable<HubSpotObject> ListContacts(string listId, IEnumerable<string> properties, ListOptions options = null, CancellationToken cancellationToken = default)
        {
            options = options ?? new ListOptions();
            List<string> props = properties?.ToList();
            // -First 5 reads 5 memberships, not a full page, and reads them at once.
            bool few = options.MaxItems > 0 && options.MaxItems < MembershipPageSize;
            var pages = new ListOptions { PageSize = few ? (int)options.MaxItems : options.PageSize };
            var waiting = new List<string>();
            return new Pageable<HubSpotObject>(async (after, ct) =>
            {
                if (after == null) waiting.Clear(); // a listing (re)starts
                Page<HubSpotListMembership> page = await MembershipPageAsync(listId, after, pages, ct).ConfigureAwait(false);
                waiting.AddRange(page.Items.Select(m => m.RecordId).Where(id => !string.IsNullOrEmpty(id)));
                bool last = page.ContinuationToken == null;
                int take = last || few ? waiting.Count : waiting.Count / HubSpotClient.BatchSize * HubSpotClient.BatchSize;
                List<string> ids = waiting.GetRange(0, take);
                waiting.RemoveRange(0, take);
                var contacts = new List<HubSpotObject>();
                if (ids.Count > 0)
                {
                    HubSpotBatchResult<HubSpotObject> read = await _contacts.BatchReadAsync(ids, "hs_object_id", props, false, ct).ConfigureAwait(false);
                    var byId = read.Results.Where(c => c.Id != null).GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                    contacts.AddRange(ids.Where(byId.ContainsKey).Select(id => byId[id]));
                }

                return new Page<HubSpotObject>(contacts, page.ContinuationToken, page.TotalCount);
            }, options.MaxItems, null, null, cancellationToken);
        }

        private async Task<Page<HubSpotListMembership>> MembershipPageAsync(string listId, string after, ListOptions options, CancellationToken ct)
        {
            string route = ApiPath.With(HubSpotRoutes.ListMemberships(listId), ("limit", ApiPath.Number(options.PageSizeOr(MembershipPageSize))), ("after", after));
            MembershipsPage r = await Api.SendAsync<MembershipsPage>(HttpMethod.Get, route, null, RateCategory.Standard, ct).ConfigureAwait(false);
            return new Page<HubSpotListMembership>(r?.Results, r?.Paging?.Next?.After, r?.Total);
        }

        private sealed class ListEnvelope { [JsonPropertyName("list")] public HubSpotList List { get; set; } }

        private sealed class MembershipsPage
        {
            [JsonPropertyName("results")] public List<HubSpotListMembership> Results { get; set; }
            [JsonPropertyName("paging")] public Paging Paging { get; set; }
            [JsonPropertyName("total")] public long? Total { get; set; }
        }
    }
}
