using System;
using System.Collections.Generic;
using System.Linq;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>One option of an enumeration property.</summary>
    public sealed class HubSpotPropertyOption
    {
        /// <summary>Shown label.</summary>
        public string Label { get; set; }

        /// <summary>Stored value.</summary>
        public string Value { get; set; }

        /// <summary>Hidden in forms.</summary>
        public bool Hidden { get; set; }

        /// <summary>Order in the UI.</summary>
        public int DisplayOrder { get; set; }

        /// <summary>Optional description.</summary>
        public string Description { get; set; }
    }

    /// <summary>A contact property definition as the twin stores it (a snapshot when read through <see cref="HubSpotTwin"/>).</summary>
    public sealed class HubSpotProperty
    {
        /// <summary>Internal name, e.g. <c>zoomhub_webinar_history</c>.</summary>
        public string Name { get; set; }

        /// <summary>Label.</summary>
        public string Label { get; set; }

        /// <summary>string, number, date, datetime, enumeration, bool, phone_number.</summary>
        public string Type { get; set; }

        /// <summary>text, textarea, number, date, select, radio, checkbox, booleancheckbox, …</summary>
        public string FieldType { get; set; }

        /// <summary>Property group name.</summary>
        public string GroupName { get; set; }

        /// <summary>Description.</summary>
        public string Description { get; set; } = string.Empty;

        /// <summary>Order in the UI (-1 = end).</summary>
        public int DisplayOrder { get; set; } = -1;

        /// <summary>Unique values (usable as idProperty).</summary>
        public bool HasUniqueValue { get; set; }

        /// <summary>Hidden in the UI.</summary>
        public bool Hidden { get; set; }

        /// <summary>Usable in forms.</summary>
        public bool FormField { get; set; }

        /// <summary>Defined by HubSpot (cannot be changed or deleted).</summary>
        public bool HubSpotDefined { get; set; }

        /// <summary>Calculated property.</summary>
        public bool Calculated { get; set; }

        /// <summary>Values are set by HubSpot only (writes are rejected).</summary>
        public bool ReadOnlyValue { get; set; }

        /// <summary>number display hint.</summary>
        public string NumberDisplayHint { get; set; }

        /// <summary>text display hint.</summary>
        public string TextDisplayHint { get; set; }

        /// <summary>Data sensitivity (non_sensitive unless set).</summary>
        public string DataSensitivity { get; set; } = "non_sensitive";

        /// <summary>Options of enumeration properties (empty otherwise).</summary>
        public List<HubSpotPropertyOption> Options { get; set; } = new List<HubSpotPropertyOption>();

        /// <summary>When created.</summary>
        public DateTimeOffset CreatedAt { get; set; }

        /// <summary>When last changed.</summary>
        public DateTimeOffset UpdatedAt { get; set; }

        /// <summary>Deleted (archived).</summary>
        public bool Archived { get; set; }

        /// <summary>When deleted.</summary>
        public DateTimeOffset? ArchivedAt { get; set; }

        internal HubSpotProperty Clone()
        {
            var copy = (HubSpotProperty)MemberwiseClone();
            copy.Options = Options.Select(o => new HubSpotPropertyOption
            {
                Label = o.Label, Value = o.Value, Hidden = o.Hidden, DisplayOrder = o.DisplayOrder, Description = o.Description,
            }).ToList();
            return copy;
        }
    }

    /// <summary>A contact property group.</summary>
    public sealed class HubSpotPropertyGroup
    {
        /// <summary>Internal name.</summary>
        public string Name { get; set; }

        /// <summary>Label.</summary>
        public string Label { get; set; }

        /// <summary>Order in the UI.</summary>
        public int DisplayOrder { get; set; } = -1;

        /// <summary>Deleted.</summary>
        public bool Archived { get; set; }

        internal HubSpotPropertyGroup Clone() => (HubSpotPropertyGroup)MemberwiseClone();
    }
}
