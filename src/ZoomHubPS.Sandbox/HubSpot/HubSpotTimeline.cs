using System;
using System.Collections.Generic;
using System.Linq;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>One token (placeholder) of a timeline event template.</summary>
    public sealed class HubSpotTimelineToken
    {
        /// <summary>Token name (letters, digits, '.', '-', '_').</summary>
        public string Name { get; internal set; }

        /// <summary>Label.</summary>
        public string Label { get; internal set; }

        /// <summary>date, enumeration, number or string.</summary>
        public string Type { get; internal set; }

        /// <summary>Enumeration options (value → label).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Options { get; internal set; } = new List<KeyValuePair<string, string>>();

        /// <summary>CRM property the token also writes, or null.</summary>
        public string ObjectPropertyName { get; internal set; }

        /// <summary>When the token was added.</summary>
        public DateTimeOffset CreatedAt { get; internal set; }

        /// <summary>When the token last changed.</summary>
        public DateTimeOffset UpdatedAt { get; internal set; }
    }

    /// <summary>A timeline event template of an app.</summary>
    public sealed class HubSpotTimelineTemplate
    {
        /// <summary>Template id (a number as text).</summary>
        public string Id { get; internal set; }

        /// <summary>The app the template belongs to.</summary>
        public long AppId { get; internal set; }

        /// <summary>Name.</summary>
        public string Name { get; internal set; }

        /// <summary>Object type, e.g. contacts.</summary>
        public string ObjectType { get; internal set; }

        /// <summary>Header template (Markdown + Handlebars).</summary>
        public string HeaderTemplate { get; internal set; }

        /// <summary>Detail template.</summary>
        public string DetailTemplate { get; internal set; }

        /// <summary>Tokens.</summary>
        public IReadOnlyList<HubSpotTimelineToken> Tokens { get; internal set; } = new List<HubSpotTimelineToken>();

        /// <summary>When created.</summary>
        public DateTimeOffset CreatedAt { get; internal set; }

        /// <summary>When last changed.</summary>
        public DateTimeOffset UpdatedAt { get; internal set; }
    }

    /// <summary>A timeline event on a contact.</summary>
    public sealed class HubSpotTimelineEvent
    {
        /// <summary>Event id (unique per template).</summary>
        public string Id { get; internal set; }

        /// <summary>Template id.</summary>
        public string EventTemplateId { get; internal set; }

        /// <summary>contacts.</summary>
        public string ObjectType { get; internal set; }

        /// <summary>The contact's id.</summary>
        public long ObjectId { get; internal set; }

        /// <summary>The email sent with the event, if any.</summary>
        public string Email { get; internal set; }

        /// <summary>Event time.</summary>
        public DateTimeOffset Timestamp { get; internal set; }

        /// <summary>Token values, as strings (HubSpot echoes numbers and dates as strings).</summary>
        public IReadOnlyDictionary<string, string> Tokens { get; internal set; } = new Dictionary<string, string>();

        /// <summary>extraData as JSON text, or null.</summary>
        public string ExtraDataJson { get; internal set; }

        /// <summary>timelineIFrame as JSON text, or null.</summary>
        public string TimelineIFrameJson { get; internal set; }

        /// <summary>How many times this id was sent (re-sends keep one event).</summary>
        public int TimesSent { get; internal set; } = 1;

        internal HubSpotTimelineEvent Clone()
        {
            var copy = (HubSpotTimelineEvent)MemberwiseClone();
            copy.Tokens = Tokens.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            return copy;
        }
    }
}
