using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Attendance;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// Syncs one webinar instance into HubSpot: contacts, the instance's marketing event with register / attend /
    /// cancel participations, and the aggregate properties recomputed from each contact's history ledger.
    /// Re-running an instance writes nothing; an interrupted run re-run ends in the uninterrupted state.
    /// </summary>
    /// <remarks>
    /// Write order per batch of ≤ 100 people, for crash safety: (1) the marketing event (once per instance), (2) the
    /// participations of the people whose entry changed (HubSpot treats a re-sent identical participation as the same
    /// one), (3) one batch upsert carrying names (only where empty), the replaced history entry and the aggregates —
    /// last, so an up-to-date history entry reliably means "fully synced"; (4) completion of the event.
    /// Participations of several batches travel together in calls of 100 per state (<see cref="BatchPacker{TKey,TItem}"/>);
    /// a batch's upsert waits until every one of its own participations is written, so the order above holds per person.
    /// The participant report is read while the registrants stream and their contacts are read; every decision waits
    /// for it.
    /// </remarks>
    public sealed class WebinarSyncEngine
    {
        private readonly ZoomHubConnection _connection;
        private HashSet<string> _accountUsers;
        private string _checkedSchema;
        private IReadOnlyDictionary<string, string> _templates;

        // Per recurring webinar: how many occurrences each approved registrant is listed for (read once per engine).
        private readonly Dictionary<long, (Dictionary<string, int> Counts, int Occurrences)> _occurrenceRegistrations = new Dictionary<long, (Dictionary<string, int>, int)>();
        private long? _templatesApp;

        /// <summary>Creates an engine over a connection (reuse it across instances: account users and the schema check are read once).</summary>
        public WebinarSyncEngine(ZoomHubConnection connection) => _connection = connection ?? throw new ArgumentNullException(nameof(connection));

        /// <summary>Every past instance of the account's webinars that started at or after <paramref name="since"/> (backfill).</summary>
        public async Task<IReadOnlyList<SyncTarget>> ExpandSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
        {
            var targets = new List<SyncTarget>();
            List<ZoomUser> hosts = await _connection.Zoom.Users.List(UserStatus.Active).ToListAsync(cancellationToken).ConfigureAwait(false);
            var seen = new HashSet<long>();
            foreach (ZoomUser host in hosts)
            {
                List<ZoomWebinar> webinars = await _connection.Zoom.Webinars.ListByHost(host.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
                foreach (ZoomWebinar w in webinars.Where(w => seen.Add(w.Id)))
                {
                    foreach (ZoomPastInstance i in await _connection.Zoom.PastWebinars.ListInstancesAsync(w.Id, cancellationToken).ConfigureAwait(false))
                    {
                        if (i.StartTime >= since) targets.Add(new SyncTarget { WebinarId = w.Id, InstanceUuid = i.Uuid });
                    }
                }
            }

            return targets;
        }

        /// <summary>Syncs one instance. <paramref name="onPerson"/> receives each person's record as it is decided.</summary>
        public async Task<SyncResult> SyncAsync(SyncTarget target, SyncOptions options, Action<PersonSyncRecord> onPerson = null, CancellationToken cancellationToken = default)
        {
            options = options ?? new SyncOptions();
            SyncPropertyNames names = options.PropertyNames ?? new SyncPropertyNames();
            var watch = Stopwatch.StartNew();
            RequestCountSnapshot before = _connection.Counters.Snapshot();
            var result = new SyncResult { WebinarId = target.WebinarId, WhatIf = options.WhatIf };
            try
            {
                await EnsureSchemaAsync(names, cancellationToken).ConfigureAwait(false);
                if (options.TimelineAppId is long app && _templatesApp != app)
                {
                    _templates = await TimelineTemplates.ResolveAsync(_connection, app, cancellationToken).ConfigureAwait(false);
                    _templatesApp = app;
                }
                var run = new InstanceRun(this, target, options, names, result, onPerson);
                await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                RequestCountSnapshot used = _connection.Counters.Snapshot() - before;
                result.ZoomRequests = used.Zoom;
                result.HubSpotRequests = used.HubSpot;
                result.Duration = watch.Elapsed;
            }

            return result;
        }

        private async Task EnsureSchemaAsync(SyncPropertyNames names, CancellationToken cancellationToken)
        {
            string key = string.Join(",", names.All());
            if (_checkedSchema == key) return;
            IReadOnlyList<string> missing = await new SchemaInitializer(_connection).MissingAsync(names, cancellationToken).ConfigureAwait(false);
            if (missing.Count > 0)
            {
                throw new ZoomHubSchemaMissingException(missing);
            }

            _checkedSchema = key;
        }

        private async Task<HashSet<string>> AccountUsersAsync(CancellationToken cancellationToken)
        {
            if (_accountUsers != null) return _accountUsers;
            var users = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (UserStatus status in new[] { UserStatus.Active, UserStatus.Inactive, UserStatus.Pending })
            {
                await _connection.Zoom.Users.List(status).ForEachAsync(u =>
                {
                    if (!string.IsNullOrEmpty(u.Email)) users.Add(u.Email);
                    return true;
                }, cancellationToken).ConfigureAwait(false);
            }

            return _accountUsers = users;
        }

        internal static bool InDomains(string email, IEnumerable<string> domains) => EmailRules.InDomains(email, domains);

        /// <summary>One instance's run: state shared by its batches.</summary>
        private sealed class InstanceRun
        {
            private const int Batch = HubSpotClient.BatchSize;

            // Batches of different people are independent: a few run at once so the module works at the APIs' rate
            // limits (the client's limiter paces them) instead of waiting on each request's latency in turn. Each
            // batch keeps its own crash-safe order (participations, then the upsert that records them).
            private const int BatchesInFlight = 4;

            // Batches whose participations may wait for a fuller call before partial calls are sent anyway (bounds the
            // people held in memory; in practice a call of each state fills within two batches).
            private const int MaxWaitingBatches = 10;

            // While the participant report is still being read, this many more batches may read their contacts ahead
            // (the reads need no attendance) and wait for it. HubSpot's 10-second window then fills from the first
            // seconds instead of after the report (a sync is bound by HubSpot); afterwards the extra slots are taken
            // back, so at most (BatchesInFlight + ReadAheadBatches) × 100 people are ever held.
            private const int ReadAheadBatches = 36;

            private readonly WebinarSyncEngine _engine;
            private readonly SyncTarget _target;
            private readonly SyncOptions _options;
            private readonly SyncPropertyNames _names;
            private readonly SyncResult _result;
            private readonly Action<PersonSyncRecord> _onPerson;
            private readonly HashSet<string> _done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            private readonly object _gate = new object();
            private readonly List<Task> _inFlight = new List<Task>();
            private readonly List<Task> _prepared = new List<Task>();
            private BatchPacker<(ParticipationState State, bool ByEmail), PlannedParticipation> _packer;
            private Task _participantsRead = Task.CompletedTask;

            // Registrants listed while participant rows are still arriving (id → email); dropped once every row is in.
            private Dictionary<string, string> _registrantEmails = new Dictionary<string, string>(StringComparer.Ordinal);
            private SemaphoreSlim _slots = new SemaphoreSlim(BatchesInFlight);
            private Task _eventTask;
            private ZoomHubConnection Api => _engine._connection;

            private ZoomWebinar _webinar;
            private DateTimeOffset _start;
            private TimeSpan _duration;
            private string _registrationKey;
            private string _occurrenceId;
            private bool _past;
            private AttendanceCalculator _attendance;
            private HashSet<string> _accountUsers;
            private string _eventId;
            private string _eventAccount;

            public InstanceRun(WebinarSyncEngine engine, SyncTarget target, SyncOptions options, SyncPropertyNames names, SyncResult result, Action<PersonSyncRecord> onPerson)
            {
                _engine = engine;
                _target = target;
                _options = options;
                _names = names;
                _result = result;
                _onPerson = onPerson;
            }

            public async Task ExecuteAsync(CancellationToken ct)
            {
                _webinar = await Api.Zoom.Webinars.GetAsync(_target.WebinarId, ct).ConfigureAwait(false);
                _result.Topic = _webinar.Topic;
                if (InDomains(_webinar.HostEmail, _options.ExcludeHostDomains))
                {
                    _result.InstanceSkipReason = SkipReasons.ExcludedHost;
                    return;
                }

                await ChooseInstanceAsync(ct).ConfigureAwait(false);
                _result.StartTime = _start;
                _eventAccount = Api.Info?.ZoomAccountId ?? "zoom";
                _eventId = $"zoomhub-{_webinar.Id}-{_start.ToUnixTimeSeconds()}";
                _result.MarketingEventId = _eventId;
                _accountUsers = _options.IncludeAccountUsers ? new HashSet<string>() : await _engine.AccountUsersAsync(ct).ConfigureAwait(false);

                // The participants are read while the registrants stream and their contacts are read from HubSpot: only
                // the decisions (history entries, participations, the pending rule) wait for the attendance, so HubSpot,
                // the bucket that bounds a sync, starts working seconds earlier. Guest rows that name a registrant id are
                // matched whichever of the two listings reaches them first.
                _attendance = new AttendanceCalculator(_duration, RegistrantEmailWhileReading);
                _participantsRead = _past ? ReadParticipantsAsync(ct) : Task.CompletedTask;
                if (_past) _slots = new SemaphoreSlim(BatchesInFlight + ReadAheadBatches);

                if (_options.IncludeRecording && _past && !InDomains(_webinar.HostEmail, _options.ExcludeRecordingDomains))
                {
                    try
                    {
                        _result.RecordingShareUrl = (await Api.Zoom.Recordings.GetAsync(_webinar.Id, _result.InstanceUuid, ct).ConfigureAwait(false))?.ShareUrl;
                    }
                    catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.NotFound)
                    {
                        // No recording for this instance.
                    }
                }

                // Registrants of every status, streamed; people are processed 100 at a time.
                _packer = new BatchPacker<(ParticipationState State, bool ByEmail), PlannedParticipation>(HubSpotMarketingEventsClient.AttendanceBatchSize, MaxWaitingBatches, (key, items) => SendParticipationsAsync(key, items, ct));
                try
                {
                    await DispatchAllAsync(ct).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    // Nothing more is sent; batches waiting for their participations fail too (their upserts are not
                    // made, so a re-run redoes them). Wait for the batches already writing so their records are out.
                    _packer.Fail(ex);
                    try
                    {
                        await Task.WhenAll(_inFlight.Concat(new[] { _participantsRead })).ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // The first error is the one reported.
                    }

                    throw;
                }

                foreach (var group in _attendance.RowsWithoutEmail.GroupBy(r => r.Name ?? r.UserId ?? string.Empty))
                {
                    Report(new PersonSyncRecord { Name = group.Key, Outcome = SyncOutcome.Skipped, Reason = SkipReasons.NoEmail });
                }

                if (_past)
                {
                    await CompleteEventAsync(ct).ConfigureAwait(false);
                }
            }

            private async Task DispatchAllAsync(CancellationToken ct)
            {
                var batch = new List<Person>(Batch);
                foreach (RegistrantStatus status in new[] { RegistrantStatus.Approved, RegistrantStatus.Denied, RegistrantStatus.Pending })
                {
                    // One page of registrants at a time: each page is processed (in batches of 100) before the next is read.
                    await Api.Zoom.Registrants.List(_webinar.Id, status, _registrationKey == "W" ? null : _occurrenceId).ForEachPageAsync(async (page, token) =>
                    {
                        foreach (ZoomRegistrant r in page.Items)
                        {
                            if (string.IsNullOrWhiteSpace(r.Email)) continue;
                            lock (_gate)
                            {
                                if (!_attendance.ResolveRegistrant(r.Id, r.Email) && r.Id != null && _registrantEmails != null) _registrantEmails[r.Id] = r.Email;
                            }

                            if (!_done.Add(r.Email.Trim())) continue;
                            batch.Add(new Person { Email = r.Email.Trim(), FirstName = r.FirstName, LastName = r.LastName, Registrant = r });
                            if (batch.Count == Batch)
                            {
                                await DispatchAsync(batch.ToList(), token).ConfigureAwait(false);
                                batch.Clear();
                            }
                        }

                        return true;
                    }, ct).ConfigureAwait(false);
                }

                // Guests: attendees who were not registrants. No need to wait for the registrant batches: closing the
                // unresolved guest rows changes no one's attendance that a batch reads.
                await _participantsRead.ConfigureAwait(false);
                List<WebinarAttendance> attendees;
                lock (_gate)
                {
                    _attendance.CloseUnresolved();
                    attendees = _attendance.Results().ToList();
                }

                foreach (WebinarAttendance a in attendees)
                {
                    if (!_done.Add(a.Email)) continue;
                    SplitName(a.Name, out string first, out string last);
                    batch.Add(new Person { Email = a.Email, FirstName = first, LastName = last });
                    if (batch.Count == Batch)
                    {
                        await DispatchAsync(batch.ToList(), ct).ConfigureAwait(false);
                        batch.Clear();
                    }
                }

                if (batch.Count > 0) await DispatchAsync(batch.ToList(), ct).ConfigureAwait(false);

                // Every batch has handed over its participations: the partial calls can leave, then the batches finish.
                await Task.WhenAll(_prepared).ConfigureAwait(false);
                _packer.Flush();
                await Task.WhenAll(_inFlight).ConfigureAwait(false);
            }

            private async Task DispatchAsync(List<Person> people, CancellationToken ct)
            {
                await _slots.WaitAsync(ct).ConfigureAwait(false);
                Task failed = _inFlight.FirstOrDefault(t => t.IsFaulted || t.IsCanceled);
                if (failed != null)
                {
                    _slots.Release();
                    await failed.ConfigureAwait(false); // a batch failed: stop starting new ones, surface its error
                }

                _inFlight.RemoveAll(t => t.Status == TaskStatus.RanToCompletion);
                _prepared.RemoveAll(t => t.Status == TaskStatus.RanToCompletion);

                // A batch holds its slot while it reads and decides; once its participations are handed to the packer it
                // gives the slot back and waits for them (and then upserts) without keeping the next batch from reading.
                var prepared = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                _prepared.Add(prepared.Task);
                int released = 0;
                void Prepared()
                {
                    if (Interlocked.Exchange(ref released, 1) == 1) return;
                    _slots.Release();
                    prepared.TrySetResult(true);
                }

                // No token on Task.Run itself: the batch must always run its finally (slot and "prepared" released),
                // or a cancellation before it starts would leave the run waiting for it forever. ProcessAsync observes
                // the token in every request it makes.
                _inFlight.Add(Task.Run(async () =>
                {
                    try
                    {
                        ct.ThrowIfCancellationRequested();
                        await ProcessAsync(people, Prepared, ct).ConfigureAwait(false);
                    }
                    finally
                    {
                        Prepared();
                    }
                }));
            }

            private WebinarAttendance Attendance(string email)
            {
                lock (_gate) return _attendance.Get(email);
            }

            private async Task ChooseInstanceAsync(CancellationToken ct)
            {
                IReadOnlyList<ZoomPastInstance> instances;
                try
                {
                    instances = await Api.Zoom.PastWebinars.ListInstancesAsync(_webinar.Id, ct).ConfigureAwait(false);
                }
                catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.NotFound)
                {
                    instances = new ZoomPastInstance[0];
                }

                // A webinar object piped in carries the webinar's own UUID, which is not a past instance: treat it as
                // "the latest instance" (or, for a webinar not held yet, its registrations).
                string uuid = _target.InstanceUuid == _webinar.Uuid && instances.All(i => i.Uuid != _target.InstanceUuid) ? null : _target.InstanceUuid;
                ZoomPastInstance chosen = uuid != null
                    ? instances.FirstOrDefault(i => i.Uuid == uuid)
                    : instances.OrderBy(i => i.StartTime).LastOrDefault();
                if (uuid != null && chosen == null)
                {
                    throw new ZoomHubApiException(new ApiFailure { Api = ApiKind.Zoom, Kind = ErrorKind.NotFound, StatusCode = System.Net.HttpStatusCode.NotFound, VendorCode = "3001", VendorMessage = $"Webinar {_webinar.Id} has no past instance '{_target.InstanceUuid}'.", Method = "GET", Path = "past_webinars/" + _webinar.Id + "/instances" });
                }

                ZoomOccurrence occurrence;
                if (chosen != null)
                {
                    _past = true;
                    _start = chosen.StartTime;
                    _result.InstanceUuid = chosen.Uuid;
                    occurrence = _webinar.Occurrences?.OrderBy(o => Math.Abs((o.StartTime - _start).TotalMinutes)).FirstOrDefault(o => Math.Abs((o.StartTime - _start).TotalHours) < 12);
                }
                else
                {
                    // Not held yet: registrations only, keyed by the next scheduled start.
                    occurrence = _webinar.Occurrences?.Where(o => o.Status != "deleted").OrderBy(o => o.StartTime).FirstOrDefault();
                    _start = occurrence?.StartTime ?? _webinar.StartTime ?? Api.Clock.GetUtcNow();
                }

                _duration = TimeSpan.FromMinutes(occurrence?.Duration > 0 ? occurrence.Duration : (_webinar.Duration > 0 ? _webinar.Duration : 60));
                if (chosen != null)
                {
                    // Percent is of what the instance actually lasted (the report summary), not of the schedule.
                    try
                    {
                        ZoomWebinarReport report = await Api.Zoom.PastWebinars.GetReportAsync(_webinar.Id, chosen.Uuid, ct).ConfigureAwait(false);
                        if (report?.Duration > 0) _duration = TimeSpan.FromMinutes(report.Duration);
                        else if (report?.StartTime != null && report.EndTime > report.StartTime) _duration = report.EndTime.Value - report.StartTime.Value;
                    }
                    catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.NotFound || ex.Kind == ErrorKind.PermissionDenied || ex.ZoomCode == 12702)
                    {
                        // No report (older than 6 months or no report scope): the scheduled duration stands in.
                    }
                }
                _occurrenceId = occurrence?.OccurrenceId;

                // Registration counts once per webinar, or once per occurrence when people register per occurrence
                // (recurring webinars with registration_type 2 or 3).
                bool perOccurrence = _webinar.IsRecurring && _occurrenceId != null && (_webinar.Settings?.RegistrationType ?? 1) != 1;
                _registrationKey = perOccurrence ? "O:" + _occurrenceId : "W";
                if (perOccurrence)
                {
                    // Zoom's registrant object does not say which occurrences someone registered for: a person listed
                    // for every occurrence registered for the webinar (counts once), others for specific occurrences.
                    if (!_engine._occurrenceRegistrations.TryGetValue(_webinar.Id, out var known))
                    {
                        List<ZoomOccurrence> all = _webinar.Occurrences.Where(o => o.Status != "deleted").ToList();
                        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                        foreach (ZoomOccurrence o in all)
                        {
                            await Api.Zoom.Registrants.List(_webinar.Id, RegistrantStatus.Approved, o.OccurrenceId).ForEachAsync(r =>
                            {
                                if (!string.IsNullOrEmpty(r.Email)) counts[r.Email] = (counts.TryGetValue(r.Email, out int n) ? n : 0) + 1;
                                return true;
                            }, ct).ConfigureAwait(false);
                        }

                        known = (counts, all.Count);
                        _engine._occurrenceRegistrations[_webinar.Id] = known;
                    }

                    _occurrencesOf = known.Counts;
                    _occurrenceCount = known.Occurrences;
                }
            }

            private Dictionary<string, int> _occurrencesOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            private int _occurrenceCount;

            private string RegistrationKeyOf(ZoomRegistrant r)
                => _registrationKey != "W" && _occurrencesOf.TryGetValue(r.Email, out int n) && n >= _occurrenceCount ? "W" : _registrationKey;

            private async Task ReadParticipantsAsync(CancellationToken ct)
            {
                await Task.Yield(); // the registrant listing starts at once
                await ParticipantReader.ForEachAsync(Api.Zoom, _webinar.Id, _result.InstanceUuid, preferReport: true, p =>
                {
                    lock (_gate) _attendance.Add(p);
                    return true;
                }, cancellationToken: ct).ConfigureAwait(false);
                lock (_gate) _registrantEmails = null; // rows all in: later registrants resolve their own rows

                // Take the read-ahead slots back as batches free them: from now on BatchesInFlight batches at a time.
                _ = Task.Run(async () =>
                {
                    for (int i = 0; i < ReadAheadBatches; i++) await _slots.WaitAsync().ConfigureAwait(false);
                });
            }

            // Called by the calculator under _gate.
            private string RegistrantEmailWhileReading(string registrantId)
                => _registrantEmails != null && _registrantEmails.TryGetValue(registrantId, out string email) ? email : null;

            private async Task ProcessAsync(List<Person> people, Action prepared, CancellationToken ct)
            {
                // 1. Who needs a HubSpot read: not invalid emails, account users, or pending registrants who did not
                // attend (a batch with pending registrants waits for the attendance first, so they are not read for nothing).
                if (people.Any(p => p.Registrant?.Status == "pending")) await _participantsRead.ConfigureAwait(false);
                var candidates = new List<Person>();
                var skipped = new List<(Person Person, string Reason)>();
                foreach (Person p in people)
                {
                    if (!EmailRules.IsValid(p.Email)) skipped.Add((p, SkipReasons.InvalidEmail));
                    else if (_accountUsers.Contains(p.Email)) skipped.Add((p, SkipReasons.AccountUser));
                    else if (p.Registrant != null && p.Registrant.Status == "pending" && Attendance(p.Email) == null) skipped.Add((p, SkipReasons.Pending));
                    else candidates.Add(p);
                }

                if (candidates.Count == 0)
                {
                    await _participantsRead.ConfigureAwait(false); // skip records carry the attendance
                    foreach (var x in skipped) Skip(x.Person, x.Reason);
                    return;
                }

                // 2. One batch read by primary email (needs no attendance: it may run while participants are read).
                var props = new[] { "email", "firstname", "lastname", "hs_additional_emails", _names.History };
                HubSpotBatchResult<HubSpotObject> read = await Api.HubSpot.Contacts.BatchReadAsync(candidates.Select(c => c.Email), "email", props, false, ct).ConfigureAwait(false);
                var byEmail = read.Results.Where(r => r.Email != null).GroupBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
                foreach (Person p in candidates)
                {
                    byEmail.TryGetValue(p.Email, out p.Contact);
                }

                if (_options.MatchSecondaryEmail)
                {
                    await MatchSecondaryAsync(candidates.Where(c => c.Contact == null).ToList(), props, ct).ConfigureAwait(false);
                }

                List<Person> unknown = candidates.Where(c => c.Contact == null && !InDomains(c.Email, _options.ExcludeContactDomains)).ToList();
                if (unknown.Count > 0 && !_options.RecreateDeletedContacts)
                {
                    HubSpotBatchResult<HubSpotObject> archived = await Api.HubSpot.Contacts.BatchReadAsync(unknown.Select(u => u.Email), "email", new[] { "email" }, true, ct).ConfigureAwait(false);
                    var deleted = new HashSet<string>(archived.Results.Where(r => r.Archived && r.Email != null).Select(r => r.Email), StringComparer.OrdinalIgnoreCase);
                    foreach (Person p in unknown.Where(u => deleted.Contains(u.Email))) p.Deleted = true;
                }

                // 3. Decide each person's new history entry: from here on the attendance must be complete.
                await _participantsRead.ConfigureAwait(false);
                foreach (var x in skipped) Skip(x.Person, x.Reason);

                var changed = new List<Person>();
                foreach (Person p in candidates)
                {
                    if (p.Contact == null && InDomains(p.Email, _options.ExcludeContactDomains)) { Skip(p, SkipReasons.ExcludedDomain); continue; }
                    if (p.Contact == null && p.Deleted) { Skip(p, SkipReasons.DeletedContact); continue; }
                    p.History = WebinarHistory.Parse(p.Contact?.Get(_names.History));
                    p.Old = p.History.Find(_webinar.Id, _start.ToUnixTimeSeconds());
                    p.Entry = NewEntry(p);
                    if (p.Entry.SameAs(p.Old))
                    {
                        Report(Record(p, SyncOutcome.Unchanged));
                        continue;
                    }

                    p.History.Replace(p.Entry);
                    changed.Add(p);
                }

                if (changed.Count == 0) return;

                // 4. Writes: event, participations, then the upsert that records them.
                await EnsureEventAsync(ct).ConfigureAwait(false);
                var failed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                Task participations = PlanParticipations(changed, failed);
                prepared();
                await participations.ConfigureAwait(false);
                await TimelineAsync(changed.Where(c => !failed.ContainsKey(c.Email)).ToList(), failed, ct).ConfigureAwait(false);
                await UpsertAsync(changed.Where(c => !failed.ContainsKey(c.Email)).ToList(), failed, ct).ConfigureAwait(false);
                foreach (Person p in changed)
                {
                    if (failed.TryGetValue(p.Email, out string message))
                    {
                        PersonSyncRecord f = Record(p, SyncOutcome.Failed);
                        f.Reason = "HubSpotRejected";
                        f.Message = message;
                        Report(f);
                    }
                    else
                    {
                        Report(Record(p, p.Contact == null ? SyncOutcome.Created : SyncOutcome.Updated));
                    }
                }
            }

            private HistoryEntry NewEntry(Person p)
            {
                WebinarAttendance a = Attendance(p.Email);
                ZoomRegistrant r = p.Registrant;
                bool approved = r != null && r.Status == "approved";
                return new HistoryEntry
                {
                    WebinarId = _webinar.Id,
                    StartUnix = _start.ToUnixTimeSeconds(),
                    RegistrationKey = r == null || r.Status == "pending" ? "-" : RegistrationKeyOf(r),
                    RegisteredAtUnix = approved ? (r.CreateTime ?? _start).ToUnixTimeSeconds() : 0,
                    AttendedSeconds = a?.AttendedSeconds ?? 0,
                    PercentTenths = a == null ? 0 : (int)Math.Round(a.Percent * 10, MidpointRounding.AwayFromZero),
                    JoinUrl = approved ? r.JoinUrl : null,
                };
            }

            private async Task MatchSecondaryAsync(List<Person> missing, string[] props, CancellationToken ct)
            {
                // HubSpot finds secondary emails only through search: one OR group per email, 5 groups per request.
                for (int i = 0; i < missing.Count; i += 5)
                {
                    List<Person> chunk = missing.Skip(i).Take(5).ToList();
                    var request = new HubSpotSearchRequest
                    {
                        FilterGroups = chunk.Select(p => new HubSpotFilterGroup { Filters = { new HubSpotFilter { PropertyName = "hs_additional_emails", Operator = "CONTAINS_TOKEN", Value = p.Email } } }).ToList(),
                        Properties = props.ToList(),
                    };
                    await Api.HubSpot.Contacts.Search(request).ForEachAsync(c =>
                    {
                        string[] extra = (c.Get("hs_additional_emails") ?? string.Empty).Split(';').Select(e => e.Trim()).ToArray();
                        foreach (Person p in chunk.Where(p => p.Contact == null && extra.Contains(p.Email, StringComparer.OrdinalIgnoreCase)))
                        {
                            p.Contact = c;
                            p.BySecondaryEmail = true;
                        }

                        return true;
                    }, ct).ConfigureAwait(false);
                }
            }

            private Task EnsureEventAsync(CancellationToken ct)
            {
                lock (_gate)
                {
                    return _eventTask ?? (_eventTask = EnsureEventOnceAsync(ct));
                }
            }

            private async Task EnsureEventOnceAsync(CancellationToken ct)
            {
                var wanted = new HubSpotMarketingEvent
                {
                    ExternalAccountId = _eventAccount,
                    ExternalEventId = _eventId,
                    EventName = _webinar.Topic,
                    EventType = "WEBINAR",
                    EventOrganizer = string.IsNullOrEmpty(_webinar.HostEmail) ? "Zoom" : _webinar.HostEmail,
                    EventUrl = _webinar.RegistrationUrl ?? _webinar.JoinUrl,
                    StartDateTime = _start,
                    EndDateTime = _start + _duration,
                    CustomProperties = new List<HubSpotEventProperty>(),
                };
                HubSpotMarketingEvent existing = await Api.HubSpot.MarketingEvents.GetAsync(_eventId, _eventAccount, ct).ConfigureAwait(false);
                _existingEvent = existing;
                bool same = existing != null && existing.EventName == wanted.EventName && existing.EventUrl == wanted.EventUrl
                    && existing.StartDateTime?.ToUnixTimeSeconds() == wanted.StartDateTime?.ToUnixTimeSeconds()
                    && existing.EndDateTime?.ToUnixTimeSeconds() == wanted.EndDateTime?.ToUnixTimeSeconds();
                if (!same && !_options.WhatIf)
                {
                    await Api.HubSpot.MarketingEvents.UpsertAsync(new[] { wanted }, ct).ConfigureAwait(false);
                }
            }

            private HubSpotMarketingEvent _existingEvent;

            private async Task CompleteEventAsync(CancellationToken ct)
            {
                await EnsureEventAsync(ct).ConfigureAwait(false);
                DateTimeOffset end = _start + _duration;
                if (Api.Clock.GetUtcNow() < end || _existingEvent?.EventCompleted == true || _options.WhatIf) return;
                await Api.HubSpot.MarketingEvents.CompleteAsync(_eventId, _eventAccount, _start, end, ct).ConfigureAwait(false);
            }

            /// <summary>
            /// Plans the batch's participations and hands them to the packer, which sends them in calls of 100 per state
            /// together with other batches' (email-create matches existing contacts by primary email and creates the
            /// missing ones; only contacts matched on a secondary email go by id). The task completes when all of this
            /// batch's participations are written; per-person rejections land in <paramref name="failed"/>.
            /// </summary>
            private Task PlanParticipations(List<Person> changed, Dictionary<string, string> failed)
            {
                var plan = new List<KeyValuePair<(ParticipationState State, bool ByEmail), PlannedParticipation>>();
                void Add(ParticipationState state, Person p, long at, Dictionary<string, string> props)
                    => plan.Add(new KeyValuePair<(ParticipationState, bool), PlannedParticipation>((state, !p.BySecondaryEmail), new PlannedParticipation { Person = p, At = at, Properties = props, Failed = failed }));

                foreach (Person p in changed)
                {
                    ZoomRegistrant r = p.Registrant;
                    long registeredMs = (r?.CreateTime ?? _start).ToUnixTimeMilliseconds();
                    if (r != null && r.Status == "approved" && (p.Old == null || p.Old.RegisteredAtUnix != p.Entry.RegisteredAtUnix))
                        Add(ParticipationState.Register, p, registeredMs, null);
                    if (r != null && r.Status == "denied" && (p.Old == null || p.Old.RegisteredAtUnix != 0 || p.Old.RegistrationKey == "-"))
                        Add(ParticipationState.Cancel, p, registeredMs, null);
                    WebinarAttendance a = Attendance(p.Email);
                    if (a != null && a.AttendedSeconds > 0 && (p.Old == null || p.Old.AttendedSeconds != p.Entry.AttendedSeconds))
                    {
                        Add(ParticipationState.Attend, p, (a.FirstJoin ?? _start).ToUnixTimeMilliseconds(), new Dictionary<string, string>
                        {
                            ["joinedAt"] = (a.FirstJoin ?? _start).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                            ["leftAt"] = (a.LastLeave ?? _start + _duration).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                        });
                    }
                }

                lock (_gate)
                {
                    foreach (var state in plan.GroupBy(x => x.Key.State)) _result.AddParticipations(state.Key.ToString().ToLowerInvariant(), state.Count());
                }

                return _options.WhatIf ? Task.CompletedTask : _packer.AddAsync(plan);
            }

            /// <summary>One call of ≤ 100 participations of one state, from one or more batches.</summary>
            private async Task SendParticipationsAsync((ParticipationState State, bool ByEmail) key, IReadOnlyList<PlannedParticipation> items, CancellationToken ct)
            {
                IEnumerable<HubSpotParticipationInput> inputs = items.Select(x => new HubSpotParticipationInput
                {
                    ContactId = key.ByEmail ? (long?)null : long.Parse(x.Person.Contact.Id, CultureInfo.InvariantCulture),
                    Email = key.ByEmail ? x.Person.Email : null,
                    InteractionDateTime = x.At,
                    Properties = x.Properties,
                    ContactProperties = key.ByEmail && x.Person.Contact == null ? Names(x.Person) : null,
                });
                HubSpotBatchResult<HubSpotAttendanceResult> written = await Api.HubSpot.MarketingEvents.RecordAsync(_eventId, _eventAccount, key.State, inputs, key.ByEmail, ct).ConfigureAwait(false);
                if (written.Errors == null || written.Errors.Count == 0) return;

                // Each rejected person is marked in their own batch's list (batches read it once their task completes).
                var marked = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                MarkFailures(written.Errors, items.Select(x => x.Person).ToList(), marked);
                foreach (PlannedParticipation x in items)
                {
                    if (!marked.TryGetValue(x.Person.Email, out string message)) continue;
                    lock (x.Failed) x.Failed[x.Person.Email] = message;
                }
            }

            // Timeline events with deterministic ids: a re-sent id is the same event, so re-runs add nothing.
            private async Task TimelineAsync(List<Person> people, Dictionary<string, string> failed, CancellationToken ct)
            {
                if (_options.TimelineAppId == null || _engine._templates == null || people.Count == 0) return;
                var events = new List<HubSpotTimelineEvent>();
                string key = _webinar.Id.ToString(CultureInfo.InvariantCulture) + "-" + _start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                foreach (Person p in people)
                {
                    string who = p.Email.ToLowerInvariant();
                    if (p.Entry.RegisteredAtUnix > 0 && (p.Old == null || p.Old.RegisteredAtUnix != p.Entry.RegisteredAtUnix))
                    {
                        events.Add(new HubSpotTimelineEvent
                        {
                            Id = $"zoomhub-reg-{key}-{who}", EventTemplateId = _engine._templates[TimelineTemplates.Registration], Email = who,
                            Timestamp = DateTimeOffset.FromUnixTimeSeconds(p.Entry.RegisteredAtUnix),
                            Tokens = new Dictionary<string, string> { ["webinarTopic"] = _webinar.Topic, ["webinarId"] = _webinar.Id.ToString(CultureInfo.InvariantCulture), ["startTime"] = _start.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), ["joinUrl"] = p.Entry.JoinUrl ?? string.Empty },
                        });
                    }

                    WebinarAttendance a = Attendance(p.Email);
                    if (a != null && a.AttendedSeconds > 0 && (p.Old == null || p.Old.AttendedSeconds != p.Entry.AttendedSeconds))
                    {
                        events.Add(new HubSpotTimelineEvent
                        {
                            Id = $"zoomhub-att-{key}-{who}", EventTemplateId = _engine._templates[TimelineTemplates.Attendance], Email = who, Timestamp = a.FirstJoin ?? _start,
                            Tokens = new Dictionary<string, string>
                            {
                                ["webinarTopic"] = _webinar.Topic, ["webinarId"] = _webinar.Id.ToString(CultureInfo.InvariantCulture),
                                ["joinTime"] = (a.FirstJoin ?? _start).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                                ["durationMinutes"] = Math.Round(a.AttendedSeconds / 60.0).ToString(CultureInfo.InvariantCulture), ["percent"] = a.Percent.ToString(CultureInfo.InvariantCulture),
                            },
                        });
                        if (!string.IsNullOrEmpty(_result.RecordingShareUrl))
                        {
                            events.Add(new HubSpotTimelineEvent
                            {
                                Id = $"zoomhub-rec-{key}-{who}", EventTemplateId = _engine._templates[TimelineTemplates.Recording], Email = who, Timestamp = _start + _duration,
                                Tokens = new Dictionary<string, string> { ["webinarTopic"] = _webinar.Topic, ["webinarId"] = _webinar.Id.ToString(CultureInfo.InvariantCulture), ["shareUrl"] = _result.RecordingShareUrl },
                            });
                        }
                    }
                }

                if (events.Count == 0) return;
                lock (_gate) _result.TimelineEvents += events.Count;
                if (_options.WhatIf) return;
                HubSpotBatchResult<HubSpotTimelineEvent> written = await Api.HubSpot.Timeline.CreateEventsAsync(events, ct).ConfigureAwait(false);
                MarkFailures(written.Errors, people, failed);
            }

            private async Task UpsertAsync(List<Person> people, Dictionary<string, string> failed, CancellationToken ct)
            {
                if (people.Count == 0 || _options.WhatIf) return;
                var upserts = new List<HubSpotObjectInput>();
                var updates = new List<HubSpotObjectInput>();
                foreach (Person p in people)
                {
                    Dictionary<string, string> props = Properties(p);
                    if (p.BySecondaryEmail)
                    {
                        // Matched on a secondary email: update that contact by id (an upsert by this email would create a new one).
                        updates.Add(new HubSpotObjectInput { Id = p.Contact.Id, Properties = props });
                    }
                    else
                    {
                        props["email"] = p.Contact?.Email ?? p.Email.ToLowerInvariant();
                        upserts.Add(new HubSpotObjectInput { Id = props["email"], IdProperty = "email", Properties = props });
                    }
                }

                if (upserts.Count > 0)
                {
                    HubSpotBatchResult<HubSpotObject> r = await Api.HubSpot.Contacts.BatchUpsertAsync(upserts, ct).ConfigureAwait(false);
                    MarkFailures(r.Errors, people, failed);
                    foreach (HubSpotObject c in r.Results)
                    {
                        Person p = people.FirstOrDefault(x => string.Equals(x.Email, c.Email, StringComparison.OrdinalIgnoreCase));
                        if (p != null) p.ContactId = c.Id;
                    }
                }

                if (updates.Count > 0)
                {
                    HubSpotBatchResult<HubSpotObject> r = await Api.HubSpot.Contacts.BatchUpdateAsync(updates, ct).ConfigureAwait(false);
                    MarkFailures(r.Errors, people, failed);
                }
            }

            private Dictionary<string, string> Properties(Person p)
            {
                HistoryAggregates agg = p.History.Aggregates();
                var props = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [_names.History] = p.History.Serialize(),
                    [_names.RegistrationCount] = agg.Registrations.ToString(CultureInfo.InvariantCulture),
                    [_names.AttendanceCount] = agg.Attended.ToString(CultureInfo.InvariantCulture),
                    [_names.AverageAttendancePercent] = agg.AveragePercent?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty,
                    [_names.LastRegisteredWebinarUrl] = agg.LastRegisteredJoinUrl ?? string.Empty,
                    [_names.LastAttendedAt] = agg.LastAttendedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'", CultureInfo.InvariantCulture) ?? string.Empty,
                };

                // Names are filled only where HubSpot has none; never overwritten.
                if (string.IsNullOrEmpty(p.Contact?.Get("firstname")) && !string.IsNullOrWhiteSpace(p.FirstName)) props["firstname"] = p.FirstName.Trim();
                if (string.IsNullOrEmpty(p.Contact?.Get("lastname")) && !string.IsNullOrWhiteSpace(p.LastName)) props["lastname"] = p.LastName.Trim();
                return props;
            }

            private static Dictionary<string, string> Names(Person p)
            {
                var d = new Dictionary<string, string>();
                if (!string.IsNullOrWhiteSpace(p.FirstName)) d["firstname"] = p.FirstName.Trim();
                if (!string.IsNullOrWhiteSpace(p.LastName)) d["lastname"] = p.LastName.Trim();
                return d.Count == 0 ? null : d;
            }

            private static void MarkFailures(IEnumerable<HubSpotBatchError> errors, List<Person> people, Dictionary<string, string> failed)
            {
                foreach (HubSpotBatchError e in errors ?? Enumerable.Empty<HubSpotBatchError>())
                {
                    string message = e.Message + (e.Errors != null && e.Errors.Count > 0 ? " " + string.Join("; ", e.Errors.Select(x => x.Message)) : string.Empty);
                    var ids = new HashSet<string>(e.Ids, StringComparer.OrdinalIgnoreCase);
                    List<Person> hit = people.Where(p => ids.Contains(p.Email) || (p.Contact != null && ids.Contains(p.Contact.Id))).ToList();
                    if (hit.Count == 0) hit = people; // an error HubSpot does not attribute: nobody in the call is known to be written
                    foreach (Person p in hit) failed[p.Email] = message;
                }
            }

            private void Skip(Person p, string reason) => Report(Record(p, SyncOutcome.Skipped, reason));

            private PersonSyncRecord Record(Person p, SyncOutcome outcome, string reason = null)
            {
                WebinarAttendance a = Attendance(p.Email);
                return new PersonSyncRecord
                {
                    WebinarId = _webinar.Id,
                    InstanceUuid = _result.InstanceUuid,
                    Email = p.Email,
                    Name = ((p.FirstName ?? string.Empty) + " " + (p.LastName ?? string.Empty)).Trim(),
                    Outcome = outcome,
                    Reason = reason,
                    ContactId = p.Contact?.Id ?? p.ContactId,
                    RegistrationStatus = p.Registrant?.Status,
                    AttendedSeconds = a?.AttendedSeconds ?? 0,
                    Percent = a?.Percent ?? 0,
                    WhatIf = _options.WhatIf,
                };
            }

            private void Report(PersonSyncRecord record)
            {
                if (record.InstanceUuid == null) record.InstanceUuid = _result.InstanceUuid;
                if (record.WebinarId == 0) record.WebinarId = _webinar.Id;
                record.WhatIf = _options.WhatIf;
                lock (_gate)
                {
                    _result.Count(record);
                    _onPerson?.Invoke(record);
                }
            }

            private static void SplitName(string name, out string first, out string last)
            {
                first = null;
                last = null;
                if (string.IsNullOrWhiteSpace(name)) return;
                string[] parts = name.Trim().Split(new[] { ' ' }, 2, StringSplitOptions.RemoveEmptyEntries);
                first = parts[0];
                last = parts.Length > 1 ? parts[1] : null;
            }
        }

        /// <summary>One participation waiting in the packer.</summary>
        private sealed class PlannedParticipation
        {
            public Person Person;
            public long At;
            public Dictionary<string, string> Properties;

            /// <summary>The batch's failure list (shared by its participations; locked when written).</summary>
            public Dictionary<string, string> Failed;
        }

        private sealed class Person
        {
            public string Email;
            public string FirstName;
            public string LastName;
            public ZoomRegistrant Registrant;
            public HubSpotObject Contact;
            public bool BySecondaryEmail;
            public bool Deleted;
            public WebinarHistory History;
            public HistoryEntry Old;
            public HistoryEntry Entry;
            public string ContactId;
        }
    }
}
