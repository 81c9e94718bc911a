using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// A contact list (Lists v3). MANUAL lists change only by membership writes; DYNAMIC lists are their filter's
    /// matches, re-evaluated whenever they are read; SNAPSHOT lists took their filter's matches once, at creation, and
    /// then behave like MANUAL ones. A snapshot when read through <see cref="HubSpotTwin"/>.
    /// </summary>
    public sealed class HubSpotList
    {
        /// <summary>MANUAL, DYNAMIC and SNAPSHOT (the Lists v3 processing types).</summary>
        public static readonly IReadOnlyList<string> ProcessingTypes = new[] { "MANUAL", "DYNAMIC", "SNAPSHOT" };

        /// <summary>The ILS list id (a number as text).</summary>
        public string ListId { get; internal set; }

        /// <summary>The v1 id, when the list has one (idmapping).</summary>
        public string LegacyListId { get; internal set; }

        /// <summary>Name (unique in the portal, compared case-insensitively).</summary>
        public string Name { get; internal set; }

        /// <summary>0-1 (contacts).</summary>
        public string ObjectTypeId { get; internal set; } = "0-1";

        /// <summary>MANUAL | DYNAMIC | SNAPSHOT.</summary>
        public string ProcessingType { get; internal set; }

        /// <summary>Whether membership writes are allowed (MANUAL and SNAPSHOT).</summary>
        public bool AcceptsMembershipWrites => ProcessingType != "DYNAMIC";

        /// <summary>Definition version (1 at creation).</summary>
        public int ListVersion { get; internal set; } = 1;

        /// <summary>When created.</summary>
        public DateTimeOffset CreatedAt { get; internal set; }

        /// <summary>When the definition last changed.</summary>
        public DateTimeOffset UpdatedAt { get; internal set; }

        /// <summary>When the filters were set (lists with filters).</summary>
        public DateTimeOffset? FiltersUpdatedAt { get; internal set; }

        /// <summary>The filterBranch as JSON text, or null.</summary>
        public string FilterBranchJson => FilterBranch?.ToJsonString();

        /// <summary>When a record was last added (null: never).</summary>
        public DateTimeOffset? LastAddedAt { get; internal set; }

        /// <summary>When a record was last removed (null: never).</summary>
        public DateTimeOffset? LastRemovedAt { get; internal set; }

        /// <summary>Members as last evaluated: record id → when it joined.</summary>
        public IReadOnlyDictionary<long, DateTimeOffset> Members => Membership;

        internal JsonObject FilterBranch { get; set; }

        internal ListFilter Filter { get; set; }

        internal Dictionary<long, DateTimeOffset> Membership { get; set; } = new Dictionary<long, DateTimeOffset>();

        internal HubSpotList Clone()
        {
            var copy = (HubSpotList)MemberwiseClone();
            copy.Membership = new Dictionary<long, DateTimeOffset>(Membership);
            copy.FilterBranch = (JsonObject)FilterBranch?.DeepClone();
            return copy;
        }

        internal long NumericId => long.Parse(ListId, System.Globalization.CultureInfo.InvariantCulture);

        internal IEnumerable<KeyValuePair<long, DateTimeOffset>> ByRecordId => Membership.OrderBy(m => m.Key);
    }
}
