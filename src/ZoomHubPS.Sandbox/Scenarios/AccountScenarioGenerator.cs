using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static ZoomHubPS.Sandbox.Scenarios.GeneratorParts;

namespace ZoomHubPS.Sandbox.Scenarios
{
    /// <summary>What a generated account webinar is, as account-wide discovery sees it.</summary>
    internal enum GeneratedWebinarKind
    {
        /// <summary>Held and still listed by <c>/users/{id}/webinars</c>: a weekly (type 9) webinar with a held occurrence and one to come.</summary>
        Past,

        /// <summary>A type-5 webinar held 8 to 57 days ago: no longer listed, still served by <c>GET /webinars/{id}</c>, in the reports.</summary>
        Expired,

        /// <summary>A type-5 webinar 3 to 20 days ahead, with registrants and no instance.</summary>
        Upcoming,
    }

    /// <summary>
    /// The account shape of <see cref="ScenarioGenerator"/>: <c>Hosts</c> users of northwind.example.com, each with
    /// <c>WebinarsPerHost</c> webinars (past first, then expired, then upcoming, in the given shares) of
    /// <c>RegistrantsPerWebinar</c> registrants. People come from a pool half as large as all registrations, so on average
    /// each registers for two webinars (webinar n takes the pool's people from n × R / 2 on, wrapping): the cross-webinar
    /// aggregates get exercised. Every held webinar has round(R × AttendShare) attendees plus its host.
    /// </summary>
    internal static class AccountScenarioGenerator
    {
        internal const string Domain = "northwind.example.com";
        private const int DurationMinutes = 60;
        private static readonly string[] Departments = { "Marketing", "Sales", "Product", "Customer Success" };

        /// <summary>The kind of webinar <paramref name="indexInHost"/> of a host (the same split for every host).</summary>
        internal static GeneratedWebinarKind KindOf(int indexInHost, GeneratorOptions o)
        {
            int upcoming = Share(o.WebinarsPerHost, o.UpcomingShare);
            int expired = Math.Min(o.WebinarsPerHost - upcoming, Share(o.WebinarsPerHost, o.ExpiredShare));
            int past = o.WebinarsPerHost - upcoming - expired;
            return indexInHost < past ? GeneratedWebinarKind.Past : indexInHost < past + expired ? GeneratedWebinarKind.Expired : GeneratedWebinarKind.Upcoming;
        }

        internal static Scenario Generate(GeneratorOptions o)
        {
            if (o.Hosts < 0 || o.WebinarsPerHost < 0 || o.RegistrantsPerWebinar < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(o), "Hosts, WebinarsPerHost and RegistrantsPerWebinar cannot be negative.");
            }

            var random = new Random(o.Seed);
            int webinarCount = o.Hosts * o.WebinarsPerHost;
            int perWebinar = o.RegistrantsPerWebinar;
            int pool = Math.Max(perWebinar, (int)Math.Min(int.MaxValue, (long)webinarCount * perWebinar / 2));
            int contacts = Share(pool, o.ExistingContactShare);
            int[] contactOrder = Permutation(pool, random);

            var users = new List<ZoomUserSeed>(o.Hosts);
            var webinars = new List<ZoomWebinarSeed>(webinarCount);
            for (int h = 0; h < o.Hosts; h++)
            {
                ZoomUserSeed host = Host(h);
                users.Add(host);
                for (int j = 0; j < o.WebinarsPerHost; j++)
                {
                    int n = h * o.WebinarsPerHost + j;
                    webinars.Add(Webinar(o, n, KindOf(j, o), host, pool, random));
                }
            }

            int held = webinars.Count(w => w.Instances.Count > 0);
            return new Scenario
            {
                Name = "generated-account",
                Description = "Generated account: " + o.Hosts + " hosts x " + o.WebinarsPerHost + " webinars x " + perWebinar + " registrants ("
                    + held + " held, " + (webinarCount - held) + " upcoming), " + pool + " people, " + contacts + " existing contacts, seed " + o.Seed + ".",
                Now = o.Now,
                Anchor = o.AnchorToToday ? ScenarioAnchor.Today : null,
                Zoom = new ZoomSeed
                {
                    AccountId = "sbxGeneratedAcct",
                    ClientId = "sbxGeneratedClient",
                    ClientSecret = "sandbox-secret-not-real-generated",
                    Plan = o.Plan,
                    Features = new ZoomFeaturesSeed { Dashboard = o.Dashboard },
                    InternalDomains = new List<string> { Domain },
                    Users = users,
                    Webinars = webinars,
                },
                HubSpot = new HubSpotSeed
                {
                    PortalId = 21000004,
                    Token = "pat-na1-sandbox-generated-not-a-real-token",
                    Tier = "Enterprise",
                    Contacts = Enumerable.Range(0, contacts).Select(k => Contact(k, contactOrder[k])).ToList(),
                },
            };
        }

