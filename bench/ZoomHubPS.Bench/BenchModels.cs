using System.Collections.Generic;

namespace ZoomHubPS.Bench
{
    /// <summary>How one benchmark run is set up.</summary>
    public sealed class BenchOptions
    {
        public List<int> Sizes { get; set; } = new List<int> { 1000, 10000, 50000 };
        public string OutputFolder { get; set; } = "out/bench";
        /// <summary>Smoke: in-process handler, no latency, no limits (for the test suite).</summary>
        public bool Smoke { get; set; }
        public int LatencyMs { get; set; } = 80;
        public int JitterMs { get; set; } = 30;
        /// <summary>Records the per-record baseline actually runs before projecting linearly.</summary>
        public int BaselineSample { get; set; } = 150;
    }

    /// <summary>One measured operation.</summary>
    public sealed class Measurement
    {
        public string Operation { get; set; }
        public int Size { get; set; }
        public double WallSeconds { get; set; }
        public Dictionary<string, int> Requests { get; set; } = new Dictionary<string, int>();
        public Dictionary<string, int> MinimumRequests { get; set; } = new Dictionary<string, int>();
        public int TotalRequests { get; set; }
        public int TotalMinimum { get; set; }
        public int Writes { get; set; }
        public double FloorSeconds { get; set; }
        public double WallOverFloor => FloorSeconds > 0 ? WallSeconds / FloorSeconds : 0;
        public double RequestsOverMinimum => TotalMinimum > 0 ? (double)TotalRequests / TotalMinimum : 0;
        public double? BaselineSeconds { get; set; }
        public string BaselineNote { get; set; }
        public double? SpeedupOverBaseline => BaselineSeconds.HasValue && WallSeconds > 0 ? BaselineSeconds / WallSeconds : null;
        public long PeakWorkingSetBytes { get; set; }
        public long PeakManagedBytes { get; set; }
    }

    /// <summary>Everything one run measured.</summary>
    public sealed class BenchReport
    {
        public List<Measurement> Measurements { get; set; } = new List<Measurement>();
        public List<string> Targets { get; set; } = new List<string>();
        public string Machine { get; set; }
    }
}
