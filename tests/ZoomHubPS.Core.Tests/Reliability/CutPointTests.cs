using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ZoomHubPS.Core.Tests.Reliability
{
    /// <summary>
    /// The service breaks after n writes, for every n the run makes (every later write is refused with a connection
    /// reset), and the user simply runs the same command again: the final state must equal an uninterrupted run's.
    /// </summary>
    public class CutPointTests
    {
        private readonly ITestOutputHelper _output;

        public CutPointTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public Task TheDemoSyncCutAfterAnyWriteAndRunAgainEndsInTheUninterruptedState() => SweepAsync(new DemoSync());

        [Fact]
        public Task ABatchRegistrationCutAfterAnyWriteAndRunAgainEndsInTheUninterruptedState() => SweepAsync(Registration.Batches());

        [Fact]
        public Task ASingleAddRegistrationCutAfterAnyWriteAndRunAgainEndsInTheUninterruptedState() => SweepAsync(Registration.SingleAdds());

        private async Task SweepAsync(Workload workload)
        {
            string expected;
            int writes;
            using (CoreTestHost reference = await workload.CreateHostAsync())
            {
                RunOutcome clean = await workload.RunAsync(reference);
                Assert.True(clean.Clean, "the uninterrupted run failed: " + clean);
                expected = workload.Dump(reference);
                writes = reference.Sandbox.Journal.CountWrites();
            }

            Assert.True(writes > 0);
            var sweep = new Sweep("cut points", workload.Name);
            await Sweep.ForEachAsync(Enumerable.Range(0, writes), 2, async n =>
            {
                // No retries: a refused write fails its call at once, as it would once the retry budget is spent.
                using CoreTestHost host = await workload.CreateHostAsync(o => o.Retry = RetryOptions.None);
                host.Sandbox.Faults.Options.FailAfterWrites(n, status: 0);
                RunOutcome cut = await workload.RunAsync(host);
                host.Sandbox.Faults.Options.Clear();
                host.Sandbox.Faults.ResetCounters();
                RunOutcome again = await workload.RunAsync(host);
                string actual = workload.Dump(host);
                sweep.Record($"cut after {n} of {writes} writes", again.Clean && actual == expected,
                    (cut.Clean ? "the cut run reported no failure; " : string.Empty) + (again.Clean ? StateDump.FirstDifference(expected, actual) : "the re-run failed: " + again));
            });
            sweep.Report(_output, "identical");
        }
    }
}
