using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.WebinarSync;

namespace ZoomHubPS.Core.AccountSync
{
    /// <summary>
    /// The instances of an account-wide run, synced a few at a time (<c>InstancesAtOnce</c>) as soon as their webinar is
    /// planned, while discovery still reads the other listings: the rate limits are shared, so a webinar found early
    /// starts using HubSpot's budget instead of waiting for the last listing. Each webinar is planned once, a few at a
    /// time (twice as many as instances run at once: enough to keep the instances fed, few enough that the first
    /// instance's reads are not queued behind every other webinar's under Zoom's per-second limits). A failed
    /// instance is recorded and the others go on; a missing schema or timeline templates, or a webinar that cannot be
    /// read, stops the run (every instance would fail the same way, or the plan is incomplete).
    /// </summary>
    internal sealed class AccountInstanceQueue : IDisposable
    {
        private readonly WebinarSyncEngine _engine;
        private readonly AccountRunPlanner _planner;
        private readonly bool _whatIf;
        private readonly ZoomHubSyncSummary _summary;
        private readonly AccountSyncObserver _observer;
        private readonly SemaphoreSlim _gate;
        private readonly SemaphoreSlim _planning;
        private readonly CancellationTokenSource _stop;
        private readonly CancellationToken _caller;
        private readonly ConcurrentDictionary<long, bool> _planned = new ConcurrentDictionary<long, bool>();
        private readonly List<Task> _work = new List<Task>();
        private int _queued;
        private int _done;

        public AccountInstanceQueue(WebinarSyncEngine engine, AccountRunPlanner planner, bool whatIf, ZoomHubSyncSummary summary, AccountSyncObserver observer,
            int instancesAtOnce, CancellationToken cancellationToken)
        {
            _engine = engine;
            _planner = planner;
            _whatIf = whatIf;
            _summary = summary;
            _observer = observer;
            _gate = new SemaphoreSlim(Math.Max(1, instancesAtOnce));
            _planning = new SemaphoreSlim(2 * Math.Max(1, instancesAtOnce));
            _caller = cancellationToken;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        /// <summary>Plans <paramref name="webinar"/> (once: a second call for the same id does nothing) and queues its instances. Returns at once.</summary>
        public void Plan(DiscoveredWebinar webinar)
        {
            if (_planned.TryAdd(webinar.Id, true)) Track(PlanAsync(webinar));
        }

        /// <summary>Cancels what is queued or running (discovery failed: the run ends).</summary>
        public void Stop() => _stop.Cancel();

        /// <summary>Waits until every planning and every instance has finished, whatever the outcome.</summary>
        public async Task WhenSettledAsync()
        {
            int seen = 0;
            while (true)
            {
                Task[] pending;
                lock (_work)
                {
                    if (seen == _work.Count) return;
                    pending = _work.Skip(seen).ToArray();
                    seen = _work.Count;
                }

                try
                {
                    await Task.WhenAll(pending).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Looked at in ThrowIfFailed, once everything has settled.
                }
            }
        }

        /// <summary>After <see cref="WhenSettledAsync"/>: rethrows what stopped the run (fatal errors first), or the caller's cancellation.</summary>
        public void ThrowIfFailed()
        {
            List<Exception> errors;
            lock (_work) errors = _work.Where(t => t.IsFaulted).SelectMany(t => t.Exception.InnerExceptions).ToList();
            Exception first = errors.FirstOrDefault(IsFatal) ?? errors.FirstOrDefault(e => !(e is OperationCanceledException));
            if (first != null) ExceptionDispatchInfo.Capture(first).Throw();
            _caller.ThrowIfCancellationRequested();
        }

        public void Dispose()
        {
            _gate.Dispose();
            _planning.Dispose();
            _stop.Dispose();
        }

        private static bool IsFatal(Exception ex) => ex is ZoomHubSchemaMissingException || ex is ZoomHubTimelineTemplatesMissingException;

        private void Track(Task task)
        {
            lock (_work) _work.Add(task);
        }

        private async Task PlanAsync(DiscoveredWebinar webinar)
        {
            IReadOnlyList<AccountTarget> targets;
            await _planning.WaitAsync(_stop.Token).ConfigureAwait(false);
            try
            {
                targets = await _planner.TargetsAsync(webinar, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                _stop.Cancel();
                throw;
            }
            finally
            {
                _planning.Release();
            }

            foreach (AccountTarget target in targets)
            {
                Interlocked.Increment(ref _queued);
                Track(SyncAsync(target));
            }
        }

        private async Task SyncAsync(AccountTarget t)
        {
            await _gate.WaitAsync(_stop.Token).ConfigureAwait(false);
            try
            {
                SyncResult r = await _engine.SyncAsync(t.Target, t.Options.WithWhatIf(_whatIf), null, _stop.Token).ConfigureAwait(false);
                if (r.InstanceSkipReason != null) _summary.AddSkipped(t.Target.WebinarId, t.Target.InstanceUuid, r.InstanceSkipReason);
                else _summary.AddSynced(t.Target, r);
                _observer.InstanceSynced?.Invoke(r);
            }
            catch (Exception ex) when (IsFatal(ex))
            {
                _stop.Cancel();
                throw;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) || !_stop.IsCancellationRequested)
            {
                _summary.AddFailed(t.Target, ex.Message);
                _observer.InstanceFailed?.Invoke(t.Target, ex);
            }
            finally
            {
                _gate.Release();
                _observer.Progress?.Invoke(Interlocked.Increment(ref _done), Volatile.Read(ref _queued));
            }
        }
    }
}
