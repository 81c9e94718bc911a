using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.AccountSync;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests.AccountSync
{
    /// <summary>
    /// Registration rules in the account-wide run: one Invoke-ZoomHubSync registers each rule's list for its webinar
    /// (batched), then syncs; the write-back has recorded the new registrants, so the sync changes nothing for them and a
    /// re-run writes nothing at all. A failing rule is reported and the rest of the run goes on.
    /// </summary>
    public class RegistrationRuleRunTests
    {
        private const long Past = 89100000001;     // the generator's held webinar (10 registrants)
        private const long Upcoming = 89100000002; // the generator's upcoming type-5 webinar, registration on, no registrants
        private const string ListId = "9001";      // the generator's MANUAL list

        private const long SecurityDeepDive = 83456789012; // demo: required last name, org and a custom question
        private const long Holiday = 85678901234;          // demo: hosted in agency.example.net
        private const long Clinic = 82345678901;           // demo: Maya's weekly clinic, registration with no extra questions
        private const long Roundtable = 86789012345;       // demo: capacity 5, 4 taken

        private static async Task<CoreTestHost> ReadyAsync(Scenario scenario)
        {
            CoreTestHost host = await CoreTestHost.CreateAsync(scenario);
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            host.Sandbox.Journal.Clear();
            return host;
        }

        private static Task<CoreTestHost> GeneratedAsync(int members)
            => ReadyAsync(ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 10, ListMembers = members, Seed = 5 }));

        private static Task<ZoomHubSyncSummary> RunAsync(CoreTestHost host, string rulesJson, bool whatIf = false, AccountSyncObserver observer = null, SyncRunOverrides overrides = null)
        {
            SyncSettings settings = SyncSettings.Parse("{ \"schemaVersion\": 1, \"registrationRules\": " + rulesJson + " }");
            return new AccountSyncEngine(host.Connection).RunAsync(settings.ResolveRun(overrides ?? new SyncRunOverrides()), whatIf: whatIf, observer: observer);
        }

        private static string Rule(string listId, long webinarId) => "{ \"listId\": \"" + listId + "\", \"webinarId\": " + webinarId + " }";

        private static int Count(CoreTestHost host, string route) => host.Sandbox.Journal.CountsByRoute().TryGetValue(route, out int n) ? n : 0;

        private static int Writes(CoreTestHost host) => host.Sandbox.Journal.Entries.Count(e => e.IsWrite);

        [Fact]
        public async Task OneRunRegistersAThousandMembersInBatchesThenSyncsAndTheReRunWritesNothing()
        {
            using CoreTestHost host = await GeneratedAsync(1000);
            var synced = new List<SyncResult>();
            ZoomHubSyncSummary first = await RunAsync(host, "[" + Rule(ListId, Upcoming) + "]", observer: new AccountSyncObserver { InstanceSynced = synced.Add });

            Assert.Equal(SyncRunOutcomes.Succeeded, first.Outcome);
            Assert.Equal(1, first.RegistrationRules);
            Assert.Equal(1000, first.ListMembersRegistered);
            Assert.Equal(1000, host.Sandbox.Zoom.Registrants(Upcoming).Count);
            Assert.Equal(34, Count(host, "POST /v2/webinars/{webinarId}/batch_registrants")); // ⌈1000 / 30⌉
            Assert.Equal(0, Count(host, "POST /v2/webinars/{webinarId}/registrants"));
            Assert.Equal(4, Count(host, "GET /crm/v3/lists/{listId}/memberships"));           // ⌈1000 / 250⌉

            // Then the sync: the held webinar, and the upcoming one for its registrations — which the write-back has
            // recorded already, so the sync finds all 1,000 unchanged.
            Assert.Contains(Past + "/", first.SyncedInstances);
            SyncResult upcoming = Assert.Single(synced, r => r.WebinarId == Upcoming);
            Assert.Equal(0, upcoming.Created + upcoming.Updated);
            Assert.Equal(1000, upcoming.Unchanged);
            Assert.Equal(0, upcoming.RegisterParticipations);

            host.Sandbox.Journal.Clear();
            ZoomHubSyncSummary again = await RunAsync(host, "[" + Rule(ListId, Upcoming) + "]");
            Assert.Equal(0, Writes(host));
            Assert.Equal(0, again.ListMembersRegistered);
            Assert.Equal(1000, again.ListMembersAlreadyRegistered);
            Assert.Equal(0, again.Created + again.Updated);
            Assert.Equal(SyncRunOutcomes.Succeeded, again.Outcome);
        }

        [Fact]
        public async Task AFailingRuleIsReportedWhileTheOtherRulesAndTheSyncStillRun()
        {
            using CoreTestHost host = await GeneratedAsync(40);
            var failed = new List<(RegistrationRule Rule, Exception Error)>();
            var started = new List<string>();
            ZoomHubSyncSummary summary = await RunAsync(host, "[" + Rule("999999", Upcoming) + ", " + Rule(ListId, Upcoming) + "]", observer: new AccountSyncObserver
            {
                RuleStarting = (rule, number, count) => started.Add(number + "/" + count + " " + rule),
                RuleFailed = (rule, ex) => failed.Add((rule, ex)),
            });

            Assert.Equal(SyncRunOutcomes.CompletedWithErrors, summary.Outcome);
            Assert.Equal(new[] { "1/2 list 999999 -> " + Upcoming, "2/2 list " + ListId + " -> " + Upcoming }, started);
            var (rule, error) = Assert.Single(failed);
            Assert.Equal("999999", rule.ListId);
            Assert.IsType<HubSpotListNotFoundException>(error);
            Assert.Equal(2, summary.RegistrationRules);
            Assert.Equal(1, summary.RegistrationRulesFailed);
            Assert.StartsWith("list 999999 -> " + Upcoming + ": ", summary.FailedRegistrationRules);
            Assert.Equal(40, summary.ListMembersRegistered);
            Assert.Equal(40, host.Sandbox.Zoom.Registrants(Upcoming).Count);
            Assert.Contains(Past + "/", summary.SyncedInstances);
            Assert.Equal(0, summary.InstancesFailed);
        }

        [Fact]
        public async Task WhatIfPlansTheRegistrationsAndWritesNothing()
        {
            using CoreTestHost host = await GeneratedAsync(100);
            ZoomHubSyncSummary plan = await RunAsync(host, "[" + Rule(ListId, Upcoming) + "]", whatIf: true);

            Assert.Equal(0, Writes(host));
            Assert.True(plan.WhatIf);
            Assert.Equal(100, plan.ListMembersRegistered);
            Assert.Empty(host.Sandbox.Zoom.Registrants(Upcoming));

            ZoomHubSyncSummary real = await RunAsync(host, "[" + Rule(ListId, Upcoming) + "]");
            Assert.Equal(plan.ListMembersRegistered, real.ListMembersRegistered);
        }

        [Fact]
        public async Task ARuleWhoseWebinarNeedsAnswersTheMembersCannotGiveFailsBeforeAnyRegistration()
        {
            using CoreTestHost host = await ReadyAsync(ScenarioLoader.Load("demo"));
            int before = host.Sandbox.Zoom.Registrants(SecurityDeepDive).Count;
            var failed = new List<Exception>();
            ZoomHubSyncSummary summary = await RunAsync(host, "[" + Rule("42", SecurityDeepDive) + "]",
                observer: new AccountSyncObserver { RuleFailed = (_, ex) => failed.Add(ex) }, overrides: new SyncRunOverrides { LookbackDays = 60 });

            Assert.IsType<RegistrationQuestionsMissingException>(Assert.Single(failed));
            Assert.Equal(SyncRunOutcomes.CompletedWithErrors, summary.Outcome);
            Assert.Contains("list 42 -> " + SecurityDeepDive + ": Webinar " + SecurityDeepDive + " requires registration answers", summary.FailedRegistrationRules);
            Assert.Equal(before, host.Sandbox.Zoom.Registrants(SecurityDeepDive).Count);
            Assert.True(summary.InstancesSynced > 3, "the sync still ran");
        }

        [Fact]
        public async Task AHostExclusionWinsOverARuleWithAWarningAndNoRegistration()
        {
            using CoreTestHost host = await ReadyAsync(ScenarioLoader.Load("demo"));
            int before = host.Sandbox.Zoom.Registrants(Holiday).Count;
            var warnings = new List<string>();
            ZoomHubSyncSummary summary = await RunAsync(host, "[" + Rule("44", Holiday) + "]", observer: new AccountSyncObserver { Warning = warnings.Add },
                overrides: new SyncRunOverrides { ExcludedHostDomains = new[] { "agency.example.net" } });

            Assert.Equal(SyncRunOutcomes.Succeeded, summary.Outcome);
            Assert.Equal(1, summary.RegistrationRulesSkipped);
            Assert.Contains(warnings, w => w.Contains("list 44 -> " + Holiday) && w.Contains("excluded host domain"));
            Assert.Equal(before, host.Sandbox.Zoom.Registrants(Holiday).Count);
            Assert.Equal(0, Count(host, "GET /crm/v3/lists/{listId}/memberships"));
        }

        [Fact]
        public async Task AMemberThatCannotBeRegisteredIsCountedAndWarnedAboutWithoutFailingTheRun()
        {
            // The demo's list 44 "Fabrikam at launch": Emma Jones, and Li Wei, whose contact has no first name (Zoom needs one).
            using CoreTestHost host = await ReadyAsync(ScenarioLoader.Load("demo"));
            var warnings = new List<string>();
            ZoomHubSyncSummary summary = await RunAsync(host, "[" + Rule("44", Roundtable) + "]", observer: new AccountSyncObserver { Warning = warnings.Add });

            Assert.Equal(SyncRunOutcomes.Succeeded, summary.Outcome);
            Assert.Equal(0, summary.RegistrationRulesFailed);
            Assert.Equal(1, summary.ListMembersRegistered);
            Assert.Equal(1, summary.ListMembersFailed);
            Assert.Equal("Registration rule list 44 -> " + Roundtable + ": 1 of 2 member(s) could not be registered (MissingFirstName 1); every run tries them again (-Verbose names them).", warnings[0]);
        }

        [Fact]
        public async Task ARuleNamesItsWebinarSoTheUserSelectionAndTheWebinarToggleDoNotStopIt()
        {
            using CoreTestHost host = await ReadyAsync(ScenarioLoader.Load("demo"));
            int before = host.Sandbox.Zoom.Registrants(Clinic).Count;
            string json = "{ \"schemaVersion\": 1, \"users\": [\"omar.haddad@northwind.example.com\"], \"webinars\": { \"" + Clinic + "\": { \"sync\": false } }, "
                          + "\"registrationRules\": [" + Rule("42", Clinic) + "] }";
            ZoomHubSyncSummary summary = await new AccountSyncEngine(host.Connection).RunAsync(SyncSettings.Parse(json).ResolveRun());

            Assert.Equal(3, summary.ListMembersRegistered);
            Assert.Equal(before + 3, host.Sandbox.Zoom.Registrants(Clinic).Count);
            Assert.DoesNotContain(Clinic + "/", summary.SyncedInstances); // the sync itself still leaves the webinar out
        }

        [Fact]
        public async Task WithTheMasterSwitchOffNoRuleRuns()
        {
            using CoreTestHost host = await GeneratedAsync(20);
            SyncSettings settings = SyncSettings.Parse("{ \"schemaVersion\": 1, \"sync\": false, \"registrationRules\": [" + Rule(ListId, Upcoming) + "] }");
            ZoomHubSyncSummary summary = await new AccountSyncEngine(host.Connection).RunAsync(settings.ResolveRun());

            Assert.Equal(SyncRunOutcomes.Disabled, summary.Outcome);
            Assert.Equal(0, summary.RegistrationRules);
            Assert.Empty(host.Sandbox.Journal.Entries);
        }

        [Fact]
        public async Task WithoutTheSchemaTheRunEndsBeforeAnyRuleRegisters()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync(ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 10, ListMembers = 20, Seed = 5 }));
            await Assert.ThrowsAsync<ZoomHubSchemaMissingException>(() => RunAsync(host, "[" + Rule(ListId, Upcoming) + "]"));
            Assert.Equal(0, Writes(host));
        }

        [Fact]
        public async Task SkippingTheRulesForOneRunRegistersNobody()
        {
            using CoreTestHost host = await GeneratedAsync(20);
            ZoomHubSyncSummary summary = await RunAsync(host, "[" + Rule(ListId, Upcoming) + "]", overrides: new SyncRunOverrides { RegistrationRules = new List<RegistrationRule>() });

            Assert.Equal(0, summary.RegistrationRules);
            Assert.Empty(host.Sandbox.Zoom.Registrants(Upcoming));
            Assert.Contains(Past + "/", summary.SyncedInstances);
        }

        [Fact]
        public async Task RulesOverPeopleWithSeveralRegistrationsSettleAndAReRunChangesNothing()
        {
            // The same list for two webinars, and a second list for one of them: members end with several registrations,
            // and the "last registered webinar" link is the ledger's latest, whichever rule or sync wrote last. List 43 is
            // dynamic: the first run's sync creates a contact that joins it, so the second run registers that one too.
            using CoreTestHost host = await ReadyAsync(ScenarioLoader.Load("demo"));
            string rules = "[" + Rule("44", Roundtable) + ", " + Rule("44", Clinic) + ", " + Rule("43", Clinic) + "]";
            var overrides = new SyncRunOverrides { LookbackDays = 60 };
            await RunAsync(host, rules, overrides: overrides);
            await RunAsync(host, rules, overrides: overrides);

            host.Sandbox.Journal.Clear();
            ZoomHubSyncSummary again = await RunAsync(host, rules, overrides: overrides);
            Assert.Equal(0, again.Created + again.Updated + again.ListMembersRegistered);
            Assert.Equal(0, host.Sandbox.Journal.Entries.Count(e => e.IsWrite && e.Api == "HubSpot"));
            // The member the full roundtable refused is offered to Zoom again (Zoom decides its capacity), and refused again.
            Assert.All(host.Sandbox.Journal.Entries.Where(e => e.IsWrite), e => Assert.False(e.Applied && e.Api == "Zoom" && !e.PathAndQuery.Contains("batch_registrants"), e.ToString()));
            Assert.Equal(1, again.ListMembersFailed);

            var names = new SyncPropertyNames();
            foreach (ZoomHubPS.Sandbox.HubSpot.HubSpotContact c in host.Sandbox.HubSpot.Contacts.Where(c => !c.Archived && !string.IsNullOrEmpty(c.Get(names.History))))
            {
                HistoryAggregates agg = WebinarHistory.Parse(c.Get(names.History)).Aggregates();
                Assert.Equal(agg.LastRegisteredJoinUrl ?? string.Empty, c.Get(names.LastRegisteredWebinarUrl) ?? string.Empty);
            }
        }

        [Fact]
        public async Task ARuleWhoseWebinarIsOverIsSkippedWithAWarningAndTheRunSucceeds()
        {
            using CoreTestHost host = await GeneratedAsync(20);
            var warnings = new List<string>();
            ZoomHubSyncSummary summary = await RunAsync(host, "[" + Rule(ListId, Past) + "]", observer: new AccountSyncObserver { Warning = warnings.Add });

            Assert.Equal(SyncRunOutcomes.Succeeded, summary.Outcome);
            Assert.Equal((1, 1, 0, 0), (summary.RegistrationRules, summary.RegistrationRulesSkipped, summary.RegistrationRulesFailed, summary.ListMembersRegistered));
            Assert.Contains(warnings, w => w.Contains("is over") && w.Contains("Remove the rule"));
            Assert.Equal(0, Count(host, "POST /v2/webinars/{webinarId}/batch_registrants") + Count(host, "POST /v2/webinars/{webinarId}/registrants"));
        }
    }
}
