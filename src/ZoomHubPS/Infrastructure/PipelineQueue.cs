using System;
using System.Collections.Concurrent;
using System.Management.Automation;

namespace ZoomHubPS.Infrastructure
{
    /// <summary>
    /// Carries output from async work (any thread) to the pipeline thread, the only thread allowed to call
    /// <c>Write*</c>. The cmdlet drains it while the work runs; the work never touches the cmdlet directly.
    /// </summary>
    internal sealed class PipelineQueue
    {
        private readonly BlockingCollection<Action<Cmdlet>> _items = new BlockingCollection<Action<Cmdlet>>();

        /// <summary>Queues one output object.</summary>
        public void WriteObject(object value) => Add(c => c.WriteObject(value));

        /// <summary>Queues a collection, enumerated on the pipeline thread.</summary>
        public void WriteObjects(System.Collections.IEnumerable values) => Add(c => c.WriteObject(values, enumerateCollection: true));

        /// <summary>Queues a non-terminating error.</summary>
        public void WriteError(ErrorRecord record) => Add(c => c.WriteError(record));

        /// <summary>
        /// Writes an error on the pipeline thread and waits until it was written. If writing stops the pipeline
        /// (-ErrorAction Stop), the caller gets an OperationCanceledException, so async work stops before doing more.
        /// </summary>
        public void WriteErrorAndWait(ErrorRecord record, System.Threading.CancellationToken cancellationToken)
        {
            using (var written = new System.Threading.ManualResetEventSlim(false))
            {
                bool stopped = false;
                Add(c =>
                {
                    try
                    {
                        c.WriteError(record);
                    }
                    catch
                    {
                        stopped = true;
                        throw;
                    }
                    finally
                    {
                        written.Set();
                    }
                });
                written.Wait(cancellationToken);
                if (stopped)
                {
                    throw new OperationCanceledException("The pipeline stopped at this error.");
                }
            }
        }

        /// <summary>Queues a verbose line.</summary>
        public void WriteVerbose(string text) => Add(c => c.WriteVerbose(text));

        /// <summary>Queues a debug line.</summary>
        public void WriteDebug(string text) => Add(c => c.WriteDebug(text));

        /// <summary>Queues a warning.</summary>
        public void WriteWarning(string text) => Add(c => c.WriteWarning(text));

        /// <summary>Queues a progress record.</summary>
        public void WriteProgress(ProgressRecord record) => Add(c => c.WriteProgress(record));

        /// <summary>Runs <paramref name="action"/> on the pipeline thread (e.g. ShouldProcess decisions must not be made here; see callers).</summary>
        public void Post(Action<Cmdlet> action) => Add(action);

        /// <summary>No more items: ends the drain loop once the queue is empty.</summary>
        public void Complete() => _items.CompleteAdding();

        /// <summary>Runs every queued item on the calling (pipeline) thread until <see cref="Complete"/>.</summary>
        public void Drain(Cmdlet cmdlet)
        {
            foreach (Action<Cmdlet> item in _items.GetConsumingEnumerable())
            {
                item(cmdlet);
            }
        }

        private void Add(Action<Cmdlet> item)
        {
            try
            {
                _items.Add(item);
            }
            catch (InvalidOperationException)
            {
                // Completed: the cmdlet is stopping; late output from cancelled work is dropped on purpose.
            }
        }
    }
}
