using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.RegistrantLifecycle
{
    /// <summary>
    /// Approves, denies, cancels and removes the registrants of one webinar in bulk, with one result per input, in input
    /// order. Status changes read who is registered once (<see cref="RegistrantDirectory"/>) so people already in that
    /// state, duplicates and unknown people cost no write, then go to Zoom 30 per call (its maximum); a batch Zoom refuses
    /// as a whole (one person's daily limit, the webinar filling up) is retried one by one so only those rows fail.
    /// Removal has no batch route: one DELETE per registrant, a few in flight, the directory read only for inputs given by
    /// email. Results are handed over as each batch completes, so stopping leaves no later batch half done.
    /// </summary>
    public sealed class RegistrantLifecycleEngine
    {
        private const int DeletesInFlight = 8;

        private readonly ZoomClient _zoom;

        /// <summary>Creates an engine over a connection's Zoom client.</summary>
        public RegistrantLifecycleEngine(ZoomClient zoom) => _zoom = zoom ?? throw new ArgumentNullException(nameof(zoom));

        /// <summary>
        /// Applies <paramref name="change"/> (Approve, Deny or Cancel) to <paramref name="targets"/>; <paramref name="onResult"/>
        /// gets one result per target, in order. Throws <see cref="ZoomHubApiException"/> when the webinar cannot be read.
        /// </summary>
        public async Task SetStatusAsync(long webinarId, RegistrantChange change, IReadOnlyList<RegistrantTarget> targets, RegistrantChangeOptions options,
            Action<RegistrantChangeResult> onResult, CancellationToken cancellationToken = default)
        {
            if (change == RegistrantChange.Remove) throw new ArgumentException("Use RemoveAsync to remove registrants.", nameof(change));
            options = options ?? new RegistrantChangeOptions();
            RegistrantDirectory directory = await RegistrantDirectory.ReadAsync(_zoom, webinarId, options.OccurrenceId, cancellationToken).ConfigureAwait(false);
            var run = new Run(webinarId, change, targets, options, onResult);
            List<int> toSend = run.Plan(directory);
            foreach (List<int> batch in Chunks(toSend, ZoomRegistrantsClient.StatusBatchSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                run.EmitBefore(batch[0]);
                if (options.WhatIf) batch.ForEach(i => RegistrantChangeRules.Applied(run.Results[i], whatIf: true));
                else await SendStatusAsync(run, batch, cancellationToken).ConfigureAwait(false);
                run.EmitThrough(batch[batch.Count - 1]);
            }

            run.EmitThrough(run.Results.Count - 1);
        }

        /// <summary>
        /// Deletes the registrations of <paramref name="targets"/> (by id; emails are looked up first); one result per target,
        /// in order. A registrant Zoom does not know is NotFound, which is also the end state a re-run expects.
        /// </summary>
        public async Task RemoveAsync(long webinarId, IReadOnlyList<RegistrantTarget> targets, RegistrantChangeOptions options,
            Action<RegistrantChangeResult> onResult, CancellationToken cancellationToken = default)
        {
            options = options ?? new RegistrantChangeOptions();
            // Ids go straight to DELETE (the fewest calls Zoom allows); a lookup is needed only to turn emails into ids, and
            // for -WhatIf, so that the plan says who is not registered.
            bool lookup = options.WhatIf || targets.Any(t => t.RegistrantId == null && t.Email != null);
            RegistrantDirectory directory = lookup ? await RegistrantDirectory.ReadAsync(_zoom, webinarId, options.OccurrenceId, cancellationToken).ConfigureAwait(false) : null;
            var run = new Run(webinarId, RegistrantChange.Remove, targets, options, onResult);
            List<int> toSend = run.Plan(directory);
            foreach (List<int> chunk in Chunks(toSend, DeletesInFlight))
            {
                cancellationToken.ThrowIfCancellationRequested();
                run.EmitBefore(chunk[0]);
                if (options.WhatIf) chunk.ForEach(i => RegistrantChangeRules.Applied(run.Results[i], whatIf: true));
                else await Task.WhenAll(chunk.Select(i => DeleteAsync(run.Results[i], options.OccurrenceId, cancellationToken))).ConfigureAwait(false);
                run.EmitThrough(chunk[chunk.Count - 1]);
            }

            run.EmitThrough(run.Results.Count - 1);
        }

        private async Task SendStatusAsync(Run run, List<int> batch, CancellationToken ct)
        {
            RegistrantAction action = RegistrantChangeRules.ActionOf(run.Change);
            List<RegistrantChangeResult> rows = batch.Select(i => run.Results[i]).ToList();
            try
            {
                await _zoom.Registrants.UpdateStatusAsync(run.WebinarId, action, rows.Select(Registrant).ToList(), run.OccurrenceId, ct).ConfigureAwait(false);
                rows.ForEach(r => RegistrantChangeRules.Applied(r, whatIf: false));
            }
            catch (ZoomHubApiException ex) when (rows.Count > 1 && ((ex.Kind == ErrorKind.RateLimited && ex.IsDaily) || ex.Kind == ErrorKind.Validation))
            {
                // Zoom refuses the whole call for one person's daily limit or when approving all would fill the webinar: one
                // by one, only those rows fail and the others go through.
                foreach (RegistrantChangeResult row in rows)
                {
                    await SendOneStatusAsync(run, action, row, ct).ConfigureAwait(false);
                }
            }
            catch (ZoomHubApiException ex)
            {
                rows.ForEach(r => RegistrantChangeRules.Refused(r, ex));
            }
        }

        private async Task SendOneStatusAsync(Run run, RegistrantAction action, RegistrantChangeResult row, CancellationToken ct)
        {
            try
            {
                await _zoom.Registrants.UpdateStatusAsync(run.WebinarId, action, new[] { Registrant(row) }, run.OccurrenceId, ct).ConfigureAwait(false);
                RegistrantChangeRules.Applied(row, whatIf: false);
            }
            catch (ZoomHubApiException ex)
            {
                RegistrantChangeRules.Refused(row, ex);
            }
        }

        private async Task DeleteAsync(RegistrantChangeResult row, string occurrenceId, CancellationToken ct)
        {
            try
            {
                await _zoom.Registrants.DeleteAsync(row.WebinarId, row.RegistrantId, occurrenceId, ct).ConfigureAwait(false);
                RegistrantChangeRules.Applied(row, whatIf: false);
            }
            catch (ZoomHubApiException ex) when (ex.ZoomCode == ZoomErrorCodes.RegistrantMissing)
            {
                // After a retry, "not found" means an earlier attempt whose reply was lost removed it: the end state is the same.
                if (ex.Attempts > 1) RegistrantChangeRules.Applied(row, whatIf: false);
                else RegistrantChangeRules.Decide(row, RegistrantChangeOutcome.NotFound, RegistrantChangeReasons.NotFound, ex.VendorMessage);
            }
            catch (ZoomHubApiException ex)
            {
                RegistrantChangeRules.Refused(row, ex);
            }
        }

        private static ZoomRegistrant Registrant(RegistrantChangeResult r) => new ZoomRegistrant { Id = r.RegistrantId, Email = r.Email };

        private static IEnumerable<List<int>> Chunks(List<int> indexes, int size)
        {
            for (int i = 0; i < indexes.Count; i += size) yield return indexes.GetRange(i, Math.Min(size, indexes.Count - i));
        }

        /// <summary>One call's results in input order, and how many were handed to the caller.</summary>
        private sealed class Run
        {
            private readonly IReadOnlyList<RegistrantTarget> _targets;
            private readonly Action<RegistrantChangeResult> _onResult;
            private int _emitted;

            public Run(long webinarId, RegistrantChange change, IReadOnlyList<RegistrantTarget> targets, RegistrantChangeOptions options, Action<RegistrantChangeResult> onResult)
            {
                WebinarId = webinarId;
                Change = change;
                OccurrenceId = options.OccurrenceId;
                _targets = targets ?? new RegistrantTarget[0];
                _onResult = onResult;
                Results = _targets.Select(t => new RegistrantChangeResult
                {
                    Input = t.Original, WebinarId = webinarId, OccurrenceId = options.OccurrenceId, Email = t.Email, RegistrantId = t.RegistrantId,
                    Change = change, WhatIf = options.WhatIf,
                }).ToList();
            }

            public long WebinarId { get; }

            public RegistrantChange Change { get; }

            public string OccurrenceId { get; }

            public List<RegistrantChangeResult> Results { get; }

            /// <summary>Decides what needs no request; returns the indexes of the rows that go to Zoom, in input order.</summary>
            public List<int> Plan(RegistrantDirectory directory)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var toSend = new List<int>();
                for (int i = 0; i < Results.Count; i++)
                {
                    RegistrantDirectory.Entry found = directory?.Find(_targets[i]);
                    if (RegistrantChangeRules.NeedsRequest(Results[i], _targets[i], found, directory != null, seen)) toSend.Add(i);
                }

                return toSend;
            }

            public void EmitBefore(int index) => EmitThrough(index - 1);

            public void EmitThrough(int index)
            {
                while (_emitted <= index && _emitted < Results.Count) _onResult?.Invoke(Results[_emitted++]);
            }
        }
    }
}
