using System;
using System.Linq;
using Xunit;
using ZoomHubPS.Sandbox.Scenarios;
using ZoomHubPS.Sandbox.Zoom;

namespace ZoomHubPS.Sandbox.Tests.Scenarios
{
    /// <summary>The demo scenario holds a case for every sync and registration rule in DESIGN.md.</summary>
    public class DemoScenarioTests
    {
        private static readonly Scenario Demo = ScenarioLoader.Load("demo");

        private static ZoomWebinarSeed W(long id) => Demo.Zoom.Webinars.Single(w => w.Id == id);

        private static HubSpotContactSeed Contact(string email)
            => Demo.HubSpot.Contacts.SingleOrDefault(c => string.Equals(c.Properties["email"], email, StringComparison.OrdinalIgnoreCase));

        [Fact]
        public void Loads_IntoTheTwin()
        {
            using var host = SandboxTestHost.Create("demo");
            Assert.Equal(9, host.Sandbox.Zoom.Webinars.Count); // 8 + the expired "Partner enablement" webinar
            Assert.Equal(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero), host.Clock.GetUtcNow());
            Assert.Equal("Professional", Demo.HubSpot.Tier);
            Assert.False(string.IsNullOrEmpty(Demo.HubSpot.Token));
        }

        [Fact]
        public void Sync_AccountUsersAttend_AndHostDomainCanBeExcluded()
        {
            var a = W(81234567890).Instances[0];
            Assert.Contains(a.Participants, p => p.UserEmail.EndsWith("@" + Demo.Zoom.InternalDomains[0]) && p.Name == "Omar Haddad");
            Assert.Contains(Demo.Zoom.Users, u => u.Email == W(85678901234).HostEmail && !u.Email.EndsWith(Demo.Zoom.InternalDomains[0]));
            Assert.NotEmpty(W(85678901234).Instances[0].Participants);
        }

        [Fact]
        public void Sync_Type5WithTwoInstances_RecurringWithOccurrenceRegistrations()
        {
            Assert.Equal(5, W(81234567890).Type);
            Assert.True(W(81234567890).Instances.Count >= 2);
            var recurring = W(82345678901);
            Assert.Equal(9, recurring.Type);
            Assert.True(recurring.Occurrences.Count >= 3);
            Assert.Contains(recurring.Registrants, r => r.OccurrenceIds.Count > 0);
            Assert.Contains(recurring.Registrants, r => r.OccurrenceIds.Count == 0);
            Assert.All(recurring.Instances, i => Assert.False(string.IsNullOrEmpty(i.OccurrenceId)));
        }

        [Fact]
        public void Sync_RegistrantStatuses_CustomAnswers_InvalidEmail()
        {
            var regs = W(81234567890).Registrants;
            Assert.Contains(regs, r => r.Status == "approved");
            Assert.Contains(regs, r => r.Status == "pending");
            Assert.Contains(regs, r => r.Status == "denied");
            Assert.Contains(regs, r => r.CustomQuestions.Count > 0);
            Assert.Contains(regs, r => !r.Email.Substring(r.Email.IndexOf('@') + 1).Contains("."));
        }

        [Fact]
        public void Sync_RejoinsOverlapsAndGuests()
        {
            var rows = W(81234567890).Instances[0].Participants;
            var ana = rows.Where(p => p.UserEmail == "ana.ruiz@contoso.example.org").OrderBy(p => p.JoinTime).ToList();
            Assert.Equal(2, ana.Count);
            Assert.True(ana[1].JoinTime >= ana[0].LeaveTime);
            var li = rows.Where(p => p.UserEmail == "li.wei@fabrikam.example.com").OrderBy(p => p.JoinTime).ToList();
            Assert.True(li[1].JoinTime < li[0].LeaveTime, "two devices overlap");
            Assert.Contains(rows, p => p.UserEmail == "" && p.RegistrantEmail != null);
            Assert.Contains(rows, p => p.UserEmail == "" && p.RegistrantEmail == null && p.RegistrantId == null);
        }

        [Fact]
        public void Sync_HubSpotEdgeCases()
        {
            var attendees = W(81234567890).Instances.SelectMany(i => i.Participants).Select(p => p.UserEmail).ToList();
            Assert.Contains(attendees, e => e.EndsWith("@competitor.example.net"));
            Assert.NotNull(Contact("ana.ruiz@contoso.example.org"));
            Assert.Contains(Demo.HubSpot.Contacts, c => c.Properties.TryGetValue("hs_additional_emails", out string extra) && attendees.Contains(extra));
            Assert.Contains(Demo.HubSpot.Contacts, c => c.Archived && attendees.Contains(c.Properties["email"]));
            Assert.Contains(Demo.HubSpot.Contacts, c => !string.IsNullOrEmpty(c.Properties["firstname"]) && attendees.Contains(c.Properties["email"]));
            Assert.Contains(Demo.HubSpot.Contacts, c => c.Properties.TryGetValue("firstname", out string f) && f == "" && attendees.Contains(c.Properties["email"]));
        }

