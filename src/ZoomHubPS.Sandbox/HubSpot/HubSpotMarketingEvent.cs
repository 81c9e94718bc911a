using System;
using System.Collections.Generic;
using System.Linq;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// One recorded participation: a contact's <c>register</c>, <c>attend</c> or <c>cancel</c> at an interaction time.
    /// The same (contact, state, interaction time) recorded again is the same participation (see MarketingEventStore).
    /// </summary>
    public sealed class HubSpotParticipation
    {
        /// <summary>Participation id (a number as text).</summary>
        public string Id { get; internal set; }

        /// <summary>The contact's id.</summary>
        public long ContactId { get; internal set; }

        /// <summary>The contact's primary email when the participation was recorded.</summary>
        public string Email { get; internal set; }

        /// <summary>register, attend or cancel (the path's subscriberState, lower case).</summary>
        public string State { get; internal set; }

        /// <summary>The breakdown's attendanceState: REGISTERED, ATTENDED or CANCELLED.</summary>
        public string AttendanceState => State == "attend" ? "ATTENDED" : State == "cancel" ? "CANCELLED" : "REGISTERED";

        /// <summary>interactionDateTime (ms since epoch) as sent.</summary>
        public long InteractionDateTime { get; internal set; }

        /// <summary>Participation properties (joinedAt/leftAt for attend).</summary>
        public IReadOnlyDictionary<string, string> Properties => Values;

        /// <summary>When first recorded (sandbox clock).</summary>
        public DateTimeOffset CreatedAt { get; internal set; }

        /// <summary>How many times the same participation was sent (1 = once).</summary>
        public int TimesRecorded { get; internal set; } = 1;

        internal Dictionary<string, string> Values { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

        internal HubSpotParticipation Clone()
        {
            var copy = (HubSpotParticipation)MemberwiseClone();
            copy.Values = new Dictionary<string, string>(Values, StringComparer.Ordinal);
            return copy;
        }
    }

    /// <summary>A marketing event (snapshot when read through <see cref="HubSpotTwin"/>).</summary>
    public sealed class HubSpotMarketingEvent
    {
        /// <summary>HubSpot's object id (a number as text).</summary>
        public string ObjectId { get; internal set; }

        /// <summary>The app that created it (same-app rule for external-id endpoints).</summary>
        public long AppId { get; internal set; }

        /// <summary>externalAccountId.</summary>
        public string ExternalAccountId { get; internal set; }

        /// <summary>externalEventId.</summary>
        public string ExternalEventId { get; internal set; }

        /// <summary>eventName.</summary>
        public string EventName { get; internal set; }

        /// <summary>eventOrganizer.</summary>
        public string EventOrganizer { get; internal set; }

        /// <summary>eventType, e.g. WEBINAR.</summary>
        public string EventType { get; internal set; }

        /// <summary>eventDescription.</summary>
        public string EventDescription { get; internal set; }

        /// <summary>eventUrl.</summary>
        public string EventUrl { get; internal set; }

        /// <summary>startDateTime.</summary>
        public DateTimeOffset? StartDateTime { get; internal set; }

        /// <summary>endDateTime.</summary>
        public DateTimeOffset? EndDateTime { get; internal set; }

        /// <summary>eventCancelled.</summary>
        public bool EventCancelled { get; internal set; }

        /// <summary>eventCompleted (set by the complete endpoint or the body).</summary>
        public bool EventCompleted { get; internal set; }

        /// <summary>When created.</summary>
        public DateTimeOffset CreatedAt { get; internal set; }

        /// <summary>When last changed.</summary>
        public DateTimeOffset UpdatedAt { get; internal set; }

        /// <summary>customProperties by name.</summary>
        public IReadOnlyDictionary<string, string> CustomProperties => Custom;

        /// <summary>Recorded participations, oldest first.</summary>
        public IReadOnlyList<HubSpotParticipation> Participations => Recorded;

        internal Dictionary<string, string> Custom { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

        internal List<HubSpotParticipation> Recorded { get; set; } = new List<HubSpotParticipation>();

        // (contactId, state, interactionDateTime) → participation: the dedupe index.
        internal Dictionary<string, HubSpotParticipation> ByKey { get; set; } = new Dictionary<string, HubSpotParticipation>(StringComparer.Ordinal);

        internal HubSpotMarketingEvent Clone()
        {
            var copy = (HubSpotMarketingEvent)MemberwiseClone();
            copy.Custom = new Dictionary<string, string>(Custom, StringComparer.Ordinal);
            copy.Recorded = Recorded.Select(p => p.Clone()).ToList();
            copy.ByKey = new Dictionary<string, HubSpotParticipation>(StringComparer.Ordinal);
            return copy;
        }
    }
}
