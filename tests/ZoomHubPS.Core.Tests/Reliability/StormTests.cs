using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;
using ZoomHubPS.Sandbox;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Limits;

namespace ZoomHubPS.Core.Tests.Reliability
{
    /// <summary>
    /// Bad weather for a whole run: 429 bursts longer than a count-based retry budget, HubSpot's ten-second window, 5xx
    /// and resets at random (seeded), Zoom tokens expiring mid-run, one request that never answers. Each run must finish
    /// by itself — no re-run — within its time budget, in the state an uninterrupted run ends in.
    /// </summary>
    public class StormTests
    {
        private const string HubSpotUpsert = "POST /crm/v3/objects/contacts/batch/upsert";

        private readonly ITestOutputHelper _output;

        public StormTests(ITestOutputHelper output) => _output = output;

        private sealed class Storm
        {
            public Storm(string name, Action<SandboxOptions> sandbox = null, Action<FaultOptions, Workload, ZoomHubSandbox> faults = null)
            {
                Name = name;
                Sandbox = sandbox ?? (_ => { });
                Faults = faults ?? ((_, __, ___) => { });
            }

            public string Name { get; }

            public Action<SandboxOptions> Sandbox { get; }

            /// <summary>Arms the storm on a ready twin (its faults, its limits).</summary>
            public Action<FaultOptions, Workload, ZoomHubSandbox> Faults { get; }
        }

        private static IEnumerable<Storm> Storms()
        {
            // Eight 429s in a row on the first Zoom requests and on the contact upserts: more than the old five retries.
            yield return new Storm("429 × 8 in a row (Zoom and HubSpot)", faults: (f, w, _) => f
                .Add(FaultRule.For("Zoom").TooManyRequests(TimeSpan.FromSeconds(1)).Times(8))
                .Add(FaultRule.For(HubSpotUpsert).TooManyRequests(TimeSpan.FromSeconds(2)).Times(8)));

            // The twin's own limits, with HubSpot's shrunk so the run keeps hitting the rolling ten-second window. Shrunk once
            // the twin is ready (it reads its limits on every request): connecting and the schema happen outside fake time.
            yield return new Storm("HubSpot 10-second window (8 requests per 10 s)", sandbox: o => o.Limits = LimitOptions.For("Business", "Professional"),
                faults: (f, w, sandbox) => sandbox.Options.Limits.HubSpotPerTenSeconds = 8);

            // About 20 % of all requests answer 500, 502, 503 or 504 before doing anything (5.6 % each).
            yield return new Storm("5xx at 20 %", faults: (f, w, _) =>
            {
                foreach (int status in new[] { 500, 502, 503, 504 }) f.Add(FaultRule.For("*").ServerError(status).WithProbability(0.0559));
            });

            yield return new Storm("connection resets at 10 %", faults: (f, w, _) => f.Add(FaultRule.For("*").ConnectionReset().WithProbability(0.1)));

            yield return new Storm("Zoom token expiry mid-run", faults: (f, w, _) => f.ExpireTokensAfter(6));

            // One request never answers (its per-attempt timeout ends it): a contact upsert, or a Zoom add for the registrations.
            yield return new Storm("one hung request", faults: (f, w, _) =>
                f.Add(FaultRule.For(w is Registration ? "POST /v2/webinars/*" : HubSpotUpsert).Timeout().Times(1)));
        }

        [Fact]
        public Task TheDemoSyncSurvivesEveryStormAndEndsInTheUninterruptedState() => WeatherAsync(new DemoSync());

        [Fact]
        public Task ABatchRegistrationSurvivesEveryStormAndRegistersEveryoneOnce() => WeatherAsync(Registration.Batches());

        [Fact]
        public Task ASingleAddRegistrationSurvivesEveryStormAndRegistersEveryoneOnce() => WeatherAsync(Registration.SingleAdds());

        private async Task WeatherAsync(Workload workload)
        {
            string expected;
            using (CoreTestHost reference = await workload.CreateHostAsync())
            {
                RunOutcome clean = await workload.RunAsync(reference);
                Assert.True(clean.Clean, "the uninterrupted run failed: " + clean);
                expected = workload.Dump(reference);
            }

            var sweep = new Sweep("storms", workload.Name);
            await Sweep.ForEachAsync(Storms(), 2, async storm =>
            {
                using CoreTestHost host = await workload.CreateHostAsync(sandbox: storm.Sandbox);
                storm.Faults(host.Sandbox.Faults.Options, workload, host.Sandbox);
                DateTimeOffset started = host.Clock.GetUtcNow();
                RunOutcome run = await FakeTime.RunAsync(host.Clock, host.Sandbox.Journal, () => workload.RunAsync(host));
                TimeSpan took = host.Clock.GetUtcNow() - started;
                string actual = workload.Dump(host);
                int faults = host.Sandbox.Journal.Entries.Count(e => e.Fault != null || e.Status == 429);
                _output.WriteLine($"    {storm.Name}: {faults} faults, {host.Sandbox.Journal.Total} requests, {took.TotalSeconds:0} s of sandbox time");
                sweep.Record(storm.Name, run.Clean && actual == expected, run.Clean ? StateDump.FirstDifference(expected, actual) : "the run failed: " + run);
            });
            sweep.Report(_output, "survived");
        }
    }
}
