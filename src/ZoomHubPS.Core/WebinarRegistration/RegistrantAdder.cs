using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarRegistration
{
    /// <summary>
    /// Adds people to Zoom: batches of 30 where the webinar allows it, single adds (a few at a time) elsewhere. Zoom
    /// allows a person only a few registrations a day, so no add is ever repeated blindly: a whole-webinar refusal
    /// (full, not allowed) fails the batch's rows without trying them one by one; a limit or a row Zoom rejects sends
    /// that batch one by one, so only the refused row fails; a lost reply is settled by reading who is registered.
    /// </summary>
    internal sealed class RegistrantAdder
    {
        public const int ZoomBatch = 30;
        private const int SingleAddsInFlight = 4;

        private readonly ZoomClient _zoom;
        private readonly RegistrationContext _context;
        private readonly RegistrationOptions _options;

        public RegistrantAdder(ZoomClient zoom, RegistrationContext context, RegistrationOptions options)
        {
            _zoom = zoom;
            _context = context;
            _options = options;
        }

        /// <summary>Rows per chunk: one batch request, or a few rounds of single adds.</summary>
        public int ChunkSize => _context.UsesBatches ? ZoomBatch : SingleAddsInFlight * 5;

        public async Task AddAsync(IReadOnlyList<(RegistrationInput Input, RegistrationResult Result)> chunk, CancellationToken ct)
        {
            if (_context.UsesBatches) await AddBatchAsync(chunk, ct).ConfigureAwait(false);
            else await AddSinglyAsync(chunk, ct).ConfigureAwait(false);
        }

        private async Task AddBatchAsync(IReadOnlyList<(RegistrationInput Input, RegistrationResult Result)> chunk, CancellationToken ct)
        {
            try
            {
                IReadOnlyList<ZoomBatchRegistered> done = await _zoom.Registrants.AddBatchAsync(_context.Webinar.Id,
                    chunk.Select(c => new ZoomBatchRegistrant { Email = c.Input.Email, FirstName = c.Input.FirstName, LastName = c.Input.LastName }).ToList(),
                    autoApprove: _context.Webinar.Settings?.ApprovalType == 0, ct).ConfigureAwait(false);
                var byEmail = done.Where(d => d.Email != null).GroupBy(d => d.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
                foreach (var c in chunk)
                {
                    if (byEmail.TryGetValue(c.Input.Email, out ZoomBatchRegistered r)) c.Result.Registered(r.RegistrantId, r.JoinUrl);
                    else c.Result.Fail(RegistrationReasons.ZoomError, null, "Zoom's batch answer did not include this email.");
                }
            }
            catch (ZoomHubApiException ex) when (RefusesTheWebinar(ex))
            {
                foreach (var c in chunk) Refused(c.Result, ex);
            }
            catch (ZoomHubApiException ex) when (ex.MaybeCommitted)
            {
                await SettleLostReplyAsync(chunk, ex, ct).ConfigureAwait(false);
            }
            catch (ZoomHubApiException ex) when (ex.Api == ApiKind.Zoom && (ex.Kind == ErrorKind.RateLimited || ex.Kind == ErrorKind.Validation))
            {
                // One person's daily limit, or a row Zoom rejects, fails a whole batch: this batch goes one by one so only
                // that row fails and the others go on.
                await AddSinglyAsync(chunk, ct).ConfigureAwait(false);
            }
        }

        private async Task AddSinglyAsync(IReadOnlyList<(RegistrationInput Input, RegistrationResult Result)> people, CancellationToken ct)
        {
            var lost = new List<(RegistrationInput, RegistrationResult)>();
            ZoomHubApiException lostError = null;
            using (var gate = new SemaphoreSlim(SingleAddsInFlight))
            {
                await Task.WhenAll(people.Select(async p =>
                {
                    await gate.WaitAsync(ct).ConfigureAwait(false);
                    try
                    {
                        ZoomRegistrantCreated created = await _zoom.Registrants.AddAsync(_context.Webinar.Id, _context.Form.Request(p.Input),
                            _options.OccurrenceId == null ? null : new[] { _options.OccurrenceId }, ct).ConfigureAwait(false);
                        p.Result.Registered(created?.RegistrantId, created?.JoinUrl);
                    }
                    catch (ZoomHubApiException ex) when (ex.MaybeCommitted)
                    {
                        lock (lost)
                        {
                            lost.Add(p);
                            lostError = ex;
                        }
                    }
                    catch (ZoomHubApiException ex)
                    {
                        Refused(p.Result, ex);
                    }
                    finally
                    {
                        gate.Release();
                    }
                })).ConfigureAwait(false);
            }

            if (lost.Count > 0) await SettleLostReplyAsync(lost, lostError, ct).ConfigureAwait(false);
        }

        // The add may have landed: the registrant listing says. Found people are Registered (counted once); the others
        // fail as unconfirmed — not sent again, since another add would spend one of their registrations for the day.
        private async Task SettleLostReplyAsync(IReadOnlyList<(RegistrationInput Input, RegistrationResult Result)> chunk, ZoomHubApiException error, CancellationToken ct)
        {
            var wanted = new HashSet<string>(chunk.Select(c => c.Input.Email), StringComparer.OrdinalIgnoreCase);
            var found = new Dictionary<string, ZoomRegistrant>(StringComparer.OrdinalIgnoreCase);
            foreach (RegistrantStatus status in new[] { RegistrantStatus.Approved, RegistrantStatus.Pending })
            {
                await _zoom.Registrants.List(_context.Webinar.Id, status, _options.OccurrenceId).ForEachAsync(r =>
                {
                    if (r.Email != null && wanted.Contains(r.Email)) found[r.Email] = r;
                    return found.Count < wanted.Count;
                }, ct).ConfigureAwait(false);
            }

            foreach (var c in chunk)
            {
                if (found.TryGetValue(c.Input.Email, out ZoomRegistrant r)) c.Result.Registered(r.Id, r.JoinUrl);
                else c.Result.Fail(RegistrationReasons.Unconfirmed, error.ZoomCode,
                    $"Zoom's reply was lost ({error.VendorMessage}) and the registrant list does not show {c.Input.Email}: not registered. Run again to register them.");
            }
        }

        private static bool RefusesTheWebinar(ZoomHubApiException ex)
            => ex.Api == ApiKind.Zoom && (ex.ZoomCode == ZoomErrorCodes.WebinarFull || ex.ZoomCode == ZoomErrorCodes.CannotRegister);

        private static void Refused(RegistrationResult result, ZoomHubApiException ex)
        {
            if (ex.Kind == ErrorKind.RateLimited) result.Fail(ex.IsDaily ? RegistrationReasons.DailyLimit : RegistrationReasons.RateLimited, 429, ex.VendorMessage);
            else if (ex.ZoomCode == ZoomErrorCodes.HostCannotRegister) result.Fail(RegistrationReasons.Host, ex.ZoomCode, ex.VendorMessage);
            else if (ex.ZoomCode == ZoomErrorCodes.WebinarFull) result.Fail(RegistrationReasons.Full, ex.ZoomCode, ex.VendorMessage);
            else if (ex.ZoomCode == ZoomErrorCodes.CannotRegister) result.Fail(RegistrationReasons.NotAllowed, ex.ZoomCode, ex.VendorMessage);
            else result.Fail(RegistrationReasons.ZoomError, ex.ZoomCode, ex.VendorMessage);
        }
    }
}
