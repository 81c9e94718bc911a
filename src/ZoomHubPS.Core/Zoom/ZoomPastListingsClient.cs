using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using ZoomHubPS.Core.Http;

namespace ZoomHubPS.Core.Zoom
{
    /// <summary>One held webinar instance as Zoom's past listings give it (Dashboard or the user report).</summary>
    public sealed class ZoomHeldWebinar
    {
        /// <summary>Instance UUID.</summary>
        [JsonPropertyName("uuid")] public string Uuid { get; set; }

        /// <summary>Webinar id.</summary>
        [JsonPropertyName("id")] public long Id { get; set; }

        /// <summary>Topic.</summary>
        [JsonPropertyName("topic")] public string Topic { get; set; }

        /// <summary>Meeting or webinar type (the report lists meetings too: webinars are 5, 6, 9).</summary>
        [JsonPropertyName("type")] public int? Type { get; set; }

        /// <summary>Host email (Dashboard: <c>email</c>; user report: <c>user_email</c>).</summary>
        [JsonIgnore] public string HostEmail => Email ?? UserEmail;

        /// <summary>Dashboard's host email.</summary>
        [JsonPropertyName("email")] public string Email { get; set; }

        /// <summary>The user report's host email.</summary>
        [JsonPropertyName("user_email")] public string UserEmail { get; set; }

        /// <summary>Start.</summary>
        [JsonPropertyName("start_time")] public DateTimeOffset? StartTime { get; set; }

        /// <summary>End.</summary>
        [JsonPropertyName("end_time")] public DateTimeOffset? EndTime { get; set; }

        /// <summary>Whether the listing itself says it is a webinar (meetings are left out).</summary>
        [JsonIgnore] public bool IsWebinar => Type == null || Type == 5 || Type == 6 || Type == 9;
    }

    /// <summary>
    /// Zoom's listings of webinars that were held, for discovery of webinars Zoom no longer lists per host
    /// (<c>/users/{id}/webinars</c> shows only unexpired ones): the Dashboard (Business plans and up with the Dashboard
    /// on; account-wide) and the user report (any paid plan; webinars with at least two participants). Both take at most
    /// 30 days per call and reach back about 6 months.
    /// </summary>
    public class ZoomPastListingsClient : ZoomApiClient
    {
        /// <summary>Longest <c>from</c>–<c>to</c> span one call takes (FACTS §A; the twin's <c>range_days</c>).</summary>
        public const int MaxDaysPerCall = 30;

        internal ZoomPastListingsClient(ApiConnection api) : base(api) { }

        /// <summary>For mocking.</summary>
        protected ZoomPastListingsClient() { }

        /// <summary>GET /metrics/webinars?type=past&amp;from&amp;to — Resource-intensive; HTTP 400 code 200 on plans without the Dashboard.</summary>
        public virtual Pageable<ZoomHeldWebinar> ListDashboard(DateTime from, DateTime to, ListOptions options = null, CancellationToken cancellationToken = default)
            => Listing(ZoomRoutes.DashboardWebinars(), RateCategory.ResourceIntensive, from, to, ("type", "past"), options, e => e.Webinars, cancellationToken);

        /// <summary>GET /report/users/{userId}/meetings?type=past&amp;from&amp;to — Heavy; meetings and webinars with ≥ 2 participants.</summary>
        public virtual Pageable<ZoomHeldWebinar> ListUserReport(string userId, DateTime from, DateTime to, ListOptions options = null, CancellationToken cancellationToken = default)
            => Listing(ZoomRoutes.UserMeetingsReport(userId), RateCategory.Heavy, from, to, ("type", "past"), options, e => e.Meetings, cancellationToken);

        /// <summary>The spans of at most <see cref="MaxDaysPerCall"/> days covering [<paramref name="from"/>, <paramref name="to"/>] (dates, UTC).</summary>
        public static IEnumerable<(DateTime From, DateTime To)> Spans(DateTime from, DateTime to)
        {
            for (DateTime start = from.Date; start <= to.Date; start = start.AddDays(MaxDaysPerCall))
            {
                DateTime end = start.AddDays(MaxDaysPerCall - 1);
                yield return (start, end < to.Date ? end : to.Date);
            }
        }

        private Pageable<ZoomHeldWebinar> Listing(string path, RateCategory category, DateTime from, DateTime to, (string, string) type, ListOptions options,
            Func<HeldEnvelope, List<ZoomHeldWebinar>> items, CancellationToken cancellationToken)
        {
            options = options ?? new ListOptions();
            int size = options.PageSizeOr(300);
            string f = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new Pageable<ZoomHeldWebinar>(async (token, ct) =>
            {
                var request = new ApiRequest(HttpMethod.Get, Query(path, type, ("from", f), ("to", t), ("page_size", N(size)), ("next_page_token", token)), category) { Kind = RouteKind.Report };
                HeldEnvelope e = await Api.SendAsync<HeldEnvelope>(request, ct).ConfigureAwait(false);
                return new Page<ZoomHeldWebinar>((items(e) ?? new List<ZoomHeldWebinar>()).Where(w => w.IsWebinar).ToList(), e?.NextPageToken, e?.TotalRecords);
            }, options.MaxItems, w => w.Uuid, IsExpiredPageToken, cancellationToken);
        }

        internal sealed class HeldEnvelope : ZoomPageEnvelope
        {
            [JsonPropertyName("webinars")] public List<ZoomHeldWebinar> Webinars { get; set; }
            [JsonPropertyName("meetings")] public List<ZoomHeldWebinar> Meetings { get; set; }
        }
    }
}
