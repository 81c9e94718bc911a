using System.Linq;
using Xunit;
using ZoomHubPS.Bench;

namespace ZoomHubPS.Core.Tests.Bench
{
    /// <summary>
    /// The account-wide row's minimum and floor, from the account scenario alone: discovery counted once, each instance's
    /// work summed, the chain of the run holding only the longest instance (they overlap), the loop's every one in turn.
    /// </summary>
    public class AccountMinimumTests
    {
        // 2 hosts x 2 webinars x 50: per host one expired webinar (held, found through the report) and one not held yet.
        private static readonly AccountMinimum Small = new AccountMinimum(AccountShape.Parse("2x2x50").Scenario(), AccountShape.LookbackDays);

        [Fact]
        public void TheRunsTargetsAreEveryHeldInstanceInTheWindowAndTheRegistrationsOfWebinarsNotHeldYet()
        {
            Assert.Equal(4, Small.TargetWebinarIds.Count);
            Assert.Equal(new[] { true, false, true, false }, Small.Shapes.Select(s => s.Held));
            Assert.Equal(3, Small.Spans); // 61 days of dates (60 back and today) in 30-day spans
            Assert.False(Small.HasDashboard); // a Pro account, as the limits are
        }

        [Fact]
        public void DiscoveryAndTheOncePerRunReadsAreCountedOnceAndEachPersonIsCreatedOnce()
        {
            var rows = Small.Sync().ToDictionary(r => r.Route, r => r.Minimum);
            Assert.Equal(3, rows["GET /v2/users"]);                          // active, inactive, pending: once per run
            Assert.Equal(1, rows["GET /crm/v3/properties/contacts"]);        // the schema check: once per run
            Assert.Equal(2, rows["GET /v2/users/{userId}/webinars"]);        // one listing per host
            Assert.Equal(1, rows["GET /v2/metrics/webinars"]);               // the refused Dashboard probe
            Assert.Equal(2 * 3, rows["GET /v2/report/users/{userId}/meetings"]); // each host's report per span
            Assert.Equal(1, rows["GET /marketing/v3/marketing-events"]);     // no events yet: one page
            Assert.Equal(4, rows["GET /v2/webinars/{webinarId}"]);
            Assert.Equal(2, rows["POST /marketing/v3/marketing-events/events/{externalEventId}/complete"]); // held instances only

            // 100 people in the pool, 10 already contacts: each of the 90 others is new in one instance only.
            int newPeople = Small.Shapes.Sum(s => s.NewContacts);
            Assert.Equal(90, newPeople);
            Assert.Equal(Small.Shapes.Sum(s => RequestMinimum.Calls(s.NewContacts, 100)) + Small.Shapes.Sum(s => RequestMinimum.Calls(s.People, 100)),
                rows["POST /crm/v3/objects/contacts/batch/upsert"]);
        }

        [Fact]
        public void TheReRunReadsWhatTheRunReadsFindsTheEventsItWroteAndWritesNothing()
        {
            var rows = Small.Rerun().ToDictionary(r => r.Route, r => r.Minimum);
            Assert.DoesNotContain("POST /crm/v3/objects/contacts/batch/upsert", rows.Keys);
            Assert.DoesNotContain("POST /marketing/v3/marketing-events/events/upsert", rows.Keys);
            Assert.Equal(2, rows["GET /marketing/v3/marketing-events/events/{externalEventId}"]); // held ones: is it complete?
            Assert.Equal(Small.Shapes.Sum(s => RequestMinimum.Calls(s.People, 100)), rows["POST /crm/v3/objects/contacts/batch/read"]);
        }

        [Fact]
        public void TheRunsChainHoldsTheLongestInstanceOnceAndTheLoopsEveryInstanceInTurn()
        {
            // Held: webinar → instances → one page → contact read, archived check, participations, upsert, completion = 8.
            // Not held: the same without the completion = 7.
            Assert.Equal(new[] { 8, 7, 8, 7 }, Small.Shapes.Select(RateFloor.InstanceChain));

            // The token, the users page beside the Dashboard probe, a host's report, then the longest instance.
            Assert.Equal(1 + 2 + 8, Small.SyncChain());
            Assert.Equal(1 + 8 + 7 + 8 + 7, Small.LoopChain());

            // The loop's minimum is the run's without discovery: 2 host listings, the probe, 6 reports, 1 page of events.
            Assert.Equal(2 + 1 + 6 + 1, Small.Sync().Sum(r => r.Minimum) - Small.Loop().Sum(r => r.Minimum));
        }
    }
}
