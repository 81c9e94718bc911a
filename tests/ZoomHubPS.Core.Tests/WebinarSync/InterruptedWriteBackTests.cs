using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Core.WebinarSync;

namespace ZoomHubPS.Core.Tests.WebinarSync
{
    /// <summary>
    /// A registration whose HubSpot write-back stopped after the ledger entry (registered, participation not confirmed),
    /// followed by the sync rather than by the same registration again: the sync sends the register participation at
    /// the entry's time and completes the entry, and the registration run afterwards writes nothing more.
    /// </summary>
    public class InterruptedWriteBackTests
    {
        private const long DeepDive = 83456789012;
        private const string Email = "row0@example.net";
        private static readonly SyncPropertyNames Names = new SyncPropertyNames();

        private static Task RegisterAsync(CoreTestHost host)
            => new WebinarRegistrationEngine(host.Connection).RegisterAsync(DeepDive, new[]
            {
                new RegistrationInput(new Dictionary<string, object> { ["Email"] = Email, ["FirstName"] = "Row", ["LastName"] = "Person", ["Company"] = "Fabrikam" }, Email),
            }, new RegistrationOptions
            {
                WriteBackToHubSpot = true,
                QuestionMap = new Dictionary<string, string> { ["org"] = "Company", ["How did you hear about us?"] = "=Email" },
            }, onResult: null);

        private static List<ZoomHubPS.Sandbox.HubSpot.HubSpotParticipation> Registers(CoreTestHost host)
            => host.Sandbox.HubSpot.MarketingEvents.Where(e => e.ExternalEventId.StartsWith("zoomhub-" + DeepDive + "-"))
                .SelectMany(e => e.Participations).Where(p => p.State == "register" && p.Email == Email).ToList();

        [Fact]
        public async Task TheSyncSendsTheParticipationAnInterruptedWriteBackLeftAndTheRegistrationThenWritesNothing()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo", configureConnection: o => o.Retry = RetryOptions.None);
            await new SchemaInitializer(host.Connection).InitializeAsync(Names, whatIf: false);

            // Writes: the Zoom add, the ledger entry; everything after is refused (a connection reset).
            host.Sandbox.Journal.Clear();
            host.Sandbox.Faults.ResetCounters();
            host.Sandbox.Faults.Options.FailAfterWrites(2, status: 0);
            try
            {
                await RegisterAsync(host);
            }
            catch (ZoomHubApiException)
            {
                // the refused write ends the call (no retries): the user's session stops here
            }

            host.Sandbox.Faults.Options.Clear();
            HistoryEntry left = WebinarHistory.Parse(host.Sandbox.HubSpot.ContactByEmail(Email).Get(Names.History)).Entries.Single();
            Assert.True(left.AwaitsRegisterParticipation());
            Assert.Empty(Registers(host));

            SyncResult synced = await new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = DeepDive }, new SyncOptions());
            Assert.Equal(0, synced.Failed);
            var register = Assert.Single(Registers(host));
            Assert.Equal(left.RegisteredAtUnix * 1000, register.InteractionDateTime);
            Assert.False(WebinarHistory.Parse(host.Sandbox.HubSpot.ContactByEmail(Email).Get(Names.History)).Entries.Single().AwaitsRegisterParticipation());

            host.Sandbox.Journal.Clear();
            await RegisterAsync(host);
            Assert.Single(Registers(host));
            Assert.Equal(0, host.Sandbox.Journal.Entries.Count(e => e.IsWrite && e.Api == "HubSpot"));
        }
    }
}
