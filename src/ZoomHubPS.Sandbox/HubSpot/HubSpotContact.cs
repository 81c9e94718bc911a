using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>One stored value of a property, for <c>propertiesWithHistory</c>.</summary>
    public sealed class HubSpotPropertyVersion
    {
        internal HubSpotPropertyVersion(string value, DateTimeOffset timestamp, string sourceType)
        {
            Value = value;
            Timestamp = timestamp;
            SourceType = sourceType;
        }

        /// <summary>The value ("" when cleared).</summary>
        public string Value { get; }

        /// <summary>When it was written.</summary>
        public DateTimeOffset Timestamp { get; }

        /// <summary>API, IMPORT, MERGE…</summary>
        public string SourceType { get; }
    }

    /// <summary>
    /// A contact as the twin stores it. Instances handed out by <see cref="HubSpotTwin"/> are snapshots: changing the twin
    /// later does not change them.
    /// </summary>
    public sealed class HubSpotContact
    {
        internal HubSpotContact(long id, DateTimeOffset createdAt)
        {
            Id = id;
            CreatedAt = createdAt;
            UpdatedAt = createdAt;
        }

        /// <summary>The record id (<c>hs_object_id</c>).</summary>
        public long Id { get; }

        /// <summary>When created.</summary>
        public DateTimeOffset CreatedAt { get; internal set; }

        /// <summary>When a value last changed.</summary>
        public DateTimeOffset UpdatedAt { get; internal set; }

        /// <summary>In the recycling bin: invisible except with <c>archived=true</c>.</summary>
        public bool Archived { get; internal set; }

        /// <summary>When archived.</summary>
        public DateTimeOffset? ArchivedAt { get; internal set; }

        /// <summary>Set when this record was merged into another; reads of this id return that record.</summary>
        public long? MergedInto { get; internal set; }

        /// <summary>Stored property values (no empty values; system properties such as createdate are computed, not stored).</summary>
        public IReadOnlyDictionary<string, string> Properties => Values;

        /// <summary>The primary email (lower case), or null.</summary>
        public string Email => Get("email");

        /// <summary>Secondary emails from <c>hs_additional_emails</c>.</summary>
        public IReadOnlyList<string> AdditionalEmails => SplitList(Get("hs_additional_emails"));

        /// <summary>Ids merged into this record.</summary>
        public IReadOnlyList<long> MergedIds => Merged;

        internal Dictionary<string, string> Values { get; private set; } = new Dictionary<string, string>(StringComparer.Ordinal);

        internal Dictionary<string, List<HubSpotPropertyVersion>> History { get; private set; }

        internal List<long> Merged { get; private set; } = new List<long>();

        /// <summary>A property value, or null when unset.</summary>
        public string Get(string name) => Values.TryGetValue(name, out string v) ? v : null;

        /// <summary>The history of one property, newest first (empty when never written).</summary>
        public IReadOnlyList<HubSpotPropertyVersion> HistoryOf(string name)
            => History != null && History.TryGetValue(name, out List<HubSpotPropertyVersion> list) ? list.AsEnumerable().Reverse().ToList() : new List<HubSpotPropertyVersion>();

        /// <summary>The value of a system or stored property as the API returns it (strings), or null.</summary>
        internal string ApiValue(string name)
        {
            switch (name)
            {
                case "hs_object_id": return Id.ToString(CultureInfo.InvariantCulture);
                case "createdate": return HubSpotJson.Iso(CreatedAt);
                case "lastmodifieddate": return HubSpotJson.Iso(UpdatedAt);
                case "hs_merged_object_ids": return Merged.Count == 0 ? null : string.Join(";", Merged.Select(m => m.ToString(CultureInfo.InvariantCulture)));
                case "hs_email_domain":
                    string email = Get("email");
                    int at = email == null ? -1 : email.IndexOf('@');
                    return at < 0 ? null : email.Substring(at + 1);
                default: return Get(name);
            }
        }

        /// <summary>Sets (or clears, with "") a value and records history; true when the value changed.</summary>
        internal bool Set(string name, string value, DateTimeOffset at, string source = "API")
        {
            string old = Get(name);
            if (string.IsNullOrEmpty(value))
            {
                if (old == null)
                {
                    return false;
                }

                Values.Remove(name);
                value = string.Empty;
            }
            else
            {
                if (string.Equals(old, value, StringComparison.Ordinal))
                {
                    return false;
                }

                Values[name] = value;
            }

            if (History == null)
            {
                History = new Dictionary<string, List<HubSpotPropertyVersion>>(StringComparer.Ordinal);
            }

            if (!History.TryGetValue(name, out List<HubSpotPropertyVersion> list))
            {
                list = new List<HubSpotPropertyVersion>();
                History[name] = list;
            }

            list.Add(new HubSpotPropertyVersion(value, at, source));
            return true;
        }

        internal HubSpotContact Clone()
        {
            var copy = (HubSpotContact)MemberwiseClone();
            copy.Values = new Dictionary<string, string>(Values, StringComparer.Ordinal);
            copy.Merged = new List<long>(Merged);
            copy.History = History?.ToDictionary(p => p.Key, p => new List<HubSpotPropertyVersion>(p.Value), StringComparer.Ordinal);
            return copy;
        }

        internal static List<string> SplitList(string text)
            => string.IsNullOrEmpty(text)
                ? new List<string>()
                : text.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
    }
}
