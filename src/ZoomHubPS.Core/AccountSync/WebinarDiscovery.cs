using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Webinars;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.AccountSync
{
    /// <summary>Where a webinar was found.</summary>
    [Flags]
    public enum DiscoverySource
    {
        /// <summary>Not found.</summary>
        None = 0,

        /// <summary>The host's webinar list (<c>/users/{id}/webinars</c>: unexpired webinars only).</summary>
        HostListing = 1,

        /// <summary>The Dashboard's past webinars (Business plans and up, Dashboard on).</summary>
        Dashboard = 2,

        /// <summary>The host's report of past meetings and webinars (webinars with at least two participants).</summary>
        UserReport = 4,

        /// <summary>A marketing event this module wrote in HubSpot earlier.</summary>
        HubSpot = 8,

        /// <summary>Named by the run (-WebinarId) or by a saved per-webinar override.</summary>
        Named = 16,
    }

    /// <summary>A webinar discovery found, and what it learnt about it on the way.</summary>
    public sealed class DiscoveredWebinar
    {
        internal DiscoveredWebinar(long id) => Id = id;

        /// <summary>Webinar id.</summary>
        public long Id { get; }

        /// <summary>Topic, when a listing gave it.</summary>
        public string Topic { get; internal set; }

        /// <summary>Host email, when a listing gave it.</summary>
        public string HostEmail { get; internal set; }

        /// <summary>Every source that listed it.</summary>
        public DiscoverySource Sources { get; internal set; }

        /// <summary>Listed by the host listing, so Zoom has not expired it (registrations may still come in).</summary>
        public bool IsUnexpired => (Sources & DiscoverySource.HostListing) != 0;
    }

    /// <summary>What discovery found, and what it could not see.</summary>
    public sealed class DiscoveryResult
    {
        internal DiscoveryResult(IReadOnlyList<DiscoveredWebinar> webinars, IReadOnlyList<string> warnings, bool dashboard)
        {
            Webinars = webinars;
            Warnings = warnings;
            DashboardAvailable = dashboard;
        }

        /// <summary>Every webinar found, by id.</summary>
        public IReadOnlyList<DiscoveredWebinar> Webinars { get; }

        /// <summary>What could not be discovered, with how to pass the ids.</summary>
        public IReadOnlyList<string> Warnings { get; }

        /// <summary>Whether the Dashboard listed past webinars (else only the user report did).</summary>
        public bool DashboardAvailable { get; }
    }

    /// <summary>
    /// Finds every webinar of the selected hosts that a run over [since, until] may need: the unexpired ones Zoom lists
    /// per host, the held ones Zoom's past listings still show (the Dashboard where the plan has it, else each host's
    /// report, which lists webinars with two or more participants), the ones this module already recorded as marketing
    /// events in HubSpot, and the ids the run names. What none of these can show is said once, with how to pass the ids.
    /// </summary>
    /// <remarks>
    /// The sources are read at the same time (hosts side by side, under the connection's limiters), and a webinar a Zoom
    /// listing names is handed to the caller at once, so its instances can be synced while discovery goes on: the
    /// benchmark's account row (10 hosts, 40 webinars) spent 10 s of a 44 s run in discovery read one request at a time.
    /// Webinars only HubSpot or the run name are known when discovery returns: whether their host still lists them
    /// (which decides a registrations-only sync) is known only once every host listing is read.
    /// </remarks>
    internal sealed class WebinarDiscovery
    {
        // Zoom's past listings (Dashboard, reports) reach back about six months (FACTS §A; unconfirmed for the Dashboard).
        private static readonly TimeSpan ListingReach = TimeSpan.FromDays(180);

        private const DiscoverySource ZoomListings = DiscoverySource.HostListing | DiscoverySource.Dashboard | DiscoverySource.UserReport;

        private readonly ZoomHubConnection _api;

        public WebinarDiscovery(ZoomHubConnection api) => _api = api;

        /// <summary>Every webinar, when discovery is done.</summary>
        public Task<DiscoveryResult> DiscoverAsync(IReadOnlyList<ZoomUser> hosts, DateTimeOffset since, DateTimeOffset until, IEnumerable<long> named, CancellationToken ct)
            => DiscoverAsync(hosts, since, until, named, null, ct);

        /// <summary>Every webinar, when discovery is done; those a Zoom listing names are also handed over as they are found.</summary>
        /// <param name="listedByZoom">Called once per webinar, from any thread, when a Zoom listing first names it (may be null).</param>
        public async Task<DiscoveryResult> DiscoverAsync(IReadOnlyList<ZoomUser> hosts, DateTimeOffset since, DateTimeOffset until, IEnumerable<long> named,
            Action<DiscoveredWebinar> listedByZoom, CancellationToken ct)
        {
            var found = new Dictionary<long, DiscoveredWebinar>();
            var warnings = new List<string>();
            var hostEmails = new HashSet<string>(hosts.Select(h => h.Email).Where(e => e != null), StringComparer.OrdinalIgnoreCase);
            void Add(long id, DiscoverySource source, string topic, string host)
            {
                DiscoveredWebinar w;
                bool firstFromZoom;
                lock (found)
                {
                    if (!found.TryGetValue(id, out w)) found[id] = w = new DiscoveredWebinar(id);
                    firstFromZoom = (source & ZoomListings) != 0 && (w.Sources & ZoomListings) == 0;
                    w.Sources |= source;
                    w.Topic = w.Topic ?? topic;
                    w.HostEmail = w.HostEmail ?? host;
                }

                if (firstFromZoom) listedByZoom?.Invoke(w);
            }

            DateTimeOffset now = _api.ServiceTime.GetUtcNow();
            DateTimeOffset reach = now - ListingReach;
            Task<bool> dashboard = Task.FromResult(false);
            if (until > reach)
            {
                DateTimeOffset from = since > reach ? since : reach;
                dashboard = PastListingsAsync(hosts, from, until, hostEmails, (w, s) => Add(w.Id, s, w.Topic, w.HostEmail), warnings, ct);
            }

            Task listings = Task.WhenAll(hosts.Select(host => _api.Zoom.Webinars.ListByHost(host.Id ?? host.Email).ForEachAsync(w =>
            {
                Add(w.Id, DiscoverySource.HostListing, w.Topic, host.Email);
                return true;
            }, ct)));
            Task recorded = RecordedInHubSpotAsync(since, until, id => Add(id, DiscoverySource.HubSpot, null, null), ct);
            await Task.WhenAll(listings, dashboard, recorded).ConfigureAwait(false);

            if (since < reach)
            {
                warnings.Add($"Zoom's past listings reach back about six months: webinars held before {reach.UtcDateTime:yyyy-MM-dd} and no longer listed by their host are found only when this module recorded them in HubSpot before. Pass others with -WebinarId.");
            }

            foreach (long id in named ?? Enumerable.Empty<long>()) Add(id, DiscoverySource.Named, null, null);
            if (!await dashboard.ConfigureAwait(false)) warnings.AddRange(NotDiscoverable(found.Values, since));
            return new DiscoveryResult(found.Values.OrderBy(w => w.Id).ToList(), warnings, await dashboard.ConfigureAwait(false));
        }

        // The Dashboard first (one account-wide listing); on a plan without it, each selected host's report. The first
        // request of each alone: it tells whether the listing is available at all, before the others are sent.
        private async Task<bool> PastListingsAsync(IReadOnlyList<ZoomUser> hosts, DateTimeOffset from, DateTimeOffset until, ISet<string> hostEmails,
            Action<ZoomHeldWebinar, DiscoverySource> add, List<string> warnings, CancellationToken ct)
        {
            var spans = ZoomPastListingsClient.Spans(from.UtcDateTime, until.UtcDateTime).ToList();
            try
            {
                await FirstThenTogetherAsync(spans, span => _api.Zoom.PastListings.ListDashboard(span.From, span.To).ForEachAsync(w =>
                {
                    if (w.HostEmail == null || hostEmails.Contains(w.HostEmail)) add(w, DiscoverySource.Dashboard);
                    return true;
                }, ct)).ConfigureAwait(false);
                return true;
            }
            catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.PermissionDenied || ex.Kind == ErrorKind.Validation)
            {
                // Not on this plan (400, code 200), or no Dashboard scope: each host's report lists what it can.
            }

            try
            {
                var reports = hosts.SelectMany(host => spans.Select(span => (Host: host, Span: span))).ToList();
                await FirstThenTogetherAsync(reports, r => _api.Zoom.PastListings.ListUserReport(r.Host.Id ?? r.Host.Email, r.Span.From, r.Span.To).ForEachAsync(w =>
                {
                    w.UserEmail = w.UserEmail ?? r.Host.Email;
                    add(w, DiscoverySource.UserReport);
                    return true;
                }, ct)).ConfigureAwait(false);
            }
            catch (ZoomHubApiException ex) when (ZoomReports.IsUnavailable(ex))
            {
                lock (warnings) warnings.Add($"Zoom's past listings are not available to this app ({ex.VendorMessage}): only webinars their hosts still list, and those recorded in HubSpot, are found. Add the report scope, or pass the ids with -WebinarId.");
            }

            return false;
        }

        // One listing alone, then the rest side by side (the first failure among them is thrown once all are done).
        private static async Task FirstThenTogetherAsync<T>(IReadOnlyList<T> items, Func<T, Task> read)
        {
            if (items.Count == 0) return;
            await read(items[0]).ConfigureAwait(false);
            await Task.WhenAll(items.Skip(1).Select(read)).ConfigureAwait(false);
        }

        private async Task RecordedInHubSpotAsync(DateTimeOffset since, DateTimeOffset until, Action<long> add, CancellationToken ct)
        {
            string account = WebinarEvent.ExternalAccountId(_api);
            await _api.HubSpot.MarketingEvents.List().ForEachAsync(e =>
            {
                if (e.ExternalAccountId == account && WebinarEvent.TryParse(e.ExternalEventId, out long id, out DateTimeOffset slot)
                    && slot >= since.AddDays(-1) && slot <= until) add(id);
                return true;
            }, ct).ConfigureAwait(false);
        }

        // Without the Dashboard an expired webinar is seen only through the report (two or more participants) or
        // HubSpot: say so, naming those found that way (by id: the same run gives the same words, whatever order the
        // listings answered in) so the user can judge what may be missing.
        private static IEnumerable<string> NotDiscoverable(IEnumerable<DiscoveredWebinar> found, DateTimeOffset since)
        {
            List<DiscoveredWebinar> partial = found.Where(w => !w.IsUnexpired && (w.Sources & (DiscoverySource.Dashboard | DiscoverySource.Named)) == 0).OrderBy(w => w.Id).ToList();
            string names = partial.Count == 0 ? "none" : string.Join(", ", partial.Select(w => w.Id.ToString(CultureInfo.InvariantCulture) + (w.Topic == null ? string.Empty : " '" + w.Topic + "'")));
            yield return $"Zoom lists only unexpired webinars per host, and this plan has no Dashboard API: webinars held since {since.UtcDateTime:yyyy-MM-dd} that expired are found only through the host's report (two or more participants) or when recorded in HubSpot before. Found that way: {names}. Pass any other with -WebinarId (it takes a list, e.g. -WebinarId (Import-Csv webinars.csv).WebinarId).";
        }
    }
}
