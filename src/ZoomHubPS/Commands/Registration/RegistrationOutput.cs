using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// How a registration call's results reach the user: in input order (per webinar, webinars in the order they first
    /// appear) as soon as each batch finishes, with a progress bar, per-row errors after the results (so a table stays
    /// whole) or at once under -ErrorAction Stop, and a summary of what was done if the call is stopped.
    /// </summary>
    internal sealed class RegistrationOutput
    {
        private readonly Action<object> _writeObject;
        private readonly Action<ErrorRecord> _writeErrorNow;
        private readonly ProgressReporter _progress;
        private readonly bool _errorsAtOnce;
        private readonly int _total;
        private readonly List<ErrorRecord> _deferredErrors = new List<ErrorRecord>();
        private readonly Dictionary<RegistrationStatus, int> _byStatus = new Dictionary<RegistrationStatus, int>();
        private InputOrder<RegistrationResult> _order;
        private long _webinarId;
        private int _released;

        public RegistrationOutput(int total, Action<object> writeObject, Action<ErrorRecord> writeErrorNow, ProgressReporter progress, bool errorsAtOnce)
        {
            _total = total;
            _writeObject = writeObject;
            _writeErrorNow = writeErrorNow;
            _progress = progress;
            _errorsAtOnce = errorsAtOnce;
        }

        /// <summary>Results written so far.</summary>
        public int Released => _released;

        /// <summary>Starts a webinar's inputs (their tickets, in input order).</summary>
        public void BeginWebinar(long webinarId, IEnumerable<RegistrationTicket> tickets)
        {
            _webinarId = webinarId;
            _order = new InputOrder<RegistrationResult>(tickets.Select(t => t.Index));
            _progress.Update(Status(), ProgressReporter.Percent(_released, _total), force: true);
        }

        /// <summary>The engine's per-result callback: restores the input, then writes every result now due.</summary>
        public void OnResult(RegistrationResult result)
        {
            int position = 0;
            if (result.GetInput() is RegistrationTicket ticket)
            {
                position = ticket.Index;
                result.InputIndex = ticket.Index;
                result.SetInput(ticket.Original);
            }

            foreach (RegistrationResult due in _order.Add(position, result)) Release(due);
        }

        /// <summary>After a webinar: anything still held (inputs the engine never reported) goes out in order.</summary>
        public void EndWebinar()
        {
            foreach (RegistrationResult due in _order?.Flush() ?? new List<RegistrationResult>()) Release(due);
        }

        /// <summary>After the call: the deferred per-row errors, then the progress bar goes away.</summary>
        public IReadOnlyList<ErrorRecord> Finish()
        {
            _progress.Complete();
            return _deferredErrors;
        }

        /// <summary>What a stopped call did, and that running it again is safe.</summary>
        public string StopNotice(string command)
        {
            if (_total == 0) return null;
            string counts = string.Join(", ", _byStatus.OrderBy(p => p.Key).Select(p => p.Value.ToString("N0", CultureInfo.InvariantCulture) + " " + p.Key));
            return string.Format(CultureInfo.InvariantCulture,
                "{0} was stopped: {1:N0} of {2:N0} input(s) have a result{3}, and those results were written to the pipeline. Run the same command again with the same input to go on: people already registered are reported as AlreadyRegistered and are not added twice.",
                command, _released, _total, counts.Length > 0 ? " (" + counts + ")" : string.Empty);
        }

        private void Release(RegistrationResult result)
        {
            _writeObject(result);
            _released++;
            _byStatus[result.Status] = _byStatus.TryGetValue(result.Status, out int n) ? n + 1 : 1;
            if (result.Status == RegistrationStatus.Failed)
            {
                ErrorRecord error = ErrorRecordFactory.RegistrationFailed(result);
                if (_errorsAtOnce) _writeErrorNow(error);
                else _deferredErrors.Add(error);
            }

            _progress.Update(Status(), ProgressReporter.Percent(_released, _total));
        }

        private string Status() => string.Format(CultureInfo.InvariantCulture, "Webinar {0}: {1:N0} of {2:N0} input(s) done", _webinarId, _released, _total);
    }
}
