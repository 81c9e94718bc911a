using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// Base of every ZoomHubPS cmdlet. It owns cancellation (Ctrl+C cancels in-flight HTTP), runs the async work
    /// while writing to the pipeline only from the pipeline thread, resolves the connection, and turns exceptions
    /// into ErrorRecords. Derived cmdlets implement the async hooks and nothing of this plumbing.
    /// </summary>
    /// <remarks>
    /// Why a queue: PowerShell allows <c>Write*</c> only on the pipeline thread, but the work awaits HTTP calls whose
    /// continuations run on pool threads. The work posts output to <see cref="PipelineQueue"/>; the pipeline thread
    /// drains it until the work completes, then rethrows the work's own exception (not an AggregateException).
    /// </remarks>
    public abstract class ZoomHubCmdlet : PSCmdlet
    {
        private CancellationTokenSource _cancellation;
        private PipelineQueue _queue;
        private StreamPreferences _streams = StreamPreferences.Quiet;
        private bool _stopNoticeWritten;
        private volatile bool _stopRequested;

        /// <summary>Token cancelled by Ctrl+C / StopProcessing; pass it to every async call.</summary>
        protected CancellationToken CancellationToken => _cancellation?.Token ?? CancellationToken.None;

        /// <summary>The runspace the cmdlet runs in (captured on the pipeline thread; async work runs elsewhere).</summary>
        internal System.Management.Automation.Runspaces.Runspace CurrentRunspace { get; private set; }

        #region Overrides

        /// <inheritdoc />
        protected sealed override void BeginProcessing()
        {
            _cancellation = new CancellationTokenSource();
            CurrentRunspace = System.Management.Automation.Runspaces.Runspace.DefaultRunspace;
            _streams = StreamPreferences.For(this);
            try
            {
                OnBeginProcessing();
            }
            catch (TerminatingErrorException terminating)
            {
                ThrowTerminatingError(terminating.ErrorRecord);
            }

            Run(BeginProcessingAsync);
        }

        /// <inheritdoc />
        protected sealed override void ProcessRecord() => Run(ProcessRecordAsync);

        /// <inheritdoc />
        protected sealed override void EndProcessing()
        {
            try
            {
                Run(EndProcessingAsync);
            }
            finally
            {
                _cancellation?.Dispose();
                _cancellation = null;
            }
        }

        /// <inheritdoc />
        protected sealed override void StopProcessing()
        {
            // Only PowerShell calls this (Ctrl+C, PowerShell.Stop(), a stopped job): the one stop worth a notice.
            _stopRequested = true;
            CancelWork();
        }

        #endregion

        #region Hooks for derived cmdlets

        /// <summary>Runs once on the pipeline thread before any async work (resolve the connection, validate parameters).</summary>
        protected virtual void OnBeginProcessing()
        {
        }

        /// <summary>Runs once before the first input (parameter validation, connection checks).</summary>
        protected virtual Task BeginProcessingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        /// <summary>Runs once per pipeline input.</summary>
        protected virtual Task ProcessRecordAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        /// <summary>Runs once after the last input (e.g. flushing batched work).</summary>
        protected virtual Task EndProcessingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        /// <summary>The error target for invocation-level errors.</summary>
        protected virtual object ErrorTarget => null;

        /// <summary>
        /// What to tell the user when the invocation is stopped (Ctrl+C, a stopped job): what was done and how to go on.
        /// Null says nothing. Written to the host as a warning: the pipeline no longer takes Write* calls once stopping.
        /// </summary>
        protected virtual string StopNotice() => null;

        /// <summary>Which diagnostic streams this invocation wants (decided once, on the pipeline thread).</summary>
        internal StreamPreferences Streams => _streams;

        #endregion

        #region Writing from async work

        // PowerShell allows Write* only on the pipeline thread, and the async hooks resume on pool threads after their
        // first await. These hide Cmdlet's own methods, so a derived cmdlet's plain WriteObject(...) is always safe: while
        // async work runs it goes through the queue the pipeline thread drains; otherwise straight to PowerShell.

        /// <summary>Writes one object to the pipeline (safe from async work).</summary>
        protected new void WriteObject(object sendToPipeline)
        {
            if (_queue != null) _queue.WriteObject(sendToPipeline);
            else base.WriteObject(sendToPipeline);
        }

        /// <summary>Writes an object, enumerating it when asked (safe from async work).</summary>
        protected new void WriteObject(object sendToPipeline, bool enumerateCollection)
        {
            if (_queue == null) base.WriteObject(sendToPipeline, enumerateCollection);
            else if (enumerateCollection && sendToPipeline is System.Collections.IEnumerable items && !(sendToPipeline is string)) _queue.WriteObjects(items);
            else _queue.WriteObject(sendToPipeline);
        }

        /// <summary>Writes a non-terminating error (safe from async work).</summary>
        protected new void WriteError(ErrorRecord errorRecord)
        {
            if (_queue != null) _queue.WriteError(errorRecord);
            else base.WriteError(errorRecord);
        }

        /// <summary>Writes a verbose line (safe from async work); under -Debug alone it goes to the debug stream (see <see cref="StreamPreferences"/>).</summary>
        protected new void WriteVerbose(string text)
        {
            if (_streams.VerboseAsDebug) WriteDebug(text);
            else if (!_streams.Verbose) return;
            else if (_queue != null) _queue.WriteVerbose(text);
            else base.WriteVerbose(text);
        }

        /// <summary>Writes a warning (safe from async work).</summary>
        protected new void WriteWarning(string text)
        {
            if (_queue != null) _queue.WriteWarning(text);
            else base.WriteWarning(text);
        }

        /// <summary>Writes a debug line (safe from async work).</summary>
        protected new void WriteDebug(string text)
        {
            if (_queue != null) _queue.WriteDebug(text);
            else base.WriteDebug(text);
        }

        /// <summary>Writes to the information stream (safe from async work): objects a caller collects with -InformationVariable.</summary>
        protected new void WriteInformation(object messageData, string[] tags)
        {
            if (_queue != null) _queue.WriteInformation(messageData, tags);
            else base.WriteInformation(messageData, tags);
        }

        /// <summary>Writes a progress record (safe from async work).</summary>
        protected new void WriteProgress(ProgressRecord progressRecord)
        {
            if (_queue != null) _queue.WriteProgress(progressRecord);
            else base.WriteProgress(progressRecord);
        }

        /// <summary>
        /// Writes a non-terminating error and waits until PowerShell has taken it: under <c>-ErrorAction Stop</c> this
        /// throws (OperationCanceledException), so the work stops before its next batch instead of racing past the error.
        /// </summary>
        internal void WriteErrorAndWait(ErrorRecord errorRecord) => _queue.WriteErrorAndWait(errorRecord);

        #endregion

        #region Helpers for derived cmdlets

        /// <summary>Whether -WhatIf is in effect for this invocation.</summary>
        protected bool IsWhatIf
            => MyInvocation.BoundParameters.TryGetValue("WhatIf", out object value) && value is SwitchParameter s && s.IsPresent;

        /// <summary>
        /// The explicit connection, else the default (this runspace's, or the process's when one connection is the
        /// default everywhere), else a terminating "Run Connect-ZoomHub first"; a closed connection is refused.
        /// </summary>
        protected ZoomHubConnection ResolveConnection(ZoomHubConnection explicitConnection)
        {
            int ambiguous = 0;
            ZoomHubConnection connection = explicitConnection ?? ConnectionStore.Default(CurrentRunspace, out ambiguous);
            if (connection == null)
            {
                throw Terminating(ErrorRecordFactory.NotConnected(ErrorTarget, ambiguous));
            }

            if (connection.IsClosed)
            {
                throw Terminating(ErrorRecordFactory.ConnectionClosed(connection, ErrorTarget));
            }

            return connection;
        }

        /// <summary>Writes a non-terminating error for one input; safe from any thread.</summary>
        internal void WriteItemError(Exception exception, object target, string notFoundId = null)
            => WriteError(ErrorRecordFactory.Create(exception, target, notFoundId));

        /// <summary>
        /// Asks ShouldProcess on the pipeline thread from async work (-WhatIf / -Confirm) and awaits the answer.
        /// </summary>
        internal Task<bool> ShouldProcessAsync(string target, string action) => OnPipelineThreadAsync(() => ShouldProcess(target, action));

        /// <summary>
        /// Runs <paramref name="question"/> on the pipeline thread from async work (ShouldProcess, ShouldContinue, host and
        /// session-state calls) and awaits its answer.
        /// </summary>
        internal Task<T> OnPipelineThreadAsync<T>(Func<T> question)
        {
            var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            CancellationToken token = CancellationToken;
            // A stopping pipeline never runs the question: the answer then is the cancellation, not a wait forever.
            CancellationTokenRegistration stop = token.Register(() => answer.TrySetCanceled(token));
            answer.Task.ContinueWith(_ => stop.Dispose(), TaskScheduler.Default);
            _queue.Post(c =>
            {
                try
                {
                    answer.TrySetResult(question());
                }
                catch (Exception ex)
                {
                    answer.TrySetException(ex);
                    throw;
                }
            });
            return answer.Task;
        }

        /// <summary>
        /// The exception that ends the invocation with <paramref name="record"/> (terminating), thrown from the pipeline
        /// thread or from async work alike: <c>throw Terminating(record)</c>. The one way a cmdlet fails as a whole.
        /// </summary>
        protected static Exception Terminating(ErrorRecord record) => new TerminatingErrorException(record);

        /// <summary>The exception that ends the invocation with a validation error: InvalidArgument, target the input.</summary>
        protected static Exception InvalidArgument(string errorId, string message, object target)
            => Terminating(ErrorRecordFactory.InvalidArgument(errorId, message, target));

        #endregion

        #region Private

        private void Run(Func<CancellationToken, Task> work)
        {
            CancellationToken token = CancellationToken;
            var queue = new PipelineQueue(token);
            _queue = queue;
            Task task;
            try
            {
                StreamPreferences streams = _streams;
                using (RequestLog.BeginScope(entry => LogRequest(queue, streams, entry), withHttpDetail: streams.Debug))
                {
                    // Start the work on the pool so that its synchronous prefix cannot block the drain loop.
                    task = Task.Run(() => work(token), token);
                }

                task.ContinueWith(_ => queue.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                try
                {
                    queue.Drain(this);
                }
                catch (PipelineStoppedException stopped) when (!IsDownstreamDone(stopped))
                {
                    // Ctrl+C (or a stopped job) while output was being written.
                    CancelWork();
                    WaitQuietly(task);
                    WriteStopNotice();
                    throw;
                }
                catch
                {
                    // A Write* threw on the pipeline thread: -ErrorAction Stop, Select-Object -First (StopUpstreamCommands),
                    // Ctrl+C. Stop the work and wait until it has unwound — every request it started observes the token, so
                    // this is quick — so that nothing the cmdlet started is still running when PowerShell sees the error.
                    CancelWork();
                    WaitQuietly(task);
                    throw;
                }
            }
            finally
            {
                _queue = null;
            }

            if (task.IsCanceled || (task.IsFaulted && token.IsCancellationRequested && task.Exception?.GetBaseException() is OperationCanceledException))
            {
                WriteStopNotice();
                throw new PipelineStoppedException();
            }

            if (task.IsFaulted)
            {
                Exception error = task.Exception.InnerExceptions.Count == 1 ? task.Exception.InnerException : task.Exception;
                if (error is PipelineStoppedException || error is ActionPreferenceStopException)
                {
                    throw error;
                }

                if (error is TerminatingErrorException terminating)
                {
                    ThrowTerminatingError(terminating.ErrorRecord);
                }

                // Anything else escaping the work ends the invocation: per-record problems are written by the work itself.
                ThrowTerminatingError(ErrorRecordFactory.Create(error, ErrorTarget));
            }
        }

        // Select-Object -First ends upstream commands with a PipelineStoppedException subtype: the user got what they
        // asked for, so that is no stop to warn about.
        private static bool IsDownstreamDone(PipelineStoppedException stopped) => stopped.GetType().Name == "StopUpstreamCommandsException";

        private static void LogRequest(PipelineQueue queue, StreamPreferences streams, RequestLogEntry entry)
        {
            // The request line on Verbose; with -Debug the same line and its HTTP detail on Debug (one line each way).
            if (streams.Verbose) queue.WriteVerbose(entry.ToString());
            if (streams.Debug) queue.WriteDebug(entry.ToDebugString());
        }

        // The pipeline refuses Write* once it is stopping, so the notice goes straight to the host, once per invocation.
        private void WriteStopNotice()
        {
            // -ErrorAction Stop and Select-Object -First stop a pipeline too, but the user asked for that.
            if (_stopNoticeWritten || !_stopRequested) return;
            _stopNoticeWritten = true;
            try
            {
                string notice = StopNotice();
                if (!string.IsNullOrEmpty(notice)) Host?.UI?.WriteWarningLine(notice);
            }
            catch (Exception)
            {
                // A host that cannot write (closed, remote and gone) loses the notice, never the stop.
            }
        }

        private void CancelWork()
        {
            try
            {
                _cancellation?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Already finished.
            }
        }

        private static void WaitQuietly(Task task)
        {
            try
            {
                task.Wait();
            }
            catch (AggregateException)
            {
                // The work's own failure (usually the cancellation) is secondary to the one PowerShell reports.
            }
        }

        #endregion
    }

    /// <summary>Thrown from async work to end the invocation with a specific ErrorRecord.</summary>
    internal sealed class TerminatingErrorException : Exception
    {
        public TerminatingErrorException(ErrorRecord record)
            : base(record.Exception?.Message, record.Exception)
        {
            ErrorRecord = record;
        }

        public ErrorRecord ErrorRecord { get; }
    }
}
