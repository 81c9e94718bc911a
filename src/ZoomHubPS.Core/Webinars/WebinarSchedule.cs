using System;
using System.Collections.Generic;
using System.Linq;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.Webinars
{
    /// <summary>
    /// What a webinar's schedule says: its next occurrence, which scheduled slot a past instance took, and how long an
    /// instance actually lasted. The sync and the registration both ask here, so they agree on every answer.
    /// </summary>
    public static class WebinarSchedule
    {
        /// <summary>How far from a scheduled start an instance may begin and still be that slot's instance.</summary>
        public static readonly TimeSpan SlotTolerance = TimeSpan.FromHours(12);

        /// <summary>Occurrences Zoom has not deleted, in start order (none for a non-recurring webinar).</summary>
        public static IEnumerable<ZoomOccurrence> LiveOccurrences(ZoomWebinar webinar)
            => (webinar.Occurrences ?? new List<ZoomOccurrence>()).Where(o => !string.Equals(o.Status, "deleted", StringComparison.OrdinalIgnoreCase)).OrderBy(o => o.StartTime);

        /// <summary>
        /// The occurrence people register for now: the first live occurrence that has not ended at <paramref name="now"/>
        /// (the last live one when all have ended); null for a non-recurring webinar.
        /// </summary>
        public static ZoomOccurrence NextOccurrence(ZoomWebinar webinar, DateTimeOffset now)
        {
            List<ZoomOccurrence> live = LiveOccurrences(webinar).ToList();
            return live.FirstOrDefault(o => o.StartTime.AddMinutes(Math.Max(o.Duration, 1)) > now) ?? live.LastOrDefault();
        }

        /// <summary>
        /// Over at <paramref name="now"/>: a webinar whose one session has ended, or a recurring one whose live occurrences
        /// have all ended. A recurring webinar with no fixed time (no occurrences) is never over.
        /// </summary>
        public static bool IsOver(ZoomWebinar webinar, DateTimeOffset now)
        {
            if (webinar.IsRecurring)
            {
                List<ZoomOccurrence> live = LiveOccurrences(webinar).ToList();
                return live.Count > 0 && live.All(o => o.StartTime.AddMinutes(Math.Max(o.Duration, 1)) <= now);
            }

            return webinar.StartTime.HasValue && webinar.StartTime.Value.AddMinutes(Math.Max(webinar.Duration, 1)) < now;
        }

        /// <summary>An occurrence by id, or null.</summary>
        public static ZoomOccurrence Occurrence(ZoomWebinar webinar, string occurrenceId)
            => occurrenceId == null ? null : webinar.Occurrences?.FirstOrDefault(o => o.OccurrenceId == occurrenceId);

        /// <summary>
        /// The scheduled start of a registration (not of a past instance): the given occurrence, else the next one, else
        /// the webinar's own start. Null for a recurring webinar with no fixed time (type 6), which has no schedule.
        /// </summary>
        public static DateTimeOffset? ScheduledStart(ZoomWebinar webinar, string occurrenceId, DateTimeOffset now)
        {
            ZoomOccurrence occurrence = Occurrence(webinar, occurrenceId) ?? NextOccurrence(webinar, now);
            return occurrence?.StartTime ?? webinar.StartTime;
        }

        /// <summary>
        /// The scheduled slot a past instance took: the occurrence (or the webinar's own start) nearest to the instance's
        /// start, within <see cref="SlotTolerance"/>, when no other past instance is nearer to that slot. An instance that
        /// starts late is still its slot's instance (so registration and sync name the same marketing event); a second
        /// session of the same slot, or an instance with no slot (type 6, a restart days later) is keyed by its own start.
        /// </summary>
        public static ScheduledSlot SlotOf(ZoomWebinar webinar, ZoomPastInstance instance, IReadOnlyList<ZoomPastInstance> allInstances)
        {
            var candidates = new List<(DateTimeOffset Start, ZoomOccurrence Occurrence)>();
            foreach (ZoomOccurrence o in webinar.Occurrences ?? new List<ZoomOccurrence>()) candidates.Add((o.StartTime, o));
            if (candidates.Count == 0 && webinar.StartTime.HasValue && webinar.Type != 6) candidates.Add((webinar.StartTime.Value, null));

            var nearest = candidates
                .Select(c => (c.Start, c.Occurrence, Distance: (instance.StartTime - c.Start).Duration()))
                .Where(c => c.Distance <= SlotTolerance)
                .OrderBy(c => c.Distance)
                .ToList();
            if (nearest.Count == 0) return new ScheduledSlot(instance.StartTime, null, scheduled: false);

            var slot = nearest[0];
            bool nearerInstance = (allInstances ?? new ZoomPastInstance[0]).Any(other => other.Uuid != instance.Uuid
                && ((other.StartTime - slot.Start).Duration() < slot.Distance
                    || ((other.StartTime - slot.Start).Duration() == slot.Distance && other.StartTime < instance.StartTime)));
            // A second session of the slot keeps the slot's occurrence (its registrations) but not its identity.
            return nearerInstance
                ? new ScheduledSlot(instance.StartTime, slot.Occurrence, scheduled: false)
                : new ScheduledSlot(slot.Start, slot.Occurrence, scheduled: true);
        }

        /// <summary>
        /// How long an instance lasted — the base of every attendance percent, for the sync and for
        /// Get-ZoomWebinarAttendance alike: the report's own start and end (to the second), else its minute figure, else
        /// the schedule (the occurrence's, else the webinar's duration; 60 minutes when Zoom gives none).
        /// </summary>
        public static InstanceDuration DurationOf(ZoomWebinar webinar, ZoomOccurrence occurrence, ZoomWebinarReport report)
        {
            if (report?.StartTime != null && report.EndTime > report.StartTime)
            {
                return new InstanceDuration(report.EndTime.Value - report.StartTime.Value, DurationSource.ReportTimes);
            }

            if (report != null && report.Duration > 0) return new InstanceDuration(TimeSpan.FromMinutes(report.Duration), DurationSource.ReportMinutes);
            int scheduled = occurrence?.Duration > 0 ? occurrence.Duration : (webinar.Duration > 0 ? webinar.Duration : 60);
            return new InstanceDuration(TimeSpan.FromMinutes(scheduled), DurationSource.Schedule);
        }
    }

    /// <summary>The scheduled slot of an instance: the start that names its marketing event and ledger entry.</summary>
    public sealed class ScheduledSlot
    {
        internal ScheduledSlot(DateTimeOffset start, ZoomOccurrence occurrence, bool scheduled)
        {
            Start = start;
            Occurrence = occurrence;
            IsScheduled = scheduled;
        }

        /// <summary>The slot's start (the scheduled start, or the instance's own when it took no slot).</summary>
        public DateTimeOffset Start { get; }

        /// <summary>The occurrence the instance belongs to (recurring webinars), or null.</summary>
        public ZoomOccurrence Occurrence { get; }

        /// <summary>Whether the instance took a scheduled slot.</summary>
        public bool IsScheduled { get; }
    }

    /// <summary>Where an instance's duration came from.</summary>
    public enum DurationSource
    {
        /// <summary>The report's start and end times (exact).</summary>
        ReportTimes,

        /// <summary>The report's minute figure.</summary>
        ReportMinutes,

        /// <summary>The schedule (no report: older than 6 months, or no report scope).</summary>
        Schedule,
    }

    /// <summary>An instance's length and where it came from.</summary>
    public sealed class InstanceDuration
    {
        internal InstanceDuration(TimeSpan length, DurationSource source)
        {
            Length = length;
            Source = source;
        }

        /// <summary>The length.</summary>
        public TimeSpan Length { get; }

        /// <summary>Where it came from.</summary>
        public DurationSource Source { get; }
    }
}
