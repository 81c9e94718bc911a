using System;
using System.Collections.Generic;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Recordings;
using ZoomHubPS.Core.Webinars;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// Everything the sync of one instance needs to know about the instance, decided once by the
    /// <see cref="InstanceResolver"/> and never changed: which instance, its scheduled slot (the identity of its
    /// marketing event and ledger entries), how long it lasted, and what a registration counts for.
    /// </summary>
    internal sealed class InstanceContext
    {
        public InstanceContext(ZoomWebinar webinar, string instanceUuid, bool isPast, DateTimeOffset start, DateTimeOffset slotStart,
            InstanceDuration duration, ZoomOccurrence occurrence, OccurrenceRegistrations occurrenceRegistrations, string eventAccountId)
        {
            Webinar = webinar;
            InstanceUuid = instanceUuid;
            IsPast = isPast;
            Start = start;
            SlotStart = slotStart;
            Duration = duration;
            Occurrence = occurrence;
            OccurrenceRegistrations = occurrenceRegistrations;
            EventAccountId = eventAccountId;
            EventId = WebinarEvent.ExternalEventId(webinar.Id, slotStart);
        }

        public ZoomWebinar Webinar { get; }

        public long WebinarId => Webinar.Id;

        /// <summary>The past instance's UUID; null for a webinar not held yet (registrations only).</summary>
        public string InstanceUuid { get; }

        /// <summary>Held: attendance exists and the event can be completed.</summary>
        public bool IsPast { get; }

        /// <summary>When the instance started (actual for a past instance, scheduled otherwise).</summary>
        public DateTimeOffset Start { get; }

        /// <summary>The scheduled start that names the marketing event and the ledger entries.</summary>
        public DateTimeOffset SlotStart { get; }

        public long SlotUnix => SlotStart.ToUnixTimeSeconds();

        /// <summary>
        /// The key an older version of the module gave this instance's ledger entries (its actual start), when it differs
        /// from the slot: such an entry is replaced, not counted twice.
        /// </summary>
        public long? LegacyUnix => IsPast && Start.ToUnixTimeSeconds() != SlotUnix ? Start.ToUnixTimeSeconds() : (long?)null;

        /// <summary>How long the instance lasted (the base of every percent).</summary>
        public InstanceDuration Duration { get; }

        public DateTimeOffset End => Start + Duration.Length;

        /// <summary>The occurrence (recurring webinars), or null.</summary>
        public ZoomOccurrence Occurrence { get; }

        public string OccurrenceId => Occurrence?.OccurrenceId;

        /// <summary>Per-occurrence registration facts (null when registrations count once per webinar).</summary>
        public OccurrenceRegistrations OccurrenceRegistrations { get; }

        /// <summary>Registrants are listed for this occurrence (per-occurrence registration) or for the whole webinar (null).</summary>
        public string RegistrantListingOccurrenceId => OccurrenceRegistrations == null ? null : OccurrenceId;

        public string EventId { get; }

        public string EventAccountId { get; }

        /// <summary>What one approved registration of <paramref name="email"/> counts for.</summary>
        public RegistrationKey RegistrationOf(string email)
        {
            if (OccurrenceRegistrations == null || OccurrenceId == null) return RegistrationKey.Webinar;

            // Zoom's registrant object does not say which occurrences someone registered for: a person listed for every
            // occurrence registered for the webinar (counts once), others for specific occurrences.
            return OccurrenceRegistrations.ForAll(email) ? RegistrationKey.Webinar : RegistrationKey.Occurrence(OccurrenceId);
        }

        /// <summary>Whether the instance is over at <paramref name="now"/> (then its event is completed).</summary>
        public bool HasEnded(DateTimeOffset now) => IsPast && now >= End;

        /// <summary>The instance's recording as the sync read it (null: not read, like <see cref="RecordingState.NotRead"/>).</summary>
        public InstanceRecording Recording { get; private set; }

        /// <summary>The custom properties the instance's marketing event carries (the recording's, where HubSpot defines them).</summary>
        public IReadOnlyList<HubSpotEventProperty> EventProperties { get; private set; } = new HubSpotEventProperty[0];

        /// <summary>The instance's polls and Q&amp;A as the sync read them (null: not read this run).</summary>
        public InstanceEngagement Engagement { get; private set; }

        /// <summary>The recording's share link for ledger entries: the known link, none when Zoom has none, else what the entry had.</summary>
        public string RecordingUrlOr(string previous)
        {
            switch (Recording?.State)
            {
                case RecordingState.Available: return Recording.ShareUrl;
                case RecordingState.NoRecording: return null;
                default: return previous; // not read this run: left as it was
            }
        }

        /// <summary>A copy that knows the recording and the event properties it gives.</summary>
        public InstanceContext WithRecording(InstanceRecording recording, IReadOnlyList<HubSpotEventProperty> eventProperties)
        {
            var copy = (InstanceContext)MemberwiseClone();
            copy.Recording = recording;
            copy.EventProperties = eventProperties ?? new HubSpotEventProperty[0];
            return copy;
        }

        /// <summary>A copy that knows the instance's polls and Q&amp;A (only a read one counts: not read leaves the ledger as it was).</summary>
        public InstanceContext WithEngagement(InstanceEngagement engagement)
        {
            var copy = (InstanceContext)MemberwiseClone();
            copy.Engagement = engagement != null && engagement.IsRead ? engagement : null;
            return copy;
        }
    }

    /// <summary>How many of a recurring webinar's live occurrences each approved registrant is listed for.</summary>
    internal sealed class OccurrenceRegistrations
    {
        private readonly Dictionary<string, int> _counts;

        public OccurrenceRegistrations(Dictionary<string, int> counts, int occurrences)
        {
            _counts = counts;
            Occurrences = occurrences;
        }

        public int Occurrences { get; }

        /// <summary>Registered for every occurrence: one registration for the webinar.</summary>
        public bool ForAll(string email) => email != null && _counts.TryGetValue(email, out int n) && n >= Occurrences;
    }
}
