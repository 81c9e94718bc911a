using System;
using System.Collections.Generic;
using System.Globalization;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>One webinar slot in a contact's ledger: what the contact did there, exactly enough to recompute every aggregate.</summary>
    /// <remarks>
    /// Ledger form (version 2): <c>{webinarId}@{slotUnix}|{W|O:occurrence|-}|{registeredAtUnix}|{attendedSeconds}|
    /// {durationSeconds}|{joinUrl}|{topic}|{recordingUrl}|{timeline}</c>, then <c>|{pollAnswers}|{questions}</c> only
    /// once polls and Q&amp;A were read for the slot (so entries of runs without them keep their exact form), text fields
    /// escaped (<c>% | ;</c>). The percent is
    /// kept as the seconds and the instance length, not as a rounded figure, so the average over many webinars is
    /// rounded once, at the end. Version-1 entries carried the percent × 10 in the duration's place; they read as
    /// <c>~{tenths}</c> and keep that percent until the slot is synced again.
    /// </remarks>
    internal sealed class HistoryEntry
    {
        private const int MaxTopicLength = 120;

        /// <summary>Webinar id.</summary>
        public long WebinarId { get; set; }

        /// <summary>The slot's start, unix seconds (the entry's key with the webinar id; the marketing event's too).</summary>
        public long StartUnix { get; set; }

        /// <summary>What the registration counts for.</summary>
        public RegistrationKey Registration { get; set; } = RegistrationKey.None;

        /// <summary>Approved registration time, unix seconds; 0 when not (or no longer) registered.</summary>
        public long RegisteredAtUnix { get; set; }

        /// <summary>Seconds attended (union of sessions).</summary>
        public long AttendedSeconds { get; set; }

        /// <summary>The instance's length in seconds (the percent's base); 0 for a version-1 entry.</summary>
        public long DurationSeconds { get; set; }

        /// <summary>A version-1 entry's percent × 10 (used only while <see cref="DurationSeconds"/> is 0).</summary>
        public int LegacyPercentTenths { get; set; }

        /// <summary>The personal join URL of the registration.</summary>
        public string JoinUrl { get; set; }

        /// <summary>The webinar's topic (the "last registered webinar" name).</summary>
        public string Topic { get; set; }

        /// <summary>The instance's recording share URL, when recordings are synced and there is one.</summary>
        public string RecordingUrl { get; set; }

        /// <summary>Which timeline templates this entry's events were written with (empty: none written).</summary>
        public string Timeline { get; set; }

        /// <summary>Poll answers the contact gave in the slot; null when polls were not read for it.</summary>
        public int? PollAnswers { get; set; }

        /// <summary>Q&amp;A questions the contact asked in the slot; null when Q&amp;A was not read for it.</summary>
        public int? Questions { get; set; }

        /// <summary>Percent attended, exact (capped at 100).</summary>
        public double Percent
            => DurationSeconds > 0 ? Math.Min(100.0, AttendedSeconds * 100.0 / DurationSeconds) : LegacyPercentTenths / 10.0;

        /// <summary>Nothing worth keeping: no registration and no attendance.</summary>
        public bool IsEmpty => RegisteredAtUnix == 0 && AttendedSeconds == 0 && Registration.IsNone;

        internal string Key => KeyOf(WebinarId, StartUnix);

        internal static string KeyOf(long webinarId, long startUnix)
            => webinarId.ToString(CultureInfo.InvariantCulture) + "@" + startUnix.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// The registration write-back recorded the registration but has not confirmed its register participation: a
        /// registered entry without its join link (every entry the sync or a finished write-back writes has one). Whoever
        /// meets it next — the write-back run again, or the sync — sends that participation at the entry's time.
        /// </summary>
        internal bool AwaitsRegisterParticipation() => RegisteredAtUnix > 0 && string.IsNullOrEmpty(JoinUrl);

        internal bool SameAs(HistoryEntry other) => other != null && Serialize() == other.Serialize();

        internal string Serialize()
        {
            string duration = DurationSeconds > 0 || LegacyPercentTenths == 0
                ? DurationSeconds.ToString(CultureInfo.InvariantCulture)
                : "~" + LegacyPercentTenths.ToString(CultureInfo.InvariantCulture);
            string topic = Topic != null && Topic.Length > MaxTopicLength ? Topic.Substring(0, MaxTopicLength) : Topic;
            string text = string.Join("|", Key, Registration.Text, RegisteredAtUnix.ToString(CultureInfo.InvariantCulture),
                AttendedSeconds.ToString(CultureInfo.InvariantCulture), duration, Escape(JoinUrl), Escape(topic), Escape(RecordingUrl), Escape(Timeline));
            return PollAnswers == null && Questions == null ? text : text + "|" + Count(PollAnswers) + "|" + Count(Questions);
        }

        /// <summary>Reads one entry; <paramref name="version"/> 1 reads the percent × 10 in the fifth field.</summary>
        internal static HistoryEntry Parse(string[] f, int version)
        {
            string[] key = f[0].Split('@');
            if (f.Length < 6 || key.Length != 2) return null;
            var e = new HistoryEntry
            {
                WebinarId = long.Parse(key[0], CultureInfo.InvariantCulture),
                StartUnix = long.Parse(key[1], CultureInfo.InvariantCulture),
                Registration = RegistrationKey.Parse(f[1]),
                RegisteredAtUnix = long.Parse(f[2], CultureInfo.InvariantCulture),
                AttendedSeconds = long.Parse(f[3], CultureInfo.InvariantCulture),
                JoinUrl = Unescape(f[5]),
                Topic = f.Length > 6 ? Unescape(f[6]) : null,
                RecordingUrl = f.Length > 7 ? Unescape(f[7]) : null,
                Timeline = f.Length > 8 ? Unescape(f[8]) : null,
                PollAnswers = f.Length > 9 ? ReadCount(f[9]) : null,
                Questions = f.Length > 10 ? ReadCount(f[10]) : null,
            };
            if (version == 1) e.LegacyPercentTenths = int.Parse(f[4], CultureInfo.InvariantCulture);
            else if (f[4].StartsWith("~", StringComparison.Ordinal)) e.LegacyPercentTenths = int.Parse(f[4].Substring(1), CultureInfo.InvariantCulture);
            else e.DurationSeconds = long.Parse(f[4], CultureInfo.InvariantCulture);
            return e;
        }

        internal static string Count(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

        internal static int? ReadCount(string s) => string.IsNullOrEmpty(s) ? (int?)null : int.Parse(s, CultureInfo.InvariantCulture);

        internal static string Escape(string s) => string.IsNullOrEmpty(s) ? string.Empty : s.Replace("%", "%25").Replace("|", "%7C").Replace(";", "%3B");

        internal static string Unescape(string s) => string.IsNullOrEmpty(s) ? null : s.Replace("%3B", ";").Replace("%7C", "|").Replace("%25", "%");
    }

    /// <summary>What the contact properties show, computed from a ledger.</summary>
    internal sealed class HistoryAggregates
    {
        /// <summary>Registrations (once per webinar, or per occurrence for occurrence registrations; approved only).</summary>
        public int Registrations { get; set; }

        /// <summary>Instances attended (more than zero seconds).</summary>
        public int Attended { get; set; }

        /// <summary>Mean of the exact percents over attended instances (no-shows do not lower it), rounded once to one decimal.</summary>
        public double? AveragePercent { get; set; }

        /// <summary>Personal join URL of the approved registration with the latest registration time.</summary>
        public string LastRegisteredJoinUrl { get; set; }

        /// <summary>Topic of that registration's webinar.</summary>
        public string LastRegisteredTopic { get; set; }

        /// <summary>Start of that registration's slot.</summary>
        public DateTimeOffset? LastRegisteredStart { get; set; }

        /// <summary>Start of the latest attended instance.</summary>
        public DateTimeOffset? LastAttendedAt { get; set; }

        /// <summary>Recording of the latest instance the contact registered for or attended that has one.</summary>
        public string LastRecordingUrl { get; set; }

        /// <summary>Start of that instance.</summary>
        public DateTimeOffset? LastRecordingAt { get; set; }

        /// <summary>Poll answers over every slot whose polls were read; null when none was.</summary>
        public int? PollAnswers { get; set; }

        /// <summary>Q&amp;A questions over every slot whose Q&amp;A was read; null when none was.</summary>
        public int? Questions { get; set; }

        /// <summary>The latest slot in which the contact answered a poll (unix seconds; 0: none).</summary>
        public long LastPollSlot { get; set; }

        /// <summary>The latest slot in which the contact asked a question (unix seconds; 0: none).</summary>
        public long LastQuestionSlot { get; set; }

        internal static DateTimeOffset? At(long unix) => unix > 0 ? DateTimeOffset.FromUnixTimeSeconds(unix) : (DateTimeOffset?)null;
    }

    /// <summary>The running "latest" of a ledger: the latest registration, recording, poll answer and question, and the engagement sums.</summary>
    internal sealed class LatestMarks
    {
        public long RegisteredAt;
        public string JoinUrl;
        public string Topic;
        public long RegisteredStart;
        public long RecordingStart;
        public string RecordingUrl;
        public long PollSlot;
        public long QuestionSlot;
        public int? PollAnswers;
        public int? Questions;

        public LatestMarks Copy() => (LatestMarks)MemberwiseClone();

        public void Offer(HistoryEntry e)
        {
            // One registration for a webinar held several times is in every slot's entry with the same time: the latest
            // slot is the one the contact is registered for next.
            bool tie = e.RegisteredAtUnix == RegisteredAt && (JoinUrl == null || e.StartUnix > RegisteredStart);
            if (e.RegisteredAtUnix > 0 && (e.RegisteredAtUnix > RegisteredAt || tie))
            {
                RegisteredAt = e.RegisteredAtUnix;
                JoinUrl = e.JoinUrl;
                Topic = e.Topic;
                RegisteredStart = e.StartUnix;
            }

            if (!string.IsNullOrEmpty(e.RecordingUrl) && e.StartUnix >= RecordingStart)
            {
                RecordingStart = e.StartUnix;
                RecordingUrl = e.RecordingUrl;
            }

            if (e.PollAnswers != null) PollAnswers = (PollAnswers ?? 0) + e.PollAnswers;
            if (e.Questions != null) Questions = (Questions ?? 0) + e.Questions;
            if (e.PollAnswers > 0) PollSlot = Math.Max(PollSlot, e.StartUnix);
            if (e.Questions > 0) QuestionSlot = Math.Max(QuestionSlot, e.StartUnix);
        }

        /// <summary>Whether the rollup must carry the engagement fields (only once a folded slot had them).</summary>
        public bool HasEngagement => PollAnswers != null || Questions != null;

        public IEnumerable<string> Fields()
        {
            var fields = new List<string>
            {
                RegisteredAt.ToString(CultureInfo.InvariantCulture), HistoryEntry.Escape(JoinUrl), HistoryEntry.Escape(Topic),
                RegisteredStart.ToString(CultureInfo.InvariantCulture), RecordingStart.ToString(CultureInfo.InvariantCulture), HistoryEntry.Escape(RecordingUrl),
            };
            if (HasEngagement)
            {
                fields.AddRange(new[]
                {
                    HistoryEntry.Count(PollAnswers), HistoryEntry.Count(Questions),
                    PollSlot.ToString(CultureInfo.InvariantCulture), QuestionSlot.ToString(CultureInfo.InvariantCulture),
                });
            }

            return fields;
        }

        /// <summary>Reads the engagement fields of a version-2 rollup (from field <paramref name="at"/>, when present).</summary>
        public void ReadEngagement(string[] f, int at)
        {
            if (f.Length < at + 4) return;
            PollAnswers = HistoryEntry.ReadCount(f[at]);
            Questions = HistoryEntry.ReadCount(f[at + 1]);
            PollSlot = long.Parse(f[at + 2], CultureInfo.InvariantCulture);
            QuestionSlot = long.Parse(f[at + 3], CultureInfo.InvariantCulture);
        }
    }
}
