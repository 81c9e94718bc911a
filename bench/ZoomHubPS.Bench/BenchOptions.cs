using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ZoomHubPS.Bench
{
    /// <summary>How one benchmark run is set up (command line: see <see cref="Usage"/>).</summary>
    public sealed class BenchOptions
    {
        /// <summary>Registrant counts to run, smallest first.</summary>
        public List<int> Sizes { get; set; } = new List<int> { 1000, 10000, 50000 };

        /// <summary>
        /// The account-wide row's shape (default 10 hosts × 4 webinars × 250 registrants); null skips the row. Run after
        /// the sizes, in a client process of its own.
        /// </summary>
        public AccountShape Account { get; set; } = new AccountShape();

        /// <summary>Where bench.md and bench.json are written.</summary>
        public string OutputFolder { get; set; } = "out/bench";

        /// <summary>
        /// Smoke: the in-process handler instead of loopback HTTP, no latency, no limits (client limiter off), no
        /// baseline. For the test suite: the whole pipeline in a few seconds, the figures meaningless.
        /// </summary>
        public bool Smoke { get; set; }

        /// <summary>Mean latency the sandbox adds to every request.</summary>
        public int LatencyMs { get; set; } = 80;

        /// <summary>Latency jitter: each request waits the mean ± up to this much.</summary>
        public int JitterMs { get; set; } = 30;

        /// <summary>People the per-record baseline actually processes before projecting linearly (0 = skip it).</summary>
        public int BaselineSample { get; set; } = 100;

        /// <summary>
        /// Run every size in a child process of its own (default) so the memory figures of one size are not the
        /// leftovers of the previous one. False runs everything in this process (tests, debugging).
        /// </summary>
        public bool ChildProcesses { get; set; } = true;

        /// <summary>Internal: this process is a child that runs one size and writes its measurements here.</summary>
        public string ChildOutput { get; set; }

        /// <summary>Internal: this process serves the sandbox of one size for a client process (<see cref="SandboxServer"/>).</summary>
        public bool ServeSandbox { get; set; }

        /// <summary>The command line it understands.</summary>
        public const string Usage = "--out <folder>  --sizes 1000,10000,50000 (none = only the account row)  --account 10x4x250 (none = no account row)  --latency <ms>  --jitter <ms>  --baseline-sample <n> (0 = no baseline)  --in-process (every size in this process; the sandbox still in its own)  --smoke";

        /// <summary>Reads the command line; returns null and sets <paramref name="error"/> when it is wrong.</summary>
        public static BenchOptions Parse(IReadOnlyList<string> args, out string error)
        {
            var o = new BenchOptions();
            error = null;
            try
            {
                for (int i = 0; i < args.Count; i++)
                {
                    string Next() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
                    switch (args[i])
                    {
                        case "--out": o.OutputFolder = Next(); break;
                        case "--sizes": o.Sizes = IsNone(Next()) ? new List<int>() : args[i].Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(x => Int("--sizes", x)).ToList(); break;
                        case "--account": o.Account = IsNone(Next()) ? null : AccountShape.Parse(args[i]); break;
                        case "--latency": o.LatencyMs = Int("--latency", Next()); break;
                        case "--jitter": o.JitterMs = Int("--jitter", Next()); break;
                        case "--baseline-sample": o.BaselineSample = Int("--baseline-sample", Next()); break;
                        case "--in-process": o.ChildProcesses = false; break;
                        case "--smoke": o.Smoke = true; o.ChildProcesses = false; break;
                        case "--child-output": o.ChildOutput = Next(); o.ChildProcesses = false; break;
                        case "--serve-sandbox": o.ServeSandbox = true; o.ChildProcesses = false; break;
                        default: throw new FormatException($"Unknown argument '{args[i]}'.");
                    }
                }

                if (o.Sizes.Any(s => s < 1)) throw new FormatException("--sizes needs positive registrant counts.");
                if (o.Sizes.Count == 0 && o.Account == null) throw new FormatException("--sizes none and --account none leave nothing to run.");
                if (o.LatencyMs < 0 || o.JitterMs < 0 || o.JitterMs > o.LatencyMs) throw new FormatException("--latency and --jitter must be >= 0 and jitter <= latency.");
                if (o.BaselineSample < 0) throw new FormatException("--baseline-sample must be >= 0.");
                o.Sizes = o.Sizes.Distinct().OrderBy(s => s).ToList();
                if ((o.ServeSandbox || o.ChildOutput != null) && o.Sizes.Count > 1) throw new FormatException("--serve-sandbox and --child-output take one size in --sizes, or --sizes none and an --account shape.");
                if (o.ServeSandbox && o.Smoke) throw new FormatException("--serve-sandbox cannot be combined with --smoke (smoke runs keep the sandbox in process).");
                return o;
            }
            catch (FormatException ex)
            {
                error = ex.Message + " Use: " + Usage;
                return null;
            }
        }

        /// <summary>
        /// In a child or sandbox process: whether it is the account row's (<c>--sizes none</c> and an <c>--account</c>
        /// shape) rather than one size's.
        /// </summary>
        internal bool IsAccountProcess => Sizes.Count == 0 && Account != null;

        /// <summary>This run's settings as a command line (what a child process gets, plus its size; null: the account row).</summary>
        internal List<string> ToArguments(int? size)
        {
            List<string> a = SandboxSettings(size);
            a.Add("--baseline-sample");
            a.Add(BaselineSample.ToString(CultureInfo.InvariantCulture));
            if (Smoke) a.Add("--smoke");
            return a;
        }

        /// <summary>The command line of the sandbox process of one size (null: of the account row).</summary>
        internal List<string> ToServerArguments(int? size)
        {
            List<string> a = SandboxSettings(size);
            a.Insert(0, "--serve-sandbox");
            return a;
        }

        // What both kinds of process need: the size (or the account shape) and the latency the sandbox adds.
        private List<string> SandboxSettings(int? size) => new List<string>
        {
            "--sizes", size.HasValue ? size.Value.ToString(CultureInfo.InvariantCulture) : "none",
            "--account", size.HasValue || Account == null ? "none" : Account.ToString(),
            "--latency", LatencyMs.ToString(CultureInfo.InvariantCulture), "--jitter", JitterMs.ToString(CultureInfo.InvariantCulture),
        };

        private static bool IsNone(string s) => string.Equals(s?.Trim(), "none", StringComparison.OrdinalIgnoreCase);

        private static int Int(string name, string s)
            => int.TryParse(s.Trim().Replace("_", string.Empty), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : throw new FormatException($"{name} needs a whole number, not '{s}'.");
    }
}
