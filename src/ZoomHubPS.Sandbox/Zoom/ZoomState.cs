using System;
using System.Collections.Generic;
using System.Linq;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// Everything the Zoom twin holds, behind one lock (<see cref="Gate"/>): requests arrive concurrently and
    /// one lock per twin keeps every read consistent and every write atomic, which is all a twin needs.
    /// </summary>
    internal sealed class ZoomState
    {
        /// <summary>Sandbox host for every link the twin hands out (never a real Zoom host).</summary>
        internal const string WebHost = "https://zoom.sandbox.zoomhub.invalid";

        private long _nextSessionId = 16778240;

        internal ZoomState(SandboxContext context)
        {
            Context = context;
        }

        internal object Gate { get; } = new object();

        internal SandboxContext Context { get; }

        internal string AccountId { get; private set; } = "sandbox-account";

        internal string ClientId { get; private set; } = "sandbox-client-id";

        internal string ClientSecret { get; private set; } = "sandbox-client-secret";

        internal List<string> Scopes { get; } = new List<string>();

        /// <summary>The account's plan as the scenario names it (Pro, Business, Free…): gates the Dashboard.</summary>
        internal string Plan { get; private set; } = "Pro";

        /// <summary>Whether the account turned the Dashboard feature on.</summary>
        internal bool DashboardEnabled { get; private set; }

        /// <summary>How long webinars are listed, served and reported (<see cref="ZoomWebinarLifecycle"/> applies them).</summary>
        internal ZoomRulesSeed Rules { get; private set; } = new ZoomRulesSeed();

        internal HashSet<string> InternalDomains { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        internal List<ZoomUser> Users { get; } = new List<ZoomUser>();

        internal List<ZoomWebinar> Webinars { get; } = new List<ZoomWebinar>();

        internal Dictionary<long, ZoomWebinar> WebinarsById { get; } = new Dictionary<long, ZoomWebinar>();

        /// <summary>Instance UUID → (webinar, instance); the webinar's own UUID maps to its latest instance (or none).</summary>
        internal Dictionary<string, KeyValuePair<ZoomWebinar, ZoomInstance>> ByUuid { get; } = new Dictionary<string, KeyValuePair<ZoomWebinar, ZoomInstance>>(StringComparer.Ordinal);

        internal ZoomTokens Tokens { get; } = new ZoomTokens();

        internal ZoomPageTokens PageTokens { get; } = new ZoomPageTokens();

        internal ZoomDailyLimit DailyLimit { get; } = new ZoomDailyLimit();

        /// <summary>Recording files by download key, download access tokens, signed file-host URLs.</summary>
        internal ZoomRecordingStore Recordings { get; } = new ZoomRecordingStore();

        /// <summary>Routes that check credentials themselves (recording downloads), so the Bearer check of <c>/v2</c> skips them.</summary>
        internal HashSet<Http.SandboxRoute> SelfAuthenticatedRoutes { get; } = new HashSet<Http.SandboxRoute>();

        internal DateTimeOffset Now => Context.Now;

        /// <summary>Finds an account user by id or email (case-insensitive).</summary>
        internal ZoomUser FindUser(string idOrEmail)
            => Users.FirstOrDefault(u => string.Equals(u.Id, idOrEmail, StringComparison.Ordinal)
                || string.Equals(u.Email, idOrEmail, StringComparison.OrdinalIgnoreCase));

        /// <summary>Whether <paramref name="email"/> belongs to the account (a user or an internal domain).</summary>
        internal bool IsInternal(string email)
        {
            if (string.IsNullOrEmpty(email))
            {
                return false;
            }

            int at = email.LastIndexOf('@');
            return (at >= 0 && InternalDomains.Contains(email.Substring(at + 1)))
                || Users.Any(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>A new instance UUID: base64 of 16 random bytes, like Zoom's.</summary>
        internal string NewUuid()
        {
            var bytes = new byte[16];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)Context.NextInt(0, 256);
            }

            return Convert.ToBase64String(bytes);
        }

        /// <summary>A deterministic GUID string (recording file ids).</summary>
        internal string NewGuid()
        {
            var bytes = new byte[16];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)Context.NextInt(0, 256);
            }

            return new Guid(bytes).ToString();
        }

        /// <summary>A new per-session participant id (numeric string, as Zoom's <c>user_id</c>).</summary>
        internal string NewSessionId()
        {
            _nextSessionId += 1024;
            return _nextSessionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>A personal join link for a registrant or panelist.</summary>
        internal string NewJoinUrl(long webinarId) => WebHost + "/w/" + webinarId + "?tk=" + Context.NewId(43);

        /// <summary>Adds a registrant to a webinar's list and lookups.</summary>
        internal static void AddRegistrant(ZoomWebinar webinar, ZoomRegistrant registrant)
        {
            webinar.RegistrantList.Add(registrant);
            webinar.RegistrantsById[registrant.Id] = registrant;
            if (!string.IsNullOrEmpty(registrant.Email))
            {
                webinar.RegistrantsByEmail[registrant.Email] = registrant;
            }
        }

        /// <summary>Loads a scenario's Zoom part. Throws <see cref="ArgumentException"/> naming what is inconsistent.</summary>
        internal void Seed(ZoomSeed seed)
        {
            seed = seed ?? new ZoomSeed();
            AccountId = string.IsNullOrEmpty(seed.AccountId) ? AccountId : seed.AccountId;
            ClientId = string.IsNullOrEmpty(seed.ClientId) ? ClientId : seed.ClientId;
            ClientSecret = string.IsNullOrEmpty(seed.ClientSecret) ? ClientSecret : seed.ClientSecret;
            Scopes.AddRange(seed.Scopes ?? new List<string>
            {
                "user:read:list_users:admin", "user:read:user:admin", "webinar:read:list_webinars:admin", "webinar:read:webinar:admin",
                "webinar:read:list_registrants:admin", "webinar:write:registrant:admin", "webinar:read:registrant:admin",
                "webinar:update:registrant_status:admin", "webinar:write:batch_registrants:admin",
                "webinar:read:list_registration_questions:admin", "webinar:read:list_panelists:admin",
                "webinar:read:list_past_instances:admin", "webinar:read:list_past_participants:admin", "webinar:read:list_absentees:admin",
                "report:read:list_webinar_participants:admin", "report:read:webinar:admin", "cloud_recording:read:list_recording_files:admin",
                "report:read:user:admin", "report:read:list_history_meetings:admin", "dashboard:read:list_webinars:admin",
                "cloud_recording:read:list_user_recordings:admin",
                "webinar:delete:registrant:admin", "webinar:read:list_polls:admin", "webinar:read:list_past_polls:admin", "webinar:read:past_qa:admin",
                "report:read:list_webinar_polls:admin", "report:read:webinar_qna:admin",
            });
            Plan = string.IsNullOrEmpty(seed.Plan) ? Plan : seed.Plan;
            DashboardEnabled = seed.Features?.Dashboard ?? false;
            Rules = seed.Rules ?? new ZoomRulesSeed();
            Rules.Validate();
            foreach (string domain in seed.InternalDomains ?? new List<string>())
            {
                InternalDomains.Add(domain);
            }

            DateTimeOffset now = Now;
            foreach (ZoomUserSeed u in seed.Users ?? new List<ZoomUserSeed>())
            {
                Users.Add(new ZoomUser
                {
                    Id = string.IsNullOrEmpty(u.Id) ? Context.NewId(22) : u.Id,
                    Email = u.Email,
                    FirstName = u.FirstName ?? string.Empty,
                    LastName = u.LastName ?? string.Empty,
                    Type = u.Type,
                    Status = string.IsNullOrEmpty(u.Status) ? "active" : u.Status,
                    Timezone = u.Timezone ?? "UTC",
                    Dept = u.Dept ?? string.Empty,
                    CreatedAt = now.AddYears(-2),
                });
            }

            foreach (ZoomWebinarSeed w in seed.Webinars ?? new List<ZoomWebinarSeed>())
            {
                if (WebinarsById.ContainsKey(w.Id))
                {
                    throw new ArgumentException("Scenario: webinar id " + w.Id + " appears twice.");
                }

                ZoomWebinar webinar = SeedWebinar(w, now);
                Webinars.Add(webinar);
                WebinarsById[webinar.Id] = webinar;
            }
        }

        private ZoomWebinar SeedWebinar(ZoomWebinarSeed w, DateTimeOffset now)
        {
            if (w.Id <= 0)
            {
                throw new ArgumentException("Scenario: every webinar needs a positive numeric id (topic '" + w.Topic + "').");
            }

            ZoomUser host = string.IsNullOrEmpty(w.HostEmail) ? Users.FirstOrDefault() : FindUser(w.HostEmail);
            var settings = w.Settings ?? new ZoomWebinarSettingsSeed();
            var webinar = new ZoomWebinar
            {
                Id = w.Id,
                HostId = host?.Id ?? Context.NewId(22),
                HostEmail = w.HostEmail ?? host?.Email ?? string.Empty,
                Topic = w.Topic ?? "Webinar " + w.Id,
                Type = w.Type,
                Duration = w.Duration,
                Timezone = w.Timezone ?? "UTC",
                Agenda = w.Agenda ?? string.Empty,
                Paid = w.Paid,
                ApprovalType = settings.ApprovalType,
                RegistrationType = settings.RegistrationType ?? (w.Type == 9 ? 1 : (int?)null),
                RegistrantsRestrictNumber = settings.RegistrantsRestrictNumber,
                CloseRegistration = settings.CloseRegistration,
                ContactName = settings.ContactName ?? host?.FirstName + " " + host?.LastName,
                ContactEmail = settings.ContactEmail ?? w.HostEmail ?? host?.Email,
                JoinUrl = WebHost + "/j/" + w.Id,
                RegistrationKey = Context.NewId(22),
            };

            foreach (ZoomOccurrenceSeed o in w.Occurrences ?? new List<ZoomOccurrenceSeed>())
            {
                webinar.OccurrenceList.Add(new ZoomOccurrence
                {
                    OccurrenceId = string.IsNullOrEmpty(o.OccurrenceId) ? o.StartTime.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) : o.OccurrenceId,
                    StartTime = o.StartTime.ToUniversalTime(),
                    Duration = o.Duration,
                    Status = string.IsNullOrEmpty(o.Status) ? "available" : o.Status,
                });
            }

            webinar.StartTime = (w.StartTime ?? webinar.OccurrenceList.Select(o => (DateTimeOffset?)o.StartTime).FirstOrDefault() ?? now.AddDays(7)).ToUniversalTime();
            webinar.CreatedAt = (w.CreatedAt ?? webinar.StartTime.AddDays(-30)).ToUniversalTime();
            if (webinar.CreatedAt > now)
            {
                webinar.CreatedAt = now.AddDays(-1);
            }

            webinar.UpdatedAt = w.UpdatedAt?.ToUniversalTime();

            foreach (ZoomQuestionSeed q in w.Questions ?? new List<ZoomQuestionSeed>())
            {
                webinar.QuestionList.Add(new ZoomQuestion { FieldName = q.FieldName, Required = q.Required });
            }

            foreach (ZoomCustomQuestionSeed q in w.CustomQuestions ?? new List<ZoomCustomQuestionSeed>())
            {
                webinar.CustomQuestionList.Add(new ZoomCustomQuestion
                {
                    Title = q.Title,
                    Type = string.IsNullOrEmpty(q.Type) ? "short" : q.Type,
                    Required = q.Required,
                    Answers = (q.Answers ?? new List<string>()).ToList(),
                });
            }

            foreach (ZoomPanelistSeed p in w.Panelists ?? new List<ZoomPanelistSeed>())
            {
                webinar.PanelistList.Add(new ZoomPanelist
                {
                    Id = string.IsNullOrEmpty(p.Id) ? Context.NewId(22) : p.Id,
                    Name = p.Name ?? string.Empty,
                    Email = p.Email,
                    JoinUrl = NewJoinUrl(w.Id),
                });
            }

            SeedRegistrants(webinar, w);
            ZoomEngagementSeeder.SeedPolls(this, webinar, w);
            SeedInstances(webinar, w);

            webinar.Uuid = !string.IsNullOrEmpty(w.Uuid) ? w.Uuid : (webinar.InstanceList.LastOrDefault()?.Uuid ?? NewUuid());
            if (!ByUuid.ContainsKey(webinar.Uuid))
            {
                ByUuid[webinar.Uuid] = new KeyValuePair<ZoomWebinar, ZoomInstance>(webinar, webinar.InstanceList.LastOrDefault());
            }

            return webinar;
        }

        private void SeedRegistrants(ZoomWebinar webinar, ZoomWebinarSeed w)
        {
            DateTimeOffset defaultCreate = webinar.CreatedAt.AddDays(1);
            foreach (ZoomRegistrantSeed r in w.Registrants ?? new List<ZoomRegistrantSeed>())
            {
                if (!string.IsNullOrEmpty(r.Email) && webinar.RegistrantsByEmail.ContainsKey(r.Email))
                {
                    throw new ArgumentException("Scenario: registrant " + r.Email + " appears twice in webinar " + w.Id + " (Zoom keeps one registration per email).");
                }

                var registrant = new ZoomRegistrant
                {
                    Id = string.IsNullOrEmpty(r.Id) ? Context.NewId(22) : r.Id,
                    Email = r.Email ?? string.Empty,
                    FirstName = r.FirstName ?? string.Empty,
                    LastName = r.LastName ?? string.Empty,
                    Status = string.IsNullOrEmpty(r.Status) ? "approved" : r.Status,
                    CreateTime = (r.CreateTime ?? defaultCreate).ToUniversalTime(),
                    JoinUrl = NewJoinUrl(w.Id),
                };
                SetField(registrant, "org", r.Org);
                SetField(registrant, "job_title", r.JobTitle);
                SetField(registrant, "country", r.Country);
                SetField(registrant, "phone", r.Phone);
                foreach (ZoomAnswerSeed a in r.CustomQuestions ?? new List<ZoomAnswerSeed>())
                {
                    registrant.CustomAnswerList.Add(new KeyValuePair<string, string>(a.Title, a.Value ?? string.Empty));
                }

                foreach (string occurrenceId in r.OccurrenceIds ?? new List<string>())
                {
                    if (!webinar.OccurrenceList.Any(o => o.OccurrenceId == occurrenceId))
                    {
                        throw new ArgumentException("Scenario: registrant " + r.Email + " of webinar " + w.Id + " names unknown occurrence " + occurrenceId + ".");
                    }

                    registrant.OccurrenceIdList.Add(occurrenceId);
                }

                AddRegistrant(webinar, registrant);
            }
        }

        private static void SetField(ZoomRegistrant registrant, string name, string value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                registrant.FieldValues[name] = value;
            }
        }

        private void SeedInstances(ZoomWebinar webinar, ZoomWebinarSeed w)
        {
            foreach (ZoomInstanceSeed i in (w.Instances ?? new List<ZoomInstanceSeed>()).OrderBy(i => i.StartTime))
            {
                var instance = new ZoomInstance
                {
                    Uuid = string.IsNullOrEmpty(i.Uuid) ? NewUuid() : i.Uuid,
                    StartTime = i.StartTime.ToUniversalTime(),
                    Duration = i.EndTime.HasValue ? (int)Math.Floor((i.EndTime.Value - i.StartTime).TotalMinutes) : i.Duration ?? w.Duration,
                    ExactEnd = i.EndTime?.ToUniversalTime(),
                    OccurrenceId = i.OccurrenceId,
                };
                if (ByUuid.ContainsKey(instance.Uuid))
                {
                    throw new ArgumentException("Scenario: instance UUID " + instance.Uuid + " appears twice.");
                }

                foreach (ZoomParticipantSeed p in i.Participants ?? new List<ZoomParticipantSeed>())
                {
                    instance.ParticipantList.Add(SeedParticipant(webinar, p));
                }

                webinar.InstanceList.Add(instance);
                if (i.Recording != null)
                {
                    ZoomRecordingSeeder.Seed(this, webinar, instance, i.Recording);
                }

                ZoomEngagementSeeder.SeedInstance(this, webinar, instance, i);

                ByUuid[instance.Uuid] = new KeyValuePair<ZoomWebinar, ZoomInstance>(webinar, instance);
            }
        }

        private ZoomParticipant SeedParticipant(ZoomWebinar webinar, ZoomParticipantSeed p)
        {
            string registrantId = p.RegistrantId;
            if (string.IsNullOrEmpty(registrantId) && !string.IsNullOrEmpty(p.RegistrantEmail))
            {
                if (!webinar.RegistrantsByEmail.TryGetValue(p.RegistrantEmail, out ZoomRegistrant r))
                {
                    throw new ArgumentException("Scenario: participant '" + p.Name + "' of webinar " + webinar.Id + " names registrant_email " + p.RegistrantEmail + ", which is not a registrant.");
                }

                registrantId = r.Id;
            }
            else if (string.IsNullOrEmpty(registrantId) && !string.IsNullOrEmpty(p.UserEmail) && webinar.RegistrantsByEmail.TryGetValue(p.UserEmail, out ZoomRegistrant byEmail))
            {
                // Zoom links a participant to the registration they joined with; authors need not repeat it.
                registrantId = byEmail.Id;
            }

            ZoomUser user = string.IsNullOrEmpty(p.UserEmail) ? null : FindUser(p.UserEmail);
            return new ZoomParticipant
            {
                Id = !string.IsNullOrEmpty(p.Id) ? p.Id : (user?.Id ?? string.Empty),
                UserId = string.IsNullOrEmpty(p.UserId) ? NewSessionId() : p.UserId,
                Name = p.Name ?? string.Empty,
                UserEmail = p.UserEmail ?? string.Empty,
                JoinTime = p.JoinTime.ToUniversalTime(),
                LeaveTime = p.LeaveTime.ToUniversalTime(),
                RegistrantId = string.IsNullOrEmpty(registrantId) ? null : registrantId,
                Status = string.IsNullOrEmpty(p.Status) ? "in_meeting" : p.Status,
                InternalUser = p.InternalUser || IsInternal(p.UserEmail),
            };
        }
    }
}