        [Fact]
        public void Registration_UpcomingCases()
        {
            var security = W(83456789012);
            Assert.Contains(security.Questions, q => q.Required && q.FieldName != "last_name");
            Assert.Contains(security.CustomQuestions, q => q.Required);
            Assert.NotEmpty(security.Panelists);
            Assert.Equal(2, W(84567890123).Settings.ApprovalType);
            Assert.Equal(1, W(86789012345).Settings.ApprovalType);
            Assert.True(W(87890123456).Paid);
        }

        [Fact]
        public void Recordings_WithATranscript_OneWhoseTranscriptLags_OneProtectedAndRefused_AndInstancesWithout()
        {
            var instances = Demo.Zoom.Webinars.SelectMany(w => w.Instances).ToList();
            Assert.Equal(4, instances.Count(i => i.Recording != null));
            Assert.Contains(instances, i => i.Recording != null && !i.Recording.TranscriptPending && i.Recording.RecordingFiles.Any(f => f.FileType == "TRANSCRIPT" && f.Content == null));
            Assert.Contains(instances, i => i.Recording != null && i.Recording.RecordingFiles.Any(f => f.FileType == "TRANSCRIPT" && f.Content != null));
            Assert.Contains(instances, i => i.Recording != null && i.Recording.TranscriptPending);
            Assert.Contains(instances, i => i.Recording != null && !string.IsNullOrEmpty(i.Recording.Password));
            Assert.Contains(instances, i => i.Recording != null && i.Recording.DownloadRefused);
            Assert.Null(W(81234567890).Instances.Last().Recording); // the latest instance: GET by webinar id answers 3301
            Assert.Null(W(88901234567).Instances.Single().Recording);
        }

        [Fact]
        public void ListsAndRecordings_SurviveARoundTripThroughTheScenarioJson()
        {
            Scenario copy = ScenarioLoader.Parse(ScenarioLoader.ToJson(Demo), "copy");
            using var host = SandboxTestHost.Create(copy);
            Assert.Equal(new long[] { 101, 106, 108, 109 }, host.Sandbox.HubSpot.List("43").Members.Keys.OrderBy(k => k).ToArray());
            Assert.Equal(new[] { "42", "43", "44" }, host.Sandbox.HubSpot.Lists.Select(l => l.ListId).ToArray());
            string vtt = W(82345678901).Instances.Last().Recording.RecordingFiles.Single(f => f.FileType == "TRANSCRIPT").Content;
            Assert.Equal(vtt, host.Sandbox.Zoom.Instances(82345678901).Last().Recording.Files.Single(f => f.FileType == "TRANSCRIPT").Content);
            Assert.Equal(4, host.Sandbox.HubSpot.MarketingEventProperties.Count);
        }

        [Fact]
        public void AnAnchoredDemo_MovesRecordingAndListDates_AndKeepsFiltersAndTranscripts()
        {
            Scenario demo = ScenarioLoader.Load("demo");
            var pending = demo.Zoom.Webinars.Single(w => w.Id == 82345678901).Instances.Single(i => i.Recording?.TranscriptPending == true).Recording;
            pending.TranscriptReadyAt = demo.Now.Value.AddHours(2);
            using var host = SandboxTestHost.CreateOn(demo.Now.Value.AddDays(100), demo);
            Assert.Equal(100, host.Sandbox.ScenarioShiftDays);
            Assert.Equal(new long[] { 101, 106, 108, 109 }, host.Sandbox.HubSpot.List("43").Members.Keys.OrderBy(k => k).ToArray());
            Assert.Equal(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero).AddDays(100), host.Sandbox.HubSpot.List("43").CreatedAt);
            var recording = host.Sandbox.Zoom.Instances(82345678901)[1].Recording;
            Assert.Equal(demo.Now.Value.AddDays(100).AddHours(2), recording.TranscriptReadyAt);
            Assert.StartsWith("WEBVTT", host.Sandbox.Zoom.Instances(82345678901).Last().Recording.Files.Single(f => f.FileType == "TRANSCRIPT").Content);
        }

        [Fact]
        public void DoubleEncodingCases_ArePresent()
        {
            var uuids = W(81234567890).Instances.Select(i => i.Uuid).ToList();
            Assert.Contains(uuids, u => u.StartsWith("/"));
            Assert.Contains(uuids, u => u.Contains("//"));
        }
    }
}
