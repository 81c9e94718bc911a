using System;
using System.Collections.Generic;
using System.Linq;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.Attendance
{
    /// <summary>One person's attendance of one instance.</summary>
    public sealed class WebinarAttendance
    {
        /// <summary>Webinar id.</summary>
        public long WebinarId { get; internal set; }

        /// <summary>Instance UUID.</summary>
        public string InstanceUuid { get; internal set; }

        /// <summary>Email (lower case), the person's key.</summary>
        public string Email { get; internal set; }

        /// <summary>Display name from the first row with one.</summary>
        public string Name { get; internal set; }

        /// <summary>Registrant id, when a row carried one.</summary>
        public string RegistrantId { get; internal set; }

        /// <summary>First join.</summary>
        public DateTimeOffset? FirstJoin { get; internal set; }

        /// <summary>Last leave.</summary>
        public DateTimeOffset? LastLeave { get; internal set; }

        /// <summary>Seconds attended: the union of the person's [join, leave) intervals (two devices at once count once).</summary>
        public long AttendedSeconds { get; internal set; }

        /// <summary>Attended seconds / instance duration × 100, capped at 100, one decimal.</summary>
        public double Percent { get; internal set; }

        /// <summary>Rows (sessions) merged, including zero-length ones.</summary>
        public int Sessions { get; internal set; }

        /// <summary>Whether the email was taken from the registrant (a guest row without email).</summary>
        public bool EmailFromRegistrant { get; internal set; }
    }

    /// <summary>
    /// Merges participant rows of ONE instance into one record per person. Memory grows with the number of people
    /// (their intervals), never with pages already read: rows stream in through <see cref="Add"/>.
    /// </summary>
    public sealed class AttendanceCalculator
    {
        private readonly Dictionary<string, Person> _byEmail = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<ZoomParticipant>> _pendingByRegistrant = new Dictionary<string, List<ZoomParticipant>>(StringComparer.Ordinal);
        private readonly List<ZoomParticipant> _noEmail = new List<ZoomParticipant>();
        private readonly Func<string, string> _registrantEmail;

        /// <summary>Creates a calculator.</summary>
        /// <param name="instanceDuration">Length of the instance (the base of the percent).</param>
        /// <param name="registrantEmail">Resolves a registrant id to an email when already known (may return null; see <see cref="ResolveRegistrant"/>).</param>
        public AttendanceCalculator(TimeSpan instanceDuration, Func<string, string> registrantEmail = null)
        {
            InstanceDuration = instanceDuration;
            _registrantEmail = registrantEmail;
        }

        /// <summary>Base of the percent.</summary>
        public TimeSpan InstanceDuration { get; }

        /// <summary>Rows without an email whose registrant id is not (yet) resolved.</summary>
        public int PendingGuestRows => _pendingByRegistrant.Values.Sum(l => l.Count);

        /// <summary>Registrant ids of guest rows waiting for an email.</summary>
        public IEnumerable<string> PendingRegistrantIds => _pendingByRegistrant.Keys;

        /// <summary>Rows with neither email nor registrant id.</summary>
        public IReadOnlyList<ZoomParticipant> RowsWithoutEmail => _noEmail;

        /// <summary>Adds one participant row.</summary>
        public void Add(ZoomParticipant row)
        {
            if (row == null) return;
            string email = Normalize(row.UserEmail);
            bool fromRegistrant = false;
            if (email == null && !string.IsNullOrEmpty(row.RegistrantId))
            {
                email = Normalize(_registrantEmail?.Invoke(row.RegistrantId));
                fromRegistrant = email != null;
                if (email == null)
                {
                    if (!_pendingByRegistrant.TryGetValue(row.RegistrantId, out List<ZoomParticipant> rows))
                    {
                        _pendingByRegistrant[row.RegistrantId] = rows = new List<ZoomParticipant>();
                    }

                    rows.Add(row);
                    return;
                }
            }

            if (email == null)
            {
                _noEmail.Add(row);
                return;
            }

            AddTo(email, row, fromRegistrant);
        }

        /// <summary>Gives the email of a registrant whose guest rows arrived without one (registrants are read after participants).</summary>
        public bool ResolveRegistrant(string registrantId, string email)
        {
            email = Normalize(email);
            if (email == null || registrantId == null || !_pendingByRegistrant.TryGetValue(registrantId, out List<ZoomParticipant> rows))
            {
                return false;
            }

            _pendingByRegistrant.Remove(registrantId);
            foreach (ZoomParticipant row in rows)
            {
                AddTo(email, row, fromRegistrant: true);
            }

            return true;
        }

        /// <summary>Guest rows still unresolved become "no email" rows (call when every registrant was seen).</summary>
        public void CloseUnresolved()
        {
            foreach (List<ZoomParticipant> rows in _pendingByRegistrant.Values) _noEmail.AddRange(rows);
            _pendingByRegistrant.Clear();
        }

        /// <summary>The attendance of one email, or null if the person did not attend.</summary>
        public WebinarAttendance Get(string email)
        {
            email = Normalize(email);
            return email != null && _byEmail.TryGetValue(email, out Person p) ? p.ToAttendance(InstanceDuration) : null;
        }

        /// <summary>Every person seen, in first-seen order.</summary>
        public IEnumerable<WebinarAttendance> Results() => _byEmail.Values.OrderBy(p => p.Order).Select(p => p.ToAttendance(InstanceDuration));

        /// <summary>Emails seen.</summary>
        public IEnumerable<string> Emails => _byEmail.Keys;

        /// <summary>Union length of intervals, in whole seconds.</summary>
        public static long UnionSeconds(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> intervals)
        {
            double total = 0;
            DateTimeOffset? curStart = null, curEnd = null;
            foreach (var (start, end) in intervals.Where(i => i.End > i.Start).OrderBy(i => i.Start))
            {
                if (curEnd == null || start > curEnd)
                {
                    if (curEnd != null) total += (curEnd.Value - curStart.Value).TotalSeconds;
                    curStart = start;
                    curEnd = end;
                }
                else if (end > curEnd)
                {
                    curEnd = end;
                }
            }

            if (curEnd != null) total += (curEnd.Value - curStart.Value).TotalSeconds;
            return (long)Math.Round(total, MidpointRounding.AwayFromZero);
        }

        private void AddTo(string email, ZoomParticipant row, bool fromRegistrant)
        {
            if (!_byEmail.TryGetValue(email, out Person p))
            {
                _byEmail[email] = p = new Person { Email = email, Order = _byEmail.Count, WebinarId = row.WebinarId, InstanceUuid = row.InstanceUuid };
            }

            p.Add(row, fromRegistrant);
        }

        private static string Normalize(string email)
        {
            if (string.IsNullOrWhiteSpace(email)) return null;
            return email.Trim().ToLowerInvariant();
        }

        private sealed class Person
        {
            private readonly List<(DateTimeOffset Start, DateTimeOffset End)> _intervals = new List<(DateTimeOffset, DateTimeOffset)>();

            public string Email;
            public int Order;
            public long WebinarId;
            public string InstanceUuid;
            private string _name;
            private string _registrantId;
            private DateTimeOffset? _first;
            private DateTimeOffset? _last;
            private int _sessions;
            private bool _fromRegistrant;

            public void Add(ZoomParticipant row, bool fromRegistrant)
            {
                _sessions++;
                _fromRegistrant |= fromRegistrant;
                if (string.IsNullOrEmpty(_name) && !string.IsNullOrEmpty(row.Name)) _name = row.Name;
                if (string.IsNullOrEmpty(_registrantId) && !string.IsNullOrEmpty(row.RegistrantId)) _registrantId = row.RegistrantId;
                DateTimeOffset? join = row.JoinTime;
                DateTimeOffset? leave = row.LeaveTime ?? (join.HasValue ? join.Value.AddSeconds(Math.Max(0, row.Duration)) : (DateTimeOffset?)null);
                if (join.HasValue && (_first == null || join < _first)) _first = join;
                if (leave.HasValue && (_last == null || leave > _last)) _last = leave;
                if (join.HasValue && leave.HasValue && leave > join) _intervals.Add((join.Value, leave.Value));
            }

            public WebinarAttendance ToAttendance(TimeSpan duration)
            {
                long seconds = UnionSeconds(_intervals);
                double percent = duration.TotalSeconds <= 0 ? (seconds > 0 ? 100 : 0) : Math.Min(100.0, seconds * 100.0 / duration.TotalSeconds);
                return new WebinarAttendance
                {
                    WebinarId = WebinarId,
                    InstanceUuid = InstanceUuid,
                    Email = Email,
                    Name = _name,
                    RegistrantId = _registrantId,
                    FirstJoin = _first,
                    LastLeave = _last,
                    AttendedSeconds = seconds,
                    Percent = Math.Round(percent, 1, MidpointRounding.AwayFromZero),
                    Sessions = _sessions,
                    EmailFromRegistrant = _fromRegistrant,
                };
            }
        }
    }
}
