using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// Runs the batches of one instance a few at a time, so the module works at the APIs' rate limits (the client's
    /// limiter paces them) instead of waiting on each request's latency in turn. Batches of different people are
    /// independent; each keeps its own crash-safe write order.
    /// </summary>
    /// <remarks>
    /// A batch holds a slot while it reads and decides, and gives it back once it has handed its participations over
    /// (<c>prepared</c>), then waits for them without keeping the next batch from reading. While the participant report
    /// is still being read, more slots are open (read-ahead: contact reads need no attendance, so HubSpot's window fills
    /// from the first seconds); <see cref="EndReadAhead"/> closes them again as batches free them. The scheduler knows
    /// every batch it started, so a run that ends — done, failed or cancelled — waits for all of them.
    /// </remarks>
    internal sealed class BatchScheduler
    {
        private readonly object _gate = new object();
        private readonly Queue<TaskCompletionSource<bool>> _waiting = new Queue<TaskCompletionSource<bool>>();
        private readonly List<Task> _batches = new List<Task>();
        private readonly List<Task> _prepared = new List<Task>();
        private readonly int _steadyCapacity;
        private int _capacity;
        private int _held;

        /// <param name="inFlight">Batches at once.</param>
        /// <param name="readAhead">Extra batches while <see cref="EndReadAhead"/> has not been called.</param>
        public BatchScheduler(int inFlight, int readAhead)
        {
            _steadyCapacity = inFlight;
            _capacity = inFlight + Math.Max(0, readAhead);
        }

        /// <summary>Whether a batch could start now without waiting for a slot.</summary>
        public bool HasFreeSlot
        {
            get
            {
                lock (_gate) return _held < _capacity;
            }
        }

        /// <summary>From now on at most the steady number of batches at once.</summary>
        public void EndReadAhead()
        {
            lock (_gate) _capacity = _steadyCapacity;
        }

        /// <summary>
        /// Starts one batch when a slot is free. <paramref name="work"/> gets the call that frees its slot early. If an
        /// earlier batch failed, no new one starts: its error is thrown here.
        /// </summary>
        public async Task DispatchAsync(Func<Action, Task> work, CancellationToken ct)
        {
            await AcquireAsync(ct).ConfigureAwait(false);
            Task failed;
            lock (_gate) failed = _batches.FirstOrDefault(t => t.IsFaulted || t.IsCanceled);
            if (failed != null)
            {
                Release();
                await failed.ConfigureAwait(false); // surfaces the batch's own error
            }

            var prepared = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            int released = 0;
            void Prepared()
            {
                if (Interlocked.Exchange(ref released, 1) == 1) return;
                Release();
                prepared.TrySetResult(true);
            }

            // No token on Task.Run itself: the batch must always run its finally (slot and "prepared" released), or a
            // cancellation before it starts would leave the run waiting for it forever. The work observes the token in
            // every request it makes.
            Task batch = Task.Run(async () =>
            {
                try
                {
                    ct.ThrowIfCancellationRequested();
                    await work(Prepared).ConfigureAwait(false);
                }
                finally
                {
                    Prepared();
                }
            });
            lock (_gate)
            {
                _batches.RemoveAll(t => t.Status == TaskStatus.RanToCompletion);
                _prepared.RemoveAll(t => t.IsCompleted);
                _batches.Add(batch);
                _prepared.Add(prepared.Task);
            }
        }

        /// <summary>Every batch started has handed its participations over (or finished).</summary>
        public Task AllPreparedAsync()
        {
            lock (_gate) return Task.WhenAll(_prepared.ToArray());
        }

        /// <summary>Every batch started has finished; throws the first failure.</summary>
        public Task AllDoneAsync()
        {
            lock (_gate) return Task.WhenAll(_batches.ToArray());
        }

        /// <summary>Waits for every batch started, whatever its outcome (a failed run must not leave writes behind).</summary>
        public async Task JoinAsync()
        {
            try
            {
                await AllDoneAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The run reports its first error itself.
            }
        }

        private Task AcquireAsync(CancellationToken ct)
        {
            lock (_gate)
            {
                if (_held < _capacity)
                {
                    _held++;
                    return Task.CompletedTask;
                }

                var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Enqueue(waiter);
                if (ct.CanBeCanceled) ct.Register(() => waiter.TrySetCanceled(ct));
                return waiter.Task;
            }
        }

        private void Release()
        {
            lock (_gate)
            {
                // A freed slot goes to the next waiter, unless read-ahead has ended and more slots are held than allowed.
                while (_held <= _capacity && _waiting.Count > 0)
                {
                    TaskCompletionSource<bool> next = _waiting.Dequeue();
                    if (next.TrySetResult(true)) return; // the slot passes on: _held unchanged
                }

                _held--;
            }
        }
    }
}
