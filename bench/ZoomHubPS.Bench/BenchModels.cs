using System;
using System.Collections.Generic;
using System.Linq;

namespace ZoomHubPS.Bench
{
    /// <summary>Requests to one route: what the run sent (from the sandbox journal) against the fewest the work needs.</summary>
    public sealed class RouteCount
    {
        /// <summary>"METHOD /template", as the sandbox journal names it.</summary>
        public string Route { get; set; }

        /// <summary>"Api/Bucket", e.g. "Zoom/Heavy", "HubSpot/Standard".</summary>
        public string Bucket { get; set; }

        /// <summary>Requests sent (every answer counts, 429s and retries too).</summary>
        public int Sent { get; set; }

        /// <summary>The fewest requests the work needs on this route (0 = the work needs none).</summary>
        public int Minimum { get; set; }

        /// <summary>How the minimum is derived.</summary>
        public string Why { get; set; }

        /// <summary>When the route's first request arrived, seconds after the operation's first request (null: none sent).</summary>
        public double? FirstSeconds { get; set; }

        /// <summary>When its last request arrived, seconds after the operation's first request.</summary>
        public double? LastSeconds { get; set; }
    }

    /// <summary>The rate-limit floor of one operation and how it was reached (see <see cref="RateFloor"/>).</summary>
    public sealed class FloorFigures
    {
        /// <summary>The floor: the larger of the busiest bucket and the dependency chain.</summary>
        public double Seconds { get; set; }

        /// <summary>Per bucket: least time its minimal requests take at its limit, plus the edge latencies.</summary>
        public Dictionary<string, double> BucketSeconds { get; set; } = new Dictionary<string, double>();

        /// <summary>Requests that must wait for the previous one's answer (page tokens, read-before-write), in a row.</summary>
        public int ChainLength { get; set; }

        /// <summary><see cref="ChainLength"/> × the mean latency.</summary>
        public double ChainSeconds { get; set; }

        /// <summary>What bounds the floor: a bucket name or "chain".</summary>
        public string BoundBy { get; set; }
    }

    /// <summary>One measured operation at one size.</summary>
    public sealed class Measurement
    {
        /// <summary>"sync", "sync re-run", "registration"; for the account row "account sync", "account re-run", "instance loop".</summary>
        public string Operation { get; set; }

        /// <summary>Registrants in the scenario (and people registered); for the account row, all registrations of the account.</summary>
        public int Size { get; set; }

        /// <summary>Elapsed time of the operation.</summary>
        public double WallSeconds { get; set; }

        /// <summary>Per route, sent against minimum.</summary>
        public List<RouteCount> Routes { get; set; } = new List<RouteCount>();

        /// <summary>Requests sent per bucket.</summary>
        public Dictionary<string, int> Requests { get; set; } = new Dictionary<string, int>();

        /// <summary>Minimum requests per bucket.</summary>
        public Dictionary<string, int> MinimumRequests { get; set; } = new Dictionary<string, int>();

        /// <summary>All requests sent (the Zoom OAuth token requests excluded: they have no rate bucket).</summary>
        public int TotalRequests { get; set; }

        /// <summary>All minimum requests.</summary>
        public int TotalMinimum { get; set; }

        /// <summary>Answers that were 429 (each one also counts in <see cref="TotalRequests"/>).</summary>
        public int TooManyRequests { get; set; }

        /// <summary>State-changing requests that succeeded.</summary>
        public int Writes { get; set; }

        /// <summary>The rate-limit floor.</summary>
        public FloorFigures Floor { get; set; } = new FloorFigures();

        /// <summary>Wall time ÷ floor.</summary>
        public double WallOverFloor => Floor != null && Floor.Seconds > 0 ? WallSeconds / Floor.Seconds : 0;

        /// <summary>Requests ÷ minimum.</summary>
        public double RequestsOverMinimum => TotalMinimum > 0 ? (double)TotalRequests / TotalMinimum : 0;

        /// <summary>Projected time of the per-record baseline for the same work (null = not run).</summary>
        public double? BaselineSeconds { get; set; }

        /// <summary>How the baseline figure was obtained (sample size, measured time, projection).</summary>
        public string BaselineNote { get; set; }

        /// <summary>Baseline ÷ wall.</summary>
        public double? SpeedupOverBaseline => BaselineSeconds.HasValue && WallSeconds > 0 ? BaselineSeconds / WallSeconds : null;

