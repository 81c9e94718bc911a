using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;
using ZoomHubPS.Bench;

namespace ZoomHubPS.Core.Tests.Bench
{
    /// <summary>
    /// The benchmark harness at its smallest size (1,000), so it never rots (the real runs are build.ps1 -Task Bench). Smoke runs
    /// keep everything in this process: the in-process sandbox handler, no limits, no latency, no child processes.
    /// </summary>
    public class BenchSmokeTests
    {
        private readonly ITestOutputHelper _output;

        public BenchSmokeTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task TheHarnessRunsEndToEndAndReportsEveryOperation()
        {
            BenchReport report = await new BenchRunner(new BenchOptions { Sizes = new List<int> { 1000 }, Smoke = true }).RunAsync();
            List<Measurement> all = report.AllMeasurements().ToList();
            Assert.Equal(new[] { "sync", "sync re-run", "registration" }, all.Select(m => m.Operation));
            Assert.All(all, m => Assert.True(m.TotalRequests > 0, m.Operation + " sent no requests"));
            Assert.False(report.Sizes.Single().Memory.SandboxOutOfProcess);

            Measurement sync = all.Single(m => m.Operation == "sync");
            Measurement rerun = all.Single(m => m.Operation == "sync re-run");
            Measurement registration = all.Single(m => m.Operation == "registration");
            foreach (Measurement m in all)
            {
                _output.WriteLine($"{m.Operation} {m.Size}: {m.TotalRequests} requests / minimum {m.TotalMinimum} = {m.RequestsOverMinimum:0.000}");
            }

            Assert.Equal(0, rerun.Writes);

            // The target: requests <= 1.05 x the minimum the work needs (participations are packed across batches).
            Assert.InRange(sync.RequestsOverMinimum, 0.5, 1.05);
            Assert.InRange(registration.RequestsOverMinimum, 0.5, 1.05);

            string markdown = Program.Markdown(report);
            Assert.Contains("| sync | 1000 |", markdown);
            Assert.Contains(report.Targets, t => t.Pass && !t.Informational && t.Text.StartsWith("re-run"));
            Assert.Contains("PASS re-run 1,000", markdown);
        }

        [Fact]
        public void OptionsParseTheCommandLine()
        {
            BenchOptions o = BenchOptions.Parse(new[] { "--out", "x/y", "--sizes", "10_000,1000,1000", "--latency", "50", "--jitter", "10", "--baseline-sample", "0", "--in-process" }, out string error);
            Assert.Null(error);
            Assert.Equal("x/y", o.OutputFolder);
            Assert.Equal(new[] { 1000, 10000 }, o.Sizes);
            Assert.Equal(50, o.LatencyMs);
            Assert.Equal(10, o.JitterMs);
            Assert.Equal(0, o.BaselineSample);
            Assert.False(o.ChildProcesses);

            BenchOptions defaults = BenchOptions.Parse(new string[0], out error);
            Assert.Null(error);
            Assert.Equal(new[] { 1000, 10000, 50000 }, defaults.Sizes);
            Assert.True(defaults.ChildProcesses);
            Assert.False(defaults.Smoke);
        }

        [Theory]
        [InlineData("--sizes", "1000,abc")]
        [InlineData("--latency", "fast")]
        [InlineData("--bogus", null)]
        [InlineData("--out", null)]
        public void BadArgumentsGiveAnErrorNamingTheArgument(string name, string value)
        {
            string[] args = value == null ? new[] { name } : new[] { name, value };
            BenchOptions o = BenchOptions.Parse(args, out string error);
            Assert.Null(o);
            Assert.Contains(name, error);
        }

        [Fact]
        public void JitterAboveLatencyIsRefused()
        {
            Assert.Null(BenchOptions.Parse(new[] { "--latency", "10", "--jitter", "20" }, out string error));
            Assert.Contains("--jitter", error);
        }

        [Fact]
        public void TheFloorIsTheBusiestBucketOrTheChain()
        {
            // HubSpot/Standard: 400 requests at 190 per 10 s → ceil(400/190) − 1 = 2 windows = 20 s, + 2 × 0.08 s.
            // Zoom/Heavy: 25 at 10 per s → 2 s + 0.16 s. Chain 10 × 0.08 = 0.8 s.
            FloorFigures f = RateFloor.Compute(new Dictionary<string, int> { ["HubSpot/Standard"] = 400, ["Zoom/Heavy"] = 25, ["Zoom/Light"] = 0 }, 10, 0.08);
            Assert.Equal(20.16, f.Seconds, 6);
            Assert.Equal("HubSpot/Standard", f.BoundBy);
            Assert.Equal(2.16, f.BucketSeconds["Zoom/Heavy"], 6);
            Assert.False(f.BucketSeconds.ContainsKey("Zoom/Light"));
            Assert.Equal(0.8, f.ChainSeconds, 6);

            // 190 requests fit in the first window: only the two latencies; a long chain then bounds the floor.
            FloorFigures chain = RateFloor.Compute(new Dictionary<string, int> { ["HubSpot/Standard"] = 190 }, 40, 0.08);
            Assert.Equal(0.16, chain.BucketSeconds["HubSpot/Standard"], 6);
            Assert.Equal("chain", chain.BoundBy);
            Assert.Equal(3.2, chain.Seconds, 6);
        }
    }
}
