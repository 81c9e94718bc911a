using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Http;

namespace ZoomHubPS.Core.HubSpot
{
    /// <summary>The HubSpot API: sub-clients per area.</summary>
    public class HubSpotClient
    {
        /// <summary>HubSpot's batch maximum for CRM v3 batch endpoints (FACTS §2.4).</summary>
        public const int BatchSize = 100;

        internal HubSpotClient(ApiConnection api)
        {
            Contacts = new HubSpotContactsClient(api);
            Properties = new HubSpotPropertiesClient(api);
            EventProperties = new HubSpotPropertiesClient(api, HubSpotPropertiesClient.MarketingEvents);
            Lists = new HubSpotListsClient(api, Contacts);
            MarketingEvents = new HubSpotMarketingEventsClient(api);
            Timeline = new HubSpotTimelineClient(api);
            Account = new HubSpotAccountClient(api);
        }

        /// <summary>For mocking.</summary>
        protected HubSpotClient()
        {
        }

        /// <summary>Contacts.</summary>
        public virtual HubSpotContactsClient Contacts { get; }

        /// <summary>Contact properties and groups.</summary>
        public virtual HubSpotPropertiesClient Properties { get; }

        /// <summary>Marketing-event (0-54) property definitions and groups; creating them may be refused (FACTS §D).</summary>
        public virtual HubSpotPropertiesClient EventProperties { get; }

        /// <summary>Contact lists (v3) and their members.</summary>
        public virtual HubSpotListsClient Lists { get; }

        /// <summary>Marketing events and participations.</summary>
        public virtual HubSpotMarketingEventsClient MarketingEvents { get; }

        /// <summary>Timeline events.</summary>
        public virtual HubSpotTimelineClient Timeline { get; }

        /// <summary>Account details and usage.</summary>
        public virtual HubSpotAccountClient Account { get; }
    }

    /// <summary>Base of the HubSpot sub-clients.</summary>
    public abstract class HubSpotApiClient
    {
        internal HubSpotApiClient(ApiConnection api) => Api = api;

        /// <summary>For mocking.</summary>
        protected HubSpotApiClient()
        {
        }

        internal ApiConnection Api { get; }

        internal static IEnumerable<List<T>> Chunk<T>(IEnumerable<T> items, int size)
        {
            var chunk = new List<T>(size);
            foreach (T item in items)
            {
                chunk.Add(item);
                if (chunk.Count == size)
                {
                    yield return chunk;
                    chunk = new List<T>(size);
                }
            }

            if (chunk.Count > 0) yield return chunk;
        }

        internal async Task<HubSpotBatchResult<T>> BatchAsync<TInput, T>(string route, IEnumerable<TInput> inputs, Func<List<TInput>, object> body, CancellationToken ct)
        {
            var combined = new HubSpotBatchResult<T> { Status = "COMPLETE" };
            foreach (List<TInput> chunk in Chunk(inputs, HubSpotClient.BatchSize))
            {
                HubSpotBatchResult<T> part = await Api.SendAsync<HubSpotBatchResult<T>>(HttpMethod.Post, route, body(chunk), RateCategory.Standard, ct).ConfigureAwait(false);
                if (part == null) continue;
                combined.Results.AddRange(part.Results ?? new List<T>());
                combined.Errors.AddRange(part.Errors ?? new List<HubSpotBatchError>());
                combined.NumErrors += part.NumErrors;
            }

            return combined;
        }
    }

    /// <summary>Contacts.</summary>
    public class HubSpotContactsClient : HubSpotApiClient
    {
        internal HubSpotContactsClient(ApiConnection api) : base(api) { }

        /// <summary>For mocking.</summary>
        protected HubSpotContactsClient() { }

        /// <summary>POST /crm/v3/objects/contacts/batch/read — by email or id, 100 per request; missing ones are simply absent.</summary>
        public virtual Task<HubSpotBatchResult<HubSpotObject>> BatchReadAsync(IEnumerable<string> ids, string idProperty = "email", IEnumerable<string> properties = null, bool archived = false, CancellationToken cancellationToken = default)
        {
            List<string> props = properties?.ToList();
            string route = ApiPath.With(HubSpotRoutes.ContactsBatch("read"), ("archived", ApiPath.Flag(archived)));
            return BatchAsync<string, HubSpotObject>(route, ids.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct(StringComparer.OrdinalIgnoreCase),
                chunk => new BatchReadBody { IdProperty = idProperty == "hs_object_id" ? null : idProperty, Properties = props, Inputs = chunk.Select(i => new IdInput { Id = i }).ToList() },
                cancellationToken);
        }