        /// <summary>Process working set, the largest sample taken while the operation ran.</summary>
        public long PeakWorkingSetBytes { get; set; }

        /// <summary>Managed heap (GC.GetTotalMemory), the largest sample taken while the operation ran.</summary>
        public long PeakManagedBytes { get; set; }

        /// <summary>Engine-side facts worth seeing next to the counts (people created, participations, …).</summary>
        public Dictionary<string, int> Facts { get; set; } = new Dictionary<string, int>();
    }

    /// <summary>
    /// Memory of the client process of one size (the sandbox runs in a process of its own and is not in these figures),
    /// after connecting and before any operation ran.
    /// </summary>
    public sealed class ClientMemory
    {
        /// <summary>Registrants.</summary>
        public int Size { get; set; }

        /// <summary>Working set after connecting (full GC first): runtime, assemblies, connection.</summary>
        public long WorkingSetBytes { get; set; }

        /// <summary>Managed heap after connecting (full GC first).</summary>
        public long ManagedBytes { get; set; }

        /// <summary>Process peak working set at the end of the size (Process.PeakWorkingSet64, includes the baseline run).</summary>
        public long ProcessPeakWorkingSetBytes { get; set; }

        /// <summary>GC heap size at the end of the size (GC.GetGCMemoryInfo().HeapSizeBytes).</summary>
        public long GcHeapSizeBytes { get; set; }

        /// <summary>Whether the sandbox ran in a process of its own (false only in smoke runs).</summary>
        public bool SandboxOutOfProcess { get; set; }
    }

    /// <summary>What one size produced (one child process).</summary>
    public sealed class SizeResult
    {
        /// <summary>Registrants.</summary>
        public int Size { get; set; }

        /// <summary>The scenario in words.</summary>
        public string Scenario { get; set; }

        /// <summary>Operations measured.</summary>
        public List<Measurement> Measurements { get; set; } = new List<Measurement>();

        /// <summary>The client process's memory before the operations.</summary>
        public ClientMemory Memory { get; set; } = new ClientMemory();
    }

    /// <summary>One target's verdict.</summary>
    public sealed class TargetResult
    {
        /// <summary>Whether the target was met.</summary>
        public bool Pass { get; set; }

        /// <summary>The target and the figures, in words.</summary>
        public string Text { get; set; }

        /// <summary>Not a verdict: a figure printed next to the targets, or a target that could not be evaluated in this run.</summary>
        public bool Informational { get; set; }

        /// <summary>"PASS …", "FAIL …" or "INFO …".</summary>
        public override string ToString() => (Informational ? "INFO " : Pass ? "PASS " : "FAIL ") + Text;
    }

    /// <summary>Requests the sandbox answered, aggregated by route, bucket, status and write flag (the journal, as the sandbox process reports it).</summary>
    public sealed class JournalCount
    {
        /// <summary>"METHOD /template".</summary>
        public string Route { get; set; }

        /// <summary>"Zoom", "ZoomOAuth", "HubSpot" or "Unknown".</summary>
        public string Api { get; set; }

        /// <summary>Rate-limit bucket of the route ("None" for the token endpoint).</summary>
        public string Bucket { get; set; }

        /// <summary>Status answered (0 when a fault dropped the request).</summary>
        public int Status { get; set; }

        /// <summary>Whether the route changes state.</summary>
        public bool IsWrite { get; set; }

        /// <summary>Requests with these values.</summary>
        public int Count { get; set; }

        /// <summary>When the first of them arrived (the sandbox's clock).</summary>
        public DateTimeOffset FirstAt { get; set; }

        /// <summary>When the last of them arrived.</summary>
        public DateTimeOffset LastAt { get; set; }
    }

    /// <summary>Where a sandbox process listens, with its (fake) credentials. Passed from process to process, never logged.</summary>
    public sealed class SandboxEndpoint
    {
        /// <summary>Zoom OAuth base.</summary>
        public string ZoomOAuthUri { get; set; }

        /// <summary>Zoom API base (…/v2/).</summary>
        public string ZoomApiUri { get; set; }

        /// <summary>HubSpot API base.</summary>
        public string HubSpotUri { get; set; }

        /// <summary>Sandbox credentials.</summary>
        public string ZoomAccountId { get; set; }

        /// <summary>Sandbox credentials.</summary>
        public string ZoomClientId { get; set; }

