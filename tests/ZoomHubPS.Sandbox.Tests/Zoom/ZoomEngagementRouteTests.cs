using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Tests.Zoom
{
    /// <summary>Poll and Q&amp;A routes: the Meetings spec's shapes, errors, anonymity and email display rules.</summary>
    public class ZoomEngagementRouteTests
    {
        private const string FirstInstance = "%252FajXp112QmuoKj4854875%253D%253D"; // "/ajXp112QmuoKj4854875==", double-encoded

        private static JsonObject Person(JsonNode body, string name, string email = null)
            => body["questions"].AsArray().Select(p => p.AsObject()).Single(p => p["name"].GetValue<string>() == name && (email == null || p["email"].GetValue<string>() == email));

        [Fact]
        public async Task Definitions_HaveTheSpecShape_AndTheAnonymousFilter()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var all = await SandboxTestHost.GetAsync(zoom, "webinars/81234567890/polls");
            Assert.Equal(200, all.Status);
            Assert.Equal(3, all.Body["total_records"].GetValue<int>());
            JsonObject first = all.Body["polls"][0].AsObject();
            Assert.Equal(new[] { "id", "status", "anonymous", "poll_type", "questions", "title" }, first.Select(p => p.Key).ToArray());
            Assert.Equal(new[] { "answer_required", "answers", "name", "right_answers", "type" }, first["questions"][0].AsObject().Select(p => p.Key).ToArray());
            Assert.Equal(3, first["questions"][0]["answers"].AsArray().Count);

            Assert.Equal("Session feedback", Assert.Single((await SandboxTestHost.GetAsync(zoom, "webinars/81234567890/polls?anonymous=true")).Body["polls"].AsArray())["title"].GetValue<string>());
            Assert.Equal(0, (await SandboxTestHost.GetAsync(zoom, "webinars/84567890123/polls")).Body["total_records"].GetValue<int>());
            Assert.Equal(404, (await SandboxTestHost.GetAsync(zoom, "webinars/89999999999/polls")).Status);
        }

        [Fact]
        public async Task Definitions_OfAHostWithPollsOff_Are400Code4400()
        {
            Scenario demo = ScenarioLoader.Load("demo");
            demo.Zoom.Webinars.Single(w => w.Id == 81234567890).PollsDisabled = true;
            using var host = SandboxTestHost.Create(demo);
            var off = await SandboxTestHost.GetAsync(await host.ZoomClientAsync(), "webinars/81234567890/polls");
            Assert.Equal((400, 4400), (off.Status, off.Body["code"].GetValue<int>()));
        }

        [Fact]
        public async Task Results_ArePerPerson_AnonymousAnswersApart_AndTheReportAddsNames()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var past = await SandboxTestHost.GetAsync(zoom, "past_webinars/" + FirstInstance + "/polls");
            Assert.Equal(200, past.Status);
            Assert.Equal(("/ajXp112QmuoKj4854875==", 81234567890L, "2026-11-05T16:00:00Z"), (past.Body["uuid"].GetValue<string>(), past.Body["id"].GetValue<long>(), past.Body["start_time"].GetValue<string>()));
            JsonObject ana = Person(past.Body, "Ana Ruiz");
            Assert.Equal(new[] { "name", "email", "question_details" }, ana.Select(p => p.Key).ToArray());
            Assert.Equal(new[] { "answer", "date_time", "polling_id", "question" }, ana["question_details"][0].AsObject().Select(p => p.Key).ToArray());
            Assert.Equal(2, ana["question_details"].AsArray().Count); // the anonymous poll's answer is listed apart
            Assert.Equal(2, past.Body["questions"].AsArray().Count(p => p["name"].GetValue<string>() == "Anonymous Attendee" && p["email"].GetValue<string>() == ""));

            var report = await SandboxTestHost.GetAsync(zoom, "report/webinars/" + FirstInstance + "/polls");
            JsonObject anaReport = Person(report.Body, "Ana Ruiz");
            Assert.Equal(("Ana", "Ruiz", "ana.ruiz@contoso.example.org"), (anaReport["first_name"].GetValue<string>(), anaReport["last_name"].GetValue<string>(), anaReport["email"].GetValue<string>()));
        }

        [Fact]
        public async Task ThePastRouteHidesEmailsOfOutsidersWhoDidNotRegister_TheReportShowsThem()
        {
            Scenario demo = ScenarioLoader.Load("demo");
            ZoomInstanceSeed instance = demo.Zoom.Webinars.Single(w => w.Id == 81234567890).Instances[0];
            instance.PollResponses.Add(new ZoomPollResponseSeed { Name = "Walk-in", Email = "walk.in@outside.example.net", Answers = { new ZoomPollAnswerSeed { PollId = "PrOdUcTpRiOrItIeS00001", Question = "Which area should we improve next?", Answer = "Reporting" } } });
            instance.Qa.Add(new ZoomQaSeed { Name = "Walk-in", Email = "walk.in@outside.example.net", Question = "Is this recorded?" });
            using var host = SandboxTestHost.Create(demo);
            HttpClient zoom = await host.ZoomClientAsync();

            Assert.Equal("", Person((await SandboxTestHost.GetAsync(zoom, "past_webinars/" + FirstInstance + "/polls")).Body, "Walk-in")["email"].GetValue<string>());
            Assert.Equal("walk.in@outside.example.net", Person((await SandboxTestHost.GetAsync(zoom, "report/webinars/" + FirstInstance + "/polls")).Body, "Walk-in")["email"].GetValue<string>());
            Assert.Equal("", Person((await SandboxTestHost.GetAsync(zoom, "report/webinars/" + FirstInstance + "/qa")).Body, "Walk-in")["email"].GetValue<string>());
            // People of the account keep theirs everywhere.
            Assert.Equal("omar.haddad@northwind.example.com", Person((await SandboxTestHost.GetAsync(zoom, "past_webinars/" + FirstInstance + "/polls")).Body, "Omar Haddad")["email"].GetValue<string>());
        }

        [Fact]
        public async Task QandA_PastHasQuestionAndAnswer_ReportHasIdsStatusAndDetails()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var past = await SandboxTestHost.GetAsync(zoom, "past_webinars/" + FirstInstance + "/qa");
            JsonObject li = Person(past.Body, "Li Wei");
            Assert.Equal(new[] { "name", "email", "question_details" }, li.Select(p => p.Key).ToArray());
            Assert.Equal("live answered", li["question_details"][0]["answer"].GetValue<string>());
            Assert.Equal(new[] { "question", "answer" }, li["question_details"][0].AsObject().Select(p => p.Key).ToArray());

            var report = await SandboxTestHost.GetAsync(zoom, "report/webinars/" + FirstInstance + "/qa");
            JsonObject jordan = Person(report.Body, "Jordan B");
            Assert.Equal(new[] { "user_id", "name", "email", "question_details" }, jordan.Select(p => p.Key).ToArray());
            JsonNode q = jordan["question_details"][0];
            Assert.Equal(("qa-quarterly-1-audit", "answered", "2026-11-05T16:40:00Z"), (q["question_id"].GetValue<string>(), q["question_status"].GetValue<string>(), q["create_time"].GetValue<string>()));
            JsonNode answer = q["answer_details"][0];
            Assert.Equal(("host_answered_privately", "Maya Chen", "KDcuGIm1QgePTO8WbOqwIQ"), (answer["type"].GetValue<string>(), answer["name"].GetValue<string>(), answer["user_id"].GetValue<string>()));
            Assert.Equal("dismissed", Person(report.Body, "Anonymous Attendee")["question_details"][0]["question_status"].GetValue<string>());
        }

        [Fact]
        public async Task AnchoringMovesPollAndQuestionTimesWithTheInstance()
        {
            // The demo is anchored to today: a twin whose clock reads 40 days later moves every date by 40 days.
            var later = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(SandboxTestHost.DefaultNow.AddDays(40));
            using var host = SandboxTestHost.Create("demo", o => o.Clock = later);
            HttpClient zoom = await host.ZoomClientAsync();
            var polls = await SandboxTestHost.GetAsync(zoom, "report/webinars/" + FirstInstance + "/polls");
            Assert.Equal("2026-12-15T16:00:00Z", polls.Body["start_time"].GetValue<string>());
            Assert.Equal("2026-12-15T16:20:10Z", Person(polls.Body, "Ana Ruiz")["question_details"][0]["date_time"].GetValue<string>());
            var qa = await SandboxTestHost.GetAsync(zoom, "report/webinars/" + FirstInstance + "/qa");
            JsonNode audit = Person(qa.Body, "Jordan B")["question_details"][0];
            Assert.Equal(("2026-12-15T16:40:00Z", "2026-12-15T16:42:00Z"), (audit["create_time"].GetValue<string>(), audit["answer_details"][0]["create_time"].GetValue<string>()));
        }

        [Fact]
        public async Task ReportsOlderThanSixMonthsAre404_PastRoutesStillAnswer_AndUnheldInstancesAre404()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            foreach (string route in new[] { "polls", "qa" })
            {
                var old = await SandboxTestHost.GetAsync(zoom, "report/webinars/88901234567/" + route);
                Assert.Equal((404, 3001), (old.Status, old.Body["code"].GetValue<int>()));
                Assert.Equal("Webinar 88901234567 not found or has expired.", old.Body["message"].GetValue<string>());
                Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "past_webinars/88901234567/" + route)).Status);

                var upcoming = await SandboxTestHost.GetAsync(zoom, "past_webinars/83456789012/" + route);
                Assert.Equal((404, 3001, "Webinar ID is invalid or not end."), (upcoming.Status, upcoming.Body["code"].GetValue<int>(), upcoming.Body["message"].GetValue<string>()));
            }
        }
    }
}
