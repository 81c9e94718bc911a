using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.RegistrantLifecycle;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests.RegistrantLifecycle
{
    /// <summary>
    /// What happens after people registered, end to end against the twin: approvals and cancellations land in as few calls
    /// as Zoom allows, and the unchanged sync engine then counts, or stops counting, those registrations.
    /// </summary>
    public class LifecycleSyncTests
    {
        private const long Manual = 81000000001;
        private const long Quarterly = 81234567890;
        private const string StatusRoute = "PUT /v2/webinars/{webinarId}/registrants/status";
        private const string DeleteRoute = "DELETE /v2/webinars/{webinarId}/registrants/{registrantId}";

        /// <summary>A past manual-approval webinar with <paramref name="pending"/> pending registrants, two of whom attended.</summary>
        internal static Scenario ManualApprovalScenario(int pending)
        {
            var registrants = new StringBuilder();
            for (int i = 0; i < pending; i++)
            {
                if (i > 0) registrants.Append(',');
                registrants.AppendFormat(CultureInfo.InvariantCulture,
                    "{{\"id\":\"PeNdInG{0:D15}\",\"email\":\"pending{0}@contoso.example.org\",\"first_name\":\"Pat{0}\",\"last_name\":\"Pending\",\"status\":\"pending\",\"create_time\":\"2026-11-10T10:00:00Z\"}}", i);
            }

            string json = @"{
              ""now"": ""2026-11-20T12:00:00Z"",
              ""zoom"": {
                ""users"": [ { ""id"": ""HoStUsEr00000000000001"", ""email"": ""host@northwind.example.com"", ""first_name"": ""Host"", ""last_name"": ""User"" } ],
                ""internal_domains"": [ ""northwind.example.com"" ],
                ""webinars"": [ {
                  ""id"": 81000000001, ""host_email"": ""host@northwind.example.com"", ""topic"": ""Manual approval clinic"", ""type"": 5,
                  ""start_time"": ""2026-11-18T16:00:00Z"", ""duration"": 60, ""settings"": { ""approval_type"": 1 },
                  ""registrants"": [ " + registrants + @" ],
                  ""instances"": [ { ""start_time"": ""2026-11-18T16:00:00Z"", ""participants"": [
                    { ""name"": ""Pat0"", ""user_email"": ""pending0@contoso.example.org"", ""join_time"": ""2026-11-18T16:00:00Z"", ""leave_time"": ""2026-11-18T16:45:00Z"" },
                    { ""name"": ""Pat1"", ""user_email"": ""pending1@contoso.example.org"", ""join_time"": ""2026-11-18T16:10:00Z"", ""leave_time"": ""2026-11-18T17:00:00Z"" } ] } ]
                } ]
              }
            }";
            return ScenarioLoader.Parse(json, "manual-approval");
        }

        private static async Task<CoreTestHost> ReadyAsync(Scenario scenario)
        {
            CoreTestHost host = await CoreTestHost.CreateAsync(scenario);
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), whatIf: false);
            host.Sandbox.Journal.Clear();
            return host;
        }

        private static Task<SyncResult> SyncAsync(CoreTestHost host, long webinarId, string instanceUuid = null)
            => new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = webinarId, InstanceUuid = instanceUuid }, new SyncOptions());

        private static string Count(CoreTestHost host, string email) => host.Sandbox.HubSpot.ContactByEmail(email)?.Get(new SyncPropertyNames().RegistrationCount);

        private static int Calls(CoreTestHost host, string route) => host.Sandbox.Journal.CountsByRoute().TryGetValue(route, out int n) ? n : 0;

        private static async Task<List<RegistrantChangeResult>> SetStatusAsync(CoreTestHost host, long webinarId, RegistrantChange change, IEnumerable<RegistrantTarget> targets, bool whatIf = false)
        {
            var results = new List<RegistrantChangeResult>();
            await new RegistrantLifecycleEngine(host.Connection.Zoom).SetStatusAsync(webinarId, change, targets.ToList(), new RegistrantChangeOptions { WhatIf = whatIf }, results.Add);
            return results;
        }

        [Fact]
        public async Task APendingBatchIsApprovedInOneCallAndTheNextSyncCountsIt()
        {
            using CoreTestHost host = await ReadyAsync(ManualApprovalScenario(25));
            await SyncAsync(host, Manual);
            Assert.Null(Count(host, "pending5@contoso.example.org")); // pending: reported, not counted
            host.Sandbox.Journal.Clear();

            var pending = host.Sandbox.Zoom.Registrants(Manual).Select(r => new RegistrantTarget(r.Id, r.Email)).ToList();
            List<RegistrantChangeResult> results = await SetStatusAsync(host, Manual, RegistrantChange.Approve, pending);

            Assert.Equal(1, Calls(host, StatusRoute));
            Assert.Equal(25, results.Count);
            Assert.All(results, r => Assert.Equal((RegistrantChangeOutcome.Changed, "pending", "approved"), (r.Outcome, r.PreviousStatus, r.Status)));
            Assert.Equal(pending.Select(p => p.Email), results.Select(r => r.Email)); // input order
            Assert.All(host.Sandbox.Zoom.Registrants(Manual), r => Assert.Equal("approved", r.Status));

            SyncResult sync = await SyncAsync(host, Manual);
            Assert.Equal(25, sync.Participations["register"]);
            Assert.All(Enumerable.Range(0, 25), i => Assert.Equal("1", Count(host, $"pending{i}@contoso.example.org")));
        }

        [Fact]
        public async Task ACancellationBecomesACancelParticipationAndLowersTheRegistrationCount()
        {
            using CoreTestHost host = await ReadyAsync(ScenarioLoader.Load("demo"));
            string[] instances = host.Sandbox.Zoom.Instances(Quarterly).Select(i => i.Uuid).ToArray();
            foreach (string uuid in instances) await SyncAsync(host, Quarterly, uuid);
            Assert.Equal("1", Count(host, "ana.ruiz@contoso.example.org"));

            List<RegistrantChangeResult> cancelled = await SetStatusAsync(host, Quarterly, RegistrantChange.Cancel, new[] { new RegistrantTarget(null, "ANA.RUIZ@contoso.example.org") });
            Assert.Equal((RegistrantChangeOutcome.Changed, "approved", "denied"), (cancelled[0].Outcome, cancelled[0].PreviousStatus, cancelled[0].Status));

            // The registration counts once per webinar from every instance's ledger entry: the next sync of the webinar's
            // instances writes a cancel on each instance's event and drops the count.
            var again = new List<SyncResult>();
            foreach (string uuid in instances) again.Add(await SyncAsync(host, Quarterly, uuid));
            Assert.All(again, r => Assert.Equal(1, r.Participations["cancel"]));
            Assert.Equal("0", Count(host, "ana.ruiz@contoso.example.org"));
            long contact = host.Sandbox.HubSpot.ContactByEmail("ana.ruiz@contoso.example.org").Id;
            Assert.Contains(host.Sandbox.HubSpot.MarketingEvents.SelectMany(e => e.Participations), p => p.ContactId == contact && p.State == "cancel");
        }

        [Fact]
        public async Task ApprovingACancelledPersonAgainCountsThemAgain()
        {
            using CoreTestHost host = await ReadyAsync(ScenarioLoader.Load("demo"));
            string latest = host.Sandbox.Zoom.Instances(Quarterly).Last().Uuid;
            var ana = new[] { new RegistrantTarget("Qp3hV0zRS5mLw1b2cD3eFg", null) };
            await SetStatusAsync(host, Quarterly, RegistrantChange.Cancel, ana);
            await SyncAsync(host, Quarterly, latest);
            Assert.Equal("0", Count(host, "ana.ruiz@contoso.example.org"));

            List<RegistrantChangeResult> back = await SetStatusAsync(host, Quarterly, RegistrantChange.Approve, ana);
            Assert.Equal(("denied", "approved"), (back[0].PreviousStatus, back[0].Status));
            await SyncAsync(host, Quarterly, latest);
            Assert.Equal("1", Count(host, "ana.ruiz@contoso.example.org"));
        }

        [Fact]
        public async Task RemovingAHundredRegistrantsTakesAHundredDeletesAndNothingElse()
        {
            Scenario scenario = ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 150 });
            using CoreTestHost host = await CoreTestHost.CreateAsync(scenario);
            long webinar = new GeneratorOptions().PastWebinarId;
            var doomed = host.Sandbox.Zoom.Registrants(webinar).Take(100).Select(r => new RegistrantTarget(r.Id, r.Email)).ToList();
            host.Sandbox.Journal.Clear();

            var results = new List<RegistrantChangeResult>();
            await new RegistrantLifecycleEngine(host.Connection.Zoom).RemoveAsync(webinar, doomed, new RegistrantChangeOptions(), results.Add);

            // Zoom has no batch delete: one call per registrant is the fewest it allows, and ids need no lookup first.
            Assert.Equal(100, Calls(host, DeleteRoute));
            Assert.Equal(100, host.Sandbox.Journal.Entries.Count(e => e.Api == "Zoom"));
            Assert.Equal(doomed.Select(d => d.RegistrantId), results.Select(r => r.RegistrantId));
            Assert.All(results, r => Assert.Equal((RegistrantChangeOutcome.Changed, "removed"), (r.Outcome, r.Status)));
            Assert.Equal(50, host.Sandbox.Zoom.Registrants(webinar).Count);

            // A re-run finds nobody to remove and says so, without failing.
            var again = new List<RegistrantChangeResult>();
            await new RegistrantLifecycleEngine(host.Connection.Zoom).RemoveAsync(webinar, doomed.Take(3).ToList(), new RegistrantChangeOptions(), again.Add);
            Assert.All(again, r => Assert.Equal(RegistrantChangeOutcome.NotFound, r.Outcome));
        }

        [Fact]
        public async Task ARemovedRegistrationIsNoLongerSeenBySyncSoWhatItCountedStays()
        {
            using CoreTestHost host = await ReadyAsync(ScenarioLoader.Load("demo"));
            string[] instances = host.Sandbox.Zoom.Instances(Quarterly).Select(i => i.Uuid).ToArray();
            foreach (string uuid in instances) await SyncAsync(host, Quarterly, uuid);
            Assert.Equal("1", Count(host, "sam.taylor@tailspin.example.net"));

            await new RegistrantLifecycleEngine(host.Connection.Zoom).RemoveAsync(Quarterly, new[] { new RegistrantTarget("St2NoShOwRegistrant001", null) }, null, r => { });
            foreach (string uuid in instances) await SyncAsync(host, Quarterly, uuid);

            // Documented in Remove-ZoomWebinarRegistrant: no cancel is written and the registration stays counted; cancel
            // first (then sync) to take it back.
            Assert.Equal("1", Count(host, "sam.taylor@tailspin.example.net"));
            long sam = host.Sandbox.HubSpot.ContactByEmail("sam.taylor@tailspin.example.net").Id;
            Assert.DoesNotContain(host.Sandbox.HubSpot.MarketingEvents.SelectMany(e => e.Participations), p => p.ContactId == sam && p.State == "cancel");
        }

        [Fact]
        public async Task EveryInputGetsOneResultInOrderAndOnlyRealChangesAreSent()
        {
            using CoreTestHost host = await ReadyAsync(ScenarioLoader.Load("demo"));
            var targets = new[]
            {
                new RegistrantTarget(null, "priyanka.das@contoso.example.org"),  // pending → approve
                new RegistrantTarget(null, "li.wei@fabrikam.example.com"),       // approved already
                new RegistrantTarget(null, "nobody@example.org"),                // not registered
                new RegistrantTarget("Pd3PeNdInGrEgIsTrAnT01", null),            // Priyanka again, by id
                new RegistrantTarget(null, null),                                // nothing to go by
            };
            List<RegistrantChangeResult> results = await SetStatusAsync(host, Quarterly, RegistrantChange.Approve, targets);

            Assert.Equal(new[] { RegistrantChangeOutcome.Changed, RegistrantChangeOutcome.Unchanged, RegistrantChangeOutcome.NotFound, RegistrantChangeOutcome.Unchanged, RegistrantChangeOutcome.Failed },
                results.Select(r => r.Outcome).ToArray());
            Assert.Equal(new[] { null, RegistrantChangeReasons.AlreadyInState, RegistrantChangeReasons.NotFound, RegistrantChangeReasons.DuplicateInput, RegistrantChangeReasons.NoIdentity },
                results.Select(r => r.Reason).ToArray());
            Assert.Equal(1, Calls(host, StatusRoute));
        }

        [Fact]
        public async Task WhatIfReadsAndPlansButWritesNothing()
        {
            using CoreTestHost host = await ReadyAsync(ScenarioLoader.Load("demo"));
            List<RegistrantChangeResult> plan = await SetStatusAsync(host, Quarterly, RegistrantChange.Deny, new[] { new RegistrantTarget(null, "ana.ruiz@contoso.example.org") }, whatIf: true);
            Assert.True(plan[0].WhatIf);
            Assert.Equal((RegistrantChangeOutcome.Changed, "denied"), (plan[0].Outcome, plan[0].Status));
            Assert.Equal(0, host.Sandbox.Journal.CountWrites());
            Assert.Equal("approved", host.Sandbox.Zoom.Registrant(Quarterly, "ana.ruiz@contoso.example.org").Status);
        }

        [Fact]
        public async Task OnePersonOverTheDailyLimitFailsAloneAndTheRestOfTheBatchChanges()
        {
            using CoreTestHost host = await ReadyAsync(ManualApprovalScenario(5));
            var flipper = new[] { new RegistrantTarget(null, "pending0@contoso.example.org") };
            for (int i = 0; i < 5; i++)
            {
                // Ten status updates in a day: approve and cancel five times.
                await SetStatusAsync(host, Manual, RegistrantChange.Approve, flipper);
                await SetStatusAsync(host, Manual, RegistrantChange.Cancel, flipper);
            }

            var everyone = host.Sandbox.Zoom.Registrants(Manual).Select(r => new RegistrantTarget(r.Id, r.Email)).ToList();
            List<RegistrantChangeResult> results = await SetStatusAsync(host, Manual, RegistrantChange.Approve, everyone);

            RegistrantChangeResult over = results.Single(r => r.Email == "pending0@contoso.example.org");
            Assert.Equal((RegistrantChangeOutcome.Failed, RegistrantChangeReasons.DailyLimit, 429), (over.Outcome, over.Reason, over.ZoomCode));
            Assert.All(results.Where(r => r != over), r => Assert.Equal(RegistrantChangeOutcome.Changed, r.Outcome));
            Assert.Equal("denied", host.Sandbox.Zoom.Registrant(Manual, "pending0@contoso.example.org").Status);
        }

        [Fact]
        public async Task ApprovalsThatWouldFillTheWebinarStopAtItsLimitRowByRow()
        {
            Scenario scenario = ManualApprovalScenario(5);
            scenario.Zoom.Webinars[0].Settings.RegistrantsRestrictNumber = 3;
            using CoreTestHost host = await ReadyAsync(scenario);
            var everyone = host.Sandbox.Zoom.Registrants(Manual).Select(r => new RegistrantTarget(r.Id, r.Email)).ToList();
            await SetStatusAsync(host, Manual, RegistrantChange.Cancel, everyone);
            host.Sandbox.Journal.Clear();

            List<RegistrantChangeResult> results = await SetStatusAsync(host, Manual, RegistrantChange.Approve, everyone);

            // Zoom refuses the batch of five (3035); one by one, the first three fit and the last two are reported full.
            Assert.Equal(new[] { "approved", "approved", "approved", "denied", "denied" }, host.Sandbox.Zoom.Registrants(Manual).Select(r => r.Status).ToArray());
            Assert.Equal(new[] { null, null, null, RegistrantChangeReasons.WebinarFull, RegistrantChangeReasons.WebinarFull }, results.Select(r => r.Reason).ToArray());
            Assert.Equal(3035, results[4].ZoomCode);
            Assert.Equal(1 + 5, Calls(host, StatusRoute));
        }
    }
}
