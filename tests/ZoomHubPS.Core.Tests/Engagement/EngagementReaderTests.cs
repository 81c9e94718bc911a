using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.Zoom;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests.Engagement
{
    /// <summary>Poll answers and Q&amp;A of the demo, read through the Core and compared with the scenario they were seeded from.</summary>
    public class EngagementReaderTests
    {
        private const long Quarterly = 81234567890;
        private const string FirstInstance = "/ajXp112QmuoKj4854875==";
        private const string SecondInstance = "kT9a//Hq3RmeXo7B2lPzVg==";

        private static ZoomInstanceSeed Seed(Scenario s, string uuid) => s.Zoom.Webinars.Single(w => w.Id == Quarterly).Instances.Single(i => i.Uuid == uuid);

        [Fact]
        public async Task PollAnswersOfTheDemoAreTheSeededOnesOneRecordPerAnswerWithEmails()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo");
            Scenario demo = ScenarioLoader.Load("demo");
            List<ZoomPollAnswer> answers = await EngagementReader.PollAnswers(host.Connection.Zoom, Quarterly, FirstInstance).ToListAsync();

            var anonymousPolls = new HashSet<string>(demo.Zoom.Webinars.Single(w => w.Id == Quarterly).Polls.Where(p => p.Anonymous).Select(p => p.Id));
            var expected = Seed(demo, FirstInstance).PollResponses
                .SelectMany(r => r.Answers.Select(a => (Email: anonymousPolls.Contains(a.PollId) ? null : r.Email, a.PollId, a.Question, a.Answer)))
                .OrderBy(x => x.PollId).ThenBy(x => x.Question).ThenBy(x => x.Answer).ThenBy(x => x.Email).ToList();
            var actual = answers.Select(a => (a.Email, a.PollId, a.Question, a.Answer))
                .OrderBy(x => x.PollId).ThenBy(x => x.Question).ThenBy(x => x.Answer).ThenBy(x => x.Email).ToList();
            Assert.Equal(expected, actual);

            Assert.All(answers, a => Assert.Equal((Quarterly, FirstInstance, EngagementSource.Report), (a.WebinarId, a.InstanceUuid, a.Source)));
            ZoomPollAnswer ana = answers.Single(a => a.Email == "ana.ruiz@contoso.example.org" && a.Question == "Which area should we improve next?");
            Assert.Equal(("Product priorities", "Ana", "Ruiz"), (ana.PollTitle, ana.FirstName, ana.LastName));
            Assert.Equal(System.DateTimeOffset.Parse("2026-11-05T16:20:10Z"), ana.AnsweredAt);
            Assert.All(answers.Where(a => a.PollId == "SeSsIoNfEeDbAcK0000001"), a => Assert.Equal((true, (string)null, "Anonymous Attendee"), (a.Anonymous, a.Email, a.Name)));
        }

        [Fact]
        public async Task QuestionsOfTheDemoSayWhoAskedWhatAndWhetherItWasAnswered()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo");
            Scenario demo = ScenarioLoader.Load("demo");
            List<ZoomQaQuestion> questions = await EngagementReader.Questions(host.Connection.Zoom, Quarterly, FirstInstance).ToListAsync();

            Assert.Equal(Seed(demo, FirstInstance).Qa.Select(q => q.QuestionId).OrderBy(x => x), questions.Select(q => q.QuestionId).OrderBy(x => x));
            ZoomQaQuestion webhooks = questions.Single(q => q.QuestionId == "qa-quarterly-1-webhooks");
            Assert.Equal(("ana.ruiz@contoso.example.org", true, false, "answered", "Yes: webhooks ship in the first quarter.", "Priya Nair"),
                (webhooks.Email, webhooks.Answered, webhooks.AnsweredLive, webhooks.Status, webhooks.Answer, webhooks.AnsweredBy));
            ZoomQaQuestion mobile = questions.Single(q => q.QuestionId == "qa-quarterly-1-mobile");
            Assert.Equal((true, true, (string)null), (mobile.Answered, mobile.AnsweredLive, mobile.Answer));
            ZoomQaQuestion slides = questions.Single(q => q.QuestionId == "qa-quarterly-1-slides");
            Assert.Equal(("m.garcia@personal.example.org", false, "open"), (slides.Email, slides.Answered, slides.Status));
            ZoomQaQuestion pricing = questions.Single(q => q.QuestionId == "qa-quarterly-1-pricing");
            Assert.Equal(((string)null, "Anonymous Attendee", false, "dismissed"), (pricing.Email, pricing.Name, pricing.Answered, pricing.Status));
            Assert.Equal(System.DateTimeOffset.Parse("2026-11-05T16:40:00Z"), questions.Single(q => q.QuestionId == "qa-quarterly-1-audit").AskedAt);
        }

        [Fact]
        public async Task ThePastWebinarRouteGivesTheSameAnswersWithoutReportDetails()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo");
            List<ZoomPollAnswer> report = await EngagementReader.PollAnswers(host.Connection.Zoom, Quarterly, SecondInstance).ToListAsync();
            List<ZoomPollAnswer> past = await EngagementReader.PollAnswers(host.Connection.Zoom, Quarterly, SecondInstance, preferReport: false).ToListAsync();
            Assert.Equal(report.Select(a => (a.Email, a.Answer)).OrderBy(x => x.Email), past.Select(a => (a.Email, a.Answer)).OrderBy(x => x.Email));
            Assert.All(past, a => Assert.Equal((EngagementSource.PastWebinar, (string)null, "Knowledge check"), (a.Source, a.FirstName, a.PollTitle)));

            List<ZoomQaQuestion> qa = await EngagementReader.Questions(host.Connection.Zoom, Quarterly, SecondInstance, preferReport: false).ToListAsync();
            ZoomQaQuestion q = Assert.Single(qa);
            Assert.Equal(("erik.karlsson@tailspin.example.net", true, "In the customer portal, under Resources.", (string)null), (q.Email, q.Answered, q.Answer, q.QuestionId));
        }

        [Fact]
        public async Task AnInstanceOlderThanTheReportsSixMonthsIsReadFromThePastWebinarRoute()
        {
            Scenario demo = ScenarioLoader.Load("demo");
            ZoomWebinarSeed spring = demo.Zoom.Webinars.Single(w => w.Id == 88901234567); // April: beyond the report's 6 months
            spring.Polls.Add(new ZoomPollSeed { Id = "SpRiNg", Title = "Spring poll", Questions = { new ZoomPollQuestionSeed { Name = "Coming back?", Answers = { "Yes", "No" } } } });
            spring.Instances[0].PollResponses.Add(new ZoomPollResponseSeed { Name = "Ana Ruiz", Email = "ana.ruiz@contoso.example.org", Answers = { new ZoomPollAnswerSeed { PollId = "SpRiNg", Question = "Coming back?", Answer = "Yes" } } });
            using CoreTestHost host = await CoreTestHost.CreateAsync(demo);

            var why = new List<string>();
            List<ZoomPollAnswer> answers = await EngagementReader.PollAnswers(host.Connection.Zoom, spring.Id, onFallback: why.Add).ToListAsync();
            ZoomPollAnswer a = Assert.Single(answers);
            Assert.Equal((EngagementSource.PastWebinar, "ana.ruiz@contoso.example.org", "Yes", "Spring poll"), (a.Source, a.Email, a.Answer, a.PollTitle));
            Assert.Contains("not found or has expired", Assert.Single(why));
        }

        [Fact]
        public async Task PollDefinitionsFlattenToOneRecordPerQuestion()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo");
            List<ZoomWebinarPollQuestion> rows = (await host.Connection.Zoom.Polls.ListAsync(Quarterly)).SelectMany(ZoomWebinarPollQuestion.From).ToList();
            Assert.Equal(4, rows.Count);
            ZoomWebinarPollQuestion features = rows.Single(r => r.Question == "Which features do you use today?");
            Assert.Equal(("Product priorities", 2, "multiple", "Dashboards; Alerts; API; Exports", "Poll"), (features.PollTitle, features.QuestionNumber, features.QuestionType, features.Answers, features.PollType));
            ZoomWebinarPollQuestion quiz = rows.Single(r => r.PollTitle == "Knowledge check");
            Assert.Equal(("Quiz", "Enterprise"), (quiz.PollType, quiz.RightAnswers));
            Assert.True(rows.Single(r => r.PollTitle == "Session feedback").Anonymous);
        }
    }
}
