using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarRegistration
{
    /// <summary>
    /// Registers people for a Zoom webinar in bulk: the webinar and its form are read once, required questions are
    /// checked before any write, hosts/panelists/duplicates/already-registered people are reported without add
    /// requests, the rest go in batches of 30 where Zoom allows it (type-5 webinars with no extra answers) and as
    /// single adds elsewhere; one failed row never stops the others.
    /// </summary>
    public sealed class WebinarRegistrationEngine
    {
        private const int ZoomBatch = 30;
        private const int SingleAddsInFlight = 4;

        private static readonly Dictionary<string, string[]> FieldAliases = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["last_name"] = new[] { "LastName", "last_name", "lastname" },
            ["address"] = new[] { "Address", "address" },
            ["city"] = new[] { "City", "city" },
            ["state"] = new[] { "State", "state" },
            ["zip"] = new[] { "Zip", "zip", "PostalCode" },
            ["country"] = new[] { "Country", "country" },
            ["phone"] = new[] { "Phone", "phone" },
            ["industry"] = new[] { "Industry", "industry" },
            ["org"] = new[] { "Org", "org", "Company", "company", "Organization" },
            ["job_title"] = new[] { "JobTitle", "job_title", "jobtitle", "Title" },
            ["purchasing_time_frame"] = new[] { "PurchasingTimeFrame", "purchasing_time_frame" },
            ["role_in_purchase_process"] = new[] { "RoleInPurchaseProcess", "role_in_purchase_process" },
            ["no_of_employees"] = new[] { "NoOfEmployees", "no_of_employees", "numemployees" },
            ["comments"] = new[] { "Comments", "comments" },
        };

        private readonly ZoomHubConnection _connection;
        private readonly HashSet<string> _knownEvents = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Creates an engine.</summary>
        public WebinarRegistrationEngine(ZoomHubConnection connection) => _connection = connection ?? throw new ArgumentNullException(nameof(connection));

        /// <summary>
        /// Registers <paramref name="inputs"/> for <paramref name="webinarId"/>; <paramref name="onResult"/> gets one result per input.
        /// Throws before any write when the webinar cannot take registrations or required answers are missing.
        /// </summary>
        public async Task RegisterAsync(long webinarId, IReadOnlyList<RegistrationInput> inputs, RegistrationOptions options, Action<RegistrationResult> onResult, CancellationToken cancellationToken = default)
        {
            options = options ?? new RegistrationOptions();
            ZoomWebinar webinar = await _connection.Zoom.Webinars.GetAsync(webinarId, cancellationToken).ConfigureAwait(false);
            if (!webinar.RequiresRegistration)
            {
                throw new RegistrationNotPossibleException(webinarId, $"Webinar {webinarId} ('{webinar.Topic}') does not take registrations (approval type 2: no registration required). Turn registration on in Zoom first.");
            }

            DateTimeOffset now = _connection.Clock.GetUtcNow();
            if (!webinar.IsRecurring && webinar.StartTime.HasValue && webinar.StartTime.Value.AddMinutes(Math.Max(webinar.Duration, 1)) < now)
            {
                throw new RegistrationNotPossibleException(webinarId, $"Webinar {webinarId} ('{webinar.Topic}') is over; Zoom does not register people for it (3038).");
            }

            ZoomRegistrationQuestions form = await _connection.Zoom.Webinars.GetRegistrationQuestionsAsync(webinarId, cancellationToken).ConfigureAwait(false);
            var map = new Dictionary<string, string>(options.QuestionMap ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
            CheckRequired(webinarId, form, map, inputs);

            var panelists = new HashSet<string>((await _connection.Zoom.Webinars.GetPanelistsAsync(webinarId, cancellationToken).ConfigureAwait(false)).Select(p => p.Email).Where(e => e != null), StringComparer.OrdinalIgnoreCase);
            var registered = new Dictionary<string, ZoomRegistrant>(StringComparer.OrdinalIgnoreCase);
            foreach (RegistrantStatus status in new[] { RegistrantStatus.Approved, RegistrantStatus.Pending, RegistrantStatus.Denied })
            {
                await _connection.Zoom.Registrants.List(webinarId, status, options.OccurrenceId).ForEachAsync(r =>
                {
                    if (!string.IsNullOrEmpty(r.Email)) registered[r.Email] = r;
                    return true;
                }, cancellationToken).ConfigureAwait(false);
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new List<(RegistrationInput Input, RegistrationResult Result)>();
            var results = new List<RegistrationResult>();
            foreach (RegistrationInput input in inputs)
            {
                string email = input.Email;
                var result = new RegistrationResult { Input = input.Original, Email = email, WebinarId = webinarId, OccurrenceId = options.OccurrenceId, ContactId = input.ContactId, WhatIf = options.WhatIf };
                results.Add(result);
                if (!EmailRules.IsValid(email)) { Fail(result, "InvalidEmail", null, $"'{email}' is not an email address."); }
                else if (!seen.Add(email)) { Skip(result, "DuplicateInput", "The same email appears earlier in the input."); }
                else if (string.Equals(email, webinar.HostEmail, StringComparison.OrdinalIgnoreCase)) { Skip(result, "Host", "The webinar's host cannot register (Zoom 3027)."); }
                else if (panelists.Contains(email)) { Skip(result, "Panelist", "Panelists are invited, not registered (Zoom 3000)."); }
                else if (EmailRules.InDomains(email, options.ExcludeDomains)) { Skip(result, "Excluded", "The email's domain is excluded."); }
                else if (registered.TryGetValue(email, out ZoomRegistrant existing))
                {
                    result.Status = RegistrationStatus.AlreadyRegistered;
                    result.RegistrantId = existing.Id;
                    result.JoinUrl = existing.JoinUrl;
                    result.Message = existing.Status == "approved" ? null : "Registered with status " + existing.Status + ".";
                    continue;
                }
                else if (string.IsNullOrEmpty(input.FirstName)) { Fail(result, "MissingFirstName", null, "Zoom requires a first name; the input has none."); }
                else { pending.Add((input, result)); continue; }
            }

            bool extraAnswers = (form?.Questions ?? new List<ZoomStandardQuestion>()).Any(q => q.Required && q.FieldName != "last_name")
                || (form?.CustomQuestions ?? new List<ZoomCustomQuestion>()).Any(q => q.Required)
                || map.Count > 0;
            bool batch = webinar.Type == 5 && !extraAnswers;

            // Decided without an add request (skips, failures, already registered): written back and reported first.
            var pendingResults = new HashSet<RegistrationResult>(pending.Select(p => p.Result));
            List<RegistrationResult> decided = results.Where(r => !pendingResults.Contains(r)).ToList();
            await FinishAsync(webinar, decided, options, onResult, cancellationToken).ConfigureAwait(false);

            // Then the rest, one batch at a time: each batch is registered, written back and reported before the next
            // starts, so stopping (Ctrl+C, -ErrorAction Stop on a failed row) leaves no later batch half done.
            int chunkSize = batch ? ZoomBatch : SingleAddsInFlight * 5;
            for (int i = 0; i < pending.Count; i += chunkSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                List<(RegistrationInput Input, RegistrationResult Result)> chunk = pending.Skip(i).Take(chunkSize).ToList();
                if (options.WhatIf)
                {
                    foreach (var p in chunk) p.Result.Status = RegistrationStatus.Registered;
                }
                else if (batch)
                {
                    await RegisterBatchAsync(webinar, chunk, form, map, options, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await RegisterSinglyAsync(webinar, chunk, form, map, options, cancellationToken).ConfigureAwait(false);
                }

                await FinishAsync(webinar, chunk.Select(c => c.Result).ToList(), options, onResult, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task FinishAsync(ZoomWebinar webinar, List<RegistrationResult> results, RegistrationOptions options, Action<RegistrationResult> onResult, CancellationToken ct)
        {
            if (options.WriteBackToHubSpot && !options.WhatIf && results.Count > 0)
            {
                await WriteBackAsync(webinar, results, options, ct).ConfigureAwait(false);
            }

            foreach (RegistrationResult r in results) onResult?.Invoke(r);
        }

        private static void CheckRequired(long webinarId, ZoomRegistrationQuestions form, IDictionary<string, string> map, IReadOnlyList<RegistrationInput> inputs)
        {
            var missing = new List<string>();
            RegistrationInput sample = inputs.FirstOrDefault();
            bool Covered(string question, string[] aliases)
            {
                if (map.ContainsKey(question)) return true;
                return sample != null && aliases.Any(a => sample.Values.ContainsKey(a)) || (sample != null && sample.Values.ContainsKey(question));
            }

            foreach (ZoomStandardQuestion q in form?.Questions ?? new List<ZoomStandardQuestion>())
            {
                if (q.Required && !Covered(q.FieldName, FieldAliases.TryGetValue(q.FieldName, out string[] a) ? a : new string[0])) missing.Add(q.FieldName);
            }

            foreach (ZoomCustomQuestion q in form?.CustomQuestions ?? new List<ZoomCustomQuestion>())
            {
                if (q.Required && !Covered(q.Title, new string[0])) missing.Add(q.Title);
            }

            if (missing.Count > 0) throw new RegistrationQuestionsMissingException(webinarId, missing);
        }

        private async Task RegisterBatchAsync(ZoomWebinar webinar, List<(RegistrationInput Input, RegistrationResult Result)> chunk, ZoomRegistrationQuestions form, IDictionary<string, string> map, RegistrationOptions options, CancellationToken ct)
        {
            try
            {
                IReadOnlyList<ZoomBatchRegistered> done = await _connection.Zoom.Registrants.AddBatchAsync(webinar.Id,
                    chunk.Select(c => new ZoomBatchRegistrant { Email = c.Input.Email, FirstName = c.Input.FirstName, LastName = c.Input.LastName }).ToList(),
                    autoApprove: webinar.Settings?.ApprovalType == 0, ct).ConfigureAwait(false);
                var byEmail = done.Where(d => d.Email != null).GroupBy(d => d.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
                foreach (var c in chunk)
                {
                    if (byEmail.TryGetValue(c.Input.Email, out ZoomBatchRegistered r))
                    {
                        c.Result.Status = RegistrationStatus.Registered;
                        c.Result.RegistrantId = r.RegistrantId;
                        c.Result.JoinUrl = r.JoinUrl;
                    }
                    else
                    {
                        Fail(c.Result, "ZoomError", null, "Zoom's batch answer did not include this email.");
                    }
                }
            }
            catch (ZoomHubApiException ex) when (ex.Api == ApiKind.Zoom && (ex.Kind == ErrorKind.RateLimited || ex.Kind == ErrorKind.Validation))
            {
                // One person's daily limit (or a row Zoom rejects) fails a whole batch: register this batch one by one so
                // only that row fails and the others go on.
                await RegisterSinglyAsync(webinar, chunk, form, map, options, ct).ConfigureAwait(false);
            }
        }

        private async Task RegisterSinglyAsync(ZoomWebinar webinar, List<(RegistrationInput Input, RegistrationResult Result)> people, ZoomRegistrationQuestions form, IDictionary<string, string> map, RegistrationOptions options, CancellationToken ct)
        {
            using (var gate = new SemaphoreSlim(SingleAddsInFlight))
            {
                await Task.WhenAll(people.Select(async p =>
                {
                    await gate.WaitAsync(ct).ConfigureAwait(false);
                    try
                    {
                        ZoomRegistrantCreated created = await _connection.Zoom.Registrants.AddAsync(webinar.Id, Request(p.Input, form, map),
                            options.OccurrenceId == null ? null : new[] { options.OccurrenceId }, ct).ConfigureAwait(false);
                        p.Result.Status = RegistrationStatus.Registered;
                        p.Result.RegistrantId = created?.RegistrantId;
                        p.Result.JoinUrl = created?.JoinUrl;
                    }
                    catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.RateLimited)
                    {
                        Fail(p.Result, ex.IsDaily ? "DailyLimit" : "RateLimited", 429, ex.VendorMessage);
                    }
                    catch (ZoomHubApiException ex)
                    {
                        Fail(p.Result, ex.ZoomCode == 3027 ? "Host" : "ZoomError", ex.ZoomCode, ex.VendorMessage);
                    }
                    finally
                    {
                        gate.Release();
                    }
                })).ConfigureAwait(false);
            }
        }

        private static ZoomRegistrantRequest Request(RegistrationInput input, ZoomRegistrationQuestions form, IDictionary<string, string> map)
        {
            string Answer(string question, string[] aliases)
            {
                if (map.TryGetValue(question, out string source))
                {
                    return source != null && source.StartsWith("=", StringComparison.Ordinal) ? source.Substring(1) : input.Get(source);
                }

                return input.Get(aliases.Concat(new[] { question }).ToArray());
            }

            string F(string field) => Answer(field, FieldAliases.TryGetValue(field, out string[] a) ? a : new string[0]);
            var request = new ZoomRegistrantRequest
            {
                Email = input.Email, FirstName = input.FirstName, LastName = F("last_name"), Address = F("address"), City = F("city"), State = F("state"),
                Zip = F("zip"), Country = F("country"), Phone = F("phone"), Industry = F("industry"), Org = F("org"), JobTitle = F("job_title"),
                PurchasingTimeFrame = F("purchasing_time_frame"), RoleInPurchaseProcess = F("role_in_purchase_process"), NoOfEmployees = F("no_of_employees"), Comments = F("comments"),
            };
            var answers = new List<ZoomQuestionAnswer>();
            foreach (ZoomCustomQuestion q in form?.CustomQuestions ?? new List<ZoomCustomQuestion>())
            {
                string value = Answer(q.Title, new string[0]);
                if (!string.IsNullOrEmpty(value)) answers.Add(new ZoomQuestionAnswer { Title = q.Title, Value = value });
            }

            if (answers.Count > 0) request.CustomQuestions = answers;
            return request;
        }

        private async Task WriteBackAsync(ZoomWebinar webinar, List<RegistrationResult> results, RegistrationOptions options, CancellationToken ct)
        {
            List<RegistrationResult> linked = results.Where(r => (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.AlreadyRegistered) && !string.IsNullOrEmpty(r.JoinUrl)).ToList();
            if (linked.Count == 0) return;

            // The join link goes to the contact only where it differs: a re-run writes nothing.
            HubSpotBatchResult<HubSpotObject> current = await _connection.HubSpot.Contacts.BatchReadAsync(linked.Select(r => r.Email), "email", new[] { "email", options.JoinUrlProperty }, false, ct).ConfigureAwait(false);
            var byEmail = current.Results.Where(c => c.Email != null).GroupBy(c => c.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            var updates = new List<HubSpotObjectInput>();
            foreach (RegistrationResult r in linked)
            {
                byEmail.TryGetValue(r.Email, out HubSpotObject contact);
                if (contact != null) r.ContactId = contact.Id;
                if (contact?.Get(options.JoinUrlProperty) == r.JoinUrl) continue;
                updates.Add(new HubSpotObjectInput { Id = r.Email.ToLowerInvariant(), IdProperty = "email", Properties = new Dictionary<string, string> { ["email"] = r.Email.ToLowerInvariant(), [options.JoinUrlProperty] = r.JoinUrl } });
            }

            if (updates.Count > 0)
            {
                HubSpotBatchResult<HubSpotObject> written = await _connection.HubSpot.Contacts.BatchUpsertAsync(updates, ct).ConfigureAwait(false);
                foreach (HubSpotObject c in written.Results)
                {
                    RegistrationResult r = linked.FirstOrDefault(x => string.Equals(x.Email, c.Email, StringComparison.OrdinalIgnoreCase));
                    if (r != null) r.ContactId = c.Id;
                }
            }

            // The register participation on the event of the webinar's next occurrence (same external id as the sync).
            List<RegistrationResult> newlyRegistered = results.Where(r => r.Status == RegistrationStatus.Registered).ToList();
            if (newlyRegistered.Count == 0) return;
            DateTimeOffset start = (options.OccurrenceId != null ? webinar.Occurrences?.FirstOrDefault(o => o.OccurrenceId == options.OccurrenceId)?.StartTime : null)
                ?? webinar.Occurrences?.Where(o => o.Status != "deleted").OrderBy(o => o.StartTime).FirstOrDefault()?.StartTime
                ?? webinar.StartTime ?? _connection.Clock.GetUtcNow();
            string account = _connection.Info?.ZoomAccountId ?? "zoom";
            string eventId = $"zoomhub-{webinar.Id}-{start.ToUnixTimeSeconds()}";
            if (_knownEvents.Add(eventId) && await _connection.HubSpot.MarketingEvents.GetAsync(eventId, account, ct).ConfigureAwait(false) == null)
            {
                await _connection.HubSpot.MarketingEvents.UpsertAsync(new[]
                {
                    new HubSpotMarketingEvent
                    {
                        ExternalAccountId = account, ExternalEventId = eventId, EventName = webinar.Topic, EventType = "WEBINAR",
                        EventOrganizer = string.IsNullOrEmpty(webinar.HostEmail) ? "Zoom" : webinar.HostEmail, EventUrl = webinar.RegistrationUrl ?? webinar.JoinUrl,
                        StartDateTime = start, EndDateTime = start.AddMinutes(Math.Max(1, webinar.Duration)), CustomProperties = new List<HubSpotEventProperty>(),
                    },
                }, ct).ConfigureAwait(false);
            }

            long at = _connection.Clock.GetUtcNow().ToUnixTimeMilliseconds();
            await _connection.HubSpot.MarketingEvents.RecordAsync(eventId, account, ParticipationState.Register,
                newlyRegistered.Select(r => new HubSpotParticipationInput { Email = r.Email.ToLowerInvariant(), InteractionDateTime = at }), byEmail: true, ct).ConfigureAwait(false);
        }

        private static void Skip(RegistrationResult r, string reason, string message)
        {
            r.Status = RegistrationStatus.Skipped;
            r.Reason = reason;
            r.Message = message;
        }

        private static void Fail(RegistrationResult r, string reason, int? code, string message)
        {
            r.Status = RegistrationStatus.Failed;
            r.Reason = reason;
            r.ZoomCode = code;
            r.Message = message;
        }
    }
}
