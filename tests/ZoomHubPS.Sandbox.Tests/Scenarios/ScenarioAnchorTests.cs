using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ZoomHubPS.Sandbox.Limits;
using ZoomHubPS.Sandbox.Scenarios;
using ZoomHubPS.Sandbox.Zoom;

namespace ZoomHubPS.Sandbox.Tests.Scenarios
{
    /// <summary>Built-in scenarios anchored to the current date: upcoming stays upcoming, past stays past, on any day.</summary>
    public class ScenarioAnchorTests
    {
        private const long Quarterly = 81234567890, Clinic = 82345678901, Security = 83456789012, OfficeHours = 84567890123,
            Agency = 85678901234, Roundtable = 86789012345, Bootcamp = 87890123456, Spring = 88901234567;

        private static readonly long[] Upcoming = { Security, OfficeHours, Roundtable, Bootcamp };
        private static readonly long[] Past = { Quarterly, Agency, Spring };

        [Fact]
        public void TheDemoLoadedTodayHasItsUpcomingWebinarsAheadAndItsPastOnesBehindTheTwinsClock()
        {
            DateTime before = DateTime.UtcNow.Date;
            using var sandbox = new ZoomHubSandbox(new SandboxOptions { Scenario = "demo", Limits = LimitOptions.None });
            DateTimeOffset now = sandbox.Clock.GetUtcNow();

            Assert.Contains(now.UtcDateTime.Date, new[] { before, DateTime.UtcNow.Date }); // today (even across midnight)
            Assert.Equal((12, 0), (now.UtcDateTime.Hour, now.UtcDateTime.Minute)); // the authored time of day
            Assert.All(Upcoming, id => Assert.True(sandbox.Zoom.Webinar(id).StartTime > now, id + " should be upcoming"));
            Assert.All(Past, id => Assert.All(sandbox.Zoom.Instances(id), i => Assert.True(i.StartTime.AddMinutes(i.Duration) < now, id + " should be over")));
            ZoomWebinar clinic = sandbox.Zoom.Webinar(Clinic);
            Assert.Equal(new[] { true, true, true, false, false }, clinic.Occurrences.Select(o => o.StartTime < now));
            Assert.All(sandbox.Zoom.Instances(Clinic), i => Assert.True(i.StartTime < now));

            // Everything keeps its distance from "now" as authored: the deep dive is 13 days and 5 hours ahead.
            Assert.Equal(TimeSpan.FromDays(13) + TimeSpan.FromHours(5), sandbox.Zoom.Webinar(Security).StartTime - sandbox.Scenario.Now.Value);
            Assert.Equal(sandbox.Scenario.Now.Value.UtcDateTime.Date, now.UtcDateTime.Date);
        }

        [Theory]
        [InlineData("2027-03-01T09:30:00Z")]
        [InlineData("2026-12-31T23:59:00Z")]
        [InlineData("2031-07-15T00:00:00Z")]
        public async Task RegisteringForAnUpcomingDemoWebinarWorksOnAnyDate(string today)
        {
            DateTimeOffset now = DateTimeOffset.Parse(today, CultureInfo.InvariantCulture);
            using SandboxTestHost host = SandboxTestHost.CreateOn(now);
            HttpClient zoom = await host.ZoomClientAsync();
            int days = host.Sandbox.ScenarioShiftDays;
            Assert.Equal(now.UtcDateTime.Date, ScenarioAnchor.AuthoredNow.UtcDateTime.Date.AddDays(days));

            var single = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, "webinars/" + Security + "/registrants", new
            {
                email = "noah.patel@contoso.example.org", first_name = "Noah", last_name = "Patel", org = "Contoso",
                custom_questions = new[] { new { title = "How did you hear about us?", value = "Partner" } },
            });
            Assert.Equal(201, single.Status);
            Assert.Equal(new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.Zero).AddDays(days), DateTimeOffset.Parse((string)single.Body["start_time"], CultureInfo.InvariantCulture));

