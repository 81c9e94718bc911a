using System;
using System.Collections.Generic;
using ZoomHubPS.Core.HubSpot;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>The contact properties the sync writes; each name can be mapped (e.g. to HubSpot's own zoom_webinar_* names).</summary>
    public sealed class SyncPropertyNames
    {
        /// <summary>Property group of the module's properties.</summary>
        public string Group { get; set; } = "zoomhub";

        /// <summary>Registration count.</summary>
        public string RegistrationCount { get; set; } = "zoomhub_webinar_registration_count";

        /// <summary>Attended count.</summary>
        public string AttendanceCount { get; set; } = "zoomhub_webinar_attendance_count";

        /// <summary>Average percent attended.</summary>
        public string AverageAttendancePercent { get; set; } = "zoomhub_webinar_average_attendance_percent";

        /// <summary>Personal join URL of the last registered webinar.</summary>
        public string LastRegisteredWebinarUrl { get; set; } = "zoomhub_last_registered_webinar_url";

        /// <summary>When the contact last attended.</summary>
        public string LastAttendedAt { get; set; } = "zoomhub_last_attended_webinar_at";

        /// <summary>The hidden ledger.</summary>
        public string History { get; set; } = "zoomhub_webinar_history";

        /// <summary>Applies a map of logical name (RegistrationCount, AttendanceCount, AverageAttendancePercent, LastRegisteredWebinarUrl, LastAttendedAt, History, Group) or default property name → property name.</summary>
        public static SyncPropertyNames From(IDictionary<string, string> map)
        {
            var names = new SyncPropertyNames();
            if (map == null) return names;
            foreach (var pair in map)
            {
                string key = pair.Key, value = pair.Value;
                if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"The property map gives no name for '{key}'.");
                if (Is(key, nameof(RegistrationCount), names.RegistrationCount)) names.RegistrationCount = value;
                else if (Is(key, nameof(AttendanceCount), names.AttendanceCount)) names.AttendanceCount = value;
                else if (Is(key, nameof(AverageAttendancePercent), names.AverageAttendancePercent)) names.AverageAttendancePercent = value;
                else if (Is(key, nameof(LastRegisteredWebinarUrl), names.LastRegisteredWebinarUrl)) names.LastRegisteredWebinarUrl = value;
                else if (Is(key, nameof(LastAttendedAt), names.LastAttendedAt)) names.LastAttendedAt = value;
                else if (Is(key, nameof(History), names.History)) names.History = value;
                else if (Is(key, nameof(Group), "group")) names.Group = value;
                else throw new ArgumentException($"'{key}' is not a property the sync writes. Use one of: RegistrationCount, AttendanceCount, AverageAttendancePercent, LastRegisteredWebinarUrl, LastAttendedAt, History, Group.");
            }

            return names;
        }

        private static bool Is(string key, string logical, string current)
            => string.Equals(key, logical, StringComparison.OrdinalIgnoreCase) || string.Equals(key, current, StringComparison.OrdinalIgnoreCase);

        /// <summary>Definitions for the schema initializer.</summary>
        public IReadOnlyList<HubSpotProperty> Definitions() => new[]
        {
            Number(RegistrationCount, "Zoom webinar registrations", "Webinars (or occurrences) the contact registered for and is still approved for. Written by ZoomHubPS."),
            Number(AttendanceCount, "Zoom webinars attended", "Webinar instances the contact attended. Written by ZoomHubPS."),
            Number(AverageAttendancePercent, "Average Zoom webinar attendance (%)", "Mean share of each attended webinar the contact attended. Written by ZoomHubPS."),
            new HubSpotProperty { Name = LastRegisteredWebinarUrl, Label = "Last registered Zoom webinar", Type = "string", FieldType = "text", GroupName = Group, Description = "Personal join link of the latest webinar registration. Written by ZoomHubPS." },
            new HubSpotProperty { Name = LastAttendedAt, Label = "Last attended Zoom webinar", Type = "datetime", FieldType = "date", GroupName = Group, Description = "Start of the latest webinar the contact attended. Written by ZoomHubPS." },
            new HubSpotProperty { Name = History, Label = "Zoom webinar history (ZoomHubPS)", Type = "string", FieldType = "textarea", GroupName = Group, Hidden = true, FormField = false, Description = "Ledger ZoomHubPS recomputes the webinar properties from. Do not edit." },
        };

        private HubSpotProperty Number(string name, string label, string description)
            => new HubSpotProperty { Name = name, Label = label, Type = "number", FieldType = "number", GroupName = Group, Description = description };

        /// <summary>Every property name the sync reads or writes.</summary>
        public IEnumerable<string> All() => new[] { RegistrationCount, AttendanceCount, AverageAttendancePercent, LastRegisteredWebinarUrl, LastAttendedAt, History };
    }
}
