using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ZoomHubPS.Sandbox.Scenarios;
using static ZoomHubPS.Bench.RequestMinimum;

namespace ZoomHubPS.Bench
{
    /// <summary>
    /// The fewest requests of the account-wide run (Invoke-ZoomHubSync over <see cref="AccountShape.LookbackDays"/>),
    /// computed from the scenario alone: the sum over the run's instances of what one instance needs
    /// (<see cref="RequestMinimum.InstanceSync"/>), what the run reads once (account users, the schema check; each
    /// webinar's details and instances are read once because each webinar has one instance here), and discovery:
    /// one listing per host, Zoom's past listings (the Dashboard where the plan has it, else a refused probe and each
    /// host's report per 30-day span), and the pages of HubSpot's marketing events. A person is a new contact in the
    /// first instance that names them, taking the webinars in id order; the run takes them as discovery finds them, so
    /// its creations fall into other batches and may need a few calls fewer or more (the bench reports the create calls
    /// the run's own creations needed beside those it sent).
    /// </summary>
    public sealed class AccountMinimum
    {
        /// <summary>Zoom's past listings take at most this many days per call (FACTS §A).</summary>
        public const int DaysPerListing = 30;

        /// <summary>HubSpot's marketing-event list returns at most this many per page.</summary>
        public const int EventPage = 100;

        private readonly Scenario _scenario;
        private readonly DateTimeOffset _now;
        private readonly List<ZoomWebinarSeed> _targets;
        private readonly List<SyncShape> _shapes;

        /// <summary>Counts the run over the last <paramref name="lookbackDays"/> days of <paramref name="scenario"/>.</summary>
        public AccountMinimum(Scenario scenario, int lookbackDays)
        {
            _scenario = scenario;
            _now = scenario.Now ?? ScenarioAnchor.AuthoredNow;
            LookbackDays = lookbackDays;
            DateTimeOffset since = _now.AddDays(-lookbackDays);
            _targets = scenario.Zoom.Webinars.Where(w => IsTarget(w, since)).OrderBy(w => w.Id).ToList();
            HashSet<string> users = AccountUsers(scenario);
            HashSet<string> contacts = ContactEmails(scenario);
            _shapes = _targets.Select(w => ShapeOf(w, users, contacts)).ToList();
        }

        /// <summary>The window's length in days.</summary>
        public int LookbackDays { get; }

        /// <summary>The webinars the run syncs, in its order (each once: its latest instance, or its registrations).</summary>
        public IReadOnlyList<long> TargetWebinarIds => _targets.Select(w => w.Id).ToList();

        /// <summary>The shape of each target, in the run's order.</summary>
        public IReadOnlyList<SyncShape> Shapes => _shapes;

        /// <summary>Hosts the run walks (every active user: the default settings select all users).</summary>
        public int Hosts => (_scenario.Zoom.Users ?? new List<ZoomUserSeed>()).Count(IsActive);

        /// <summary>The 30-day spans the past listings need for the window (dates inclusive).</summary>
        public int Spans => Calls(LookbackDays + 1, DaysPerListing);

        /// <summary>Whether the account's plan and features give the Dashboard (else each host's report is read).</summary>
        public bool HasDashboard
            => _scenario.Zoom.Features?.Dashboard == true && !new[] { "Free", "Basic", "Pro" }.Contains(_scenario.Zoom.Plan ?? "Pro", StringComparer.OrdinalIgnoreCase);

        /// <summary>The first run: discovery, the once-per-run reads, and every instance's first sync.</summary>
        public List<RouteCount> Sync()
        {
            var rows = Discovery(existingEvents: 0);
            rows.AddRange(OncePerEngine());
            rows.AddRange(_shapes.SelectMany(InstanceSync));
            return Explained(rows, rerun: false);
        }

        /// <summary>The re-run (a new Invoke-ZoomHubSync): discovery (now finding the events the first run wrote), the once-per-run reads, every instance's reads, no writes.</summary>
        public List<RouteCount> Rerun()
        {
            var rows = Discovery(existingEvents: _targets.Count);
            rows.AddRange(OncePerEngine());
            rows.AddRange(_shapes.SelectMany(RequestMinimum.Rerun));
            return Explained(rows, rerun: true);
        }