        /// <summary>Sandbox credentials.</summary>
        public string ZoomClientSecret { get; set; }

        /// <summary>Sandbox credentials.</summary>
        public string HubSpotToken { get; set; }
    }

    /// <summary>
    /// What the client needs to know about a size's scenario to judge the run, computed where the scenario lives (the
    /// sandbox process), so the client process never holds the scenario.
    /// </summary>
    public sealed class SizePlan
    {
        /// <summary>Registrants.</summary>
        public int Size { get; set; }

        /// <summary>The scenario in words.</summary>
        public string Description { get; set; }

        /// <summary>The webinar with the past instance that is synced.</summary>
        public long PastWebinarId { get; set; }

        /// <summary>Its topic (the baseline's marketing event name).</summary>
        public string PastTopic { get; set; }

        /// <summary>Its start.</summary>
        public DateTimeOffset? PastStart { get; set; }

        /// <summary>Its duration in minutes.</summary>
        public int PastDurationMinutes { get; set; }

        /// <summary>The upcoming type-5 webinar people are registered into.</summary>
        public long UpcomingWebinarId { get; set; }

        /// <summary>Minimum requests of the sync, per route.</summary>
        public List<RouteCount> SyncMinimum { get; set; } = new List<RouteCount>();

        /// <summary>Minimum requests of the re-run, per route.</summary>
        public List<RouteCount> RerunMinimum { get; set; } = new List<RouteCount>();

        /// <summary>Minimum requests of the registration, per route.</summary>
        public List<RouteCount> RegistrationMinimum { get; set; } = new List<RouteCount>();

        /// <summary>The sync's dependency chain (requests in a row).</summary>
        public int SyncChain { get; set; }

        /// <summary>The re-run's dependency chain.</summary>
        public int RerunChain { get; set; }

        /// <summary>The registration's dependency chain.</summary>
        public int RegistrationChain { get; set; }

        /// <summary>Computes the plan from the scenario of <paramref name="size"/> registrants.</summary>
        public static SizePlan From(ZoomHubPS.Sandbox.Scenarios.Scenario scenario, int size)
        {
            RequestMinimum.SyncShape shape = RequestMinimum.ShapeOf(scenario);
            ZoomHubPS.Sandbox.Scenarios.ZoomWebinarSeed past = RequestMinimum.PastWebinar(scenario);
            ZoomHubPS.Sandbox.Scenarios.ZoomWebinarSeed upcoming = scenario.Zoom.Webinars.First(w => w.Instances == null || w.Instances.Count == 0);
            return new SizePlan
            {
                Size = size,
                Description = scenario.Description,
                PastWebinarId = past.Id,
                PastTopic = past.Topic,
                PastStart = past.StartTime,
                PastDurationMinutes = past.Duration,
                UpcomingWebinarId = upcoming.Id,
                SyncMinimum = RequestMinimum.Sync(shape),
                RerunMinimum = RequestMinimum.Rerun(shape),
                RegistrationMinimum = RequestMinimum.Registration(size),
                SyncChain = RateFloor.SyncChain(shape),
                RerunChain = RateFloor.RerunChain(shape),
                RegistrationChain = RateFloor.RegistrationChain,
            };
        }
    }

    /// <summary>Everything one benchmark run measured.</summary>
    public sealed class BenchReport
    {
        /// <summary>Cores, OS, runtime.</summary>
        public string Machine { get; set; }

        /// <summary>Limits, latency, mode.</summary>
        public string Settings { get; set; }

        /// <summary>Whether this was a smoke run (no limits, no latency: the times mean nothing).</summary>
        public bool Smoke { get; set; }

        /// <summary>The machine's load average (1, 5, 15 min) when the run started and when it ended, where the OS tells it.</summary>
        public string LoadAverage { get; set; }

        /// <summary>Per size.</summary>
        public List<SizeResult> Sizes { get; set; } = new List<SizeResult>();

        /// <summary>The account-wide row (null when not run).</summary>
        public AccountResult Account { get; set; }

        /// <summary>Verdicts.</summary>
        public List<TargetResult> Targets { get; set; } = new List<TargetResult>();

        /// <summary>Total time the benchmark took.</summary>
        public double TotalSeconds { get; set; }

        /// <summary>All measurements, smallest size first.</summary>
        public IEnumerable<Measurement> AllMeasurements() => Sizes.OrderBy(s => s.Size).SelectMany(s => s.Measurements);
    }
}
