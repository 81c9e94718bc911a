using System;
using System.Collections.Generic;
using System.Globalization;
using ZoomHubPS.Core.Attendance;
using ZoomHubPS.Core.HubSpot;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// The timeline events of one person for one instance (registration, attendance, recording), with deterministic
    /// ids: a re-sent id is the same event, so writing them again adds nothing.
    /// </summary>
    internal sealed class TimelineEventBuilder
    {
        private readonly InstanceContext _instance;
        private readonly IReadOnlyDictionary<string, string> _templates;
        private readonly string _recordingUrl;

        /// <param name="templates">Template ids by name (<see cref="TimelineTemplates"/>).</param>
        /// <param name="recordingUrl">The instance's recording share URL, or null.</param>
        public TimelineEventBuilder(InstanceContext instance, IReadOnlyDictionary<string, string> templates, string recordingUrl)
        {
            _instance = instance;
            _templates = templates;
            _recordingUrl = recordingUrl;
            Signature = TimelineTemplates.Signature(templates);
        }

        /// <summary>Which templates the events are written with; kept in each ledger entry, so enabling (or changing) them writes them once.</summary>
        public string Signature { get; }

        public IEnumerable<HubSpotTimelineEvent> For(SyncPerson person, HistoryEntry entry, WebinarAttendance attendance)
        {
            string who = person.Email.ToLowerInvariant();
            string key = _instance.WebinarId.ToString(CultureInfo.InvariantCulture) + "-" + _instance.SlotUnix.ToString(CultureInfo.InvariantCulture);
            string webinarId = _instance.WebinarId.ToString(CultureInfo.InvariantCulture);
            if (entry.RegisteredAtUnix > 0)
            {
                yield return new HubSpotTimelineEvent
                {
                    Id = $"zoomhub-reg-{key}-{who}", EventTemplateId = _templates[TimelineTemplates.Registration], Email = who,
                    Timestamp = DateTimeOffset.FromUnixTimeSeconds(entry.RegisteredAtUnix),
                    Tokens = new Dictionary<string, string>
                    {
                        ["webinarTopic"] = _instance.Webinar.Topic, ["webinarId"] = webinarId,
                        ["startTime"] = HubSpotValues.Number(HubSpotValues.Milliseconds(_instance.Start)), ["joinUrl"] = entry.JoinUrl ?? string.Empty,
                    },
                };
            }

            if (attendance == null || attendance.AttendedSeconds <= 0) yield break;
            DateTimeOffset joined = attendance.FirstJoin ?? _instance.Start;
            yield return new HubSpotTimelineEvent
            {
                Id = $"zoomhub-att-{key}-{who}", EventTemplateId = _templates[TimelineTemplates.Attendance], Email = who, Timestamp = joined,
                Tokens = new Dictionary<string, string>
                {
                    ["webinarTopic"] = _instance.Webinar.Topic, ["webinarId"] = webinarId,
                    ["joinTime"] = HubSpotValues.Number(HubSpotValues.Milliseconds(joined)),
                    ["durationMinutes"] = HubSpotValues.Number((long)Math.Round(attendance.AttendedSeconds / 60.0)),
                    ["percent"] = HubSpotValues.Decimal(attendance.Percent),
                },
            };

            if (!string.IsNullOrEmpty(_recordingUrl))
            {
                yield return new HubSpotTimelineEvent
                {
                    Id = $"zoomhub-rec-{key}-{who}", EventTemplateId = _templates[TimelineTemplates.Recording], Email = who, Timestamp = _instance.End,
                    Tokens = new Dictionary<string, string> { ["webinarTopic"] = _instance.Webinar.Topic, ["webinarId"] = webinarId, ["shareUrl"] = _recordingUrl },
                };
            }
        }
    }
}
