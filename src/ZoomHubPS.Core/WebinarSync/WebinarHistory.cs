using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// The ledger kept in the hidden contact property (default <c>zoomhub_webinar_history</c>): one compact entry per
    /// webinar slot, so aggregates are recomputed from the whole history after any number of runs, in any order,
    /// over any subset of webinars, with no local state.
    /// </summary>
    /// <remarks>
    /// Format: <c>v2;</c> then parts separated by <c>;</c> — entries (<see cref="HistoryEntry"/>) and at most one rollup of
    /// folded entries, <c>R|{registrations}|{attended}|{percentSum}|{lastAttendedUnix}|{registeredAtUnix}|{joinUrl}|{topic}|
    /// {registeredSlotUnix}|{recordingSlotUnix}|{recordingUrl}</c> (percentSum: the exact percents' sum), then
    /// <c>|{pollAnswers}|{questions}|{lastPollSlotUnix}|{lastQuestionSlotUnix}</c> once a folded slot had polls and Q&amp;A
    /// read. Version 1
    /// (<c>v1;</c>, percents × 10) still reads. Unknown or garbled parts are kept verbatim and ignored, never fatal.
    /// HubSpot caps a value at 65,536 characters: past <see cref="FoldThreshold"/> the oldest webinars fold into the
    /// rollup, keeping counts, sums and the latest marks.
    /// </remarks>
    internal sealed class WebinarHistory
    {
        /// <summary>Serialized length above which the oldest webinars fold into the rollup.</summary>
        public const int FoldThreshold = 60_000;

        private const string Version = "v2";

        private readonly SortedDictionary<string, HistoryEntry> _entries = new SortedDictionary<string, HistoryEntry>(StringComparer.Ordinal);
        private readonly List<string> _unknown = new List<string>();
        private readonly LatestMarks _rolledLatest = new LatestMarks();

        /// <summary>Rolled-up registrations.</summary>
        public int RollupRegistrations { get; private set; }

        /// <summary>Rolled-up attended instances.</summary>
        public int RollupAttended { get; private set; }

        /// <summary>Rolled-up sum of exact percents.</summary>
        public double RollupPercentSum { get; private set; }

        /// <summary>Latest attended instance start among rolled-up entries.</summary>
        public long RollupLastAttended { get; private set; }

        /// <summary>The entries.</summary>
        public IEnumerable<HistoryEntry> Entries => _entries.Values;

        /// <summary>Parses a stored value (null or empty = no history).</summary>
        public static WebinarHistory Parse(string value)
        {
            var history = new WebinarHistory();
            if (string.IsNullOrWhiteSpace(value)) return history;

            string[] parts = value.Split(';');
            int version = parts[0] == "v1" ? 1 : 2;
            int start = parts[0] == "v1" || parts[0] == Version ? 1 : 0;
            for (int i = start; i < parts.Length; i++)
            {
                string part = parts[i];
                if (part.Length == 0) continue;
                if (!history.TryRead(part.Split('|'), version)) history._unknown.Add(part); // newer or damaged: kept, never counted
            }

            return history;
        }

        /// <summary>The entry of a slot, or null.</summary>
        public HistoryEntry Find(long webinarId, long startUnix)
            => _entries.TryGetValue(HistoryEntry.KeyOf(webinarId, startUnix), out HistoryEntry e) ? e : null;

        /// <summary>Replaces (or adds) the entry of its slot; an empty entry (no registration, no attendance) removes it.</summary>
        public void Replace(HistoryEntry entry)
        {
            if (entry.IsEmpty) _entries.Remove(entry.Key);
            else _entries[entry.Key] = entry;
        }

        /// <summary>Removes an entry (an entry written under an older key for the same slot).</summary>
        public void Remove(long webinarId, long startUnix) => _entries.Remove(HistoryEntry.KeyOf(webinarId, startUnix));

        /// <summary>The stored value, folding the oldest webinars into the rollup when it nears HubSpot's limit.</summary>
        public string Serialize()
        {
            string text = Render();
            while (text.Length > FoldThreshold && _entries.Count > 1)
            {
                FoldOldestWebinar();
                text = Render();
            }

            return text;
        }

        /// <summary>The aggregates the contact properties show.</summary>
        public HistoryAggregates Aggregates()
        {
            var registrationKeys = new HashSet<string>(StringComparer.Ordinal);
            int attended = RollupAttended;
            double percentSum = RollupPercentSum;
            long lastAttended = RollupLastAttended;
            LatestMarks latest = _rolledLatest.Copy();
            foreach (HistoryEntry e in _entries.Values)
            {
                if (e.RegisteredAtUnix > 0) registrationKeys.Add(e.Registration.CountingKey(e.WebinarId));
                if (e.AttendedSeconds > 0)
                {
                    attended++;
                    percentSum += e.Percent;
                    lastAttended = Math.Max(lastAttended, e.StartUnix);
                }

                latest.Offer(e);
            }

            return new HistoryAggregates
            {
                Registrations = registrationKeys.Count + RollupRegistrations,
                Attended = attended,
                AveragePercent = attended == 0 ? (double?)null : Math.Round(percentSum / attended, 1, MidpointRounding.AwayFromZero),
                LastRegisteredJoinUrl = latest.JoinUrl,
                LastRegisteredTopic = latest.Topic,
                LastRegisteredStart = HistoryAggregates.At(latest.RegisteredStart),
                LastAttendedAt = HistoryAggregates.At(lastAttended),
                LastRecordingUrl = latest.RecordingUrl,
                LastRecordingAt = HistoryAggregates.At(latest.RecordingStart),
                PollAnswers = latest.PollAnswers,
                Questions = latest.Questions,
                LastPollSlot = latest.PollSlot,
                LastQuestionSlot = latest.QuestionSlot,
            };
        }

        private bool TryRead(string[] f, int version)
        {
            try
            {
                if (f[0] == "R") return ReadRollup(f, version);
                HistoryEntry e = HistoryEntry.Parse(f, version);
                if (e == null) return false;
                _entries[e.Key] = e;
                return true;
            }
            catch (Exception ex) when (ex is FormatException || ex is OverflowException || ex is IndexOutOfRangeException)
            {
                return false;
            }
        }

        private bool ReadRollup(string[] f, int version)
        {
            if (version == 1)
            {
                if (f.Length < 7) return false;
                RollupRegistrations = int.Parse(f[1], CultureInfo.InvariantCulture);
                RollupAttended = int.Parse(f[2], CultureInfo.InvariantCulture);
                RollupPercentSum = long.Parse(f[3], CultureInfo.InvariantCulture) / 10.0;
                _rolledLatest.RegisteredAt = long.Parse(f[4], CultureInfo.InvariantCulture);
                RollupLastAttended = long.Parse(f[5], CultureInfo.InvariantCulture);
                _rolledLatest.JoinUrl = HistoryEntry.Unescape(f[6]);
                return true;
            }

            if (f.Length < 11) return false;
            RollupRegistrations = int.Parse(f[1], CultureInfo.InvariantCulture);
            RollupAttended = int.Parse(f[2], CultureInfo.InvariantCulture);
            RollupPercentSum = double.Parse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture);
            RollupLastAttended = long.Parse(f[4], CultureInfo.InvariantCulture);
            _rolledLatest.RegisteredAt = long.Parse(f[5], CultureInfo.InvariantCulture);
            _rolledLatest.JoinUrl = HistoryEntry.Unescape(f[6]);
            _rolledLatest.Topic = HistoryEntry.Unescape(f[7]);
            _rolledLatest.RegisteredStart = long.Parse(f[8], CultureInfo.InvariantCulture);
            _rolledLatest.RecordingStart = long.Parse(f[9], CultureInfo.InvariantCulture);
            _rolledLatest.RecordingUrl = HistoryEntry.Unescape(f[10]);
            _rolledLatest.ReadEngagement(f, 11);
            return true;
        }

        private string Render()
        {
            var sb = new StringBuilder(Version);
            if (RollupRegistrations > 0 || RollupAttended > 0 || _rolledLatest.RecordingUrl != null || _rolledLatest.HasEngagement)
            {
                sb.Append(";R|").Append(RollupRegistrations.ToString(CultureInfo.InvariantCulture))
                  .Append('|').Append(RollupAttended.ToString(CultureInfo.InvariantCulture))
                  .Append('|').Append(RollupPercentSum.ToString("R", CultureInfo.InvariantCulture))
                  .Append('|').Append(RollupLastAttended.ToString(CultureInfo.InvariantCulture))
                  .Append('|').Append(string.Join("|", _rolledLatest.Fields()));
            }

            foreach (HistoryEntry e in _entries.Values.OrderBy(e => e.StartUnix).ThenBy(e => e.WebinarId))
            {
                sb.Append(';').Append(e.Serialize());
            }

            foreach (string unknown in _unknown)
            {
                sb.Append(';').Append(unknown);
            }

            return sb.ToString();
        }

        // Whole webinars fold together, so a webinar-level registration is never counted once in the rollup and
        // again in a remaining entry of the same webinar.
        private void FoldOldestWebinar()
        {
            long webinar = _entries.Values.OrderBy(e => e.StartUnix).First().WebinarId;
            List<HistoryEntry> folded = _entries.Values.Where(e => e.WebinarId == webinar).ToList();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (HistoryEntry e in folded)
            {
                if (e.RegisteredAtUnix > 0) keys.Add(e.Registration.CountingKey(e.WebinarId));
                if (e.AttendedSeconds > 0)
                {
                    RollupAttended++;
                    RollupPercentSum += e.Percent;
                    RollupLastAttended = Math.Max(RollupLastAttended, e.StartUnix);
                }

                _rolledLatest.Offer(e);
                _entries.Remove(e.Key);
            }

            RollupRegistrations += keys.Count;
        }
    }
}
