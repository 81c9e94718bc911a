using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Http;

namespace ZoomHubPS.Core.Zoom
{
    /// <summary>The Zoom API: sub-clients per area (Octokit style).</summary>
    public class ZoomClient
    {
        internal ZoomClient(ApiConnection api)
        {
            Users = new ZoomUsersClient(api);
            Webinars = new ZoomWebinarsClient(api);
            Registrants = new ZoomRegistrantsClient(api);
            PastWebinars = new ZoomPastWebinarsClient(api);
            Recordings = new ZoomRecordingsClient(api);
            PastListings = new ZoomPastListingsClient(api);
            Polls = new ZoomPollsClient(api);
            QandA = new ZoomQandAClient(api);
        }

        /// <summary>For mocking.</summary>
        protected ZoomClient()
        {
        }

        /// <summary>Users of the account.</summary>
        public virtual ZoomUsersClient Users { get; }

        /// <summary>Webinars, questions, panelists.</summary>
        public virtual ZoomWebinarsClient Webinars { get; }

        /// <summary>Registrants: list, get, add, batch add, status.</summary>
        public virtual ZoomRegistrantsClient Registrants { get; }

        /// <summary>Past instances, participants, absentees, reports.</summary>
        public virtual ZoomPastWebinarsClient PastWebinars { get; }

        /// <summary>Cloud recordings.</summary>
        public virtual ZoomRecordingsClient Recordings { get; }

        /// <summary>Listings of held webinars (Dashboard, user report), for discovery beyond what Zoom lists per host.</summary>
        public virtual ZoomPastListingsClient PastListings { get; }

        /// <summary>Poll definitions and what attendees answered.</summary>
        public virtual ZoomPollsClient Polls { get; }

        /// <summary>What attendees asked in Q&amp;A, and the answers.</summary>
        public virtual ZoomQandAClient QandA { get; }
    }

    /// <summary>Base of the Zoom sub-clients.</summary>
    public abstract class ZoomApiClient
    {
        internal ZoomApiClient(ApiConnection api) => Api = api;

        /// <summary>For mocking.</summary>
        protected ZoomApiClient()
        {
        }

        internal ApiConnection Api { get; }

        internal static string Query(string path, params (string Name, string Value)[] parameters) => ApiPath.With(path, parameters);

        internal static string N(long n) => ApiPath.Number(n);

