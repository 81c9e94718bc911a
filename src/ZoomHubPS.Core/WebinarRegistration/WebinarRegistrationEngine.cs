using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Webinars;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarRegistration
{
    /// <summary>
    /// Registers people for a Zoom webinar in bulk: the webinar and its form are read once, required questions are
    /// checked before any write, hosts/panelists/duplicates/already-registered people are reported without add
    /// requests (<see cref="RegistrationTriage"/>), the rest go in batches of 30 where Zoom allows it and as single
    /// adds elsewhere (<see cref="RegistrantAdder"/>), and each chunk is written back to HubSpot
    /// (<see cref="RegistrationWriteBack"/>) and reported before the next starts. One failed row never stops the others.
    /// </summary>
    public sealed class WebinarRegistrationEngine
    {
        private readonly ZoomHubConnection _connection;

        /// <summary>Creates an engine.</summary>
        public WebinarRegistrationEngine(ZoomHubConnection connection) => _connection = connection ?? throw new ArgumentNullException(nameof(connection));

        /// <summary>
        /// Registers <paramref name="inputs"/> for <paramref name="webinarId"/>; <paramref name="onResult"/> gets one result per input.
        /// Throws before any write when the webinar cannot take registrations or required answers are missing.
        /// </summary>
        public async Task RegisterAsync(long webinarId, IReadOnlyList<RegistrationInput> inputs, RegistrationOptions options, Action<RegistrationResult> onResult, CancellationToken cancellationToken = default)
        {
            options = options ?? new RegistrationOptions();
            RegistrationContext context = await ReadAsync(webinarId, inputs, options, cancellationToken).ConfigureAwait(false);
            var results = new List<RegistrationResult>();
            IReadOnlyList<(RegistrationInput Input, RegistrationResult Result)> toAdd = RegistrationTriage.Decide(context, inputs, options, results);
            var adder = new RegistrantAdder(_connection.Zoom, context, options);
            RegistrationWriteBack writeBack = options.WriteBackToHubSpot && !options.WhatIf ? new RegistrationWriteBack(_connection, context, options) : null;

            // Decided without an add request (skips, failures, already registered): written back and reported first.
            var adding = new HashSet<RegistrationResult>(toAdd.Select(p => p.Result));
            await FinishAsync(results.Where(r => !adding.Contains(r)).ToList(), writeBack, onResult, cancellationToken).ConfigureAwait(false);

            // Then the rest, one chunk at a time: each is registered, written back and reported before the next starts, so
            // stopping (Ctrl+C, -ErrorAction Stop on a failed row) leaves no later chunk half done.
            for (int i = 0; i < toAdd.Count; i += adder.ChunkSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                List<(RegistrationInput Input, RegistrationResult Result)> chunk = toAdd.Skip(i).Take(adder.ChunkSize).ToList();
                if (options.WhatIf)
                {
                    foreach (var p in chunk) p.Result.Status = RegistrationStatus.Registered;
                }
                else
                {
                    await adder.AddAsync(chunk, cancellationToken).ConfigureAwait(false);
                }

                await FinishAsync(chunk.Select(c => c.Result).ToList(), writeBack, onResult, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<RegistrationContext> ReadAsync(long webinarId, IReadOnlyList<RegistrationInput> inputs, RegistrationOptions options, CancellationToken ct)
        {
            ZoomWebinar webinar = await _connection.Zoom.Webinars.GetAsync(webinarId, ct).ConfigureAwait(false);
            if (!webinar.RequiresRegistration)
            {
                throw new RegistrationNotPossibleException(webinarId, $"Webinar {webinarId} ('{webinar.Topic}') does not take registrations (approval type 2: no registration required). Turn registration on in Zoom first.");
            }

            DateTimeOffset now = _connection.ServiceTime.GetUtcNow();
            if (WebinarSchedule.IsOver(webinar, now))
            {
                throw new RegistrationNotPossibleException(webinarId, $"Webinar {webinarId} ('{webinar.Topic}') is over; Zoom does not register people for it ({ZoomErrorCodes.WebinarOver}).") { WebinarIsOver = true };
            }

            ZoomRegistrationQuestions questions = await _connection.Zoom.Webinars.GetRegistrationQuestionsAsync(webinarId, ct).ConfigureAwait(false);
            var form = new RegistrationForm(questions, options.QuestionMap);
            IReadOnlyList<string> missing = form.Unanswerable(inputs);
            if (missing.Count > 0) throw new RegistrationQuestionsMissingException(webinarId, missing);

            var panelists = new HashSet<string>((await _connection.Zoom.Webinars.GetPanelistsAsync(webinarId, ct).ConfigureAwait(false)).Select(p => p.Email).Where(e => e != null), StringComparer.OrdinalIgnoreCase);
            var registered = new Dictionary<string, ZoomRegistrant>(StringComparer.OrdinalIgnoreCase);
            foreach (RegistrantStatus status in new[] { RegistrantStatus.Approved, RegistrantStatus.Pending, RegistrantStatus.Denied })
            {
                await _connection.Zoom.Registrants.List(webinarId, status, options.OccurrenceId).ForEachAsync(r =>
                {
                    if (!string.IsNullOrEmpty(r.Email)) registered[r.Email] = r;
                    return true;
                }, ct).ConfigureAwait(false);
            }

            return new RegistrationContext(webinar, form, panelists, registered);
        }

        private static async Task FinishAsync(List<RegistrationResult> results, RegistrationWriteBack writeBack, Action<RegistrationResult> onResult, CancellationToken ct)
        {
            if (writeBack != null && results.Count > 0) await writeBack.WriteAsync(results, ct).ConfigureAwait(false);
            foreach (RegistrationResult r in results) onResult?.Invoke(r);
        }
    }
}