        /// <summary>POST /crm/v3/objects/contacts/batch/upsert — 100 per request; per-input failures come back in Errors.</summary>
        public virtual Task<HubSpotBatchResult<HubSpotObject>> BatchUpsertAsync(IEnumerable<HubSpotObjectInput> inputs, CancellationToken cancellationToken = default)
            => BatchAsync<HubSpotObjectInput, HubSpotObject>(HubSpotRoutes.ContactsBatch("upsert"), inputs, chunk => new InputsBody<HubSpotObjectInput> { Inputs = chunk }, cancellationToken);

        /// <summary>POST /crm/v3/objects/contacts/batch/create — 100 per request.</summary>
        public virtual Task<HubSpotBatchResult<HubSpotObject>> BatchCreateAsync(IEnumerable<IDictionary<string, string>> properties, CancellationToken cancellationToken = default)
            => BatchAsync<IDictionary<string, string>, HubSpotObject>(HubSpotRoutes.ContactsBatch("create"), properties,
                chunk => new InputsBody<PropertiesInput> { Inputs = chunk.Select(p => new PropertiesInput { Properties = new Dictionary<string, string>(p) }).ToList() }, cancellationToken);

        /// <summary>POST /crm/v3/objects/contacts/batch/update — 100 per request (by id, or by idProperty).</summary>
        public virtual Task<HubSpotBatchResult<HubSpotObject>> BatchUpdateAsync(IEnumerable<HubSpotObjectInput> inputs, CancellationToken cancellationToken = default)
            => BatchAsync<HubSpotObjectInput, HubSpotObject>(HubSpotRoutes.ContactsBatch("update"), inputs, chunk => new InputsBody<HubSpotObjectInput> { Inputs = chunk }, cancellationToken);

        /// <summary>GET /crm/v3/objects/contacts/{contactId}[?idProperty=email] — null when not found.</summary>
        public virtual async Task<HubSpotObject> GetAsync(string idOrEmail, string idProperty = null, IEnumerable<string> properties = null, bool archived = false, CancellationToken cancellationToken = default)
        {
            string route = ApiPath.With(HubSpotRoutes.Contact(idOrEmail), ("idProperty", idProperty), ("properties", ApiPath.List(properties)), ("archived", archived ? "true" : null));
            try
            {
                return await Api.SendAsync<HubSpotObject>(HttpMethod.Get, route, null, RateCategory.Standard, cancellationToken).ConfigureAwait(false);
            }
            catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.NotFound)
            {
                return null;
            }
        }

        /// <summary>GET /crm/v3/objects/contacts — every contact, 100 per page.</summary>
        public virtual Pageable<HubSpotObject> List(IEnumerable<string> properties = null, bool archived = false, ListOptions options = null, CancellationToken cancellationToken = default)
        {
            options = options ?? new ListOptions();
            int size = options.PageSizeOr(100);
            string props = properties == null ? null : string.Join(",", properties);
            return new Pageable<HubSpotObject>(async (after, ct) =>
            {
                string route = ApiPath.With(HubSpotRoutes.ContactsList(), ("limit", ApiPath.Number(size)), ("properties", props), ("archived", archived ? "true" : null), ("after", after));
                ListResponse r = await Api.SendAsync<ListResponse>(HttpMethod.Get, route, null, RateCategory.Standard, ct).ConfigureAwait(false);
                return new Page<HubSpotObject>(r?.Results, r?.Paging?.Next?.After);
            }, options.MaxItems, null, null, cancellationToken);
        }

        /// <summary>POST /crm/v3/objects/contacts/search — 200 per page (search limit 5/s); HubSpot caps a query at 10,000 results.</summary>
        public virtual Pageable<HubSpotObject> Search(HubSpotSearchRequest request, ListOptions options = null, CancellationToken cancellationToken = default)
        {
            options = options ?? new ListOptions();
            int size = options.PageSizeOr(200);
            return new Pageable<HubSpotObject>(async (after, ct) =>
            {
                var body = new HubSpotSearchRequest
                {
                    FilterGroups = request.FilterGroups,
                    Sorts = request.Sorts,
                    Query = request.Query,
                    Properties = request.Properties,
                    Limit = size,
                    After = after,
                };
                SearchResponse r = await Api.SendAsync<SearchResponse>(HttpMethod.Post, HubSpotRoutes.ContactsSearch(), body, RateCategory.Search, ct).ConfigureAwait(false);
                string next = r?.Paging?.Next?.After;
                if (next != null && int.TryParse(next, out int n) && n >= 10_000) next = null; // HubSpot's 10,000-result cap
                return new Page<HubSpotObject>(r?.Results, next, r?.Total);
            }, options.MaxItems, null, null, cancellationToken);
        }

