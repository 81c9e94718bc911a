using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ZoomHubPS.Core.Attendance;
using ZoomHubPS.Core.HubSpot;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// The timeline events of one person for one instance — registration (webinar, name, when registered), attendance
    /// (webinar, name, date, first join, last leave, sessions, minutes, percent) and recording available (webinar,
    /// name, start, link) — with deterministic ids: a re-sent id is the same event, so writing them again adds nothing.
    /// </summary>
    internal sealed class TimelineEventBuilder
    {
        private readonly InstanceContext _instance;
        private readonly TimelineTemplateSet _templates;

        /// <param name="instance">The instance, with its recording (<see cref="InstanceContext.Recording"/>).</param>
        /// <param name="templates">The app's templates (<see cref="TimelineTemplates.ResolveAsync"/>).</param>
        public TimelineEventBuilder(InstanceContext instance, TimelineTemplateSet templates)
        {
            _instance = instance;
            _templates = templates;
            Signature = TimelineTemplates.Signature(templates.Ids);
        }

        /// <summary>Which templates the events are written with; kept in each ledger entry, so enabling (or changing) them writes them once.</summary>
        public string Signature { get; }

        /// <summary>
        /// The events <paramref name="entry"/> needs that <paramref name="previous"/> did not already give: all of them when
        /// <paramref name="all"/> (the entry was never written with these templates — the backfill), else those whose facts changed.
        /// </summary>
        public IEnumerable<HubSpotTimelineEvent> For(SyncPerson person, HistoryEntry previous, HistoryEntry entry, WebinarAttendance attendance, bool all)
        {
            string who = person.Email.ToLowerInvariant();
            string key = _instance.WebinarId.ToString(CultureInfo.InvariantCulture) + "-" + _instance.SlotUnix.ToString(CultureInfo.InvariantCulture);
            bool registrationChanged = previous == null || previous.RegisteredAtUnix != entry.RegisteredAtUnix || previous.JoinUrl != entry.JoinUrl;
            if (entry.RegisteredAtUnix > 0 && (all || registrationChanged))
            {
                yield return Event(TimelineTemplates.Registration, $"zoomhub-reg-{key}-{who}", who, DateTimeOffset.FromUnixTimeSeconds(entry.RegisteredAtUnix), new Dictionary<string, string>
                {
                    ["startTime"] = Date(_instance.Start),
                    ["joinUrl"] = entry.JoinUrl ?? string.Empty,
                    ["registeredAt"] = Date(DateTimeOffset.FromUnixTimeSeconds(entry.RegisteredAtUnix)),
                });
            }

            bool attendanceChanged = previous == null || previous.AttendedSeconds != entry.AttendedSeconds || previous.DurationSeconds != entry.DurationSeconds;
            if (attendance != null && attendance.AttendedSeconds > 0 && (all || attendanceChanged))
            {
                DateTimeOffset joined = attendance.FirstJoin ?? _instance.Start;
                yield return Event(TimelineTemplates.Attendance, $"zoomhub-att-{key}-{who}", who, joined, new Dictionary<string, string>
                {
                    ["webinarDate"] = Date(_instance.Start),
                    ["joinTime"] = Date(joined),
                    ["leaveTime"] = Date(attendance.LastLeave ?? _instance.End),
                    ["sessions"] = HubSpotValues.Number(Math.Max(1, attendance.Sessions)),
                    ["durationMinutes"] = HubSpotValues.Number((long)Math.Round(attendance.AttendedSeconds / 60.0)),
                    ["percent"] = HubSpotValues.Decimal(attendance.Percent),
                });
            }

            if (!string.IsNullOrEmpty(entry.RecordingUrl) && (all || previous?.RecordingUrl != entry.RecordingUrl))
            {
                yield return Event(TimelineTemplates.Recording, $"zoomhub-rec-{key}-{who}", who, _instance.End, new Dictionary<string, string>
                {
                    ["startTime"] = Date(_instance.Start),
                    ["shareUrl"] = entry.RecordingUrl,
                });
            }
        }

        // Every event names the webinar; a token the app's template does not define (a template older than this module:
        // Initialize-ZoomHubSchema -TimelineAppId updates it) is left out rather than refused.
        private HubSpotTimelineEvent Event(string template, string id, string email, DateTimeOffset at, Dictionary<string, string> tokens)
        {
            tokens["webinarTopic"] = _instance.Webinar.Topic ?? string.Empty;
            tokens["webinarId"] = _instance.WebinarId.ToString(CultureInfo.InvariantCulture);
            return new HubSpotTimelineEvent
            {
                Id = id, EventTemplateId = _templates.Ids[template], Email = email, Timestamp = at,
                Tokens = tokens.Where(t => _templates.Defines(template, t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
            };
        }

        private static string Date(DateTimeOffset value) => HubSpotValues.Number(HubSpotValues.Milliseconds(value));
    }
}
