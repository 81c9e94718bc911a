using System;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// What one registration counts for: the whole webinar (once, however many of its occurrences are held), one
    /// occurrence (people who registered for specific occurrences), or nothing (no registration, or a pending one).
    /// Written into the ledger as <c>W</c>, <c>O:{occurrenceId}</c> or <c>-</c>.
    /// </summary>
    internal readonly struct RegistrationKey : IEquatable<RegistrationKey>
    {
        private const string WebinarText = "W";
        private const string NoneText = "-";
        private const string OccurrencePrefix = "O:";

        private RegistrationKey(string text) => Text = text;

        /// <summary>No registration that counts.</summary>
        public static RegistrationKey None => new RegistrationKey(NoneText);

        /// <summary>A registration for the whole webinar.</summary>
        public static RegistrationKey Webinar => new RegistrationKey(WebinarText);

        /// <summary>A registration for one occurrence.</summary>
        public static RegistrationKey Occurrence(string occurrenceId) => new RegistrationKey(OccurrencePrefix + occurrenceId);

        /// <summary>The ledger form.</summary>
        public string Text { get; }

        public bool IsNone => Text == null || Text == NoneText;

        public bool IsOccurrence => Text != null && Text.StartsWith(OccurrencePrefix, StringComparison.Ordinal);

        /// <summary>Reads the ledger form (anything unknown reads as the webinar, the safe count-once choice).</summary>
        public static RegistrationKey Parse(string text)
        {
            if (string.IsNullOrEmpty(text) || text == NoneText) return None;
            if (text.StartsWith(OccurrencePrefix, StringComparison.Ordinal) && text.Length > OccurrencePrefix.Length) return new RegistrationKey(text);
            return Webinar;
        }

        /// <summary>The key a registration counts under across a contact's history: one per webinar, or per occurrence.</summary>
        public string CountingKey(long webinarId)
            => IsOccurrence ? webinarId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + Text : webinarId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public bool Equals(RegistrationKey other) => string.Equals(Text ?? NoneText, other.Text ?? NoneText, StringComparison.Ordinal);

        public override bool Equals(object obj) => obj is RegistrationKey k && Equals(k);

        public override int GetHashCode() => (Text ?? NoneText).GetHashCode();

        public override string ToString() => Text ?? NoneText;
    }

    /// <summary>A Zoom registrant's status, parsed once when the model is read.</summary>
    internal static class RegistrantStates
    {
        /// <summary>approved, pending, denied (Zoom lists cancelled registrants as denied); null when Zoom gives another word.</summary>
        public static RegistrantStatus? StateOf(this ZoomRegistrant registrant)
        {
            switch (registrant?.Status?.Trim().ToLowerInvariant())
            {
                case "approved": return RegistrantStatus.Approved;
                case "pending": return RegistrantStatus.Pending;
                case "denied":
                case "cancelled":
                case "canceled": return RegistrantStatus.Denied;
                default: return null;
            }
        }
    }
}