        /// <summary>DELETE /crm/v3/objects/contacts/{contactId} — moves it to the recycling bin.</summary>
        public virtual async Task ArchiveAsync(string contactId, CancellationToken cancellationToken = default)
        {
            using (await Api.SendRawAsync(HttpMethod.Delete, HubSpotRoutes.Contact(contactId), null, RateCategory.Standard, cancellationToken).ConfigureAwait(false))
            {
            }
        }

        /// <summary>POST /crm/v3/objects/contacts/merge.</summary>
        public virtual Task<HubSpotObject> MergeAsync(string primaryObjectId, string objectIdToMerge, CancellationToken cancellationToken = default)
            => Api.SendAsync<HubSpotObject>(HttpMethod.Post, HubSpotRoutes.ContactsMerge(), new MergeBody { PrimaryObjectId = primaryObjectId, ObjectIdToMerge = objectIdToMerge }, RateCategory.Standard, cancellationToken);

        private sealed class IdInput { [JsonPropertyName("id")] public string Id { get; set; } }

        private sealed class BatchReadBody
        {
            [JsonPropertyName("idProperty")] public string IdProperty { get; set; }
            [JsonPropertyName("properties")] public List<string> Properties { get; set; }
            [JsonPropertyName("inputs")] public List<IdInput> Inputs { get; set; }
        }

        private sealed class PropertiesInput { [JsonPropertyName("properties")] public Dictionary<string, string> Properties { get; set; } }

        private sealed class MergeBody
        {
            [JsonPropertyName("primaryObjectId")] public string PrimaryObjectId { get; set; }
            [JsonPropertyName("objectIdToMerge")] public string ObjectIdToMerge { get; set; }
        }

        private sealed class ListResponse
        {
            [JsonPropertyName("results")] public List<HubSpotObject> Results { get; set; }
            [JsonPropertyName("paging")] public Paging Paging { get; set; }
        }

