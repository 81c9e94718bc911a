using System;
using System.Collections.Generic;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>What happened to one person.</summary>
    public enum SyncOutcome
    {
        /// <summary>A contact was created.</summary>
        Created,

        /// <summary>An existing contact was updated.</summary>
        Updated,

        /// <summary>Already fully synced: nothing written.</summary>
        Unchanged,

        /// <summary>Not written, for <see cref="PersonSyncRecord.Reason"/>.</summary>
        Skipped,

        /// <summary>HubSpot refused the write.</summary>
        Failed,
    }

    /// <summary>Why a person (or an instance) was skipped.</summary>
    public static class SkipReasons
    {
        /// <summary>Participant rows without an email or a registrant id.</summary>
        public const string NoEmail = "NoEmail";

        /// <summary>A user of the connected Zoom account.</summary>
        public const string AccountUser = "AccountUser";

        /// <summary>The host's domain is excluded: the whole instance is skipped.</summary>
        public const string ExcludedHost = "ExcludedHost";

        /// <summary>Contact-exclusion domain: not created (existing contacts still get activity).</summary>
        public const string ExcludedDomain = "ExcludedDomain";

        /// <summary>The email belongs to a deleted contact: not re-created.</summary>
        public const string DeletedContact = "DeletedContact";

        /// <summary>Not a valid email.</summary>
        public const string InvalidEmail = "InvalidEmail";

        /// <summary>A pending registration: reported, not counted, not written.</summary>
        public const string Pending = "Pending";
    }

    /// <summary>One instance to sync.</summary>
    public sealed class SyncTarget
    {
        /// <summary>Webinar id.</summary>
        public long WebinarId { get; set; }

        /// <summary>Instance UUID; null = the latest past instance (or, when none took place, the upcoming one: registrations only).</summary>
        public string InstanceUuid { get; set; }
    }

    /// <summary>
    /// One person's outcome (<c>Sync-ZoomWebinarToHubSpot -Detailed</c>). Flat and typed, so
    /// <c>| Export-Csv</c> writes one row per person with no nested values.
    /// </summary>
    public sealed class PersonSyncRecord
    {
        /// <summary>Webinar id.</summary>
        public long WebinarId { get; set; }

        /// <summary>Instance UUID.</summary>
        public string InstanceUuid { get; set; }

        /// <summary>Email.</summary>
        public string Email { get; set; }

        /// <summary>Name.</summary>
        public string Name { get; set; }

        /// <summary>Outcome.</summary>
        public SyncOutcome Outcome { get; set; }

        /// <summary>Skip or failure reason (one of <see cref="SkipReasons"/> for skips).</summary>
        public string Reason { get; set; }

        /// <summary>HubSpot contact id.</summary>
        public string ContactId { get; set; }

        /// <summary>Registration status at Zoom (approved, pending, denied) or null.</summary>
        public string RegistrationStatus { get; set; }

        /// <summary>Seconds attended (union of the person's sessions).</summary>
        public long AttendedSeconds { get; set; }

        /// <summary>Percent of the instance attended, 0-100.</summary>
        public double Percent { get; set; }

        /// <summary>HubSpot's message for a failure.</summary>
        public string Message { get; set; }

        /// <summary>Whether this was a dry run.</summary>
        public bool WhatIf { get; set; }
    }

    /// <summary>
    /// The result of syncing one instance. Every public property is a number, a string, a date or a bool, so
    /// <c>| Export-Csv</c> and <c>| ConvertTo-Json</c> give one flat row per instance: skips get one column per reason
    /// and participations one column per state, the duration is in seconds.
    /// </summary>
    public sealed class SyncResult
    {
        // The engine counts into these maps (any reason or state string); the flat properties below read them.
        private readonly Dictionary<string, int> _skippedByReason = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _participations = new Dictionary<string, int>(StringComparer.Ordinal);

        /// <summary>Webinar id.</summary>
        public long WebinarId { get; set; }

        /// <summary>Instance UUID (null when the webinar has not taken place).</summary>
        public string InstanceUuid { get; set; }

        /// <summary>Topic.</summary>
        public string Topic { get; set; }

        /// <summary>Instance start.</summary>
        public DateTimeOffset? StartTime { get; set; }

        /// <summary>Contacts created.</summary>
        public int Created { get; set; }

        /// <summary>Contacts updated.</summary>
        public int Updated { get; set; }

        /// <summary>People already synced.</summary>
        public int Unchanged { get; set; }

        /// <summary>People skipped (the Skipped* columns say why).</summary>
        public int Skipped { get; set; }

        /// <summary>People whose write failed.</summary>
        public int Failed { get; set; }

        /// <summary>Skipped: participant rows with neither an email nor a registrant id.</summary>
        public int SkippedNoEmail => SkipCount(SkipReasons.NoEmail);

        /// <summary>Skipped: users of the connected Zoom account.</summary>
        public int SkippedAccountUser => SkipCount(SkipReasons.AccountUser);

        /// <summary>Skipped: new contacts in an excluded contact domain.</summary>
        public int SkippedExcludedDomain => SkipCount(SkipReasons.ExcludedDomain);

        /// <summary>Skipped: emails of contacts deleted in HubSpot (not re-created).</summary>
        public int SkippedDeletedContact => SkipCount(SkipReasons.DeletedContact);

        /// <summary>Skipped: invalid emails.</summary>
        public int SkippedInvalidEmail => SkipCount(SkipReasons.InvalidEmail);

        /// <summary>Skipped: pending registrations (reported, not counted).</summary>
        public int SkippedPending => SkipCount(SkipReasons.Pending);

        /// <summary>Register participations written to the marketing event.</summary>
        public int RegisterParticipations => ParticipationCount("register");

        /// <summary>Attend participations written to the marketing event.</summary>
        public int AttendParticipations => ParticipationCount("attend");

        /// <summary>Cancel participations written to the marketing event.</summary>
        public int CancelParticipations => ParticipationCount("cancel");

        /// <summary>Timeline events written.</summary>
        public int TimelineEvents { get; set; }

        /// <summary>Marketing event external id.</summary>
        public string MarketingEventId { get; set; }

        /// <summary>Why the whole instance was skipped (ExcludedHost), else null.</summary>
        public string InstanceSkipReason { get; set; }

        /// <summary>Available, or why no recording was written (RecordingsOff, ExcludedRecordingDomain, NotHeld, NoRecording, Unavailable).</summary>
        public string RecordingStatus { get; set; }

        /// <summary>Recording share URL (with IncludeRecording).</summary>
        public string RecordingShareUrl { get; set; }

        /// <summary>When the recording starts.</summary>
        public DateTimeOffset? RecordingStart { get; set; }

        /// <summary>The recording's length in minutes.</summary>
        public int? RecordingDurationMinutes { get; set; }

        /// <summary>The transcript's download link, once Zoom lists it.</summary>
        public string TranscriptUrl { get; set; }

        /// <summary>What to know about the recording: why it was not read, a passcode, a transcript not ready, event properties to create.</summary>
        public string RecordingNote { get; set; }

        /// <summary>Poll answers given in the instance (with -IncludePollsAndQuestions; null when not read).</summary>
        public int? PollAnswers { get; set; }

        /// <summary>Q&amp;A questions asked in the instance (with -IncludePollsAndQuestions; null when not read).</summary>
        public int? Questions { get; set; }

        /// <summary>Why the instance's polls and Q&amp;A were not read (polls off, a missing scope), else null.</summary>
        public string PollsAndQuestionsNote { get; set; }

        /// <summary>Zoom requests used.</summary>
        public int ZoomRequests { get; set; }

        /// <summary>HubSpot requests used.</summary>
        public int HubSpotRequests { get; set; }

        /// <summary>How long the instance took, in seconds (one decimal).</summary>
        public double DurationSeconds => Math.Round(Duration.TotalSeconds, 1);

        /// <summary>Whether this was a dry run.</summary>
        public bool WhatIf { get; set; }

        /// <summary>Skips per reason, as the engine counted them (internal: the flat Skipped* properties are the public shape).</summary>
        internal Dictionary<string, int> SkippedByReason => _skippedByReason;

        /// <summary>Participations per state (register, attend, cancel), as the engine counted them.</summary>
        internal Dictionary<string, int> Participations => _participations;

        /// <summary>How long the instance took (the engine sets it; <see cref="DurationSeconds"/> is the public shape).</summary>
        internal TimeSpan Duration { get; set; }

        /// <summary>One line for the information stream and logs.</summary>
        public override string ToString()
        {
            string when = StartTime.HasValue ? " " + StartTime.Value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
            return string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "Webinar {0}{1} '{2}': created {3}, updated {4}, unchanged {5}, skipped {6}, failed {7}{8}",
                WebinarId, when, Topic, Created, Updated, Unchanged, Skipped, Failed, WhatIf ? " (WhatIf)" : string.Empty);
        }

        internal void Count(PersonSyncRecord r)
        {
            switch (r.Outcome)
            {
                case SyncOutcome.Created: Created++; break;
                case SyncOutcome.Updated: Updated++; break;
                case SyncOutcome.Unchanged: Unchanged++; break;
                case SyncOutcome.Failed: Failed++; break;
                default:
                    Skipped++;
                    string reason = r.Reason ?? string.Empty;
                    _skippedByReason[reason] = _skippedByReason.TryGetValue(reason, out int n) ? n + 1 : 1;
                    break;
            }
        }

        internal void AddParticipations(string state, int count)
        {
            if (count > 0) _participations[state] = (_participations.TryGetValue(state, out int n) ? n : 0) + count;
        }

        private int SkipCount(string reason) => _skippedByReason.TryGetValue(reason, out int n) ? n : 0;

        private int ParticipationCount(string state) => _participations.TryGetValue(state, out int n) ? n : 0;
    }
}