        /// <summary>The per-instance loop: one engine syncs each target in turn; no discovery.</summary>
        public List<RouteCount> Loop()
        {
            var rows = OncePerEngine();
            rows.AddRange(_shapes.SelectMany(InstanceSync));
            return Explained(rows, rerun: false);
        }

        /// <summary>
        /// The run's chain: the token, then the users and the Dashboard probe (side by side), then a host's report (where
        /// an expired webinar is found), then the longest instance's own chain (webinar, instances, pages, last batch).
        /// Instances overlap, so only the longest counts.
        /// </summary>
        public int SyncChain() => 1 + DiscoveryDepth + _shapes.Max(RateFloor.InstanceChain);

        /// <summary>The re-run's chain: discovery, then the longest instance's reads.</summary>
        public int RerunChain() => 1 + DiscoveryDepth + _shapes.Max(RateFloor.InstanceRerunChain);

        /// <summary>The loop's chain: the token, then every instance's chain in turn (one waits for the one before).</summary>
        public int LoopChain() => 1 + _shapes.Sum(RateFloor.InstanceChain);

        private static bool IsActive(ZoomUserSeed u) => u.Status == null || u.Status == "active";

        // Dashboard: one listing after the token. Without it: the refused probe (beside the users page), then the reports.
        private int DiscoveryDepth => HasDashboard ? 1 : 2;

        private bool IsTarget(ZoomWebinarSeed w, DateTimeOffset since)
        {
            if (w.Instances != null && w.Instances.Count > 0)
            {
                DateTimeOffset end = w.Instances.Max(i => i.StartTime).AddMinutes(w.Duration > 0 ? w.Duration : 60);
                return end >= since && end <= _now;
            }

            return Listed(w) && w.StartTime > _now; // not held yet: its registrations
        }

        // Zoom lists a webinar per host until its last scheduled end (a recurring one while an occurrence is ahead).
        private bool Listed(ZoomWebinarSeed w)
            => (w.StartTime ?? _now).AddMinutes(w.Duration) > _now || (w.Occurrences ?? new List<ZoomOccurrenceSeed>()).Any(o => o.StartTime > _now);

        private List<RouteCount> Discovery(int existingEvents)
        {
            var hosts = (_scenario.Zoom.Users ?? new List<ZoomUserSeed>()).Where(IsActive).ToList();
            var rows = new List<RouteCount>
            {
                R("GET /marketing/v3/marketing-events", "HubSpot/Standard", Pages(existingEvents, EventPage), null),
            };
            foreach (ZoomUserSeed host in hosts)
            {
                var own = _scenario.Zoom.Webinars.Where(w => string.Equals(w.HostEmail, host.Email, StringComparison.OrdinalIgnoreCase)).ToList();
                rows.Add(R("GET /v2/users/{userId}/webinars", "Zoom/Medium", Pages(own.Count(Listed), ZoomPage), null));
                if (!HasDashboard)
                {
                    int held = own.Count(w => w.Instances != null && w.Instances.Count > 0);
                    rows.Add(R("GET /v2/report/users/{userId}/meetings", "Zoom/Heavy", Spans * Pages(held, ZoomPage), null));
                }
            }

            int allHeld = _scenario.Zoom.Webinars.Count(w => w.Instances != null && w.Instances.Count > 0);
            rows.Add(R("GET /v2/metrics/webinars", "Zoom/ResourceIntensive", HasDashboard ? Spans * Pages(allHeld, ZoomPage) : 1, null));
            return rows;
        }

        // One row per route, each explained for the whole run.
        private List<RouteCount> Explained(List<RouteCount> rows, bool rerun)
        {
            List<RouteCount> merged = Merge(rows);
            foreach (RouteCount r in merged) r.Why = (rerun ? RerunWhy(r.Route) : null) ?? Why(r.Route) ?? r.Why;
            return merged;
        }

