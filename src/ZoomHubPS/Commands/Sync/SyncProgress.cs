using System.Globalization;
using System.Threading;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// What a sync call has done so far, from the engine's per-person callback and each instance's result: drives the
    /// progress bar (people of the current instance; instances of the call, with a percent when their number is known)
    /// and the notice a stopped call leaves.
    /// </summary>
    internal sealed class SyncProgress
    {
        private readonly ProgressReporter _bar;
        private int _instancesDone;
        private int _instancesKnown;
        private int _people;
        private int _peopleTotal;
        private string _current;

        public SyncProgress(ProgressReporter bar) => _bar = bar;

        /// <summary>More instances are coming (a -Since expansion knows how many).</summary>
        public void Expect(int instances) => _instancesKnown += instances;

        /// <summary>An instance starts.</summary>
        public void Begin(SyncTarget target)
        {
            _current = target.InstanceUuid == null ? $"webinar {target.WebinarId} (latest instance)" : $"webinar {target.WebinarId}, instance {target.InstanceUuid}";
            Interlocked.Exchange(ref _people, 0);
            _bar.Update(Status(), Percent(), force: true);
        }

        /// <summary>The engine decided one person (called from the engine's threads, one at a time).</summary>
        public void Person(PersonSyncRecord record)
        {
            Interlocked.Increment(ref _people);
            Interlocked.Increment(ref _peopleTotal);
            _bar.Update(Status(), Percent());
        }

        /// <summary>An instance finished (its result was written).</summary>
        public void End()
        {
            _instancesDone++;
            _current = null;
        }

        /// <summary>The call is over.</summary>
        public void Complete() => _bar.Complete();

        /// <summary>What a stopped call did, and that running it again continues.</summary>
        public string StopNotice(string command)
        {
            if (_instancesDone == 0 && _current == null) return null;
            string interrupted = _current == null
                ? string.Empty
                : string.Format(CultureInfo.InvariantCulture, " It stopped in {0} after {1:N0} people.", _current, _people);
            return string.Format(CultureInfo.InvariantCulture,
                "{0} was stopped: {1:N0} instance(s) finished and their results were written to the pipeline.{2} Run the same command again to go on: the sync is idempotent, people already synced are reported Unchanged and nothing is counted twice.",
                command, _instancesDone, interrupted);
        }

        private string Status()
            => string.Format(CultureInfo.InvariantCulture, "Instance {0}{1}: {2}, {3:N0} people", _instancesDone + 1,
                _instancesKnown > 0 ? " of " + _instancesKnown.ToString(CultureInfo.InvariantCulture) : string.Empty, _current, _people);

        private int? Percent() => ProgressReporter.Percent(_instancesDone, _instancesKnown);
    }
}