        /// <summary>Zoom: "The next page token is invalid or expired." (400, code 300).</summary>
        internal static bool IsExpiredPageToken(Exception ex)
            => ex is ZoomHubApiException z && z.ZoomCode == ZoomErrorCodes.ValidationFailed && z.VendorMessage != null && z.VendorMessage.IndexOf("next page token", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>Users.</summary>
    public class ZoomUsersClient : ZoomApiClient
    {
        internal ZoomUsersClient(ApiConnection api) : base(api) { }

        /// <summary>For mocking.</summary>
        protected ZoomUsersClient() { }

        /// <summary>GET /users — page_size up to 2000.</summary>
        public virtual Pageable<ZoomUser> List(UserStatus status = UserStatus.Active, ListOptions options = null, CancellationToken cancellationToken = default)
        {
            options = options ?? new ListOptions();
            int size = options.PageSizeOr(2000);
            return new Pageable<ZoomUser>(async (token, ct) =>
            {
                UsersEnvelope e = await Api.SendAsync<UsersEnvelope>(HttpMethod.Get,
                    Query(ZoomRoutes.Users(), ("status", status.ToString().ToLowerInvariant()), ("page_size", N(size)), ("next_page_token", token)),
                    null, RateCategory.Medium, ct).ConfigureAwait(false);
                return new Page<ZoomUser>(e?.Users, e?.NextPageToken, e?.TotalRecords);
            }, options.MaxItems, u => u.Id, IsExpiredPageToken, cancellationToken);
        }

        /// <summary>GET /users/{userId} (id or email).</summary>
        public virtual Task<ZoomUser> GetAsync(string userIdOrEmail, CancellationToken cancellationToken = default)
            => Api.SendAsync<ZoomUser>(HttpMethod.Get, ZoomRoutes.User(userIdOrEmail), null, RateCategory.Light, cancellationToken);
    }

    /// <summary>Webinars, their registration questions and panelists.</summary>
    public class ZoomWebinarsClient : ZoomApiClient
    {
        internal ZoomWebinarsClient(ApiConnection api) : base(api) { }

        /// <summary>For mocking.</summary>
        protected ZoomWebinarsClient() { }

        /// <summary>GET /webinars/{webinarId} (with previous occurrences, so past instances map to occurrences).</summary>
        public virtual Task<ZoomWebinar> GetAsync(long webinarId, CancellationToken cancellationToken = default)
            => Api.SendAsync<ZoomWebinar>(HttpMethod.Get, Query(ZoomRoutes.Webinar(webinarId), ("show_previous_occurrences", "true")), null, RateCategory.Light, cancellationToken);

        /// <summary>GET /users/{userId}/webinars — a host's unexpired webinars; page_size up to 300.</summary>
        public virtual Pageable<ZoomWebinar> ListByHost(string hostIdOrEmail, WebinarListType type = WebinarListType.Scheduled, ListOptions options = null, CancellationToken cancellationToken = default)
        {
            options = options ?? new ListOptions();
            int size = options.PageSizeOr(300);
            return new Pageable<ZoomWebinar>(async (token, ct) =>
            {
                WebinarsEnvelope e = await Api.SendAsync<WebinarsEnvelope>(HttpMethod.Get,
                    Query(ZoomRoutes.HostWebinars(hostIdOrEmail), ("type", type.ToString().ToLowerInvariant()), ("page_size", N(size)), ("next_page_token", token)),
                    null, RateCategory.Medium, ct).ConfigureAwait(false);
                return new Page<ZoomWebinar>(e?.Webinars, e?.NextPageToken, e?.TotalRecords);
            }, options.MaxItems, w => w.Id.ToString(CultureInfo.InvariantCulture), IsExpiredPageToken, cancellationToken);
        }

        /// <summary>GET /webinars/{webinarId}/registrants/questions.</summary>
        public virtual Task<ZoomRegistrationQuestions> GetRegistrationQuestionsAsync(long webinarId, CancellationToken cancellationToken = default)
            => Api.SendAsync<ZoomRegistrationQuestions>(HttpMethod.Get, ZoomRoutes.Questions(webinarId), null, RateCategory.Light, cancellationToken);

        /// <summary>GET /webinars/{webinarId}/panelists (not paged).</summary>
        public virtual async Task<IReadOnlyList<ZoomPanelist>> GetPanelistsAsync(long webinarId, CancellationToken cancellationToken = default)
        {
            PanelistsEnvelope e = await Api.SendAsync<PanelistsEnvelope>(HttpMethod.Get, ZoomRoutes.Panelists(webinarId), null, RateCategory.Medium, cancellationToken).ConfigureAwait(false);
            return e?.Panelists ?? new List<ZoomPanelist>();
        }
    }

    /// <summary>Registrants (status changes and removal: ZoomRegistrantsClient.Lifecycle.cs).</summary>
    public partial class ZoomRegistrantsClient : ZoomApiClient
    {
        internal ZoomRegistrantsClient(ApiConnection api) : base(api) { }

        /// <summary>For mocking.</summary>
        protected ZoomRegistrantsClient() { }

        /// <summary>GET /webinars/{webinarId}/registrants — one status per listing; page_size up to 300.</summary>
        public virtual Pageable<ZoomRegistrant> List(long webinarId, RegistrantStatus status = RegistrantStatus.Approved, string occurrenceId = null, ListOptions options = null, CancellationToken cancellationToken = default)
        {
            options = options ?? new ListOptions();
            int size = options.PageSizeOr(300);
            return new Pageable<ZoomRegistrant>(async (token, ct) =>
            {
                RegistrantsEnvelope e = await Api.SendAsync<RegistrantsEnvelope>(HttpMethod.Get,
                    Query(ZoomRoutes.Registrants(webinarId), ("status", status.ToString().ToLowerInvariant()), ("occurrence_id", occurrenceId), ("page_size", N(size)), ("next_page_token", token)),
                    null, RateCategory.Medium, ct).ConfigureAwait(false);
                List<ZoomRegistrant> items = e?.Registrants ?? new List<ZoomRegistrant>();
                foreach (ZoomRegistrant r in items)
                {
                    r.WebinarId = webinarId;
                    r.OccurrenceId = occurrenceId;
                }

                return new Page<ZoomRegistrant>(items, e?.NextPageToken, e?.TotalRecords);
            }, options.MaxItems, r => r.Id, IsExpiredPageToken, cancellationToken);
        }

        /// <summary>GET /webinars/{webinarId}/registrants/{registrantId}.</summary>
        public virtual Task<ZoomRegistrant> GetAsync(long webinarId, string registrantId, CancellationToken cancellationToken = default)
            => Api.SendAsync<ZoomRegistrant>(HttpMethod.Get, ZoomRoutes.Registrant(webinarId, registrantId), null, RateCategory.Light, cancellationToken);

        /// <summary>POST /webinars/{webinarId}/registrants[?occurrence_ids=] — 201; a duplicate email returns the existing registrant.</summary>
        public virtual Task<ZoomRegistrantCreated> AddAsync(long webinarId, ZoomRegistrantRequest registrant, IEnumerable<string> occurrenceIds = null, CancellationToken cancellationToken = default)
        {
            string occurrences = occurrenceIds == null ? null : string.Join(",", occurrenceIds.Where(o => !string.IsNullOrEmpty(o)));
            // Each add that lands counts against the person's few registrations a day: never sent twice blindly (a lost
            // reply surfaces as MaybeCommitted and the caller looks before adding again).
            var request = new ApiRequest(HttpMethod.Post, Query(ZoomRoutes.Registrants(webinarId), ("occurrence_ids", occurrences)), RateCategory.Light) { Body = registrant, NotIdempotent = true };
            return Api.SendAsync<ZoomRegistrantCreated>(request, cancellationToken);
        }

        /// <summary>POST /webinars/{webinarId}/batch_registrants — at most 30, type-5 webinars only.</summary>
        public virtual async Task<IReadOnlyList<ZoomBatchRegistered>> AddBatchAsync(long webinarId, IReadOnlyList<ZoomBatchRegistrant> registrants, bool autoApprove, CancellationToken cancellationToken = default)
        {
            if (registrants == null || registrants.Count == 0 || registrants.Count > 30)
            {
                throw new ArgumentOutOfRangeException(nameof(registrants), registrants?.Count ?? 0, "A Zoom batch registration takes 1 to 30 registrants.");
            }

            var request = new ApiRequest(HttpMethod.Post, ZoomRoutes.BatchRegistrants(webinarId), RateCategory.Heavy)
            {
                Body = new BatchRegistrantsRequest { AutoApprove = autoApprove, Registrants = registrants.ToList() },
                NotIdempotent = true,
            };
            BatchRegistrantsResponse e = await Api.SendAsync<BatchRegistrantsResponse>(request, cancellationToken).ConfigureAwait(false);
            return e?.Registrants ?? new List<ZoomBatchRegistered>();
        }

        /// <summary>PUT /webinars/{webinarId}/registrants/status — at most 30 per call.</summary>
        public virtual Task UpdateStatusAsync(long webinarId, RegistrantAction action, IReadOnlyList<ZoomRegistrant> registrants, CancellationToken cancellationToken = default)
            => UpdateStatusAsync(webinarId, action, registrants, null, cancellationToken);
    }

    /// <summary>Past instances, participants, absentees and reports.</summary>
    public class ZoomPastWebinarsClient : ZoomApiClient
    {
        internal ZoomPastWebinarsClient(ApiConnection api) : base(api) { }

        /// <summary>For mocking.</summary>
        protected ZoomPastWebinarsClient() { }

        /// <summary>GET /past_webinars/{webinarId}/instances (not paged).</summary>
        public virtual async Task<IReadOnlyList<ZoomPastInstance>> ListInstancesAsync(long webinarId, CancellationToken cancellationToken = default)
        {
            InstancesEnvelope e = await Api.SendAsync<InstancesEnvelope>(HttpMethod.Get, ZoomRoutes.PastInstances(webinarId), null, RateCategory.Light, cancellationToken).ConfigureAwait(false);
            List<ZoomPastInstance> items = e?.Webinars ?? new List<ZoomPastInstance>();
            foreach (ZoomPastInstance i in items)
            {
                i.WebinarId = webinarId;
            }

            return items.OrderBy(i => i.StartTime).ToList();
        }

        /// <summary>GET /report/webinars/{id|uuid}/participants?include_fields=registrant_id — detailed report (6 months; Heavy).</summary>
        public virtual Pageable<ZoomParticipant> ListReportParticipants(long webinarId, string instanceUuid = null, ListOptions options = null, CancellationToken cancellationToken = default)
            => Participants(ZoomRoutes.ReportParticipants(ZoomIds.PathId(webinarId, instanceUuid)), RateCategory.Heavy, webinarId, instanceUuid, options, cancellationToken, RouteKind.Report);

        /// <summary>GET /past_webinars/{id|uuid}/participants?include_fields=registrant_id (Medium).</summary>
        public virtual Pageable<ZoomParticipant> ListParticipants(long webinarId, string instanceUuid = null, ListOptions options = null, CancellationToken cancellationToken = default)
            => Participants(ZoomRoutes.PastParticipants(ZoomIds.PathId(webinarId, instanceUuid)), RateCategory.Medium, webinarId, instanceUuid, options, cancellationToken);

        /// <summary>GET /report/webinars/{id|uuid} — the instance's summary: actual start, end and duration (Heavy; 6 months).</summary>
        public virtual Task<ZoomWebinarReport> GetReportAsync(long webinarId, string instanceUuid = null, CancellationToken cancellationToken = default)
            => Api.SendAsync<ZoomWebinarReport>(new ApiRequest(HttpMethod.Get, ZoomRoutes.WebinarReport(ZoomIds.PathId(webinarId, instanceUuid)), RateCategory.Heavy) { Kind = RouteKind.Report }, cancellationToken);

        /// <summary>GET /past_webinars/{id|uuid}/absentees (Heavy).</summary>
        public virtual Pageable<ZoomRegistrant> ListAbsentees(long webinarId, string instanceUuid = null, string occurrenceId = null, ListOptions options = null, CancellationToken cancellationToken = default)
        {
            options = options ?? new ListOptions();
            int size = options.PageSizeOr(300);
            string path = ZoomRoutes.Absentees(ZoomIds.PathId(webinarId, instanceUuid));
            return new Pageable<ZoomRegistrant>(async (token, ct) =>
            {
                RegistrantsEnvelope e = await Api.SendAsync<RegistrantsEnvelope>(HttpMethod.Get,
                    Query(path, ("occurrence_id", occurrenceId), ("page_size", N(size)), ("next_page_token", token)), null, RateCategory.Heavy, ct).ConfigureAwait(false);
                List<ZoomRegistrant> items = e?.Registrants ?? new List<ZoomRegistrant>();
                foreach (ZoomRegistrant r in items)
                {
                    r.WebinarId = webinarId;
                }

                return new Page<ZoomRegistrant>(items, e?.NextPageToken, e?.TotalRecords);
            }, options.MaxItems, r => r.Id, IsExpiredPageToken, cancellationToken);
        }

        private Pageable<ZoomParticipant> Participants(string path, RateCategory category, long webinarId, string instanceUuid, ListOptions options, CancellationToken cancellationToken, RouteKind kind = RouteKind.Read)
        {
            options = options ?? new ListOptions();
            int size = options.PageSizeOr(300);
            return new Pageable<ZoomParticipant>(async (token, ct) =>
            {
                var request = new ApiRequest(HttpMethod.Get, Query(path, ("page_size", N(size)), ("include_fields", "registrant_id"), ("next_page_token", token)), category) { Kind = kind };
                ParticipantsEnvelope e = await Api.SendAsync<ParticipantsEnvelope>(request, ct).ConfigureAwait(false);
                List<ZoomParticipant> items = e?.Participants ?? new List<ZoomParticipant>();
                foreach (ZoomParticipant p in items)
                {
                    p.WebinarId = webinarId;
                    p.InstanceUuid = instanceUuid;
                }

                return new Page<ZoomParticipant>(items, e?.NextPageToken, e?.TotalRecords);
            }, options.MaxItems, p => p.UserId + "|" + p.JoinTime?.UtcTicks, IsExpiredPageToken, cancellationToken);
        }
    }

    /// <summary>Cloud recordings.</summary>
    public class ZoomRecordingsClient : ZoomApiClient
    {
        internal ZoomRecordingsClient(ApiConnection api) : base(api) { }

        /// <summary>For mocking.</summary>
        protected ZoomRecordingsClient() { }

        /// <summary>GET /meetings/{id|uuid}/recordings — accepts a webinar id (latest instance) or an instance UUID.</summary>
        public virtual Task<ZoomRecording> GetAsync(long webinarId, string instanceUuid = null, CancellationToken cancellationToken = default)
            => Api.SendAsync<ZoomRecording>(HttpMethod.Get, ZoomRoutes.Recordings(ZoomIds.PathId(webinarId, instanceUuid)), null, RateCategory.Light, cancellationToken);

        /// <summary>
        /// GET {download_url} of a recording file: Bearer token in the header (never the query), only to Zoom's hosts;
        /// the 302 to the signed file URL is followed without the token. A 200 HTML page is Zoom's refusal
        /// (<see cref="Recordings.DownloadedFile.IsRefusalPage"/>), not an error status.
        /// </summary>
        public virtual Task<Recordings.DownloadedFile> DownloadAsync(string downloadUrl, CancellationToken cancellationToken = default)
            => Recordings.RecordingDownload.GetAsync(Api, downloadUrl, cancellationToken);
    }
}