        // Where a re-run's count has another reason than the first run's.
        private string RerunWhy(string route)
        {
            switch (route)
            {
                case "GET /marketing/v3/marketing-events":
                    return F("the marketing events this module recorded ({0}, one per instance of the first run), / {1} per page", _targets.Count, EventPage);
                case "POST /crm/v3/objects/contacts/batch/read":
                    return F("per instance, its people / 100 (contact and ledger by email): {0:N0} in all; nobody is new", _shapes.Sum(s => s.People));
                case "GET /marketing/v3/marketing-events/events/{externalEventId}":
                    return F("each held instance's event, to see it is complete: {0} (unchanged registrations need no event)", _shapes.Count(s => s.Held));
                default:
                    return null;
            }
        }

        private string Why(string route)
        {
            int t = _shapes.Count, held = _shapes.Count(s => s.Held), notHeld = t - held;
            switch (route)
            {
                case "GET /v2/users":
                    return "account users (active, inactive, pending), once per run: the active page is also the hosts discovery walks";
                case "GET /crm/v3/properties/contacts":
                    return "the module's properties exist; once per run";
                case "GET /v2/users/{userId}/webinars":
                    return F("one listing per host ({0} hosts; the unexpired webinars, under {1} each)", Hosts, ZoomPage);
                case "GET /v2/metrics/webinars":
                    return HasDashboard
                        ? F("the Dashboard's past webinars per {0}-day span: {1} spans ({2} days)", DaysPerListing, Spans, LookbackDays + 1)
                        : "the Dashboard, once: this plan has none (400, code 200), so each host's report lists the past webinars";
                case "GET /v2/report/users/{userId}/meetings":
                    return F("each host's report per {0}-day span: {1} hosts x {2} spans ({3} days), one page each", DaysPerListing, Hosts, Spans, LookbackDays + 1);
                case "GET /marketing/v3/marketing-events":
                    return F("the marketing events this module recorded, / {0} per page (one page at least)", EventPage);
                case "GET /v2/webinars/{webinarId}":
                    return F("each webinar's details, once per run: {0} webinars", t);
                case "GET /v2/past_webinars/{webinarId}/instances":
                    return F("each webinar's instances, once per run: {0} webinars ({1} not held yet answer 404)", t, notHeld);
                case "GET /v2/report/webinars/{webinarId}":
                    return F("each held instance's actual duration: {0} instances", held);
                case "GET /v2/report/webinars/{webinarId}/participants":
                    return F("participant rows / {0} per instance: {1} instances, {2:N0} rows", ZoomPage, held, _shapes.Sum(s => s.ParticipantRows));
                case "GET /v2/webinars/{webinarId}/registrants":
                    return F("per webinar, registrants per status / {0} (approved, denied, pending; one page at least each): {1} webinars, {2:N0} approved, {3} denied, {4} pending",
                        ZoomPage, t, _shapes.Sum(s => s.Approved), _shapes.Sum(s => s.Denied), _shapes.Sum(s => s.Pending));
                case "POST /crm/v3/objects/contacts/batch/read":
                    return F("per instance, its people / 100 (contact and ledger by email): {0:N0} in all; and its new emails / 100 (archived check): {1:N0} new people, each new in the first instance that names them, in webinar id order",
                        _shapes.Sum(s => s.People), _shapes.Sum(s => s.NewContacts));
                case "GET /marketing/v3/marketing-events/events/{externalEventId}":
                    return F("each instance's marketing event as it stands: {0}", t);
                case "POST /marketing/v3/marketing-events/events/upsert":
                    return F("each instance's marketing event: {0}", t);
                case "POST /marketing/v3/marketing-events/attendance/{externalEventId}/{subscriberState}/email-create":
                    return F("per instance and state / 100: register {0:N0}, attend {1:N0}, cancel {2:N0} in all", _shapes.Sum(s => s.Approved), _shapes.Sum(s => s.Attendees), _shapes.Sum(s => s.Denied));
                case "POST /crm/v3/objects/contacts/batch/upsert":
                    return F("per instance, its new contacts / 100 created first ({0:N0} in all, webinar id order), then its people / 100: history and aggregates ({1:N0} in all)",
                        _shapes.Sum(s => s.NewContacts), _shapes.Sum(s => s.People));
                case "POST /marketing/v3/marketing-events/events/{externalEventId}/complete":
                    return F("each held instance's event is complete: {0}", held);
                default:
                    return null;
            }
        }

        private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
