using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;
using ZoomHubPS.Sandbox.Faults;

namespace ZoomHubPS.Core.Tests.Reliability
{
    /// <summary>
    /// Write i lands and its reply is lost (a reset, a gateway's 502, or no answer until the client's timeout), for every
    /// write of the run; then the user runs the same command again. The final state must equal an uninterrupted run's,
    /// and no person is registered twice or spends a second of Zoom's few registrations a day.
    /// </summary>
    public class LostReplyTests
    {
        private static readonly LostReplyKind[] Kinds = { LostReplyKind.Reset, LostReplyKind.BadGateway, LostReplyKind.Timeout };

        private readonly ITestOutputHelper _output;

        public LostReplyTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public Task TheDemoSyncWithAnyReplyLostEndsInTheUninterruptedState() => SweepAsync(new DemoSync(), null);

        [Fact]
        public Task ABatchRegistrationWithAnyReplyLostRegistersEveryoneOnce()
        {
            Registration r = Registration.Batches();
            return SweepAsync(r, r);
        }

        [Fact]
        public Task ASingleAddRegistrationWithAnyReplyLostRegistersEveryoneOnce()
        {
            Registration r = Registration.SingleAdds();
            return SweepAsync(r, r);
        }

        private async Task SweepAsync(Workload workload, Registration registration)
        {
            string expected;
            int writes;
            Dictionary<string, int> spent;
            using (CoreTestHost reference = await workload.CreateHostAsync())
            {
                RunOutcome clean = await workload.RunAsync(reference);
                Assert.True(clean.Clean, "the uninterrupted run failed: " + clean);
                expected = workload.Dump(reference);
                writes = reference.Sandbox.Journal.CountWrites();
                spent = Spent(reference, registration);
            }

            var sweep = new Sweep("lost replies", workload.Name);
            var steps = Enumerable.Range(1, writes).SelectMany(i => Kinds.Select(k => (Write: i, Kind: k)));
            await Sweep.ForEachAsync(steps, 2, async step =>
            {
                using CoreTestHost host = await workload.CreateHostAsync();
                host.Sandbox.Faults.Options.LoseReplyOfWrite(step.Write, step.Kind);
                await FakeTime.RunAsync(host.Clock, host.Sandbox.Journal, () => workload.RunAsync(host));
                bool lost = host.Sandbox.Journal.Entries.Any(e => e.ReplyLost);
                host.Sandbox.Faults.Options.Clear();
                RunOutcome again = await FakeTime.RunAsync(host.Clock, host.Sandbox.Journal, () => workload.RunAsync(host));
                string actual = workload.Dump(host);
                var twice = Spent(host, registration).Where(p => p.Value > 1 && spent.TryGetValue(p.Key, out int before) && before == 1).Select(p => p.Key).ToList();
                string why = !lost ? "no reply was lost (the fault did not fire)"
                    : !again.Clean ? "the re-run failed: " + again
                    : twice.Count > 0 ? "a second Zoom registration was spent for " + string.Join(", ", twice)
                    : StateDump.FirstDifference(expected, actual);
                sweep.Record($"reply of write {step.Write} of {writes} lost ({step.Kind})", lost && again.Clean && twice.Count == 0 && actual == expected, why);
            });
            sweep.Report(_output, "identical");
        }

        // Zoom registration requests counted today per row (what the person's daily limit of three counts).
        private static Dictionary<string, int> Spent(CoreTestHost host, Registration registration)
            => registration == null
                ? new Dictionary<string, int>()
                : registration.Emails.ToDictionary(e => e, e => host.Sandbox.Zoom.RegistrationRequestsToday(e), StringComparer.OrdinalIgnoreCase);
    }
}
