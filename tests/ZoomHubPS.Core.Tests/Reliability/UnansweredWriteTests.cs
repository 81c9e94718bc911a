using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Sandbox.Faults;

namespace ZoomHubPS.Core.Tests.Reliability
{
    /// <summary>Writes that got no answer: what the client does next, one case at a time (the storms do it at scale).</summary>
    public class UnansweredWriteTests
    {
        [Fact]
        public async Task AWriteWhoseFirstAttemptHungUntilItsTimeoutIsStillRetried()
        {
            // The write timeout (60 s) is as long as the retry budget (60 s): counted from the first attempt, a hung upsert
            // used the whole budget and was never retried. The budget counts from the first failure.
            using CoreTestHost host = await new DemoSync().CreateHostAsync();
            host.Sandbox.Faults.Options.Add(FaultRule.For("POST /crm/v3/objects/contacts/batch/upsert").Timeout().Times(1));
            var inputs = new[] { new ZoomHubPS.Core.HubSpot.HubSpotObjectInput { Id = "hung.once@example.org", IdProperty = "email", Properties = { ["email"] = "hung.once@example.org" } } };

            var written = await FakeTime.RunAsync(host.Clock, host.Sandbox.Journal, () => host.Connection.HubSpot.Contacts.BatchUpsertAsync(inputs));

            Assert.Single(written.Results);
            Assert.Equal(2, host.Sandbox.Journal.Count("POST", "/crm/v3/objects/contacts/batch/upsert"));
            Assert.NotNull(host.Sandbox.HubSpot.ContactByEmail("hung.once@example.org"));
        }

        [Fact]
        public async Task ABatchAddResetBeforeItLandedIsSentAgainOnceTheListingShowsNobodyAndSpendsOneRegistration()
        {
            Registration workload = Registration.Batches(12);
            using CoreTestHost host = await workload.CreateHostAsync();
            host.Sandbox.Faults.Options.Add(FaultRule.For("POST /v2/webinars/{webinarId}/batch_registrants").ConnectionReset().Times(1));

            RunOutcome run = await FakeTime.RunAsync(host.Clock, host.Sandbox.Journal, () => workload.RunAsync(host));

            Assert.True(run.Clean, run.ToString());
            Assert.All(run.Registrations, r => Assert.Equal(RegistrationStatus.Registered, r.Status));
            Assert.Equal(2, host.Sandbox.Journal.Count("POST", "/v2/webinars/{webinarId}/batch_registrants"));
            Assert.All(workload.Emails, e => Assert.Equal(1, host.Sandbox.Zoom.RegistrationRequestsToday(e)));
        }

        [Fact]
        public async Task AnAddThatNeverLandsIsSentAtMostThreeTimesThenReportedUnconfirmed()
        {
            Registration workload = Registration.SingleAdds(3);
            using CoreTestHost host = await workload.CreateHostAsync();
            host.Sandbox.Faults.Options.Add(FaultRule.For("POST /v2/webinars/{webinarId}/registrants").ConnectionReset());

            RunOutcome run = await FakeTime.RunAsync(host.Clock, host.Sandbox.Journal, () => workload.RunAsync(host));

            RegistrationResult fresh = run.Registrations.Single(r => r.Email == "row0@example.net");
            Assert.Equal((RegistrationStatus.Failed, RegistrationReasons.Unconfirmed), (fresh.Status, fresh.Reason));
            Assert.Contains("3 times", fresh.Message);
            int adds = host.Sandbox.Journal.Entries.Count(e => e.Route == "/v2/webinars/{webinarId}/registrants" && e.Method == "POST");
            Assert.Equal(RegistrantAdder.MaxSends * run.Registrations.Count(r => r.Reason == RegistrationReasons.Unconfirmed), adds);
            Assert.Equal(0, host.Sandbox.Zoom.RegistrationRequestsToday("row0@example.net"));
        }
    }
}
