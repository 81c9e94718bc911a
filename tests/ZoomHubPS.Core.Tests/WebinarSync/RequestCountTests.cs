using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests.WebinarSync
{
    /// <summary>Requests at the batch maximum, for a generated 1,000-registrant instance.</summary>
    public class RequestCountTests
    {
        private readonly Xunit.Abstractions.ITestOutputHelper _output;

        public RequestCountTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

        private static int Pages(int items, int size) => Math.Max(1, (items + size - 1) / size);

        [Fact]
        public async Task A1000RegistrantInstanceUsesTheFewestRequestsEachRouteAllows()
        {
            Scenario scenario = ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 1000, Seed = 3 });
            using CoreTestHost host = await CoreTestHost.CreateAsync(scenario);
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            long webinar = scenario.Zoom.Webinars[0].Id;
            var registrants = host.Sandbox.Zoom.Registrants(webinar);
            var instance = host.Sandbox.Zoom.Instances(webinar).Single();
            host.Sandbox.Journal.Clear();

            SyncResult result = await new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = webinar }, new SyncOptions());
            IReadOnlyDictionary<string, int> counts = host.Sandbox.Journal.CountsByRoute();
            int Count(string key) => counts.TryGetValue(key, out int n) ? n : 0;
            foreach (var pair in counts.OrderBy(c => c.Key)) _output.WriteLine($"{pair.Value,5}  {pair.Key}");
            _output.WriteLine($"created {result.Created}, updated {result.Updated}, skipped {result.Skipped}, participations {result.Participations.Values.Sum()}");

            // Zoom: one listing per registrant status at 300 per page, participants at 300 per page.
            int expectedRegistrantPages = new[] { "approved", "denied", "pending" }.Sum(s => Pages(registrants.Count(r => r.Status == s), 300));
            Assert.Equal(expectedRegistrantPages, Count("GET /v2/webinars/{webinarId}/registrants"));
            Assert.Equal(Pages(instance.Participants.Count, 300), Count("GET /v2/report/webinars/{webinarId}/participants"));

            // HubSpot: one batch read per 100 people; new contacts are created by an upsert of their own (HubSpot's answer
            // says which ones it created), then one upsert per 100 people carries the ledger; one event upsert, one completion.
            int people = result.Created + result.Updated;
            Assert.True(people + result.Skipped + result.Unchanged >= 1000, "every registrant has an outcome");
            int batches = (int)Math.Ceiling((people + result.Skipped) / 100.0);
            Assert.InRange(Count("POST /crm/v3/objects/contacts/batch/upsert"), Pages(result.Created, 100) + Pages(people, 100), 2 * (batches + 1));
            Assert.InRange(Count("POST /crm/v3/objects/contacts/batch/read"), Pages(people, 100), 2 * (batches + 1));
            Assert.Equal(1, Count("POST /marketing/v3/marketing-events/events/upsert"));
            Assert.Equal(1, Count("POST /marketing/v3/marketing-events/events/{externalEventId}/complete"));
            int participationCalls = Count("POST /marketing/v3/marketing-events/attendance/{externalEventId}/{subscriberState}/create")
                + Count("POST /marketing/v3/marketing-events/attendance/{externalEventId}/{subscriberState}/email-create");
            // Participations are packed across batches: one call per 100 of a state, not one per state and batch.
            int fullCalls = result.Participations.Values.Sum(n => (n + 99) / 100);
            Assert.Equal(fullCalls, participationCalls);
            Assert.Equal(0, counts.Where(c => c.Key.StartsWith("GET /crm/v3/objects/contacts/{", StringComparison.Ordinal)).Sum(c => c.Value)); // never one request per contact
            int hubSpotTotal = host.Sandbox.Journal.CountApi("HubSpot");
            Assert.True(hubSpotTotal <= 7 * (batches + 1) + 4, $"{hubSpotTotal} HubSpot requests for {people} people");
        }
    }
}

namespace ZoomHubPS.Core.Tests.WebinarSync
{
    /// <summary>Concurrent batches: an interruption in the middle, then a re-run, ends where an uninterrupted run ends.</summary>
    public class ConcurrentBatchTests
    {
        private static string State(CoreTestHost host)
        {
            var names = new SyncPropertyNames();
            var contacts = host.Sandbox.HubSpot.Contacts.Where(c => !c.Archived).OrderBy(c => c.Email)
                .Select(c => string.Join("|", c.Email, c.Get("firstname"), c.Get(names.RegistrationCount), c.Get(names.AttendanceCount), c.Get(names.AverageAttendancePercent), c.Get(names.History)));
            var participations = host.Sandbox.HubSpot.MarketingEvents.SelectMany(e => e.Participations.Select(p => $"{p.Email}|{p.State}|{p.InteractionDateTime}")).OrderBy(x => x);
            return string.Join("\n", contacts.Concat(participations));
        }

