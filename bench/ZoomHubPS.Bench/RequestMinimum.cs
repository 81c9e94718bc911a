using System;
using System.Collections.Generic;
using System.Linq;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Bench
{
    /// <summary>
    /// The fewest requests each operation needs, computed from the scenario alone (not from what the engine did), per
    /// route. Page and batch sizes are the APIs' maxima (FACTS §1.2, §2.4, §6): Zoom lists 300 per page, HubSpot
    /// batch reads / upserts / participations 100 per call, Zoom batch registration 30 per call.
    /// </summary>
    public static class RequestMinimum
    {
        /// <summary>Zoom's largest page (registrants, participants).</summary>
        public const int ZoomPage = 300;

        /// <summary>Zoom's batch registration size on type-5 webinars.</summary>
        public const int ZoomBatchRegistration = 30;

        private static readonly int HubSpotBatch = HubSpotClient.BatchSize;
        private static readonly int ParticipationBatch = HubSpotMarketingEventsClient.AttendanceBatchSize;

        /// <summary>Calls needed for <paramref name="items"/> items at <paramref name="per"/> a call (0 items → 0 calls).</summary>
        public static int Calls(int items, int per) => items <= 0 ? 0 : (items + per - 1) / per;

        /// <summary>Pages of a listing: an empty listing still takes one request to learn it is empty.</summary>
        public static int Pages(int items, int per) => Math.Max(1, Calls(items, per));

        /// <summary>What the sync of one webinar's latest instance (or, not held yet, its registrations) is about, counted from the scenario.</summary>
        public sealed class SyncShape
        {
            /// <summary>Whether the webinar was held (else the sync is of its registrations only: no report, no completion).</summary>
            public bool Held = true;

            /// <summary>Registrants per status.</summary>
            public int Approved, Denied, Pending;

            /// <summary>Participant rows of the instance (rejoins are extra rows; the host too).</summary>
            public int ParticipantRows;

            /// <summary>People to write: registrants with an email plus attendees found only in the participant list, less account users and pending registrants who did not attend.</summary>
            public int People;

            /// <summary>Of <see cref="People"/>, those not yet HubSpot contacts.</summary>
            public int NewContacts;

            /// <summary>Distinct people with attended time.</summary>
            public int Attendees;
        }

        /// <summary>The webinar the sync measures: the scenario's first with a past instance.</summary>
        public static ZoomWebinarSeed PastWebinar(Scenario scenario) => scenario.Zoom.Webinars.First(x => x.Instances != null && x.Instances.Count > 0);

        /// <summary>Who attended the past webinar's latest instance (see <see cref="Attendees(ZoomWebinarSeed)"/>).</summary>
        public static HashSet<string> Attendees(Scenario scenario) => Attendees(PastWebinar(scenario));

        /// <summary>
        /// Who attended the webinar's latest instance, by email, as the engine counts it: rows with time in them; a row
        /// without an email takes its registrant's (registered guests). None for a webinar not held.
        /// </summary>
        public static HashSet<string> Attendees(ZoomWebinarSeed w)
        {
            var attended = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (w.Instances == null || w.Instances.Count == 0) return attended;
            var registrantEmail = w.Registrants.Where(r => r.Id != null && !string.IsNullOrEmpty(r.Email)).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Email);
            foreach (ZoomParticipantSeed p in w.Instances.OrderBy(i => i.StartTime).Last().Participants)
            {
                string email = !string.IsNullOrEmpty(p.UserEmail) ? p.UserEmail : (p.RegistrantId != null && registrantEmail.TryGetValue(p.RegistrantId, out string e) ? e : null);
                if (email != null && p.LeaveTime > p.JoinTime) attended.Add(email);
            }

            return attended;
        }

        /// <summary>The account's users by email (skipped by the sync).</summary>
        public static HashSet<string> AccountUsers(Scenario scenario)
            => new HashSet<string>((scenario.Zoom.Users ?? new List<ZoomUserSeed>()).Select(u => u.Email).Where(e => e != null), StringComparer.OrdinalIgnoreCase);

        /// <summary>The scenario's HubSpot contacts by email.</summary>
        public static HashSet<string> ContactEmails(Scenario scenario)
            => new HashSet<string>((scenario.HubSpot?.Contacts ?? new List<HubSpotContactSeed>()).Select(c => c.Properties != null && c.Properties.TryGetValue("email", out string e) ? e : null).Where(e => e != null), StringComparer.OrdinalIgnoreCase);

        /// <summary>Counts the sync's work in the scenario (the first webinar with a past instance).</summary>
        public static SyncShape ShapeOf(Scenario scenario) => ShapeOf(PastWebinar(scenario), AccountUsers(scenario), ContactEmails(scenario));

        /// <summary>
        /// Counts the work of syncing <paramref name="w"/> when <paramref name="contacts"/> are already HubSpot contacts;
        /// the people it writes are added to <paramref name="contacts"/> (a later webinar finds them as contacts).
        /// </summary>
        public static SyncShape ShapeOf(ZoomWebinarSeed w, ISet<string> accountUsers, ISet<string> contacts)
        {
            bool held = w.Instances != null && w.Instances.Count > 0;
            HashSet<string> attended = Attendees(w);
            var shape = new SyncShape { Held = held, ParticipantRows = held ? w.Instances.OrderBy(i => i.StartTime).Last().Participants.Count : 0 };
            var people = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (ZoomRegistrantSeed r in w.Registrants)
            {
                string status = r.Status ?? "approved";
                if (status == "approved") shape.Approved++;
                else if (status == "denied") shape.Denied++;
                else shape.Pending++;
                if (string.IsNullOrEmpty(r.Email) || accountUsers.Contains(r.Email)) continue;
                if (status == "pending" && !attended.Contains(r.Email)) continue;
                people.Add(r.Email);
            }

            foreach (string email in attended.Where(e => !accountUsers.Contains(e))) people.Add(email);
            shape.People = people.Count;
            shape.NewContacts = people.Count(e => !contacts.Contains(e));
            shape.Attendees = attended.Count(e => !accountUsers.Contains(e));
            foreach (string email in people) contacts.Add(email);
            return shape;
        }

        /// <summary>The fewest requests of a first sync of the instance, per route.</summary>
        public static List<RouteCount> Sync(SyncShape s)
        {
            var list = OncePerEngine();
            list.AddRange(InstanceSync(s));
            return Merge(list);
        }

        /// <summary>
        /// The fewest requests of a re-run of an unchanged instance with the same engine: the same Zoom and HubSpot reads
        /// (account users and the property check are remembered by the engine) and no writes.
        /// </summary>
        public static List<RouteCount> Rerun(SyncShape s)
        {
            var list = ZoomReads(s);
            list.AddRange(HubSpotReads(s, writes: false));
            return Merge(list);
        }

        /// <summary>What an engine reads once, whatever it syncs: the account's users (to skip them) and the schema check.</summary>
        public static List<RouteCount> OncePerEngine() => new List<RouteCount>
        {
            R("GET /v2/users", "Zoom/Medium", 3, "account users (active, inactive, pending) to skip them; read once per engine"),
            R("GET /crm/v3/properties/contacts", "HubSpot/Standard", 1, "the module's properties exist; once per engine"),
        };

        /// <summary>
        /// The fewest requests of a first sync of one webinar's instance (or, not held yet, its registrations) by an engine
        /// that has already read what it reads once (<see cref="OncePerEngine"/>).
        /// </summary>
        public static List<RouteCount> InstanceSync(SyncShape s)
        {
            var list = ZoomReads(s);
            list.AddRange(HubSpotReads(s, writes: true));
            list.Add(R("POST /crm/v3/objects/contacts/batch/read", "HubSpot/Standard", Calls(s.NewContacts, HubSpotBatch), $"archived check of {s.NewContacts} new emails / {HubSpotBatch} (deleted contacts are not re-created)"));
            list.Add(R("POST /marketing/v3/marketing-events/events/upsert", "HubSpot/Standard", 1, "the instance's marketing event"));
            int register = s.Approved, attend = s.Attendees, cancel = s.Denied;
            list.Add(R("POST /marketing/v3/marketing-events/attendance/{externalEventId}/{subscriberState}/email-create", "HubSpot/Standard",
                Calls(register, ParticipationBatch) + Calls(attend, ParticipationBatch) + Calls(cancel, ParticipationBatch),
                $"participations per state / {ParticipationBatch}: register {register}, attend {attend}, cancel {cancel}"));
            list.Add(R("POST /crm/v3/objects/contacts/batch/upsert", "HubSpot/Standard", Calls(s.NewContacts, HubSpotBatch) + Calls(s.People, HubSpotBatch),
                $"{s.NewContacts} new contacts / {HubSpotBatch} created first (HubSpot's answer says who was created, even when two runs race), then {s.People} people / {HubSpotBatch}: history and aggregates"));
            if (s.Held) list.Add(R("POST /marketing/v3/marketing-events/events/{externalEventId}/complete", "HubSpot/Standard", 1, "the event is complete once the instance ended"));
            return Merge(list);
        }

        /// <summary>The fewest requests of registering <paramref name="people"/> new people into a fresh type-5 webinar.</summary>
        public static List<RouteCount> Registration(int people)
        {
            return Merge(new List<RouteCount>
            {
                R("GET /v2/webinars/{webinarId}", "Zoom/Light", 1, "the webinar: type, registration on, approval"),
                R("GET /v2/webinars/{webinarId}/registrants/questions", "Zoom/Light", 1, "required fields and custom questions"),
                R("GET /v2/webinars/{webinarId}/panelists", "Zoom/Medium", 1, "panelists are skipped, not added"),
                R("GET /v2/webinars/{webinarId}/registrants", "Zoom/Medium", 3, "who is already registered (approved, pending, denied; an empty webinar: one page each)"),
                R("POST /v2/webinars/{webinarId}/batch_registrants", "Zoom/Heavy", Calls(people, ZoomBatchRegistration), $"{people} people / {ZoomBatchRegistration} per batch"),
            });
        }

        // A webinar not held yet has no report: its instances listing answers 404 and only its registrants are read.
        private static List<RouteCount> ZoomReads(SyncShape s) => new List<RouteCount>
        {
            R("GET /v2/webinars/{webinarId}", "Zoom/Light", 1, "the webinar"),
            R("GET /v2/past_webinars/{webinarId}/instances", "Zoom/Light", 1, s.Held ? "which instance (the latest)" : "whether it was held (404: not yet)"),
            R("GET /v2/report/webinars/{webinarId}", "Zoom/Heavy", s.Held ? 1 : 0, "the instance's actual duration (percent of it)"),
            R("GET /v2/report/webinars/{webinarId}/participants", "Zoom/Heavy", s.Held ? Pages(s.ParticipantRows, ZoomPage) : 0, $"{s.ParticipantRows} participant rows / {ZoomPage}"),
            R("GET /v2/webinars/{webinarId}/registrants", "Zoom/Medium", RegistrantPages(s),
                $"registrants per status / {ZoomPage}: approved {s.Approved}, denied {s.Denied}, pending {s.Pending}"),
        };

        /// <summary>Pages of the three registrant listings (approved, denied, pending), one at least each.</summary>
        public static int RegistrantPages(SyncShape s) => Pages(s.Approved, ZoomPage) + Pages(s.Denied, ZoomPage) + Pages(s.Pending, ZoomPage);

        // The event is read before anything is written to it, and for a held instance to see whether it is complete: a
        // re-run of registrations that changed nothing does not need it.
        private static IEnumerable<RouteCount> HubSpotReads(SyncShape s, bool writes) => new[]
        {
            R("POST /crm/v3/objects/contacts/batch/read", "HubSpot/Standard", Calls(s.People, HubSpotBatch), $"{s.People} people / {HubSpotBatch}: contact and history ledger by email"),
            R("GET /marketing/v3/marketing-events/events/{externalEventId}", "HubSpot/Standard", writes || s.Held ? 1 : 0, "the marketing event as it stands"),
        };

        internal static RouteCount R(string route, string bucket, int minimum, string why) => new RouteCount { Route = route, Bucket = bucket, Minimum = minimum, Why = why };

        // One row per route: the batch read serves two purposes (live and archived contacts).
        internal static List<RouteCount> Merge(List<RouteCount> rows)
            => rows.GroupBy(r => r.Route).Select(g => new RouteCount { Route = g.Key, Bucket = g.First().Bucket, Minimum = g.Sum(x => x.Minimum), Why = string.Join("; ", g.Where(x => x.Minimum > 0).Select(x => x.Why)) }).ToList();

        /// <summary>Per bucket totals of a route list's minimum.</summary>
        public static Dictionary<string, int> ByBucket(IEnumerable<RouteCount> rows)
            => rows.GroupBy(r => r.Bucket).ToDictionary(g => g.Key, g => g.Sum(x => x.Minimum), StringComparer.Ordinal);
    }
}
