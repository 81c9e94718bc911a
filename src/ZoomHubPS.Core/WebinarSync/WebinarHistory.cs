using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>One webinar instance in a contact's history.</summary>
    public sealed class HistoryEntry
    {
        /// <summary>Webinar id.</summary>
        public long WebinarId { get; set; }

        /// <summary>Instance start, unix seconds (the instance key with the webinar id).</summary>
        public long StartUnix { get; set; }

        /// <summary>Registration key: "W" (one registration for the webinar), "O:{occurrenceId}" (per occurrence), "-" (none).</summary>
        public string RegistrationKey { get; set; } = "-";

        /// <summary>Approved registration time, unix seconds; 0 when not (or no longer) registered.</summary>
        public long RegisteredAtUnix { get; set; }

        /// <summary>Seconds attended (union of sessions).</summary>
        public long AttendedSeconds { get; set; }

        /// <summary>Percent attended × 10 (one decimal, as an integer).</summary>
        public int PercentTenths { get; set; }

        /// <summary>The personal join URL of the registration.</summary>
        public string JoinUrl { get; set; }

        internal string Key => WebinarId.ToString(CultureInfo.InvariantCulture) + "@" + StartUnix.ToString(CultureInfo.InvariantCulture);

        internal bool SameAs(HistoryEntry other) => other != null && Serialize() == other.Serialize();

        internal string Serialize()
            => string.Join("|", Key, RegistrationKey ?? "-", RegisteredAtUnix.ToString(CultureInfo.InvariantCulture),
                AttendedSeconds.ToString(CultureInfo.InvariantCulture), PercentTenths.ToString(CultureInfo.InvariantCulture), Escape(JoinUrl));

        internal static string Escape(string s) => string.IsNullOrEmpty(s) ? string.Empty : s.Replace("%", "%25").Replace("|", "%7C").Replace(";", "%3B");

        internal static string Unescape(string s) => string.IsNullOrEmpty(s) ? null : s.Replace("%3B", ";").Replace("%7C", "|").Replace("%25", "%");
    }

    /// <summary>
    /// The ledger kept in the hidden contact property (default <c>zoomhub_webinar_history</c>): one compact entry per
    /// webinar instance, so aggregates are recomputed from the whole history after any number of runs, in any order,
    /// over any subset of webinars, with no local state.
    /// </summary>
    /// <remarks>
    /// Format (version 1): <c>v1;</c> then entries separated by <c>;</c>. An entry is
    /// <c>{webinarId}@{startUnix}|{W|O:occurrence|-}|{registeredAtUnix}|{attendedSeconds}|{percent×10}|{joinUrl}</c>.
    /// A rollup of folded entries is <c>R|{registrations}|{attended}|{percentTenthsSum}|{lastRegisteredAtUnix}|{lastAttendedUnix}|{joinUrl}</c>.
    /// Unknown or garbled parts are kept verbatim and ignored, never fatal. HubSpot caps a value at 65,536 characters:
    /// past <see cref="FoldThreshold"/> the oldest webinars fold into the rollup, keeping counts and sums.
    /// </remarks>
    public sealed class WebinarHistory
    {
        /// <summary>Serialized length above which the oldest webinars fold into the rollup.</summary>
        public const int FoldThreshold = 60_000;

        private readonly SortedDictionary<string, HistoryEntry> _entries = new SortedDictionary<string, HistoryEntry>(StringComparer.Ordinal);
        private readonly List<string> _unknown = new List<string>();

        /// <summary>Rolled-up registrations.</summary>
        public int RollupRegistrations { get; private set; }

        /// <summary>Rolled-up attended instances.</summary>
        public int RollupAttended { get; private set; }

        /// <summary>Rolled-up sum of percents × 10.</summary>
        public long RollupPercentTenths { get; private set; }

        /// <summary>Latest registration time among rolled-up entries.</summary>
        public long RollupLastRegisteredAt { get; private set; }

        /// <summary>Latest attended instance start among rolled-up entries.</summary>
        public long RollupLastAttended { get; private set; }

        /// <summary>Join URL of the latest rolled-up registration.</summary>
        public string RollupJoinUrl { get; private set; }

        /// <summary>The entries.</summary>
        public IEnumerable<HistoryEntry> Entries => _entries.Values;

        /// <summary>Parses a stored value (null or empty = no history).</summary>
        public static WebinarHistory Parse(string value)
        {
            var history = new WebinarHistory();
            if (string.IsNullOrWhiteSpace(value))
            {
                return history;
            }

            string[] parts = value.Split(';');
            int start = parts.Length > 0 && parts[0] == "v1" ? 1 : 0;
            for (int i = start; i < parts.Length; i++)
            {
                string part = parts[i];
                if (part.Length == 0) continue;
                string[] f = part.Split('|');
                try
                {
                    if (f[0] == "R" && f.Length >= 7)
                    {
                        history.RollupRegistrations = int.Parse(f[1], CultureInfo.InvariantCulture);
                        history.RollupAttended = int.Parse(f[2], CultureInfo.InvariantCulture);
                        history.RollupPercentTenths = long.Parse(f[3], CultureInfo.InvariantCulture);
                        history.RollupLastRegisteredAt = long.Parse(f[4], CultureInfo.InvariantCulture);
                        history.RollupLastAttended = long.Parse(f[5], CultureInfo.InvariantCulture);
                        history.RollupJoinUrl = HistoryEntry.Unescape(f[6]);
                        continue;
                    }

                    string[] key = f[0].Split('@');
                    if (f.Length >= 6 && key.Length == 2)
                    {
                        var e = new HistoryEntry
                        {
                            WebinarId = long.Parse(key[0], CultureInfo.InvariantCulture),
                            StartUnix = long.Parse(key[1], CultureInfo.InvariantCulture),
                            RegistrationKey = f[1],
                            RegisteredAtUnix = long.Parse(f[2], CultureInfo.InvariantCulture),
                            AttendedSeconds = long.Parse(f[3], CultureInfo.InvariantCulture),
                            PercentTenths = int.Parse(f[4], CultureInfo.InvariantCulture),
                            JoinUrl = HistoryEntry.Unescape(f[5]),
                        };
                        history._entries[e.Key] = e;
                        continue;
                    }
                }
                catch (FormatException)
                {
                }
                catch (OverflowException)
                {
                }

                history._unknown.Add(part); // written by a newer version or damaged: kept, never counted
            }

            return history;
        }

        /// <summary>The entry of an instance, or null.</summary>
        public HistoryEntry Find(long webinarId, long startUnix)
            => _entries.TryGetValue(new HistoryEntry { WebinarId = webinarId, StartUnix = startUnix }.Key, out HistoryEntry e) ? e : null;

        /// <summary>Replaces (or adds) the entry of its instance; a null-like entry (no registration, no attendance) removes it.</summary>
        public void Replace(HistoryEntry entry)
        {
            if (entry.RegisteredAtUnix == 0 && entry.AttendedSeconds == 0 && (entry.RegistrationKey == "-" || entry.RegistrationKey == null))
            {
                _entries.Remove(entry.Key);
                return;
            }

            _entries[entry.Key] = entry;
        }

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
            long percentSum = RollupPercentTenths;
            long lastRegistered = RollupLastRegisteredAt;
            string lastUrl = RollupJoinUrl;
            long lastAttended = RollupLastAttended;
            foreach (HistoryEntry e in _entries.Values)
            {
                if (e.RegisteredAtUnix > 0)
                {
                    registrationKeys.Add(e.RegistrationKey == "W" || e.RegistrationKey == "-" ? e.WebinarId.ToString(CultureInfo.InvariantCulture) : e.WebinarId + ":" + e.RegistrationKey);
                    if (e.RegisteredAtUnix > lastRegistered || (e.RegisteredAtUnix == lastRegistered && lastUrl == null))
                    {
                        lastRegistered = e.RegisteredAtUnix;
                        lastUrl = e.JoinUrl;
                    }
                }

                if (e.AttendedSeconds > 0)
                {
                    attended++;
                    percentSum += e.PercentTenths;
                    lastAttended = Math.Max(lastAttended, e.StartUnix);
                }
            }

            return new HistoryAggregates
            {
                Registrations = registrationKeys.Count + RollupRegistrations,
                Attended = attended,
                AveragePercent = attended == 0 ? (double?)null : Math.Round(percentSum / 10.0 / attended, 1, MidpointRounding.AwayFromZero),
                LastRegisteredJoinUrl = lastUrl,
                LastAttendedAt = lastAttended > 0 ? DateTimeOffset.FromUnixTimeSeconds(lastAttended) : (DateTimeOffset?)null,
            };
        }

        private string Render()
        {
            var sb = new StringBuilder("v1");
            if (RollupRegistrations > 0 || RollupAttended > 0)
            {
                sb.Append(";R|").Append(RollupRegistrations.ToString(CultureInfo.InvariantCulture)).Append('|').Append(RollupAttended.ToString(CultureInfo.InvariantCulture))
                  .Append('|').Append(RollupPercentTenths.ToString(CultureInfo.InvariantCulture)).Append('|').Append(RollupLastRegisteredAt.ToString(CultureInfo.InvariantCulture))
                  .Append('|').Append(RollupLastAttended.ToString(CultureInfo.InvariantCulture)).Append('|').Append(HistoryEntry.Escape(RollupJoinUrl));
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
                if (e.RegisteredAtUnix > 0)
                {
                    keys.Add(e.RegistrationKey == "W" || e.RegistrationKey == "-" ? "W" : e.RegistrationKey);
                    if (e.RegisteredAtUnix >= RollupLastRegisteredAt)
                    {
                        RollupLastRegisteredAt = e.RegisteredAtUnix;
                        RollupJoinUrl = e.JoinUrl;
                    }
                }

                if (e.AttendedSeconds > 0)
                {
                    RollupAttended++;
                    RollupPercentTenths += e.PercentTenths;
                    RollupLastAttended = Math.Max(RollupLastAttended, e.StartUnix);
                }

                _entries.Remove(e.Key);
            }

            RollupRegistrations += keys.Count;
        }
    }

    /// <summary>What the contact properties show, computed from a history.</summary>
    public sealed class HistoryAggregates
    {
        /// <summary>Registrations (once per webinar, or per occurrence for occurrence registrations; approved only).</summary>
        public int Registrations { get; set; }

        /// <summary>Instances attended (more than zero seconds).</summary>
        public int Attended { get; set; }

        /// <summary>Mean percent over attended instances (no-shows do not lower it), one decimal.</summary>
        public double? AveragePercent { get; set; }

        /// <summary>Personal join URL of the approved registration with the latest registration time.</summary>
        public string LastRegisteredJoinUrl { get; set; }

        /// <summary>Start of the latest attended instance.</summary>
        public DateTimeOffset? LastAttendedAt { get; set; }
    }
}
