using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.AccountSync;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Sandbox.Scenarios;
using SandboxContact = ZoomHubPS.Sandbox.HubSpot.HubSpotContact;

namespace ZoomHubPS.Core.Tests.WebinarSync
{
    /// <summary>
    /// Polls and Q&amp;A in the sync (issue #15): per contact the counts over every synced webinar and the latest webinar's
    /// answers and questions as text, from two reads per instance; re-runs write nothing; a backfill never replaces the
    /// latest texts; without the option nothing is read and ledgers keep their form.
    /// </summary>
    public class EngagementSyncTests
    {
        private const long Quarterly = 81234567890;
        private const string November5 = "/ajXp112QmuoKj4854875==";
        private const string November12 = "kT9a//Hq3RmeXo7B2lPzVg==";
        private const string Ana = "ana.ruiz@contoso.example.org";
        private static readonly SyncPropertyNames Names = new SyncPropertyNames();
        private static readonly string[] EngagementRoutes = { "GET /v2/report/webinars/{webinarId}/polls", "GET /v2/report/webinars/{webinarId}/qa" };

        private static async Task<CoreTestHost> ReadyAsync(Scenario scenario = null)
        {
            CoreTestHost host = await CoreTestHost.CreateAsync(scenario ?? ScenarioLoader.Load("demo"));
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), whatIf: false);
            host.Sandbox.Journal.Clear();
            return host;
        }

        private static Task<SyncResult> SyncAsync(CoreTestHost host, string uuid, bool engagement = true)
            => new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = Quarterly, InstanceUuid = uuid }, new SyncOptions().WithPollsAndQuestions(engagement));

        private static SandboxContact Contact(CoreTestHost host, string email) => host.Sandbox.HubSpot.ContactByEmail(email);

        private static int Count(CoreTestHost host, string route) => host.Sandbox.Journal.CountsByRoute().TryGetValue(route, out int n) ? n : 0;

        private static int Writes(CoreTestHost host) => host.Sandbox.Journal.Entries.Count(e => e.IsWrite);

        [Fact]
        public async Task EachContactGetsItsCountsAndTheWebinarsAnswersAndQuestionsFromTwoReads()
        {
            using CoreTestHost host = await ReadyAsync();
            SyncResult result = await SyncAsync(host, November5);

            // Every answer and question of the instance, anonymous ones included; one report read each.
            Assert.Equal((9, 5, (string)null), (result.PollAnswers, result.Questions, result.PollsAndQuestionsNote));
            Assert.All(EngagementRoutes, r => Assert.Equal(1, Count(host, r)));

            // Ana: two answers (her third is in an anonymous poll: it is no one's) and one answered question.
            SandboxContact ana = Contact(host, Ana);
            Assert.Equal(("2", "1"), (ana.Get(Names.PollAnswerCount), ana.Get(Names.QuestionCount)));
            Assert.Equal("Which area should we improve next?: Integrations\nWhich features do you use today?: Dashboards;API", ana.Get(Names.LastPollAnswers));
            Assert.Equal("Will the reporting API support webhooks? (answered)", ana.Get(Names.LastQuestions));

            // A question answered live counts as answered; an open one says nothing more.
            Assert.Equal("Is there a mobile roadmap? (answered)", Contact(host, "li.wei@fabrikam.example.com").Get(Names.LastQuestions));
            SandboxContact maria = Contact(host, "m.garcia@personal.example.org");
            Assert.Equal(("0", "1", "Can we get the slides afterwards?"), (maria.Get(Names.PollAnswerCount), maria.Get(Names.QuestionCount), maria.Get(Names.LastQuestions)));

            // A registrant who did neither (a no-show): zeros, since polls and Q&A were read; no texts.
            SandboxContact sam = Contact(host, "sam.taylor@tailspin.example.net");
            Assert.Equal(("0", "0"), (sam.Get(Names.PollAnswerCount), sam.Get(Names.QuestionCount)));
            Assert.True(string.IsNullOrEmpty(sam.Get(Names.LastPollAnswers)) && string.IsNullOrEmpty(sam.Get(Names.LastQuestions)));

            // Re-run: nothing written; a run without the option keeps what the ledger holds and writes nothing either.
            host.Sandbox.Journal.Clear();
            await SyncAsync(host, November5);
            Assert.Equal(0, Writes(host));
            await SyncAsync(host, November5, engagement: false);
            Assert.Equal(0, Writes(host));
            Assert.Equal("2", Contact(host, Ana).Get(Names.PollAnswerCount));
        }

        [Fact]
        public async Task CountsAddUpOverWebinarsAndABackfilledOlderWebinarKeepsTheLatestTexts()
        {
            Scenario demo = ScenarioLoader.Load("demo");
            ZoomInstanceSeed later = demo.Zoom.Webinars.Single(w => w.Id == Quarterly).Instances.Single(i => i.Uuid == November12);
            later.PollResponses.Add(new ZoomPollResponseSeed
            {
                Name = "Ana Ruiz", Email = Ana,
                Answers = { new ZoomPollAnswerSeed { PollId = "KnOwLeDgEcHeCk00000001", Question = "Which plan includes audit logs?", Answer = "Enterprise" } },
            });
            using CoreTestHost host = await ReadyAsync(demo);

            await SyncAsync(host, November12);
            Assert.Equal("Which plan includes audit logs?: Enterprise", Contact(host, Ana).Get(Names.LastPollAnswers));
            await SyncAsync(host, November5); // the older webinar, synced afterwards

            SandboxContact ana = Contact(host, Ana);
            Assert.Equal(("3", "1"), (ana.Get(Names.PollAnswerCount), ana.Get(Names.QuestionCount)));
            Assert.Equal("Which plan includes audit logs?: Enterprise", ana.Get(Names.LastPollAnswers));
            // Her only question was asked on November 5: that is her latest webinar with one.
            Assert.Equal("Will the reporting API support webhooks? (answered)", ana.Get(Names.LastQuestions));
        }

        [Fact]
        public async Task WithoutTheOptionNothingIsReadAndTheLedgerKeepsItsForm()
        {
            using CoreTestHost host = await ReadyAsync();
            SyncResult result = await SyncAsync(host, November5, engagement: false);

            Assert.Equal(((int?)null, (int?)null), (result.PollAnswers, result.Questions));
            Assert.All(EngagementRoutes, r => Assert.Equal(0, Count(host, r)));
            SandboxContact ana = Contact(host, Ana);
            Assert.True(string.IsNullOrEmpty(ana.Get(Names.PollAnswerCount)));
            HistoryEntry entry = WebinarHistory.Parse(ana.Get(Names.History)).Entries.Single();
            Assert.Equal(((int?)null, (int?)null), (entry.PollAnswers, entry.Questions));
            Assert.Equal(8, entry.Serialize().Count(c => c == '|')); // the nine fields entries had before
        }

        [Fact]
        public async Task AWebinarZoomDoesNotHaveIsNotReadAndSaysWhy()
        {
            using CoreTestHost host = await ReadyAsync();
            InstanceEngagement engagement = await InstanceEngagement.ReadAsync(host.Connection.Zoom, 80000000001, "bm90LWhlbGQ=", CancellationToken.None);
            Assert.False(engagement.IsRead);
            Assert.StartsWith("Polls and Q&A not read: ", engagement.NotReadReason);
            Assert.Null(engagement.For(Ana));
        }

        [Fact]
        public async Task TheSavedSettingTurnsThemOnForTheAccountWideRunAndItsReRunWritesNothing()
        {
            using CoreTestHost host = await ReadyAsync();
            SyncSettings settings = SyncSettings.Parse("{ \"schemaVersion\": 1, \"syncPollsAndQuestions\": true }");
            ZoomHubSyncSummary first = await new AccountSyncEngine(host.Connection).RunAsync(settings.ResolveRun(new SyncRunOverrides { LookbackDays = 60 }), whatIf: false, observer: null);
            Assert.Equal(SyncRunOutcomes.Succeeded, first.Outcome);
            Assert.Equal(("2", "1"), (Contact(host, Ana).Get(Names.PollAnswerCount), Contact(host, Ana).Get(Names.QuestionCount)));
            Assert.Equal("Where can I find the onboarding checklist? (answered)", Contact(host, "erik.karlsson@tailspin.example.net").Get(Names.LastQuestions));

            host.Sandbox.Journal.Clear();
            await new AccountSyncEngine(host.Connection).RunAsync(settings.ResolveRun(new SyncRunOverrides { LookbackDays = 60 }), whatIf: false, observer: null);
            Assert.Equal(0, Writes(host));

            // A run told not to read them (the -SyncPollsAndQuestions:$false override) reads none and keeps what the contacts show.
            host.Sandbox.Journal.Clear();
            await new AccountSyncEngine(host.Connection).RunAsync(settings.ResolveRun(new SyncRunOverrides { LookbackDays = 60, SyncPollsAndQuestions = false }), whatIf: false, observer: null);
            Assert.Equal(0, Writes(host));
            Assert.All(EngagementRoutes, r => Assert.Equal(0, Count(host, r)));
        }
    }
}
