using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;
using ZoomHubPS.Bench;

namespace ZoomHubPS.Core.Tests.Bench
{
    /// <summary>
    /// The benchmark harness at its smallest size (1,000) and the account-wide row at 2 hosts × 2 webinars × 50, so it never
    /// rots (the real runs are build.ps1 -Task Bench). Smoke runs keep everything in this process: the in-process sandbox
    /// handler, no limits, no latency, no child processes.
    /// </summary>
    public class BenchSmokeTests
    {
        private readonly ITestOutputHelper _output;

        public BenchSmokeTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task TheHarnessRunsEndToEndAndReportsEveryOperation()
        {
            BenchReport report = await new BenchRunner(new BenchOptions { Sizes = new List<int> { 1000 }, Account = null, Smoke = true }).RunAsync();
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
        public async Task TheAccountRowRunsTheRunItsReRunAndThePerInstanceLoop()
        {
            var options = new BenchOptions { Sizes = new List<int>(), Account = AccountShape.Parse("2x2x50"), Smoke = true };
            BenchReport report = await new BenchRunner(options).RunAsync();
            AccountResult account = report.Account;
            Assert.Empty(report.Sizes);
            Assert.Equal(new[] { AccountRunner.SyncOperation, AccountRunner.RerunOperation, AccountRunner.LoopOperation }, account.Measurements.Select(m => m.Operation));
            Assert.Equal(4, account.Instances); // 2 hosts x (1 expired, found through the report, + 1 not held yet)
            Assert.Equal(2, account.HeldInstances);

            Measurement run = account.Find(AccountRunner.SyncOperation);
            Measurement rerun = account.Find(AccountRunner.RerunOperation);
            Measurement loop = account.Find(AccountRunner.LoopOperation);
            foreach (Measurement m in account.Measurements)
            {
                _output.WriteLine($"{m.Operation}: {m.TotalRequests} requests / minimum {m.TotalMinimum} = {m.RequestsOverMinimum:0.000}");
            }

            Assert.Equal(4, run.Facts["instances synced"]);
            Assert.Equal(0, run.Facts["instances failed"]);
            Assert.Equal(run.Facts["created"], loop.Facts["created"]); // both make every new person a contact once
            Assert.True(run.Facts["created"] > 0);
            Assert.Equal(0, rerun.Writes);
            Assert.Equal(0, rerun.Facts["created"] + rerun.Facts["updated"]);

            // The target: requests <= 1.05 x the minimum; the loop (one instance at a time, webinar id order) is exact.
            Assert.InRange(run.RequestsOverMinimum, 0.9, 1.05);
            Assert.Equal(loop.TotalMinimum, loop.TotalRequests);

            // Discovery is in the run and not in the loop: one listing per host, the refused Dashboard probe, each host's report per span.
            Assert.Equal(2, run.Routes.Single(r => r.Route == "GET /v2/users/{userId}/webinars").Sent);
            Assert.Equal(1, run.Routes.Single(r => r.Route == "GET /v2/metrics/webinars").Sent);
            Assert.Equal(2 * 3, run.Routes.Single(r => r.Route == "GET /v2/report/users/{userId}/meetings").Minimum);
            Assert.DoesNotContain(loop.Routes, r => r.Route == "GET /v2/report/users/{userId}/meetings");

            string markdown = Program.Markdown(report);
            Assert.Contains("## Account-wide run (Invoke-ZoomHubSync), 2x2x50", markdown);
            Assert.Contains("| account sync | 2x2x50 |", markdown);
            Assert.Contains("### instance loop 2x2x50", markdown);
            Assert.Contains(report.Targets, t => t.Pass && !t.Informational && t.Text.StartsWith("requests <= 1.05 x minimum, account sync"));
            Assert.Contains(report.Targets, t => t.Pass && !t.Informational && t.Text.StartsWith("account re-run 2x2x50 makes only reads"));
            Assert.Contains(report.Targets, t => t.Informational && t.Text.StartsWith("wall <= 1.25 x floor, account sync"));
            Assert.DoesNotContain(report.Targets, t => t.Text.Contains("registrants; largest here")); // no sizes: no size targets
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

            Assert.Equal("10x4x250", o.Account.ToString()); // the account row is on unless turned off

            BenchOptions defaults = BenchOptions.Parse(new string[0], out error);
            Assert.Null(error);
            Assert.Equal(new[] { 1000, 10000, 50000 }, defaults.Sizes);
            Assert.True(defaults.ChildProcesses);
            Assert.False(defaults.Smoke);

            BenchOptions accountOnly = BenchOptions.Parse(new[] { "--sizes", "none", "--account", "3x8x100" }, out error);
            Assert.Null(error);
            Assert.Empty(accountOnly.Sizes);
            Assert.Equal((3, 8, 100, 2400), (accountOnly.Account.Hosts, accountOnly.Account.WebinarsPerHost, accountOnly.Account.RegistrantsPerWebinar, accountOnly.Account.Registrations));

            BenchOptions noAccount = BenchOptions.Parse(new[] { "--account", "none" }, out error);
            Assert.Null(error);
            Assert.Null(noAccount.Account);
        }

        [Theory]
        [InlineData("10x4")]
        [InlineData("10x0x250")]
        [InlineData("tenxfourx250")]
        public void ABadAccountShapeIsRefusedWithTheExpectedForm(string shape)
        {
            Assert.Null(BenchOptions.Parse(new[] { "--account", shape }, out string error));
            Assert.Contains("--account", error);
            Assert.Contains("10x4x250", error);
        }

        [Fact]
        public void NothingToRunIsRefused()
        {
            Assert.Null(BenchOptions.Parse(new[] { "--sizes", "none", "--account", "none" }, out string error));
            Assert.Contains("nothing to run", error);
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
