using System.Linq;
using System.Threading;
using ZoomHubPS.Core.Http;

namespace ZoomHubPS.Core.Zoom
{
    /// <summary>Webinar Q&amp;A: per instance, who asked what, and whether and how it was answered.</summary>
    public class ZoomQandAClient : ZoomApiClient
    {
        internal ZoomQandAClient(ApiConnection api) : base(api) { }

        /// <summary>For mocking.</summary>
        protected ZoomQandAClient() { }

        /// <summary>
        /// GET /report/webinars/{id|uuid}/qa — one record per question, with its status, time and who answered (Heavy;
        /// report scope; 6 months). Not paged: the listing is one page.
        /// </summary>
        public virtual Pageable<ZoomQaQuestion> ListReportQuestions(long webinarId, string instanceUuid = null, ListOptions options = null, CancellationToken cancellationToken = default)
            => Questions(ApiRequest.Get(ZoomRoutes.ReportQa(ZoomIds.PathId(webinarId, instanceUuid)), RateCategory.Heavy), RouteKind.Report, webinarId, instanceUuid, EngagementSource.Report, options, cancellationToken);

        /// <summary>GET /past_webinars/{id|uuid}/qa — one record per question, answered when it has an answer (Medium). Not paged.</summary>
        public virtual Pageable<ZoomQaQuestion> ListPastQuestions(long webinarId, string instanceUuid = null, ListOptions options = null, CancellationToken cancellationToken = default)
            => Questions(ApiRequest.Get(ZoomRoutes.PastQa(ZoomIds.PathId(webinarId, instanceUuid)), RateCategory.Medium), RouteKind.Read, webinarId, instanceUuid, EngagementSource.PastWebinar, options, cancellationToken);

        private Pageable<ZoomQaQuestion> Questions(ApiRequest request, RouteKind kind, long webinarId, string instanceUuid, EngagementSource source, ListOptions options, CancellationToken cancellationToken)
        {
            request.Kind = kind;
            options = options ?? new ListOptions();
            return new Pageable<ZoomQaQuestion>(async (token, ct) =>
            {
                QaEnvelope e = await Api.SendAsync<QaEnvelope>(request, ct).ConfigureAwait(false);
                return new Page<ZoomQaQuestion>(EngagementFlattener.Questions(e, webinarId, instanceUuid, source).ToList(), null);
            }, options.MaxItems, listCancellation: cancellationToken);
        }
    }
}
