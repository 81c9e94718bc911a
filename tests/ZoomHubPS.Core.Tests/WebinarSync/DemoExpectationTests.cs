using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests.WebinarSync
{
    /// <summary>
    /// The demo sync against expectations computed here, straight from the scenario data and DESIGN's counting rules,
    /// without any of the engine's code.
    /// </summary>
    public class DemoExpectationTests
    {
        private sealed class Expected
        {
            public HashSet<string> Registrations = new HashSet<string>();
            public List<double> Percents = new List<double>();
        }

        private static Dictionary<string, Expected> Compute(Scenario s)
        {
            var accountUsers = new HashSet<string>(s.Zoom.Users.Select(u => u.Email), StringComparer.OrdinalIgnoreCase);
            var archived = new HashSet<string>(s.HubSpot.Contacts.Where(c => c.Archived).Select(c => c.Properties["email"]), StringComparer.OrdinalIgnoreCase);
            var live = new HashSet<string>(s.HubSpot.Contacts.Where(c => !c.Archived).Select(c => c.Properties["email"]), StringComparer.OrdinalIgnoreCase);
            var valid = new Regex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$");
            var result = new Dictionary<string, Expected>(StringComparer.OrdinalIgnoreCase);
            Expected For(string email) => result.TryGetValue(email, out Expected e) ? e : result[email] = new Expected();
            bool Counted(string email) => valid.IsMatch(email) && !accountUsers.Contains(email) && (live.Contains(email) || !archived.Contains(email));

            foreach (ZoomWebinarSeed w in s.Zoom.Webinars.Where(w => w.Instances.Count > 0))
            {
                var registrantsById = w.Registrants.Where(r => r.Id != null).ToDictionary(r => r.Id, r => r.Email);
                foreach (ZoomInstanceSeed i in w.Instances)
                {
                    double minutes = i.Duration ?? w.Duration;
                    var rows = i.Participants
                        .Select(p => (Email: !string.IsNullOrEmpty(p.UserEmail) ? p.UserEmail : p.RegistrantEmail ?? (p.RegistrantId != null && registrantsById.TryGetValue(p.RegistrantId, out string e) ? e : null), p.JoinTime, p.LeaveTime))
                        .Where(r => r.Email != null);
                    foreach (var person in rows.GroupBy(r => r.Email.ToLowerInvariant()))
                    {
                        // Union of [join, leave) intervals.
                        double seconds = 0;
                        DateTimeOffset? start = null, end = null;
                        foreach (var r in person.OrderBy(r => r.JoinTime))
                        {
                            if (end == null || r.JoinTime > end) { if (end != null) seconds += (end.Value - start.Value).TotalSeconds; start = r.JoinTime; end = r.LeaveTime; }
                            else if (r.LeaveTime > end) end = r.LeaveTime;
                        }

                        if (end != null) seconds += (end.Value - start.Value).TotalSeconds;
                        if (seconds > 0 && Counted(person.Key))
                        {
                            For(person.Key).Percents.Add(Math.Min(100, seconds * 100 / (minutes * 60))); // exact: the mean is rounded once
                        }
                    }

                    // Registrations: approved only; once per webinar, or once per occurrence for occurrence registrations.
                    foreach (ZoomRegistrantSeed r in w.Registrants.Where(r => (r.Status ?? "approved") == "approved" && Counted(r.Email)))
                    {
                        if (r.OccurrenceIds == null || r.OccurrenceIds.Count == 0) For(r.Email).Registrations.Add(w.Id.ToString(CultureInfo.InvariantCulture));
                        else if (i.OccurrenceId != null && r.OccurrenceIds.Contains(i.OccurrenceId)) For(r.Email).Registrations.Add(w.Id + ":" + i.OccurrenceId);
                    }
                }
            }

            return result;
        }

        [Fact]
        public async Task SyncingTheDemoGivesTheIndependentlyComputedCountsAndAverages()
        {
            Scenario scenario = ScenarioLoader.Load("demo");
            Dictionary<string, Expected> expected = Compute(scenario);
            using CoreTestHost host = await CoreTestHost.CreateAsync(scenario);
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            var engine = new WebinarSyncEngine(host.Connection);
            foreach (var w in host.Sandbox.Zoom.Webinars)
            {
                foreach (var i in host.Sandbox.Zoom.Instances(w.Id))
                {
                    await engine.SyncAsync(new SyncTarget { WebinarId = w.Id, InstanceUuid = i.Uuid }, new SyncOptions());
                }
            }

            var names = new SyncPropertyNames();
            Assert.NotEmpty(expected);
            foreach (var pair in expected.Where(p => p.Value.Registrations.Count > 0 || p.Value.Percents.Count > 0))
            {
                var contact = host.Sandbox.HubSpot.ContactByEmail(pair.Key);
                Assert.True(contact != null, pair.Key + " should be a contact");
                Assert.Equal(pair.Value.Registrations.Count.ToString(CultureInfo.InvariantCulture), contact.Get(names.RegistrationCount));
                Assert.Equal(pair.Value.Percents.Count.ToString(CultureInfo.InvariantCulture), contact.Get(names.AttendanceCount));
                if (pair.Value.Percents.Count > 0)
                {
                    double average = Math.Round(pair.Value.Percents.Average(), 1, MidpointRounding.AwayFromZero);
                    Assert.Equal(average, double.Parse(contact.Get(names.AverageAttendancePercent), CultureInfo.InvariantCulture), 1);
                }
            }

            // Nobody outside the expectations got activity, and account users and deleted contacts got no contact.
            foreach (var user in scenario.Zoom.Users)
            {
                Assert.Null(host.Sandbox.HubSpot.ContactByEmail(user.Email));
            }
        }
    }
}
