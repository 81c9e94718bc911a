using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Bench;

namespace ZoomHubPS.Core.Tests.Bench
{
    /// <summary>The benchmark harness at its smallest size, so it never rots (the real runs are build.ps1 -Task Bench).</summary>
    public class BenchSmokeTests
    {
        [Fact]
        public async Task TheHarnessRunsEndToEndAndReportsEveryOperation()
        {
            BenchReport report = await new BenchRunner(new BenchOptions { Sizes = new List<int> { 200 }, Smoke = true }).RunAsync();
            Assert.Equal(new[] { "sync", "sync re-run", "registration" }, report.Measurements.Select(m => m.Operation));
            Assert.All(report.Measurements, m => Assert.True(m.TotalRequests > 0));
            Assert.Equal(0, report.Measurements.Single(m => m.Operation == "sync re-run").Writes);
            Assert.All(report.Measurements.Where(m => m.Operation != "sync re-run"), m => Assert.InRange(m.RequestsOverMinimum, 0.5, 1.05));
            Assert.Contains("| sync | 200 |", Program.Markdown(report));
            Assert.Contains(report.Targets, t => t.StartsWith("PASS re-run"));
        }
    }
}
