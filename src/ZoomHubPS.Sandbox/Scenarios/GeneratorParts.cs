using System;
using System.Collections.Generic;
using System.Globalization;

namespace ZoomHubPS.Sandbox.Scenarios
{
    /// <summary>
    /// What both generator shapes build the same way: people's names and emails, attendance rows (rejoins, registered
    /// guests) and exact shares. Every draw comes from the caller's <see cref="Random"/>, in a fixed order, so the same
    /// options give the same scenario.
    /// </summary>
    internal static class GeneratorParts
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

        /// <summary>Person number <paramref name="i"/>: a first name, a last name and a unique email outside the account's domain.</summary>
        internal static (string First, string Last, string Email) Person(int i)
        {
            string first = FirstNames[i % FirstNames.Length];
            string last = LastNames[(i / FirstNames.Length) % LastNames.Length];
            string email = (first + "." + last + "." + i.ToString(CultureInfo.InvariantCulture) + "@" + Domains[i % Domains.Length]).ToLowerInvariant();
            return (first, last, email);
        }

        /// <summary>A first and last name for account user number <paramref name="i"/>.</summary>
        internal static (string First, string Last) UserName(int i) => (FirstNames[(i * 7) % FirstNames.Length], LastNames[(i * 5 + 3) % LastNames.Length]);

        /// <summary>
        /// Participant rows of the first <paramref name="attendees"/> registrants in <paramref name="attendOrder"/>: the first
        /// <paramref name="guests"/> join with an empty email (resolvable by registrant id), the last <paramref name="rejoiners"/>
        /// leave and come back (two rows). Joins fall in the first 10 minutes, leaves in the last 30.
        /// </summary>
        internal static List<ZoomParticipantSeed> Attendance(IReadOnlyList<ZoomRegistrantSeed> registrants, int[] attendOrder, int attendees, int rejoiners, int guests,
            DateTimeOffset start, int durationMinutes, Random random)
        {
            var participants = new List<ZoomParticipantSeed>(attendees + rejoiners + 8);
            for (int k = 0; k < attendees; k++)
            {
                ZoomRegistrantSeed r = registrants[attendOrder[k]];
                bool guest = k < guests;
                bool rejoin = k >= attendees - rejoiners;
                DateTimeOffset join = start.AddSeconds(random.Next(0, 600));
                DateTimeOffset leave = start.AddMinutes(durationMinutes).AddSeconds(-random.Next(0, 1800));
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

            return participants;
        }

        internal static ZoomParticipantSeed Participant(string name, string email, string registrantId, DateTimeOffset join, DateTimeOffset leave)
            => new ZoomParticipantSeed { Name = name, UserEmail = email, RegistrantId = registrantId, JoinTime = join, LeaveTime = leave };

        /// <summary>round(total × share), the share clamped to [0, 1]: counts are exact, not drawn.</summary>
        internal static int Share(int total, double share)
            => (int)Math.Round(total * Math.Max(0, Math.Min(1, share)), MidpointRounding.AwayFromZero);

        /// <summary>A random permutation of 0…n−1 (Fisher–Yates).</summary>
        internal static int[] Permutation(int n, Random random)
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
