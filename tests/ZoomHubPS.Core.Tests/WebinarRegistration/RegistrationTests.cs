using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests.WebinarRegistration
{
    public class RegistrationTests
    {
        private const long DeepDive = 83456789012;      // type 5; requires last_name, org and "How did you hear about us?"; panelists; host maya.chen
        private const long OfficeHours = 84567890123;   // no registration (approval type 2)
        private const long Roundtable = 86789012345;    // type 5, manual approval, no extra questions

        private static RegistrationInput In(string email, string first = "Test", string last = "Person", string company = null)
        {
            var d = new Dictionary<string, object> { ["Email"] = email, ["FirstName"] = first, ["LastName"] = last };
            if (company != null) d["Company"] = company;
            return new RegistrationInput(d, email);
        }

        private static async Task<List<RegistrationResult>> RunAsync(CoreTestHost host, long webinar, IReadOnlyList<RegistrationInput> inputs, RegistrationOptions options = null)
        {
            var results = new List<RegistrationResult>();
            await new WebinarRegistrationEngine(host.Connection).RegisterAsync(webinar, inputs, options ?? new RegistrationOptions(), results.Add);
            return results;
        }

        private static int Writes(CoreTestHost host) => host.Sandbox.Journal.Entries.Count(e => e.IsWrite);

        [Fact]
        public async Task MissingRequiredAnswersStopTheWholeCallNamingThemBeforeAnyWrite()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync();
            var ex = await Assert.ThrowsAsync<RegistrationQuestionsMissingException>(() => RunAsync(host, DeepDive, new[] { In("new.person@example.org") }));
            Assert.Contains("org", ex.Missing);
            Assert.Contains("How did you hear about us?", ex.Missing);
            Assert.DoesNotContain("last_name", ex.Missing);
            Assert.Equal(0, Writes(host));
            Assert.Equal(1, host.Sandbox.Journal.Count("GET", "/v2/webinars/{webinarId}"));
            Assert.Equal(1, host.Sandbox.Journal.Count("GET", "/v2/webinars/{webinarId}/registrants/questions"));
        }

        [Fact]
        public async Task AQuestionMapFillsRequiredAnswersFromInputPropertiesOrFixedValues()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync();
            var map = new Dictionary<string, string> { ["org"] = "Company", ["How did you hear about us?"] = "=Email" };
            List<RegistrationResult> r = await RunAsync(host, DeepDive, new[] { In("new.person@example.org", company: "Fabrikam") }, new RegistrationOptions { QuestionMap = map });
            Assert.Equal(RegistrationStatus.Registered, r.Single().Status);
            Assert.NotNull(r.Single().JoinUrl);
            var registrant = host.Sandbox.Zoom.Registrant(DeepDive, "new.person@example.org");
            Assert.Equal("Fabrikam", registrant.Fields["org"]);
            Assert.Contains(registrant.CustomQuestions, a => a.Key == "How did you hear about us?" && a.Value == "Email");
        }

        [Fact]
        public async Task AWebinarWithoutRegistrationStopsWithAClearError()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync();
            var ex = await Assert.ThrowsAsync<RegistrationNotPossibleException>(() => RunAsync(host, OfficeHours, new[] { In("a@example.org") }));
            Assert.Contains("does not take registrations", ex.Message);
            Assert.Equal(0, Writes(host));
        }

        [Fact]
        public async Task HostsPanelistsDuplicatesAndTheAlreadyRegisteredNeedNoAddRequest()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync();
            var map = new Dictionary<string, string> { ["org"] = "Company", ["How did you hear about us?"] = "=Email" };
            var inputs = new[]
            {
                In("maya.chen@northwind.example.com"), In("priya.nair@northwind.example.com"), In("ana.ruiz@contoso.example.org"),
                In("new.one@example.org", company: "X"), In("NEW.ONE@example.org", company: "X"),
            };
            List<RegistrationResult> all = await RunAsync(host, DeepDive, inputs, new RegistrationOptions { QuestionMap = map });
            // One result per input, reported as decided; back in input order here.
            var r = inputs.Select(i => all.Single(x => ReferenceEquals(x.Input, i.Original))).ToList();
            Assert.Equal(("Skipped", "Host"), (r[0].Status.ToString(), r[0].Reason));
            Assert.Equal(("Skipped", "Panelist"), (r[1].Status.ToString(), r[1].Reason));
            Assert.Equal(RegistrationStatus.AlreadyRegistered, r[2].Status);
            Assert.NotNull(r[2].JoinUrl);
            Assert.Equal(RegistrationStatus.Registered, r[3].Status);
            Assert.Equal(("Skipped", "DuplicateInput"), (r[4].Status.ToString(), r[4].Reason));
            Assert.Equal(1, host.Sandbox.Journal.Count("POST", "/v2/webinars/{webinarId}/registrants"));
        }

        [Fact]
        public async Task FiveHundredRowsOnATypeFiveWebinarTakeSeventeenBatchRequestsAndAReRunRegistersNobody()
        {
            Scenario scenario = ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 50, Seed = 5 });
            using CoreTestHost host = await CoreTestHost.CreateAsync(scenario);
            long upcoming = scenario.Zoom.Webinars.Single(w => w.Instances.Count == 0).Id;
            var inputs = Enumerable.Range(0, 500).Select(i => In($"bulk{i}@example.net", "Bulk", "Person" + i)).ToList();
            List<RegistrationResult> r = await RunAsync(host, upcoming, inputs);
            Assert.All(r, x => Assert.Equal(RegistrationStatus.Registered, x.Status));
            Assert.Equal(17, host.Sandbox.Journal.Count("POST", "/v2/webinars/{webinarId}/batch_registrants"));
            Assert.Equal(0, host.Sandbox.Journal.Count("POST", "/v2/webinars/{webinarId}/registrants"));
            Assert.Equal(500, host.Sandbox.Zoom.Registrants(upcoming).Count(x => x.Email.StartsWith("bulk", StringComparison.Ordinal)));

            host.Sandbox.Journal.Clear();
            List<RegistrationResult> again = await RunAsync(host, upcoming, inputs);
            Assert.All(again, x => Assert.Equal(RegistrationStatus.AlreadyRegistered, x.Status));
            Assert.Equal(0, Writes(host));
        }

        [Fact]
        public async Task ARefusedRowFailsAloneAndTheRestGoOn()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo", configureConnection: o => o.Retry = RetryOptions.None);
            host.Sandbox.Faults.Options.Add(FaultRule.For("POST /v2/webinars/{webinarId}/registrants").TooManyRequests(TimeSpan.FromSeconds(1)).Times(1));
            var map = new Dictionary<string, string> { ["org"] = "Company", ["How did you hear about us?"] = "=Email" };
            var inputs = Enumerable.Range(0, 4).Select(i => In($"row{i}@example.org", company: "C")).ToList();
            List<RegistrationResult> r = await RunAsync(host, DeepDive, inputs, new RegistrationOptions { QuestionMap = map });
            Assert.Equal(1, r.Count(x => x.Status == RegistrationStatus.Failed && x.ZoomCode == 429));
            Assert.Equal(3, r.Count(x => x.Status == RegistrationStatus.Registered));
        }

        [Fact]
        public async Task ThePerRegistrantDailyLimitFailsThatRowAloneWithTheResetTime()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync();
            var zoom = host.Connection.Zoom.Registrants;
            for (int i = 0; i < 3; i++)
            {
                // Zoom counts every add attempt for an email in a day, duplicates included.
                await zoom.AddAsync(Roundtable, new ZoomHubPS.Core.Zoom.ZoomRegistrantRequest { Email = "busy@example.org", FirstName = "Busy" });
            }

            var map = new Dictionary<string, string> { ["org"] = "Company", ["How did you hear about us?"] = "=Email" };
            List<RegistrationResult> r = await RunAsync(host, DeepDive, new[] { In("busy@example.org", company: "C"), In("calm@example.org", company: "C") }, new RegistrationOptions { QuestionMap = map });
            RegistrationResult busy = r.Single(x => x.Email == "busy@example.org");
            Assert.Equal((RegistrationStatus.Failed, "DailyLimit", (int?)429), (busy.Status, busy.Reason, busy.ZoomCode));
            Assert.Contains("GMT 00:00:00", busy.Message);
            Assert.Equal(RegistrationStatus.Registered, r.Single(x => x.Email == "calm@example.org").Status);
        }

        [Fact]
        public async Task StoppingAfterAReportedResultRegistersNoLaterBatch()
        {
            Scenario scenario = ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 10, Seed = 9 });
            using CoreTestHost host = await CoreTestHost.CreateAsync(scenario);
            long upcoming = scenario.Zoom.Webinars.Single(w => w.Instances.Count == 0).Id;
            var inputs = new[] { In("not-an-email") }.Concat(Enumerable.Range(0, 90).Select(i => In($"stop{i}@example.net"))).ToList();
            using var cts = new System.Threading.CancellationTokenSource();
            var seen = new List<RegistrationResult>();
            // What -ErrorAction Stop does: the first failed row ends the pipeline, which cancels the work.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new WebinarRegistrationEngine(host.Connection).RegisterAsync(upcoming, inputs, new RegistrationOptions(), r =>
            {
                seen.Add(r);
                if (r.Status == RegistrationStatus.Failed) cts.Cancel();
            }, cts.Token));
            Assert.Single(seen);
            Assert.Equal(0, host.Sandbox.Journal.Count("POST", "/v2/webinars/{webinarId}/batch_registrants"));
        }

        [Fact]
        public async Task WhatIfMakesNoWriteAndSaysWhatWouldHappen()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync();
            List<RegistrationResult> r = await RunAsync(host, Roundtable, new[] { In("fresh@example.org"), In("hannah.schmidt@contoso.example.org") }, new RegistrationOptions { WhatIf = true, WriteBackToHubSpot = true });
            Assert.Equal(0, Writes(host));
            RegistrationResult fresh = r.Single(x => x.Email == "fresh@example.org");
            Assert.Equal(RegistrationStatus.Registered, fresh.Status);
            Assert.True(fresh.WhatIf);
            Assert.Equal(RegistrationStatus.AlreadyRegistered, r.Single(x => x.Email == "hannah.schmidt@contoso.example.org").Status);
        }

        [Fact]
        public async Task WriteBackPutsTheJoinLinkOnTheContactAndTheRegisterParticipationOnTheEventOnce()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync();
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            var options = new RegistrationOptions { WriteBackToHubSpot = true };
            List<RegistrationResult> r = await RunAsync(host, Roundtable, new[] { In("li.wei@fabrikam.example.com", "Li", "Wei") }, options);
            Assert.Equal(RegistrationStatus.Registered, r[0].Status);
            var contact = host.Sandbox.HubSpot.ContactByEmail("li.wei@fabrikam.example.com");
            Assert.Equal(r[0].JoinUrl, contact.Get("zoomhub_last_registered_webinar_url"));
            var ev = host.Sandbox.HubSpot.MarketingEvents.Single(e => e.ExternalEventId.StartsWith("zoomhub-" + Roundtable, StringComparison.Ordinal));
            Assert.Single(ev.Participations);

            host.Sandbox.Journal.Clear();
            await RunAsync(host, Roundtable, new[] { In("li.wei@fabrikam.example.com", "Li", "Wei") }, options);
            Assert.Equal(0, Writes(host));
        }
    }
}
