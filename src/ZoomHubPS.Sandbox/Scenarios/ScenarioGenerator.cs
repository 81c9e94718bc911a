using System;
using System.Collections.Generic;
using System.Globalization;

namespace ZoomHubPS.Sandbox.Scenarios
{
    /// <summary>What <see cref="ScenarioGenerator"/> builds. Shares are fractions in [0, 1].</summary>
    public sealed class GeneratorOptions
    {
        /// <summary>Registrants of the past webinar (N).</summary>
        public int Registrants { get; set; } = 1000;

        /// <summary>Share of registrants who attended.</summary>
        public double AttendShare { get; set; } = 0.6;

        /// <summary>Share of attendees who left and rejoined (two participant rows).</summary>
        public double RejoinShare { get; set; } = 0.2;

        /// <summary>Share of attendees who joined as guests: <c>user_email</c> "" but a <c>registrant_id</c> (resolvable).</summary>
        public double GuestShare { get; set; } = 0.05;

        /// <summary>Share of registrants who already are HubSpot contacts.</summary>
        public double ExistingContactShare { get; set; } = 0.1;

        /// <summary>Seed: the same options give the same scenario.</summary>
        public int Seed { get; set; } = 1;

        /// <summary>Sandbox "now" of the scenario.</summary>
        public DateTimeOffset Now { get; set; } = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

        /// <summary>Id of the past type-5 webinar (one instance, two days before <see cref="Now"/>).</summary>
        public long PastWebinarId { get; set; } = 89100000001;

        /// <summary>Id of the upcoming type-5 webinar with registration on and no registrants (bulk-registration benchmarks).</summary>
        public long UpcomingWebinarId { get; set; } = 89100000002;

        /// <summary>
        /// Members of a MANUAL HubSpot list (id <see cref="ListId"/>) of contacts who are not registrants, e.g. to register
        /// a list for the upcoming webinar; 0 = no list.
        /// </summary>
        public int ListMembers { get; set; }

        /// <summary>ILS id of the generated list.</summary>
        public string ListId { get; set; } = "9001";
    }

    /// <summary>
    /// Builds large, deterministic scenarios for tests and benchmarks: one past type-5 webinar with one instance
    /// (registrants, attendees, rejoins, registered guests, existing HubSpot contacts in the given shares) and one
    /// upcoming type-5 webinar with registration on. Counts are exact: e.g. attendees = round(N × AttendShare).
    /// </summary>
    public static class ScenarioGenerator
    {
        private static readonly string[] FirstNames =
        {
            "Ana", "Li", "Sam", "Maria", "Ben", "Hannah", "Diego", "Yuki", "Olivia", "Noah", "Emma", "Lucas", "Priya", "Omar",
            "Chloe", "Mateo", "Aisha", "Jonas", "Sofia", "Kenji", "Grace", "Ivan", "Leila", "Marco",
        };

        private static readonly string[] LastNames =
        {
            "Ruiz", "Wei", "Taylor", "Garcia", "Carter", "Schmidt", "Alvarez", "Tanaka", "Brown", "Patel", "Jones", "Martin",
            "Nair", "Haddad", "Dubois", "Rossi", "Khan", "Berg", "Costa", "Sato", "Kim", "Novak", "Ahmadi", "Bianchi",
        };

        private static readonly string[] Domains =
        {
            "contoso.example.org", "fabrikam.example.com", "tailspin.example.net", "adventure.example.com", "wingtip.example.org", "mail.example.com",
        };

        /// <summary>Builds the scenario.</summary>
        public static Scenario Generate(GeneratorOptions options)
        {
            options = options ?? new GeneratorOptions();
            if (options.Registrants < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.Registrants, "Registrants cannot be negative.");
            }

            var random = new Random(options.Seed);
            int n = options.Registrants;
            DateTimeOffset start = new DateTimeOffset(options.Now.UtcDateTime.Date.AddDays(-2).AddHours(16), TimeSpan.Zero);
            const int DurationMinutes = 60;

            int attendees = Share(n, options.AttendShare);
            int rejoiners = Share(attendees, options.RejoinShare);
            int guests = Share(attendees, options.GuestShare);
            int contacts = Share(n, options.ExistingContactShare);

            // Who attends and who is a contact are independent draws: two permutations of the registrant indexes.
            int[] attendOrder = Permutation(n, random);
            int[] contactOrder = Permutation(n, random);

            var registrants = new List<ZoomRegistrantSeed>(n);
            var participants = new List<ZoomParticipantSeed>(attendees + rejoiners + 8);
            var hubSpotContacts = new List<HubSpotContactSeed>(contacts);
            for (int i = 0; i < n; i++)
            {
                string first = FirstNames[i % FirstNames.Length];
                string last = LastNames[(i / FirstNames.Length) % LastNames.Length];
                string email = (first + "." + last + "." + i.ToString(CultureInfo.InvariantCulture) + "@" + Domains[i % Domains.Length]).ToLowerInvariant();
                registrants.Add(new ZoomRegistrantSeed
                {
                    Id = "gen" + i.ToString("D19", CultureInfo.InvariantCulture),
                    Email = email,
                    FirstName = first,
                    LastName = last,
                    CreateTime = start.AddDays(-14).AddSeconds(i % 1_000_000),
                });
            }