        /// <summary>
        /// A generated 400-registrant instance twice: synced without faults (the reference state), and fresh with the schema
        /// and no retries (so a fault stops the run).
        /// </summary>
        private static async Task<(CoreTestHost Reference, CoreTestHost Host, long Webinar)> SyncedReferenceAndFreshHostAsync()
        {
            static Scenario Scenario() => ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 400, Seed = 11 });
            Scenario scenario = Scenario();
            long webinar = scenario.Zoom.Webinars.First(w => w.Instances.Count > 0).Id;
            CoreTestHost reference = await CoreTestHost.CreateAsync(Scenario());
            await new SchemaInitializer(reference.Connection).InitializeAsync(new SyncPropertyNames(), false);
            await new WebinarSyncEngine(reference.Connection).SyncAsync(new SyncTarget { WebinarId = webinar }, new SyncOptions());

            CoreTestHost host = await CoreTestHost.CreateAsync(scenario, configureConnection: o => o.Retry = RetryOptions.None);
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            return (reference, host, webinar);
        }

        [Fact]
        public async Task FailedPackedParticipationCallsRecordNoneOfTheirBatchesAndTheReRunHeals()
        {
            // Participations of several batches travel in one call; when such calls fail, no batch whose participations
            // were in them may record the instance in its history (the upsert comes only after them).
            var (reference, host, webinar) = await SyncedReferenceAndFreshHostAsync();
            using CoreTestHost r = reference, h = host;
            // The last participation call fails: the batches whose participations were all in earlier calls may record
            // the instance, those with participations in the failed call must not. (Failing an early call instead makes
            // the premise a race: on a loaded machine the run can fail before any upsert has finished.)
            int calls = reference.Sandbox.Journal.Entries.Count(e => e.Method == "POST" && e.PathAndQuery.Contains("/marketing/v3/marketing-events/attendance/"));
            Assert.True(calls >= 3, $"the reference run made {calls} participation calls; the test needs several");
            var rule = ZoomHubPS.Sandbox.Faults.FaultRule.For("POST /marketing/v3/marketing-events/attendance/*").ServerError(500).Nth(calls);
            host.Sandbox.Faults.Options.Add(rule);
            await Assert.ThrowsAnyAsync<Exception>(() => new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = webinar }, new SyncOptions()));

            var names = new SyncPropertyNames();
            var written = new HashSet<string>(host.Sandbox.HubSpot.MarketingEvents.SelectMany(e => e.Participations).Select(x => x.Email.ToLowerInvariant() + "|" + x.State));
            int recorded = 0;
            foreach (var c in host.Sandbox.HubSpot.Contacts.Where(c => !c.Archived))
            {
                HistoryEntry entry = WebinarHistory.Parse(c.Get(names.History)).Entries.FirstOrDefault(e => e.WebinarId == webinar);
                if (entry == null) continue;
                recorded++;
                string who = c.Email.ToLowerInvariant();
                if (entry.RegisteredAtUnix > 0) Assert.Contains(who + "|register", written);
                if (entry.AttendedSeconds > 0) Assert.Contains(who + "|attend", written);
            }

            Assert.True(recorded > 0 && recorded < 380, $"{recorded} people recorded although participation calls failed");

            host.Sandbox.Faults.Options.Remove(rule);
            await new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = webinar }, new SyncOptions());
            Assert.Equal(State(reference), State(host));
        }

        [Fact]
        public async Task CancellingMidRunStopsPromptlyAndTheReRunHeals()
        {
            // Ctrl+C in the middle: batches reading ahead, waiting for packed participations and upserting all stop; the
            // run ends (no hang) with a cancellation, and a re-run ends in the uninterrupted state.
            var (reference, host, webinar) = await SyncedReferenceAndFreshHostAsync();
            using CoreTestHost r = reference, h = host;
            using var cts = new System.Threading.CancellationTokenSource();
            int reported = 0;
            Task<SyncResult> run = new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = webinar }, new SyncOptions(), _ =>
            {
                if (System.Threading.Interlocked.Increment(ref reported) == 150) cts.Cancel();
            }, cts.Token);
            Task finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.Same(run, finished);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            Assert.InRange(reported, 150, 399);

            await new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = webinar }, new SyncOptions());
            Assert.Equal(State(reference), State(host));
        }

        [Fact]
        public async Task AnInterruptionBetweenConcurrentBatchesHealsOnReRun()
        {
            var (reference, host, webinar) = await SyncedReferenceAndFreshHostAsync();
            using CoreTestHost r = reference, h = host;
            host.Sandbox.Faults.ResetCounters();
            host.Sandbox.Faults.Options.FailAfterWrites(7, status: 0);
            await Assert.ThrowsAnyAsync<Exception>(() => new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = webinar }, new SyncOptions()));
            host.Sandbox.Faults.Options.Clear();
            await new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = webinar }, new SyncOptions());
            Assert.Equal(State(reference), State(host));

            host.Sandbox.Journal.Clear();
            SyncResult again = await new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = webinar }, new SyncOptions());
            Assert.Equal(0, host.Sandbox.Journal.CountWrites());
            Assert.Equal(0, again.Created + again.Updated);
        }
    }
}