        private static ZoomUserSeed Host(int h)
        {
            (string first, string last) = UserName(h);
            return new ZoomUserSeed
            {
                Id = "genHost" + (h + 1).ToString("D15", CultureInfo.InvariantCulture),
                Email = "host" + (h + 1).ToString("D2", CultureInfo.InvariantCulture) + "@" + Domain,
                FirstName = first,
                LastName = last,
                Dept = Departments[h % Departments.Length],
                Timezone = "UTC",
            };
        }

        private static ZoomWebinarSeed Webinar(GeneratorOptions o, int n, GeneratedWebinarKind kind, ZoomUserSeed host, int pool, Random random)
        {
            DateTime today = o.Now.UtcDateTime.Date;
            DateTimeOffset start = kind == GeneratedWebinarKind.Past ? At(today.AddDays(-(1 + n % 5)), 15)
                : kind == GeneratedWebinarKind.Expired ? At(today.AddDays(-(8 + n * 11 % 50)), 16)
                : At(today.AddDays(3 + n % 18), 17);
            DateTimeOffset registeredFrom = kind == GeneratedWebinarKind.Upcoming ? o.Now.AddDays(-5) : start.AddDays(-14);
            var webinar = new ZoomWebinarSeed
            {
                Id = o.FirstWebinarId + n,
                HostEmail = host.Email,
                Topic = "Account webinar " + (n + 1) + " of " + host.FirstName + " " + host.LastName + " (" + kind.ToString().ToLowerInvariant() + ")",
                Type = kind == GeneratedWebinarKind.Past ? 9 : 5,
                StartTime = start,
                Duration = DurationMinutes,
                CreatedAt = kind == GeneratedWebinarKind.Upcoming ? o.Now.AddDays(-10) : start.AddDays(-30),
                Registrants = Registrants(o, n, pool, registeredFrom),
            };

            if (kind == GeneratedWebinarKind.Past)
            {
                // Weekly: the held occurrence and the next one, which keeps the webinar listed whatever the listing rules.
                webinar.Occurrences.Add(Occurrence(start));
                webinar.Occurrences.Add(Occurrence(start.AddDays(7)));
            }

            if (kind != GeneratedWebinarKind.Upcoming)
            {
                webinar.Instances.Add(Instance(o, webinar, host, start, random));
            }

            return webinar;
        }

        /// <summary>R people of the pool from n × R / 2 on (wrapping), each registered once.</summary>
        private static List<ZoomRegistrantSeed> Registrants(GeneratorOptions o, int n, int pool, DateTimeOffset registeredFrom)
        {
            int perWebinar = o.RegistrantsPerWebinar;
            var registrants = new List<ZoomRegistrantSeed>(perWebinar);
            long first = (long)n * perWebinar / 2;
            for (int r = 0; r < perWebinar; r++)
            {
                int p = (int)((first + r) % pool);
                (string firstName, string last, string email) = Person(p);
                registrants.Add(new ZoomRegistrantSeed
                {
                    Id = "w" + n.ToString("D5", CultureInfo.InvariantCulture) + "r" + p.ToString("D15", CultureInfo.InvariantCulture),
                    Email = email,
                    FirstName = firstName,
                    LastName = last,
                    CreateTime = registeredFrom.AddSeconds(r % 300_000),
                });
            }

            return registrants;
        }

        private static ZoomInstanceSeed Instance(GeneratorOptions o, ZoomWebinarSeed webinar, ZoomUserSeed host, DateTimeOffset start, Random random)
        {
            int count = webinar.Registrants.Count;
            int attendees = Share(count, o.AttendShare);
            int[] attendOrder = Permutation(count, random);
            List<ZoomParticipantSeed> participants = Attendance(webinar.Registrants, attendOrder, attendees, Share(attendees, o.RejoinShare), Share(attendees, o.GuestShare),
                start, DurationMinutes, random);
            participants.Add(Participant(host.FirstName + " " + host.LastName, host.Email, null, start.AddMinutes(-5), start.AddMinutes(DurationMinutes + 1)));
            participants.Sort((a, b) => a.JoinTime.CompareTo(b.JoinTime));
            return new ZoomInstanceSeed
            {
                StartTime = start,
                Duration = DurationMinutes,
                OccurrenceId = webinar.Type == 9 ? OccurrenceId(start) : null,
                Participants = participants,
            };
        }

        private static ZoomOccurrenceSeed Occurrence(DateTimeOffset start)
            => new ZoomOccurrenceSeed { OccurrenceId = OccurrenceId(start), StartTime = start, Duration = DurationMinutes };

        private static string OccurrenceId(DateTimeOffset start) => start.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        private static HubSpotContactSeed Contact(int k, int person)
        {
            (string first, string last, string email) = Person(person);
            return new HubSpotContactSeed
            {
                Id = (1000 + k).ToString(CultureInfo.InvariantCulture),
                Properties = new Dictionary<string, string> { ["email"] = email, ["firstname"] = first, ["lastname"] = last },
            };
        }

        private static DateTimeOffset At(DateTime day, int hour) => new DateTimeOffset(day.AddHours(hour), TimeSpan.Zero);
    }
}
