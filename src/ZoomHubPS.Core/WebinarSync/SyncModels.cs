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

    /// <summary>One person's outcome.</summary>
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

        /// <summary>Skip or failure reason.</summary>
        public string Reason { get; set; }

        /// <summary>HubSpot contact id.</summary>
        public string ContactId { get; set; }

        /// <summary>Registration status at Zoom (approved, pending, denied) or null.</summary>
        public string RegistrationStatus { get; set; }

        /// <summary>Seconds attended.</summary>
        public long AttendedSeconds { get; set; }

        /// <summary>Percent attended.</summary>
        public double Percent { get; set; }

        /// <summary>HubSpot's message for a failure.</summary>
        public string Message { get; set; }

        /// <summary>Whether this was a dry run.</summary>
        public bool WhatIf { get; set; }
    }

    /// <summary>The result of syncing one instance.</summary>
    public sealed class SyncResult
    {
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

        /// <summary>People skipped.</summary>
        public int Skipped { get; set; }

        /// <summary>People whose write failed.</summary>
        public int Failed { get; set; }

        /// <summary>Skips per reason.</summary>
        public Dictionary<string, int> SkippedByReason { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

        /// <summary>Timeline events written.</summary>
        public int TimelineEvents { get; set; }

        /// <summary>Participations written per state (register, attend, cancel).</summary>
        public Dictionary<string, int> Participations { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

        /// <summary>Marketing event external id.</summary>
        public string MarketingEventId { get; set; }

        /// <summary>Whether the instance was skipped whole (ExcludedHost).</summary>
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

        /// <summary>Zoom requests used.</summary>
        public int ZoomRequests { get; set; }

        /// <summary>HubSpot requests used.</summary>
        public int HubSpotRequests { get; set; }

        /// <summary>Duration.</summary>
        public TimeSpan Duration { get; set; }

        /// <summary>Whether this was a dry run.</summary>
        public bool WhatIf { get; set; }

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
                    SkippedByReason[r.Reason] = SkippedByReason.TryGetValue(r.Reason, out int n) ? n + 1 : 1;
                    break;
            }
        }

        internal void AddParticipations(string state, int count)
        {
            if (count > 0) Participations[state] = (Participations.TryGetValue(state, out int n) ? n : 0) + count;
        }
    }
}
