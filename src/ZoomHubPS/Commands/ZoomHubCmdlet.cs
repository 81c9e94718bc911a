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

        /// <summary>Token cancelled by Ctrl+C / StopProcessing; pass it to every async call.</summary>
        protected CancellationToken CancellationToken => _cancellation?.Token ?? CancellationToken.None;

        /// <summary>The runspace the cmdlet runs in (captured on the pipeline thread; async work runs elsewhere).</summary>
        internal System.Management.Automation.Runspaces.Runspace CurrentRunspace { get; private set; }

        /// <summary>Output sink usable from any thread while async work runs.</summary>
        internal PipelineQueue Output => _queue;

        #region Overrides

        /// <inheritdoc />
        protected sealed override void BeginProcessing()
        {
            _cancellation = new CancellationTokenSource();
            CurrentRunspace = System.Management.Automation.Runspaces.Runspace.DefaultRunspace;
            OnBeginProcessing();
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
            try
            {
                _cancellation?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Already finished.
            }
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

        /// <summary>Whether this cmdlet needs a connection (checked before BeginProcessingAsync).</summary>
        protected virtual bool RequiresConnection => false;

        /// <summary>The error target for invocation-level errors.</summary>
        protected virtual object ErrorTarget => null;

        #endregion

        #region Helpers for derived cmdlets

        /// <summary>The explicit connection, else the session default, else a terminating "Run Connect-ZoomHub first".</summary>
        protected ZoomHubConnection ResolveConnection(ZoomHubConnection explicitConnection)
        {
            ZoomHubConnection connection = explicitConnection ?? ConnectionStore.Default(CurrentRunspace);
            if (connection == null)
            {
                ThrowTerminatingError(ErrorRecordFactory.NotConnected(ErrorTarget));
            }

            return connection;
        }

        /// <summary>Writes a non-terminating error for one input; safe from any thread.</summary>
        internal void WriteItemError(Exception exception, object target, string notFoundId = null)
            => _queue.WriteError(ErrorRecordFactory.Create(exception, target, notFoundId));

        /// <summary>
        /// Asks ShouldProcess on the pipeline thread from async work (-WhatIf / -Confirm) and awaits the answer.
        /// </summary>
        internal Task<bool> ShouldProcessAsync(string target, string action)
        {
            var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _queue.Post(c =>
            {
                try
                {
                    answer.TrySetResult(c.ShouldProcess(target, action));
                }
                catch (Exception ex)
                {
                    answer.TrySetException(ex);
                    throw;
                }
            });
            return answer.Task;
        }

        /// <summary>Writes the invocation-level error as terminating (bad parameters, auth failures).</summary>
        protected void ThrowInvalidArgument(string errorId, string message, object target)
            => ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(errorId, message, target));

        #endregion

        #region Private

        private void Run(Func<CancellationToken, Task> work)
        {
            _queue = new PipelineQueue();
            CancellationToken token = CancellationToken;
            Task task;
            using (RequestLog.BeginScope(entry => _queue.WriteVerbose(entry.ToString())))
            {
                // Start the work on the pool so that its synchronous prefix cannot block the drain loop.
                task = Task.Run(() => work(token), token);
            }

            task.ContinueWith(_ => _queue.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            try
            {
                _queue.Drain(this);
            }
            catch
            {
                // A Write* threw on the pipeline thread: -ErrorAction Stop, Select-Object -First (StopUpstreamCommands),
                // Ctrl+C. Stop the work, let it unwind, and let PowerShell see the original exception.
                StopProcessing();
                try
                {
                    task.Wait(TimeSpan.FromSeconds(5));
                }
                catch (AggregateException)
                {
                    // The work's own failure (usually the cancellation) is secondary here.
                }

                throw;
            }

            if (task.IsCanceled || (task.IsFaulted && token.IsCancellationRequested && task.Exception?.GetBaseException() is OperationCanceledException))
            {
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
