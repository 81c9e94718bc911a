using System;
using System.Collections.Generic;
using System.Globalization;
using static ZoomHubPS.Sandbox.Scenarios.GeneratorParts;

namespace ZoomHubPS.Sandbox.Scenarios
{
    /// <summary>
    /// Builds large, deterministic scenarios for tests and benchmarks. The single-webinar shape (the default): one past
    /// type-5 webinar with one instance (registrants, attendees, rejoins, registered guests, existing HubSpot contacts in
    /// the given shares) and one upcoming type-5 webinar with registration on. The account shape (<see cref="GeneratorOptions.Hosts"/>
    /// above 0): hosts × webinars × registrants, upcoming, past and expired. Counts are exact: e.g. attendees = round(N × AttendShare).
    /// </summary>
    public static class ScenarioGenerator
    {
        /// <summary>Builds the scenario.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
        public static Scenario Generate(GeneratorOptions options)
        {
            options = options ?? new GeneratorOptions();
            if (options.Registrants < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.Registrants, "Registrants cannot be negative.");
            }

            if (options.Hosts != 0)
            {
                return AccountScenarioGenerator.Generate(options);
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
            var hubSpotContacts = new List<HubSpotContactSeed>(contacts);
            for (int i = 0; i < n; i++)
            {
                (string first, string last, string email) = Person(i);
                registrants.Add(new ZoomRegistrantSeed
                {
                    Id = "gen" + i.ToString("D19", CultureInfo.InvariantCulture),
                    Email = email,
                    FirstName = first,
                    LastName = last,
                    CreateTime = start.AddDays(-14).AddSeconds(i % 1_000_000),
                });
            }

            List<ZoomParticipantSeed> participants = Attendance(registrants, attendOrder, attendees, rejoiners, guests, start, DurationMinutes, random);
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
                Anchor = options.AnchorToToday ? ScenarioAnchor.Today : null,
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
                (string first, string last, string email) = Person(i);
                contacts.Add(new HubSpotContactSeed
                {
                    Id = id,
                    Properties = new Dictionary<string, string>
                    {
                        ["email"] = "list.member." + i.ToString(CultureInfo.InvariantCulture) + email.Substring(email.IndexOf('@')),
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
    }
}
