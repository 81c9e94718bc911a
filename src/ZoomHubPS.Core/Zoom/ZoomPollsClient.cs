using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Http;

namespace ZoomHubPS.Core.Zoom
{
    /// <summary>Webinar polls: the definitions, and per instance who answered what.</summary>
    public class ZoomPollsClient : ZoomApiClient
    {
        internal ZoomPollsClient(ApiConnection api) : base(api) { }

        /// <summary>For mocking.</summary>
        protected ZoomPollsClient() { }

        /// <summary>GET /webinars/{webinarId}/polls — the poll definitions (not paged; Light). Polls turned off: 400 code 4400.</summary>
        public virtual async Task<IReadOnlyList<ZoomPoll>> ListAsync(long webinarId, CancellationToken cancellationToken = default)
        {
            PollsEnvelope e = await Api.SendAsync<PollsEnvelope>(HttpMethod.Get, ZoomRoutes.Polls(webinarId), null, RateCategory.Light, cancellationToken).ConfigureAwait(false);
            List<ZoomPoll> polls = e?.Polls ?? new List<ZoomPoll>();
            foreach (ZoomPoll p in polls) p.WebinarId = webinarId;
            return polls;
        }

        /// <summary>
        /// GET /report/webinars/{id|uuid}/polls — one record per answer, with email, first and last name (Heavy; report
        /// scope; 6 months). The route is not paged: the listing is one page. <paramref name="polls"/> (by id) fills titles.
        /// </summary>
        public virtual Pageable<ZoomPollAnswer> ListReportAnswers(long webinarId, string instanceUuid = null, IReadOnlyDictionary<string, ZoomPoll> polls = null, ListOptions options = null, CancellationToken cancellationToken = default)
            => Answers(ApiRequest.Get(ZoomRoutes.ReportPolls(ZoomIds.PathId(webinarId, instanceUuid)), RateCategory.Heavy), RouteKind.Report, webinarId, instanceUuid, polls, EngagementSource.Report, options, cancellationToken);

        /// <summary>
        /// GET /past_webinars/{id|uuid}/polls — one record per answer (Medium; webinar scope). Emails of people outside the
        /// account follow Zoom's email display rules (registrants keep theirs). Not paged.
        /// </summary>
        public virtual Pageable<ZoomPollAnswer> ListPastAnswers(long webinarId, string instanceUuid = null, IReadOnlyDictionary<string, ZoomPoll> polls = null, ListOptions options = null, CancellationToken cancellationToken = default)
            => Answers(ApiRequest.Get(ZoomRoutes.PastPolls(ZoomIds.PathId(webinarId, instanceUuid)), RateCategory.Medium), RouteKind.Read, webinarId, instanceUuid, polls, EngagementSource.PastWebinar, options, cancellationToken);

        private Pageable<ZoomPollAnswer> Answers(ApiRequest request, RouteKind kind, long webinarId, string instanceUuid, IReadOnlyDictionary<string, ZoomPoll> polls, EngagementSource source, ListOptions options, CancellationToken cancellationToken)
        {
            request.Kind = kind;
            options = options ?? new ListOptions();
            return new Pageable<ZoomPollAnswer>(async (token, ct) =>
            {
                PollResultsEnvelope e = await Api.SendAsync<PollResultsEnvelope>(request, ct).ConfigureAwait(false);
                return new Page<ZoomPollAnswer>(EngagementFlattener.PollAnswers(e, webinarId, instanceUuid, polls, source).ToList(), null);
            }, options.MaxItems, listCancellation: cancellationToken);
        }
    }
}
