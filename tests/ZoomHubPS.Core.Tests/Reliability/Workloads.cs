using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Core.Zoom;
using ZoomHubPS.Sandbox;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests.Reliability
{
    /// <summary>What one run of a workload reported: its per-item failures (what the cmdlet writes as errors) and, for a whole-call failure, the exception.</summary>
    internal sealed class RunOutcome
    {
        public List<Exception> Errors { get; } = new List<Exception>();

        public List<SyncResult> SyncResults { get; } = new List<SyncResult>();

        public List<RegistrationResult> Registrations { get; } = new List<RegistrationResult>();

        public bool Clean => Errors.Count == 0 && Registrations.All(r => r.Status != RegistrationStatus.Failed);

        public override string ToString()
            => Errors.Count == 0 ? string.Join(", ", Registrations.Where(r => r.Status == RegistrationStatus.Failed).Select(r => r.Email + ": " + r.Reason + " " + r.Message)) : Errors[0].Message;
    }

    /// <summary>
    /// A job the suite breaks in every way it can: a fresh twin prepared for it, one run the way the cmdlets make it (per-item
    /// failures collected, the run goes on), and the final state to compare.
    /// </summary>
    internal abstract class Workload
    {
        public abstract string Name { get; }

        /// <summary>Whether the final state holds times the client's clock stamps (see <see cref="StateDump.Of"/>).</summary>
        protected virtual bool StampsClientTime => false;

        /// <summary>A twin ready for the run: schema created, journal cleared, the twin's write counters at zero.</summary>
        public async Task<CoreTestHost> CreateHostAsync(Action<ZoomHubConnectionOptions> connection = null, Action<SandboxOptions> sandbox = null)
        {
            CoreTestHost host = await CoreTestHost.CreateAsync(Scenario(), sandbox, connection).ConfigureAwait(false);
            // On fake time too: a limit or a fault the test set up may make the schema wait.
            await FakeTime.RunAsync(host.Clock, host.Sandbox.Journal, () => new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), whatIf: false)).ConfigureAwait(false);
            host.Sandbox.Journal.Clear();
            host.Sandbox.Faults.ResetCounters();
            return host;
        }

        public abstract Task<RunOutcome> RunAsync(CoreTestHost host, CancellationToken cancellationToken = default);

        public string Dump(CoreTestHost host) => StateDump.Of(host.Sandbox, StampsClientTime);

        protected abstract Scenario Scenario();

        public override string ToString() => Name;
    }

    /// <summary>
    /// The main job as <c>tools/Invoke-Demo.ps1</c> runs it: every webinar the account lists, each past instance (or the
    /// webinar itself when none was held yet), piped into one Sync-ZoomWebinarToHubSpot (one engine; an instance that
    /// fails is an error and the run goes on).
    /// </summary>
    internal sealed class DemoSync : Workload
    {
        private readonly SyncOptions _options;

        public DemoSync(SyncOptions options = null) => _options = options ?? new SyncOptions();

        public override string Name => "demo sync";

        public static async Task<List<SyncTarget>> TargetsAsync(ZoomHubConnection api, CancellationToken ct = default)
        {
            var targets = new List<SyncTarget>();
            foreach (ZoomUser user in await api.Zoom.Users.List(UserStatus.Active).ToListAsync(ct).ConfigureAwait(false))
            {
                foreach (ZoomWebinar w in await api.Zoom.Webinars.ListByHost(user.Id).ToListAsync(ct).ConfigureAwait(false))
                {
                    IReadOnlyList<ZoomPastInstance> held = await api.Zoom.PastWebinars.ListInstancesAsync(w.Id, ct).ConfigureAwait(false);
                    if (held.Count == 0) targets.Add(new SyncTarget { WebinarId = w.Id });
                    else targets.AddRange(held.Select(i => new SyncTarget { WebinarId = w.Id, InstanceUuid = i.Uuid }));
                }
            }

            return targets;
        }

        public override async Task<RunOutcome> RunAsync(CoreTestHost host, CancellationToken cancellationToken = default)
        {
            var outcome = new RunOutcome();
            List<SyncTarget> targets;
            try
            {
                targets = await TargetsAsync(host.Connection, cancellationToken).ConfigureAwait(false);
            }
            catch (ZoomHubApiException ex)
            {
                outcome.Errors.Add(ex);
                return outcome;
            }

            var engine = new WebinarSyncEngine(host.Connection);
            foreach (SyncTarget target in targets)
            {
                try
                {
                    outcome.SyncResults.Add(await engine.SyncAsync(target, _options, null, cancellationToken).ConfigureAwait(false));
                }
                catch (ZoomHubApiException ex)
                {
                    outcome.Errors.Add(ex);
                }
            }

            return outcome;
        }

        protected override Scenario Scenario() => ScenarioLoader.Load("demo");
    }

    /// <summary>
    /// A bulk registration with write-back, as Add-HubSpotContactToWebinar runs it: 101 rows for a type-5 webinar that
    /// asks nothing beyond names (batches of 30; a fifth of the rows are people HubSpot or Zoom already knows), or rows
    /// for the demo's "Security deep dive", whose required answers make every add a single one.
    /// </summary>
    internal sealed class Registration : Workload
    {
        public const long DeepDive = 83456789012;

        private readonly Func<Scenario> _scenario;
        private readonly long _webinar;
        private readonly List<string> _emails;

        private Registration(string name, Func<Scenario> scenario, long webinar, IEnumerable<string> emails)
        {
            Name = name;
            _scenario = scenario;
            _webinar = webinar;
            _emails = emails.ToList();
        }

        public override string Name { get; }

        public static Registration Batches(int rows = 101)
        {
            var options = new GeneratorOptions { Registrants = 40, Seed = 16, ExistingContactShare = 0.5 };
            Scenario sample = ScenarioGenerator.Generate(options);
            IEnumerable<string> known = sample.Zoom.Webinars.Single(w => w.Id == options.PastWebinarId).Registrants.Take(rows / 5).Select(r => r.Email);
            IEnumerable<string> fresh = Enumerable.Range(0, rows - (rows / 5)).Select(i => $"row{i}@example.net");
            return new Registration($"registration, {rows} rows in batches", () => ScenarioGenerator.Generate(options), options.UpcomingWebinarId, known.Concat(fresh));
        }

        public static Registration SingleAdds(int rows = 12)
            => new Registration($"registration, {rows} single adds", () => ScenarioLoader.Load("demo"), DeepDive,
                new[] { "ana.ruiz@contoso.example.org", "li.wei@fabrikam.example.com" }.Concat(Enumerable.Range(0, rows - 2).Select(i => $"row{i}@example.net")));

        /// <summary>The rows' emails.</summary>
        public IReadOnlyList<string> Emails => _emails;

        public long WebinarId => _webinar;

        protected override bool StampsClientTime => true;

        public IReadOnlyList<RegistrationInput> Inputs()
            => _emails.Select((email, i) => new RegistrationInput(new Dictionary<string, object>
            {
                ["Email"] = email, ["FirstName"] = "Row", ["LastName"] = "Person" + i, ["Company"] = "Fabrikam",
            }, email)).ToList();

        public RegistrationOptions Options() => new RegistrationOptions
        {
            WriteBackToHubSpot = true,
            QuestionMap = _webinar == DeepDive ? new Dictionary<string, string> { ["org"] = "Company", ["How did you hear about us?"] = "=Email" } : new Dictionary<string, string>(),
        };

        public override async Task<RunOutcome> RunAsync(CoreTestHost host, CancellationToken cancellationToken = default)
        {
            var outcome = new RunOutcome();
            try
            {
                await new WebinarRegistrationEngine(host.Connection).RegisterAsync(_webinar, Inputs(), Options(), r =>
                {
                    lock (outcome) outcome.Registrations.Add(r);
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (ZoomHubApiException ex)
            {
                outcome.Errors.Add(ex);
            }

            return outcome;
        }

        protected override Scenario Scenario() => _scenario();
    }
}