            for (int k = 0; k < attendees; k++)
            {
                ZoomRegistrantSeed r = registrants[attendOrder[k]];
                bool guest = k < guests;
                bool rejoin = k >= attendees - rejoiners;
                DateTimeOffset join = start.AddSeconds(random.Next(0, 600));
                DateTimeOffset leave = start.AddMinutes(DurationMinutes).AddSeconds(-random.Next(0, 1800));
                string name = r.FirstName + " " + r.LastName;
                string userEmail = guest ? string.Empty : r.Email;
                if (rejoin)
                {
                    DateTimeOffset drop = join.AddSeconds((leave - join).TotalSeconds / 2);
                    participants.Add(Participant(name, userEmail, r.Id, join, drop));
                    participants.Add(Participant(name, userEmail, r.Id, drop.AddSeconds(random.Next(30, 300)), leave));
                }
                else
                {
                    participants.Add(Participant(name, userEmail, r.Id, join, leave));
                }
            }

            participants.Add(Participant("Webinar Host", "host@northwind.example.com", null, start.AddMinutes(-5), start.AddMinutes(DurationMinutes + 1)));
            participants.Sort((a, b) => a.JoinTime.CompareTo(b.JoinTime));

            for (int k = 0; k < contacts; k++)
            {
                ZoomRegistrantSeed r = registrants[contactOrder[k]];
                hubSpotContacts.Add(new HubSpotContactSeed
                {
                    Id = (1000 + k).ToString(CultureInfo.InvariantCulture),
                    Properties = new Dictionary<string, string> { ["email"] = r.Email, ["firstname"] = r.FirstName, ["lastname"] = r.LastName },
                });
            }

            List<HubSpotListSeed> lists = AddListMembers(options, hubSpotContacts);
            return new Scenario
            {
                Name = "generated",
                Description = "Generated: " + n + " registrants, " + attendees + " attendees (" + rejoiners + " rejoined, " + guests + " registered guests), "
                    + contacts + " existing contacts, seed " + options.Seed + ".",
                Now = options.Now,
                Zoom = new ZoomSeed
                {
                    AccountId = "sbxGeneratedAcct",
                    ClientId = "sbxGeneratedClient",
                    ClientSecret = "sandbox-secret-not-real-generated",
                    Plan = "Business",
                    InternalDomains = new List<string> { "northwind.example.com" },
                    Users = new List<ZoomUserSeed>
                    {
                        new ZoomUserSeed { Id = "genHostUser00000000001", Email = "host@northwind.example.com", FirstName = "Webinar", LastName = "Host" },
                    },
                    Webinars = new List<ZoomWebinarSeed>
                    {
                        new ZoomWebinarSeed
                        {
                            Id = options.PastWebinarId,
                            HostEmail = "host@northwind.example.com",
                            Topic = "Generated webinar (" + n + " registrants)",
                            StartTime = start,
                            Duration = DurationMinutes,
                            CreatedAt = start.AddDays(-30),
                            Registrants = registrants,
                            Instances = new List<ZoomInstanceSeed>
                            {
                                new ZoomInstanceSeed { StartTime = start, Duration = DurationMinutes, Participants = participants },
                            },
                        },
                        new ZoomWebinarSeed
                        {
                            Id = options.UpcomingWebinarId,
                            HostEmail = "host@northwind.example.com",
                            Topic = "Generated upcoming webinar",
                            StartTime = start.AddDays(16),
                            Duration = DurationMinutes,
                            CreatedAt = options.Now.AddDays(-1),
                        },
                    },
                },
                HubSpot = new HubSpotSeed
                {
                    PortalId = 21000003,
                    Token = "pat-na1-sandbox-generated-not-a-real-token",
                    Tier = "Enterprise",
                    Contacts = hubSpotContacts,
                    Lists = lists,
                },
            };
        }

        // The list's members are contacts of their own (list.member.{i}@…), so the registrant counts stay exact.
        private static List<HubSpotListSeed> AddListMembers(GeneratorOptions options, List<HubSpotContactSeed> contacts)
        {
            if (options.ListMembers < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.ListMembers, "ListMembers cannot be negative.");
            }

            if (options.ListMembers == 0)
            {
                return new List<HubSpotListSeed>();
            }

            var members = new List<string>(options.ListMembers);
            for (int i = 0; i < options.ListMembers; i++)
            {
                string id = (2000000 + i).ToString(CultureInfo.InvariantCulture);
                string first = FirstNames[i % FirstNames.Length];
                string last = LastNames[(i / FirstNames.Length) % LastNames.Length];
                contacts.Add(new HubSpotContactSeed
                {
                    Id = id,
                    Properties = new Dictionary<string, string>
                    {
                        ["email"] = "list.member." + i.ToString(CultureInfo.InvariantCulture) + "@" + Domains[i % Domains.Length],
                        ["firstname"] = first,
                        ["lastname"] = last,
                    },
                });
                members.Add(id);
            }

            return new List<HubSpotListSeed>
            {
                new HubSpotListSeed { ListId = options.ListId, Name = "Generated list (" + options.ListMembers + " members)", ProcessingType = "MANUAL", Members = members },
            };
        }

        private static ZoomParticipantSeed Participant(string name, string email, string registrantId, DateTimeOffset join, DateTimeOffset leave)
            => new ZoomParticipantSeed { Name = name, UserEmail = email, RegistrantId = registrantId, JoinTime = join, LeaveTime = leave };

        private static int Share(int total, double share)
            => (int)Math.Round(total * Math.Max(0, Math.Min(1, share)), MidpointRounding.AwayFromZero);

        private static int[] Permutation(int n, Random random)
        {
            var order = new int[n];
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }

            for (int i = n - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }

            return order;
        }
    }
}
