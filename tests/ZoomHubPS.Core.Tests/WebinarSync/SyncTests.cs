using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.WebinarSync;

namespace ZoomHubPS.Core.Tests.WebinarSync
{
    public class SyncTests
    {
        private const long Quarterly = 81234567890;

        private static readonly string[] WriteRoutes =
        {
            "POST /crm/v3/objects/contacts/batch/upsert", "POST /crm/v3/objects/contacts/batch/update",
            "POST /marketing/v3/marketing-events/events/upsert", "POST /marketing/v3/marketing-events/events/{externalEventId}/complete",
            "POST /marketing/v3/marketing-events/attendance/{externalEventId}/{subscriberState}/create",
            "POST /marketing/v3/marketing-events/attendance/{externalEventId}/{subscriberState}/email-create",
        };

        private static async Task<CoreTestHost> ReadyAsync(Action<ZoomHubConnectionOptions> configure = null)
        {
            CoreTestHost host = await CoreTestHost.CreateAsync("demo", configureConnection: configure);
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), whatIf: false);
            host.Sandbox.Journal.Clear();
            return host;
        }

        private static async Task<List<SyncResult>> SyncAllAsync(CoreTestHost host, IEnumerable<SyncTarget> targets, SyncOptions options = null, List<PersonSyncRecord> people = null)
        {
            var engine = new WebinarSyncEngine(host.Connection);
            var results = new List<SyncResult>();
            foreach (SyncTarget t in targets) results.Add(await engine.SyncAsync(t, options ?? new SyncOptions(), r => people?.Add(r)));
            return results;
        }

        private static IEnumerable<SyncTarget> DemoTargets(CoreTestHost host)
            => host.Sandbox.Zoom.Webinars.SelectMany(w => host.Sandbox.Zoom.Instances(w.Id).Select(i => new SyncTarget { WebinarId = w.Id, InstanceUuid = i.Uuid }))
                .ToList();

        private static string State(CoreTestHost host)
        {
            var names = new SyncPropertyNames();
            var contacts = host.Sandbox.HubSpot.Contacts.Where(c => !c.Archived).OrderBy(c => c.Email)
                .Select(c => string.Join("|", c.Email, c.Get("firstname"), c.Get("lastname"), c.Get(names.RegistrationCount), c.Get(names.AttendanceCount),
                    c.Get(names.AverageAttendancePercent), c.Get(names.LastRegisteredWebinarUrl), c.Get(names.History)));
            var events = host.Sandbox.HubSpot.MarketingEvents.OrderBy(e => e.ExternalEventId)
                .SelectMany(e => e.Participations.Select(p => $"{e.ExternalEventId}|{p.ContactId}|{p.State}|{p.InteractionDateTime}").OrderBy(x => x));
            return string.Join("\n", contacts.Concat(events));
        }

        private static int Writes(CoreTestHost host)
        {
            var counts = host.Sandbox.Journal.CountsByRoute();
            return WriteRoutes.Sum(r => counts.TryGetValue(r, out int n) ? n : 0);
        }

        [Fact]
        public async Task TheSchemaIsCreatedOnceAndThenFoundExisting()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo");
            var first = await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            Assert.Contains(first, r => r.Kind == "Property" && r.Status == "Created");
            var second = await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            Assert.All(second, r => Assert.Equal("Existing", r.Status));
            Assert.True(host.Sandbox.HubSpot.Property("zoomhub_webinar_history").Hidden);
        }

        [Fact]
        public async Task SyncRefusesToRunWithoutTheSchemaAndSaysWhatToDo()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo");
            var ex = await Assert.ThrowsAsync<ZoomHubSchemaMissingException>(() => new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = Quarterly }, new SyncOptions()));
            Assert.Contains("Initialize-ZoomHubSchema", ex.Message);
            Assert.Equal(0, Writes(host));
        }

        [Fact]
        public async Task AFirstRunWritesContactsEventsAndAggregates()
        {
            using CoreTestHost host = await ReadyAsync();
            var people = new List<PersonSyncRecord>();
            List<SyncResult> results = await SyncAllAsync(host, DemoTargets(host), people: people);
            Assert.True(results.Sum(r => r.Created) > 0);
            Assert.True(results.Sum(r => r.Participations.Values.Sum()) > 0);
            var names = new SyncPropertyNames();
            Assert.Contains(host.Sandbox.HubSpot.Contacts, c => c.Get(names.AttendanceCount) is string n && int.Parse(n) > 0);
            Assert.All(host.Sandbox.HubSpot.Contacts.Where(c => c.Get(names.History) != null), c => Assert.StartsWith("v2;", c.Get(names.History)));
            Assert.NotEmpty(host.Sandbox.HubSpot.MarketingEvents);
        }

        [Fact]
        public async Task ASecondRunMakesNoWriteRequestsAndChangesNothing()
        {
            using CoreTestHost host = await ReadyAsync();
            await SyncAllAsync(host, DemoTargets(host));
            string after1 = State(host);
            host.Sandbox.Journal.Clear();
            List<SyncResult> second = await SyncAllAsync(host, DemoTargets(host));
            Assert.Equal(0, Writes(host));
            Assert.Equal(after1, State(host));
            Assert.All(second, r => Assert.Equal(0, r.Created + r.Updated));
        }

        [Fact]
        public async Task WhatIfWritesNothingAndPlansWhatTheRealRunDoes()
        {
            using CoreTestHost host = await ReadyAsync();
            foreach (SyncTarget target in DemoTargets(host))
            {
                host.Sandbox.Journal.Clear();
                var planned = new List<PersonSyncRecord>();
                SyncResult plan = (await SyncAllAsync(host, new[] { target }, new SyncOptions().WithWhatIf(true), planned)).Single();
                Assert.Equal(0, Writes(host));
                var done = new List<PersonSyncRecord>();
                SyncResult real = (await SyncAllAsync(host, new[] { target }, new SyncOptions(), done)).Single();
                Assert.Equal((plan.Created, plan.Updated, plan.Skipped, plan.Unchanged), (real.Created, real.Updated, real.Skipped, real.Unchanged));
                Assert.Equal(plan.Participations.OrderBy(p => p.Key), real.Participations.OrderBy(p => p.Key));
                // Batches run concurrently, so records arrive in any order: compare them as sets.
                Assert.Equal(planned.Select(p => (p.Email, p.Outcome, p.Reason)).OrderBy(x => x.Email).ThenBy(x => x.Reason), done.Select(p => (p.Email, p.Outcome, p.Reason)).OrderBy(x => x.Email).ThenBy(x => x.Reason));
            }
        }

        [Fact]
        public async Task OrderAndSubsetsGiveTheSameFinalState()
        {
            using CoreTestHost a = await ReadyAsync();
            List<SyncTarget> targets = DemoTargets(a).ToList();
            await SyncAllAsync(a, targets);
            using CoreTestHost b = await ReadyAsync();
            var reversed = Enumerable.Reverse(targets).ToList();
            await SyncAllAsync(b, reversed.Take(2));
            await SyncAllAsync(b, reversed);
            Assert.Equal(Normalize(State(a)), Normalize(State(b)));
        }

        // Contact ids differ between two twins; compare on everything else.
        private static string Normalize(string state)
            => string.Join("\n", state.Split('\n').Select(l => l.StartsWith("zoomhub-", StringComparison.Ordinal) ? string.Join("|", l.Split('|').Where((_, i) => i != 1)) : l).OrderBy(x => x));

        [Fact]
        public async Task EverySkipReasonOfTheDemoIsReportedWithItsCount()
        {
            using CoreTestHost host = await ReadyAsync();
            var options = new SyncOptions().WithExclusions(hostDomains: new[] { "agency.example.net" }, contactDomains: new[] { "competitor.example.net" });
            var people = new List<PersonSyncRecord>();
            List<SyncResult> results = await SyncAllAsync(host, DemoTargets(host), options, people);
            var reasons = results.SelectMany(r => r.SkippedByReason).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(x => x.Value));
            foreach (string reason in new[] { SkipReasons.NoEmail, SkipReasons.AccountUser, SkipReasons.DeletedContact, SkipReasons.InvalidEmail, SkipReasons.ExcludedDomain, SkipReasons.Pending })
            {
                Assert.True(reasons.ContainsKey(reason), $"no {reason} in the demo sync; got {string.Join(", ", reasons.Keys)}");
                Assert.Equal(people.Count(p => p.Reason == reason), reasons[reason]);
            }

            Assert.Contains(results, r => r.InstanceSkipReason == SkipReasons.ExcludedHost);
            Assert.DoesNotContain(host.Sandbox.HubSpot.Contacts, c => !c.Archived && c.Email == "ben.carter@fabrikam.example.com");
            Assert.DoesNotContain(host.Sandbox.HubSpot.Contacts, c => c.Email == "alex.stone@competitor.example.net");
        }

        [Fact]
        public async Task RegisteredGuestsWithoutAnEmailAreSyncedThroughTheirRegistrantId()
        {
            using CoreTestHost host = await ReadyAsync();
            // Guest rows ("" email) that carry a registrant id, in the demo's participant data.
            var guests = host.Sandbox.Zoom.Webinars.SelectMany(w => host.Sandbox.Zoom.Instances(w.Id).SelectMany(i => i.Participants.Where(p => p.UserEmail == "" && !string.IsNullOrEmpty(p.RegistrantId)).Select(p => (w.Id, p.RegistrantId)))).ToList();
            Assert.NotEmpty(guests);
            await SyncAllAsync(host, DemoTargets(host));
            var names = new SyncPropertyNames();
            foreach (var (webinar, registrantId) in guests)
            {
                string email = host.Sandbox.Zoom.Registrants(webinar).Single(r => r.Id == registrantId).Email;
                var contact = host.Sandbox.HubSpot.ContactByEmail(email);
                Assert.NotNull(contact);
                Assert.True(int.Parse(contact.Get(names.AttendanceCount)) >= 1, email + " should count as attended");
            }
        }

        [Fact]
        public async Task AParticipantReportSlowerThanTheRegistrantsGivesTheSameState()
        {
            // The participant report is read while registrants stream and contacts are read: when the report is slow,
            // registrants are listed first and guest rows meet their registrant ids the other way round.
            using CoreTestHost reference = await ReadyAsync();
            await SyncAllAsync(reference, DemoTargets(reference));

            using CoreTestHost host = await ReadyAsync();
            host.Sandbox.Faults.Options.Add(ZoomHubPS.Sandbox.Faults.FaultRule.For("GET /v2/report/webinars/{webinarId}/participants").Latency(TimeSpan.FromSeconds(5), TimeSpan.Zero));
            host.Sandbox.Faults.Options.Add(ZoomHubPS.Sandbox.Faults.FaultRule.For("GET /v2/past_webinars/{webinarId}/participants").Latency(TimeSpan.FromSeconds(5), TimeSpan.Zero));
            var engine = new WebinarSyncEngine(host.Connection);
            foreach (SyncTarget t in DemoTargets(host))
            {
                await CoreTestHost.RunAdvancingAsync(host.Clock, () => engine.SyncAsync(t, new SyncOptions()), TimeSpan.FromMilliseconds(100));
            }

            Assert.Equal(State(reference), State(host));
        }

        [Fact]
        public async Task TimelineEventsAreWrittenOnceWithTemplatesFromTheApp()
        {
            using CoreTestHost host = await ReadyAsync();
            long app = host.Sandbox.HubSpot.DefaultApp.AppId;
            var created = await TimelineTemplates.EnsureAsync(host.Connection, app, whatIf: false);
            Assert.All(created, r => Assert.Equal("Created", r.Status));
            var options = new SyncOptions().WithTimelineApp(app).WithRecording(true);
            List<SyncResult> first = await SyncAllAsync(host, DemoTargets(host), options);
            int events = host.Sandbox.HubSpot.TimelineEvents.Count;
            Assert.True(events > 0);
            Assert.Equal(first.Sum(r => r.TimelineEvents), events);
            await SyncAllAsync(host, DemoTargets(host), options);
            Assert.Equal(events, host.Sandbox.HubSpot.TimelineEvents.Count);
        }

        [Fact]
        public async Task ASyncWithATimelineAppButNoTemplatesSaysWhatToRun()
        {
            using CoreTestHost host = await ReadyAsync();
            var ex = await Assert.ThrowsAsync<ZoomHubTimelineTemplatesMissingException>(() => SyncAllAsync(host, DemoTargets(host).Take(1), new SyncOptions().WithTimelineApp(host.Sandbox.HubSpot.DefaultApp.AppId)));
            Assert.Contains("Initialize-ZoomHubSchema -TimelineAppId", ex.Message);
        }

        [Fact]
        public async Task ExistingNamesAreNeverOverwritten()
        {
            using CoreTestHost host = await ReadyAsync();
            var before = host.Sandbox.HubSpot.Contacts.Where(c => !c.Archived && !string.IsNullOrEmpty(c.Get("firstname"))).ToDictionary(c => c.Id, c => (c.Get("firstname"), c.Get("lastname")));
            await SyncAllAsync(host, DemoTargets(host));
            foreach (var pair in before)
            {
                var c = host.Sandbox.HubSpot.Contact(pair.Key);
                Assert.Equal(pair.Value.Item1, c.Get("firstname"));
            }
        }

        [Fact]
        public async Task AnInterruptedRunReRunEndsInTheUninterruptedState()
        {
            using CoreTestHost reference = await ReadyAsync();
            await SyncAllAsync(reference, DemoTargets(reference));
            string expected = Normalize(State(reference));

            foreach (int n in new[] { 1, 3, 6, 12 })
            {
                using CoreTestHost host = await ReadyAsync(o => o.Retry = RetryOptions.None);
                host.Sandbox.Faults.ResetCounters();
                host.Sandbox.Faults.Options.FailAfterWrites(n, status: 0); // the sandbox drops every write after the n-th
                await Assert.ThrowsAnyAsync<Exception>(() => SyncAllAsync(host, DemoTargets(host)));
                Assert.Equal(n, host.Sandbox.Faults.SuccessfulWrites);
                host.Sandbox.Faults.Options.Clear();
                await SyncAllAsync(host, DemoTargets(host));
                Assert.Equal(expected, Normalize(State(host)));
            }
        }
    }
}
