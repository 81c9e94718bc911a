using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;

namespace ZoomHubPS.Infrastructure
{
    /// <summary>
    /// Carries output from async work (any thread) to the pipeline thread, the only thread allowed to call
    /// <c>Write*</c>. The cmdlet drains it while the work runs; the work never touches the cmdlet directly.
    /// </summary>
    /// <remarks>
    /// Bounded: when the downstream command is slower than the APIs (<c>| Export-Csv</c> on a slow disk, a
    /// <c>Read-Host</c> in a ForEach-Object), a producer blocks once <see cref="Capacity"/> items wait, so a listing stops
    /// reading pages instead of queueing the whole account in memory. Blocked producers wake on cancellation (Ctrl+C,
    /// <c>Select-Object -First</c>), so a stopping pipeline never leaves a producer waiting for a drain that ended.
    /// </remarks>
    internal sealed class PipelineQueue
    {
        /// <summary>Items that may wait for the pipeline thread before a producer blocks.</summary>
        public const int Capacity = 1000;

        private readonly BlockingCollection<Action<Cmdlet>> _items;
        private readonly CancellationToken _cancellation;

        /// <param name="cancellation">Cancelled when the cmdlet stops: releases producers blocked on a full queue.</param>
        /// <param name="capacity">Items that may wait (tests use small ones).</param>
        public PipelineQueue(CancellationToken cancellation, int capacity = Capacity)
        {
            _cancellation = cancellation;
            _items = new BlockingCollection<Action<Cmdlet>>(capacity);
        }

        /// <summary>Items waiting (for tests and diagnostics).</summary>
        public int Count => _items.Count;

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
        public void WriteErrorAndWait(ErrorRecord record)
        {
            using (var written = new ManualResetEventSlim(false))
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
                written.Wait(_cancellation);
                if (stopped)
                {
                    throw new OperationCanceledException("The pipeline stopped at this error.");
                }
            }
        }

        /// <summary>Queues a verbose line.</summary>
        public void WriteVerbose(string text) => Add(c => Diagnostic(() => c.WriteVerbose(text)), dropWhenStopping: true);

        /// <summary>Queues a debug line.</summary>
        public void WriteDebug(string text) => Add(c => Diagnostic(() => c.WriteDebug(text)), dropWhenStopping: true);

        /// <summary>Queues a warning.</summary>
        public void WriteWarning(string text) => Add(c => c.WriteWarning(text), dropWhenStopping: true);

        /// <summary>Queues an information record (objects a caller collects with -InformationVariable).</summary>
        public void WriteInformation(object messageData, string[] tags) => Add(c => c.WriteInformation(messageData, tags));

        /// <summary>Queues a progress record.</summary>
        public void WriteProgress(ProgressRecord record) => Add(c => c.WriteProgress(record), dropWhenStopping: true);

        /// <summary>Runs <paramref name="action"/> on the pipeline thread (ShouldProcess questions, host calls).</summary>
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

        // A diagnostic line whose preference is Inquire (Windows PowerShell's -Debug) asks the host; a non-interactive host
        // refuses with PSInvalidOperationException. The line is lost, the command goes on: diagnostics never end a run.
        // (Halt at an interactive prompt throws ActionPreferenceStopException, which does end it, as the user chose.)
        private static void Diagnostic(Action write)
        {
            try
            {
                write();
            }
            catch (PSInvalidOperationException)
            {
            }
        }

        // Output and errors block on a full queue and throw OperationCanceledException when the cmdlet stops, which
        // ends the work that produced them. Verbose, debug, warning and progress lines are dropped instead once it
        // stops: they are often written from cleanup paths (a request's log line in a finally) that must not throw.
        private void Add(Action<Cmdlet> item, bool dropWhenStopping = false)
        {
            try
            {
                _items.Add(item, _cancellation);
            }
            catch (OperationCanceledException) when (dropWhenStopping)
            {
                // Stopping: a diagnostic line is not worth an exception.
            }
            catch (InvalidOperationException)
            {
                // Completed: the cmdlet is stopping; late output from cancelled work is dropped on purpose.
            }
        }
    }
}
