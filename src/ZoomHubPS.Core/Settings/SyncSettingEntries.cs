using System.Collections.Generic;
using System.Globalization;

namespace ZoomHubPS.Core.Settings
{
    /// <summary>One user's settings (<c>userSettings["ana@example.com"]</c>); a null value falls back to the global one.</summary>
    public sealed class UserSyncSetting
    {
        /// <summary>Creates an entry; <see cref="SyncSettingsBuilder.Build"/> validates and normalises it.</summary>
        public UserSyncSetting(string email, bool? syncNewWebinars = null, bool? syncRecordings = null)
        {
            Email = email;
            SyncNewWebinars = syncNewWebinars;
            SyncRecordings = syncRecordings;
        }

        /// <summary>The Zoom user's email (lower case once validated).</summary>
        public string Email { get; }

        /// <summary>Whether this user's webinars without an override of their own are synced (null: the global default).</summary>
        public bool? SyncNewWebinars { get; }

        /// <summary>Whether this user's recordings and transcripts are synced (null: the global default).</summary>
        public bool? SyncRecordings { get; }

        /// <summary>Compact form for list views: <c>ana@example.com (new webinars off, recordings on)</c>.</summary>
        public override string ToString() => Email + Describe(("new webinars", SyncNewWebinars), ("recordings", SyncRecordings));

        internal static string Describe(params (string Name, bool? Value)[] values)
        {
            var parts = new List<string>();
            foreach (var (name, value) in values)
            {
                if (value.HasValue) parts.Add(name + (value.Value ? " on" : " off"));
            }

            return parts.Count == 0 ? string.Empty : " (" + string.Join(", ", parts) + ")";
        }
    }

    /// <summary>One webinar's override (<c>webinars["81234567890"]</c>); a null value falls back to the user's, then the global one.</summary>
    public sealed class WebinarSyncSetting
    {
        /// <summary>Creates an entry; <see cref="SyncSettingsBuilder.Build"/> validates it.</summary>
        public WebinarSyncSetting(long webinarId, bool? sync = null, bool? syncRecordings = null)
        {
            WebinarId = webinarId;
            Sync = sync;
            SyncRecordings = syncRecordings;
        }

        /// <summary>The Zoom webinar id.</summary>
        public long WebinarId { get; }

        /// <summary>On or off for this webinar, whatever the user's "new webinars" default says (null: that default).</summary>
        public bool? Sync { get; }

        /// <summary>Whether this webinar's recordings are synced (null: the user's, then the global setting).</summary>
        public bool? SyncRecordings { get; }

        /// <summary>Compact form for list views: <c>81234567890 (sync off)</c>.</summary>
        public override string ToString()
            => WebinarId.ToString(CultureInfo.InvariantCulture) + UserSyncSetting.Describe(("sync", Sync), ("recordings", SyncRecordings));
    }

    /// <summary>A registration rule: the members of a HubSpot list (by id or by name) are registered for a Zoom webinar.</summary>
    public sealed class RegistrationRule
    {
        /// <summary>Creates a rule; exactly one of <paramref name="listId"/> and <paramref name="listName"/> is given.</summary>
        public RegistrationRule(string listId, string listName, long webinarId, string occurrenceId = null)
        {
            ListId = listId;
            ListName = listName;
            WebinarId = webinarId;
            OccurrenceId = occurrenceId;
        }

        /// <summary>The HubSpot list id (ILS id), or null when the list is named.</summary>
        public string ListId { get; }

        /// <summary>The HubSpot list name (HubSpot matches it without case), or null when the id is given.</summary>
        public string ListName { get; }

        /// <summary>The Zoom webinar the list's contacts are registered for.</summary>
        public long WebinarId { get; }

        /// <summary>One occurrence of a recurring webinar, or null for the webinar as Zoom registers it.</summary>
        public string OccurrenceId { get; }

        /// <summary>
        /// Reads rules given as plain .NET values (a list of dictionaries with the document's keys, matched without case:
        /// listId or listName, webinarId, occurrenceId), validated exactly like the document's <c>registrationRules</c>.
        /// </summary>
        public static IReadOnlyList<RegistrationRule> FromObject(object rules) => SyncSettingsJsonReader.ReadRules(ObjectTreeJson.Write(rules));

        /// <summary>Compact form for list views: <c>list 123 -> 81234567890</c>.</summary>
        public override string ToString()
            => (ListId != null ? "list " + ListId : "list '" + ListName + "'") + " -> " + WebinarId.ToString(CultureInfo.InvariantCulture)
               + (OccurrenceId != null ? "/" + OccurrenceId : string.Empty);
    }
}