        private sealed class SearchResponse
        {
            [JsonPropertyName("total")] public long Total { get; set; }
            [JsonPropertyName("results")] public List<HubSpotObject> Results { get; set; }
            [JsonPropertyName("paging")] public Paging Paging { get; set; }
        }
    }

    internal sealed class InputsBody<T> { [JsonPropertyName("inputs")] public List<T> Inputs { get; set; } }

    internal sealed class Paging { [JsonPropertyName("next")] public PagingNext Next { get; set; } }

    internal sealed class PagingNext { [JsonPropertyName("after")] public string After { get; set; } }

    internal sealed class ResultsBody<T> { [JsonPropertyName("results")] public List<T> Results { get; set; } = new List<T>(); }

    /// <summary>Marketing events (FACTS §6).</summary>
    public class HubSpotMarketingEventsClient : HubSpotApiClient
    {
        /// <summary>Inputs per attendance call (the sandbox's and, we assume, HubSpot's cap; unconfirmed in FACTS).</summary>
        public const int AttendanceBatchSize = 100;

        internal HubSpotMarketingEventsClient(ApiConnection api) : base(api) { }

        /// <summary>For mocking.</summary>
        protected HubSpotMarketingEventsClient() { }

        /// <summary>POST /marketing/v3/marketing-events/events/upsert — creates or updates events this app owns.</summary>
        public virtual async Task<IReadOnlyList<HubSpotMarketingEvent>> UpsertAsync(IEnumerable<HubSpotMarketingEvent> events, CancellationToken cancellationToken = default)
            => (await Api.SendAsync<ResultsBody<HubSpotMarketingEvent>>(HttpMethod.Post, HubSpotRoutes.EventsUpsert(), new InputsBody<HubSpotMarketingEvent> { Inputs = events.ToList() }, RateCategory.Standard, cancellationToken).ConfigureAwait(false))?.Results
               ?? new List<HubSpotMarketingEvent>();

        /// <summary>GET /marketing/v3/marketing-events?limit=&amp;after= — every marketing event of the portal, 100 per page.</summary>
        public virtual Pageable<HubSpotMarketingEvent> List(ListOptions options = null, CancellationToken cancellationToken = default)
        {
            options = options ?? new ListOptions();
            int size = options.PageSizeOr(100);
            return new Pageable<HubSpotMarketingEvent>(async (after, ct) =>
            {
                string route = ApiPath.With(HubSpotRoutes.EventsList(), ("limit", ApiPath.Number(size)), ("after", after));
                EventListResponse r = await Api.SendAsync<EventListResponse>(HttpMethod.Get, route, null, RateCategory.Standard, ct).ConfigureAwait(false);
                return new Page<HubSpotMarketingEvent>(r?.Results, r?.Paging?.Next?.After);
            }, options.MaxItems, null, null, cancellationToken);
        }

        /// <summary>GET /marketing/v3/marketing-events/events/{externalEventId}?externalAccountId= — null when absent.</summary>
        public virtual async Task<HubSpotMarketingEvent> GetAsync(string externalEventId, string externalAccountId, CancellationToken cancellationToken = default)
        {
            try
            {
                return await Api.SendAsync<HubSpotMarketingEvent>(HttpMethod.Get, HubSpotRoutes.Event(externalEventId, externalAccountId), null, RateCategory.Standard, cancellationToken).ConfigureAwait(false);
            }
            catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.NotFound)
            {
                return null;
            }
        }

        /// <summary>POST …/events/{externalEventId}/complete — start and end are required.</summary>
        public virtual Task<HubSpotMarketingEvent> CompleteAsync(string externalEventId, string externalAccountId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken = default)
            => Api.SendAsync<HubSpotMarketingEvent>(HttpMethod.Post, HubSpotRoutes.EventComplete(externalEventId, externalAccountId),
                new CompleteBody { StartDateTime = start, EndDateTime = end }, RateCategory.Standard, cancellationToken);

        /// <summary>POST …/events/{externalEventId}/cancel.</summary>
        public virtual Task<HubSpotMarketingEvent> CancelAsync(string externalEventId, string externalAccountId, CancellationToken cancellationToken = default)
            => Api.SendAsync<HubSpotMarketingEvent>(HttpMethod.Post, HubSpotRoutes.EventCancel(externalEventId, externalAccountId), null, RateCategory.Standard, cancellationToken);

        /// <summary>
        /// POST …/attendance/{externalEventId}/{state}/create (by contact id) or /email-create (by email; creates missing
        /// contacts), split into calls of <see cref="AttendanceBatchSize"/>.
        /// </summary>
        public virtual Task<HubSpotBatchResult<HubSpotAttendanceResult>> RecordAsync(string externalEventId, string externalAccountId, ParticipationState state, IEnumerable<HubSpotParticipationInput> inputs, bool byEmail, CancellationToken cancellationToken = default)
        {
            string route = HubSpotRoutes.Attendance(externalEventId, state.ToString().ToLowerInvariant(), byEmail, externalAccountId);
            return BatchAsync<HubSpotParticipationInput, HubSpotAttendanceResult>(route, inputs, chunk => new InputsBody<HubSpotParticipationInput> { Inputs = chunk }, cancellationToken);
        }

        /// <summary>GET …/participations/{externalAccountId}/{externalEventId}.</summary>
        public virtual Task<HubSpotParticipationCounters> GetCountersAsync(string externalEventId, string externalAccountId, CancellationToken cancellationToken = default)
            => Api.SendAsync<HubSpotParticipationCounters>(HttpMethod.Get, HubSpotRoutes.Counters(externalAccountId, externalEventId), null, RateCategory.Standard, cancellationToken);

        /// <summary>GET …/participations/contacts/{contactIdentifier}/breakdown.</summary>
        public virtual async Task<IReadOnlyList<HubSpotParticipationBreakdown>> GetContactBreakdownAsync(string contactIdOrEmail, CancellationToken cancellationToken = default)
            => (await Api.SendAsync<ResultsBody<HubSpotParticipationBreakdown>>(HttpMethod.Get, HubSpotRoutes.ContactBreakdown(contactIdOrEmail), null, RateCategory.Standard, cancellationToken).ConfigureAwait(false))?.Results
               ?? new List<HubSpotParticipationBreakdown>();

        private sealed class EventListResponse
        {
            [JsonPropertyName("results")] public List<HubSpotMarketingEvent> Results { get; set; }
            [JsonPropertyName("paging")] public Paging Paging { get; set; }
        }

        private sealed class CompleteBody
        {
            [JsonPropertyName("startDateTime")] public DateTimeOffset StartDateTime { get; set; }
            [JsonPropertyName("endDateTime")] public DateTimeOffset EndDateTime { get; set; }
        }
    }

    /// <summary>One result of an attendance call.</summary>
    public sealed class HubSpotAttendanceResult
    {
        [JsonPropertyName("vid")] public long? ContactId { get; set; }
        [JsonPropertyName("email")] public string Email { get; set; }
    }

    /// <summary>Timeline events (partner apps only; FACTS §2.7).</summary>
    public class HubSpotTimelineClient : HubSpotApiClient
    {
        internal HubSpotTimelineClient(ApiConnection api) : base(api) { }

        /// <summary>For mocking.</summary>
        protected HubSpotTimelineClient() { }

        /// <summary>GET /integrators/timeline/v3/{appId}/event-templates.</summary>
        public virtual async Task<IReadOnlyList<HubSpotTimelineTemplate>> ListTemplatesAsync(long appId, CancellationToken cancellationToken = default)
            => (await Api.SendAsync<ResultsBody<HubSpotTimelineTemplate>>(HttpMethod.Get, HubSpotRoutes.TimelineTemplates(appId), null, RateCategory.Standard, cancellationToken).ConfigureAwait(false))?.Results
               ?? new List<HubSpotTimelineTemplate>();

        /// <summary>POST /integrators/timeline/v3/{appId}/event-templates.</summary>
        public virtual Task<HubSpotTimelineTemplate> CreateTemplateAsync(long appId, HubSpotTimelineTemplate template, CancellationToken cancellationToken = default)
            => Api.SendAsync<HubSpotTimelineTemplate>(HttpMethod.Post, HubSpotRoutes.TimelineTemplates(appId), template, RateCategory.Standard, cancellationToken);

        /// <summary>PUT /integrators/timeline/v3/{appId}/event-templates/{eventTemplateId} — the token list replaces the old one; a token keeps its type.</summary>
        public virtual Task<HubSpotTimelineTemplate> UpdateTemplateAsync(long appId, HubSpotTimelineTemplate template, CancellationToken cancellationToken = default)
            => Api.SendAsync<HubSpotTimelineTemplate>(HttpMethod.Put, HubSpotRoutes.TimelineTemplate(appId, template.Id), template, RateCategory.Standard, cancellationToken);

        /// <summary>POST /integrators/timeline/v3/events/batch/create — 100 per request; a re-sent id is the same event.</summary>
        public virtual Task<HubSpotBatchResult<HubSpotTimelineEvent>> CreateEventsAsync(IEnumerable<HubSpotTimelineEvent> events, CancellationToken cancellationToken = default)
            => BatchAsync<HubSpotTimelineEvent, HubSpotTimelineEvent>(HubSpotRoutes.TimelineEventsBatch(), events, chunk => new InputsBody<HubSpotTimelineEvent> { Inputs = chunk }, cancellationToken);
    }

    /// <summary>Account details and API usage.</summary>
    public class HubSpotAccountClient : HubSpotApiClient
    {
        internal HubSpotAccountClient(ApiConnection api) : base(api) { }

        /// <summary>For mocking.</summary>
        protected HubSpotAccountClient() { }

        /// <summary>GET /account-info/v3/details.</summary>
        public virtual Task<HubSpotAccountDetails> GetDetailsAsync(CancellationToken cancellationToken = default)
            => Api.SendAsync<HubSpotAccountDetails>(HttpMethod.Get, HubSpotRoutes.AccountDetails(), null, RateCategory.Standard, cancellationToken);

        /// <summary>
        /// POST /oauth/v2/private-apps/get/access-token-info — the scopes a private-app / service-key token was granted
        /// (FACTS §E: no scope needed; the token travels in the JSON body, never in the URL, and as the Bearer header).
        /// </summary>
        public virtual Task<HubSpotAccessTokenInfo> GetAccessTokenInfoAsync(System.Security.SecureString token, CancellationToken cancellationToken = default)
            => Api.SendAsync<HubSpotAccessTokenInfo>(new ApiRequest(HttpMethod.Post, HubSpotRoutes.AccessTokenInfo(), RateCategory.Standard)
            {
                Kind = RouteKind.Read,
                Body = new AccessTokenInfoBody { TokenKey = SecretText.Read(token) },
            }, cancellationToken);

        /// <summary>GET /account-info/v3/api-usage/daily/private-apps.</summary>
        public virtual async Task<IReadOnlyList<HubSpotDailyUsage>> GetDailyUsageAsync(CancellationToken cancellationToken = default)
            => (await Api.SendAsync<ResultsBody<HubSpotDailyUsage>>(HttpMethod.Get, HubSpotRoutes.DailyUsage(), null, RateCategory.Standard, cancellationToken).ConfigureAwait(false))?.Results
               ?? new List<HubSpotDailyUsage>();
    }

    internal sealed class AccessTokenInfoBody { [JsonPropertyName("tokenKey")] public string TokenKey { get; set; } }
}