            // The next clinic session, by the id the twin now gives it (its new start in epoch ms).
            string next = Epoch(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero).AddDays(days));
            var occurrence = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, "webinars/" + Clinic + "/registrants?occurrence_ids=" + next,
                new { email = "emma.jones@fabrikam.example.com", first_name = "Emma" });
            Assert.Equal(201, occurrence.Status);
            Assert.Equal(new[] { next }, host.Sandbox.Zoom.Registrant(Clinic, "emma.jones@fabrikam.example.com").OccurrenceIds);
        }

        [Fact]
        public async Task WithoutAnchoringTheSameWebinarWouldBeOverOnThatDate()
        {
            Scenario fixedDemo = ScenarioLoader.Load("demo");
            fixedDemo.Anchor = null;
            using SandboxTestHost host = SandboxTestHost.CreateOn(new DateTimeOffset(2027, 3, 1, 9, 30, 0, TimeSpan.Zero), fixedDemo);
            HttpClient zoom = await host.ZoomClientAsync();
            var answer = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, "webinars/" + Roundtable + "/registrants", new { email = "late@example.com", first_name = "Late" });
            Assert.Equal(0, host.Sandbox.ScenarioShiftDays);
            Assert.Equal(400, answer.Status);
        }

        [Fact]
        public void OccurrenceIdsAndEveryReferenceToThemMoveTogether()
        {
            using SandboxTestHost host = SandboxTestHost.CreateOn(new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero));
            ZoomWebinar clinic = host.Sandbox.Zoom.Webinar(Clinic);
            var ids = new HashSet<string>(clinic.Occurrences.Select(o => o.OccurrenceId));

            Assert.All(clinic.Occurrences, o => Assert.Equal(Epoch(o.StartTime), o.OccurrenceId));
            Assert.All(host.Sandbox.Zoom.Registrants(Clinic), r => Assert.Subset(ids, new HashSet<string>(r.OccurrenceIds)));
            Assert.Equal(2, host.Sandbox.Zoom.Registrant(Clinic, "diego.alvarez@fabrikam.example.com").OccurrenceIds.Count);
            Assert.All(host.Sandbox.Zoom.Instances(Clinic), i => Assert.Equal(clinic.Occurrences.Single(o => o.OccurrenceId == i.OccurrenceId).StartTime, i.StartTime));
            Assert.DoesNotContain("1794927600000", ids); // the authored id is gone with its date
        }

        [Fact]
        public void EveryDateLikeValueMovesByTheSameWholeDays()
        {
            Scenario authored = ScenarioLoader.Parse(@"{
              ""now"": ""2026-11-20T12:00:00Z"", ""anchor"": ""today"",
              ""zoom"": { ""webinars"": [ {
                ""id"": 5, ""type"": 9, ""start_time"": ""2026-11-03T15:00:00Z"", ""created_at"": ""2026-10-01T10:00:00+02:00"",
                ""occurrences"": [ { ""occurrence_id"": ""1793718000000"", ""start_time"": ""2026-11-03T15:00:00Z"" }, { ""occurrence_id"": ""7"", ""start_time"": ""2026-11-10T15:00:00Z"" } ],
                ""registrants"": [ { ""email"": ""a@example.com"", ""create_time"": ""2026-10-02T09:00:00Z"", ""occurrence_ids"": [ ""1793718000000"" ] } ],
                ""instances"": [ { ""start_time"": ""2026-11-03T15:00:00Z"", ""occurrence_id"": ""1793718000000"",
                  ""participants"": [ { ""name"": ""A"", ""user_email"": ""a@example.com"", ""join_time"": ""2026-11-03T15:01:00Z"", ""leave_time"": ""2026-11-03T15:40:00Z"" } ],
                  ""recording"": { ""share_url"": ""https://example.invalid/rec/2026-11-03"", ""recording_files"": [ { ""recording_start"": ""2026-11-03T15:00:05Z"", ""recording_end"": ""2026-11-03T15:45:00Z"" } ] } } ] } ] },
              ""hubspot"": {
                ""properties"": [ { ""name"": ""renewal_at"", ""type"": ""datetime"" }, { ""name"": ""birthday"", ""type"": ""date"" } ],
                ""contacts"": [ { ""id"": ""1"", ""created_at"": ""2026-01-15T08:00:00Z"", ""properties"": {
                  ""email"": ""a@example.com"", ""renewal_at"": ""1795000000000"", ""birthday"": ""1990-05-17"", ""last_seen"": ""2026-11-18T09:30:00.000Z"",
                  ""createdate"": ""1768464000000"", ""employees"": ""123456789012"", ""note"": ""2026-11-18"" } } ] } }");

            Scenario moved = ScenarioAnchor.ShiftByDays(authored, 10);

            ZoomWebinarSeed w = moved.Zoom.Webinars[0];
            Assert.Equal(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), moved.Now);
            Assert.Equal(new DateTimeOffset(2026, 11, 13, 15, 0, 0, TimeSpan.Zero), w.StartTime);
            Assert.Equal(new DateTimeOffset(2026, 10, 11, 10, 0, 0, TimeSpan.FromHours(2)), w.CreatedAt);
            Assert.Equal(new[] { "1794582000000", "7" }, w.Occurrences.Select(o => o.OccurrenceId)); // an id that is no instant stays
            Assert.Equal(new[] { "1794582000000" }, w.Registrants[0].OccurrenceIds);
            Assert.Equal(new DateTimeOffset(2026, 10, 12, 9, 0, 0, TimeSpan.Zero), w.Registrants[0].CreateTime);
            ZoomInstanceSeed instance = w.Instances[0];
            Assert.Equal(("1794582000000", new DateTimeOffset(2026, 11, 13, 15, 1, 0, TimeSpan.Zero)), (instance.OccurrenceId, instance.Participants[0].JoinTime));
            Assert.Equal(new DateTimeOffset(2026, 11, 13, 15, 45, 0, TimeSpan.Zero), instance.Recording.RecordingFiles[0].RecordingEnd);
            Assert.Equal("https://example.invalid/rec/2026-11-03", instance.Recording.ShareUrl); // text is text

            HubSpotContactSeed contact = moved.HubSpot.Contacts[0];
            Assert.Equal(new DateTimeOffset(2026, 1, 25, 8, 0, 0, TimeSpan.Zero), contact.CreatedAt);
            Assert.Equal("1795864000000", contact.Properties["renewal_at"]);        // epoch ms of a datetime property
            Assert.Equal("1990-05-27", contact.Properties["birthday"]);             // a date property
            Assert.Equal("2026-11-28T09:30:00.000Z", contact.Properties["last_seen"]); // an ISO date-time in any property
            Assert.Equal("1769328000000", contact.Properties["createdate"]);        // HubSpot's own datetime property
            Assert.Equal("123456789012", contact.Properties["employees"]);          // a number in a text property stays
            Assert.Equal("2026-11-18", contact.Properties["note"]);                 // a bare date in a text property stays

            Assert.Equal(new DateTimeOffset(2026, 11, 3, 15, 0, 0, TimeSpan.Zero), authored.Zoom.Webinars[0].StartTime); // a copy: the original is untouched
        }

        [Fact]
        public void AScenarioWithoutTheKeyBehavesAsToday()
        {
            const string Json = "{ \"now\": \"2026-01-10T08:00:00Z\", {0} \"zoom\": { \"webinars\": [ { \"id\": 1, \"start_time\": \"2026-01-12T16:00:00Z\" } ] } }";
            foreach (string anchor in new[] { string.Empty, "\"anchor\": \"none\"," })
            {
                Scenario authored = ScenarioLoader.Parse(Json.Replace("{0}", anchor));
                using SandboxTestHost host = SandboxTestHost.CreateOn(new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero), authored);
                Assert.Equal(0, host.Sandbox.ScenarioShiftDays);
                Assert.Same(authored, host.Sandbox.Scenario);
                Assert.Equal(new DateTimeOffset(2026, 1, 12, 16, 0, 0, TimeSpan.Zero), host.Sandbox.Zoom.Webinar(1).StartTime);
            }

            using var unpinned = new ZoomHubSandbox(new SandboxOptions { ScenarioData = ScenarioLoader.Parse(Json.Replace("{0}", string.Empty)), Limits = LimitOptions.None });
            DateTime started = unpinned.Clock.GetUtcNow().UtcDateTime;
            Assert.Equal(new DateTime(2026, 1, 10, 8, 0, 0), new DateTime(started.Year, started.Month, started.Day, started.Hour, started.Minute, 0)); // the scenario's now
        }

        [Fact]
        public void APinnedClockOnTheAuthoredDateKeepsEveryDateAsWritten()
        {
            Scenario demo = ScenarioLoader.Load("demo");
            using SandboxTestHost host = SandboxTestHost.Create(demo); // the clock starts at the authored now
            Assert.Equal(ScenarioAnchor.Today, demo.Anchor);
            Assert.Equal(0, host.Sandbox.ScenarioShiftDays);
            Assert.Same(demo, host.Sandbox.Scenario);
            Assert.Equal("1794927600000", host.Sandbox.Zoom.Webinar(Clinic).Occurrences[2].OccurrenceId);
        }

        [Fact]
        public void GeneratedScenariosAreAnchoredLikeTheBuiltInOnes()
        {
            Scenario generated = ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 20 });
            DateTimeOffset on = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
            using SandboxTestHost host = SandboxTestHost.CreateOn(on, generated);

            Assert.Equal(ScenarioAnchor.Today, generated.Anchor);
            Assert.Equal(ScenarioAnchor.AuthoredNow, generated.Now);
            ZoomInstance past = host.Sandbox.Zoom.Instances(89100000001).Single();
            Assert.Equal(new DateTimeOffset(2027, 2, 27, 16, 0, 0, TimeSpan.Zero), past.StartTime); // two days before "now"
            Assert.True(host.Sandbox.Zoom.Webinar(89100000002).StartTime > on);

            Scenario pinned = ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 20, AnchorToToday = false });
            Assert.Null(pinned.Anchor);
            Assert.Contains("\"anchor\": \"today\"", ScenarioLoader.ToJson(generated)); // a saved generated scenario stays anchored
        }

        private static string Epoch(DateTimeOffset t) => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
    }
}
