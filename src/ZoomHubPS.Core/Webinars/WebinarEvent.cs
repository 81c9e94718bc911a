using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.Webinars
{
    /// <summary>
    /// The HubSpot marketing event of one webinar slot: its identity (external ids) and its fields. The sync and the
    /// registration both build it here, from the slot's <b>scheduled</b> start, so a registration before the webinar
    /// and the sync after it — even when the instance starts late — write to the same event.
    /// </summary>
    public static class WebinarEvent
    {
        private const string Prefix = "zoomhub-";

        /// <summary>The external event id: <c>zoomhub-{webinarId}-{slot start, unix seconds}</c>.</summary>
        public static string ExternalEventId(long webinarId, DateTimeOffset slotStart)
            => Prefix + webinarId.ToString(CultureInfo.InvariantCulture) + "-" + slotStart.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        /// <summary>The external account id: the Zoom account the events belong to.</summary>
        public static string ExternalAccountId(ZoomHubConnection connection) => connection?.Info?.ZoomAccountId ?? "zoom";

        /// <summary>Reads an id this module wrote back into its webinar and slot (false for anyone else's event).</summary>
        public static bool TryParse(string externalEventId, out long webinarId, out DateTimeOffset slotStart)
        {
            webinarId = 0;
            slotStart = default;
            if (externalEventId == null || !externalEventId.StartsWith(Prefix, StringComparison.Ordinal)) return false;
            string[] parts = externalEventId.Substring(Prefix.Length).Split('-');
            if (parts.Length != 2
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out webinarId)
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long unix))
            {
                return false;
            }

            slotStart = DateTimeOffset.FromUnixTimeSeconds(unix);
            return true;
        }

        /// <summary>
        /// The event as it should be: the webinar's topic, host, link, and the given start and end (the schedule before
        /// the webinar is held, what actually happened afterwards).
        /// </summary>
        public static HubSpotMarketingEvent Build(ZoomWebinar webinar, string externalAccountId, DateTimeOffset slotStart, DateTimeOffset start, DateTimeOffset end, IEnumerable<HubSpotEventProperty> customProperties = null)
            => new HubSpotMarketingEvent
            {
                ExternalAccountId = externalAccountId,
                ExternalEventId = ExternalEventId(webinar.Id, slotStart),
                EventName = webinar.Topic,
                EventType = "WEBINAR",
                EventOrganizer = string.IsNullOrEmpty(webinar.HostEmail) ? "Zoom" : webinar.HostEmail,
                EventUrl = webinar.RegistrationUrl ?? webinar.JoinUrl,
                StartDateTime = start,
                EndDateTime = end > start ? end : start.AddMinutes(1),
                CustomProperties = (customProperties ?? Enumerable.Empty<HubSpotEventProperty>()).ToList(),
            };

        /// <summary>The event before the webinar is held: the scheduled start and the scheduled length.</summary>
        public static HubSpotMarketingEvent Scheduled(ZoomWebinar webinar, string externalAccountId, DateTimeOffset slotStart, ZoomOccurrence occurrence)
        {
            int minutes = occurrence?.Duration > 0 ? occurrence.Duration : (webinar.Duration > 0 ? webinar.Duration : 60);
            return Build(webinar, externalAccountId, slotStart, slotStart, slotStart.AddMinutes(minutes));
        }

        /// <summary>Whether HubSpot's copy already has these fields (then nothing is written).</summary>
        public static bool HasFields(HubSpotMarketingEvent existing, HubSpotMarketingEvent wanted)
        {
            if (existing == null) return false;
            bool same = existing.EventName == wanted.EventName && existing.EventUrl == wanted.EventUrl
                && existing.EventOrganizer == wanted.EventOrganizer
                && existing.StartDateTime?.ToUnixTimeSeconds() == wanted.StartDateTime?.ToUnixTimeSeconds()
                && existing.EndDateTime?.ToUnixTimeSeconds() == wanted.EndDateTime?.ToUnixTimeSeconds();
            if (!same) return false;
            var have = (existing.CustomProperties ?? new List<HubSpotEventProperty>()).GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
            return wanted.CustomProperties.All(p => have.TryGetValue(p.Name, out string v) && HubSpotValues.Same(v, p.Value));
        }
    }
}
