using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ZoomHubPS.Core.Settings
{
    /// <summary>
    /// Writes the canonical document: every key in the order of <see cref="SettingKeys.Root"/>, users and webinars
    /// sorted, two-space indents and "\n" line ends on every platform, so save → load → save gives the same text.
    /// </summary>
    internal static class SyncSettingsJsonWriter
    {
        private static readonly JsonWriterOptions Options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            // Emails with '+' and names with accents stay readable; the text is a file, never HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        public static string Write(SyncSettings settings)
        {
            using (var stream = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream, Options))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber(SettingKeys.SchemaVersion, settings.SchemaVersion);
                    writer.WriteBoolean(SettingKeys.Sync, settings.Sync);
                    WriteUsers(writer, settings);
                    writer.WriteBoolean(SettingKeys.SyncNewWebinars, settings.SyncNewWebinars);
                    writer.WriteBoolean(SettingKeys.SyncRecordings, settings.SyncRecordings);
                    WriteUserSettings(writer, settings.UserSettings);
                    WriteWebinars(writer, settings.Webinars);
                    writer.WriteStartObject(SettingKeys.Exclusions);
                    WriteStrings(writer, SettingKeys.HostDomains, settings.ExcludedHostDomains);
                    WriteStrings(writer, SettingKeys.ContactDomains, settings.ExcludedContactDomains);
                    WriteStrings(writer, SettingKeys.RecordingDomains, settings.ExcludedRecordingDomains);
                    writer.WriteEndObject();
                    writer.WriteBoolean(SettingKeys.IncludeAccountUsers, settings.IncludeAccountUsers);
                    writer.WriteBoolean(SettingKeys.MatchSecondaryEmail, settings.MatchSecondaryEmail);
                    writer.WriteBoolean(SettingKeys.RecreateDeletedContacts, settings.RecreateDeletedContacts);
                    writer.WriteBoolean(SettingKeys.SyncPollsAndQuestions, settings.SyncPollsAndQuestions);
                    writer.WriteStartObject(SettingKeys.PropertyNames);
                    foreach (KeyValuePair<string, string> pair in settings.PropertyNames) writer.WriteString(pair.Key, pair.Value);
                    writer.WriteEndObject();
                    if (settings.TimelineAppId.HasValue) writer.WriteNumber(SettingKeys.TimelineAppId, settings.TimelineAppId.Value);
                    else writer.WriteNull(SettingKeys.TimelineAppId);
                    writer.WriteNumber(SettingKeys.LookbackDays, settings.LookbackDays);
                    WriteRules(writer, settings.RegistrationRules);
                    writer.WriteEndObject();
                }

                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        private static void WriteUsers(Utf8JsonWriter writer, SyncSettings settings)
        {
            if (settings.AllUsers) writer.WriteString(SettingKeys.Users, SettingRules.AllUsers);
            else WriteStrings(writer, SettingKeys.Users, settings.Users);
        }

        private static void WriteUserSettings(Utf8JsonWriter writer, IEnumerable<UserSyncSetting> users)
        {
            writer.WriteStartObject(SettingKeys.UserSettings);
            foreach (UserSyncSetting user in users)
            {
                writer.WriteStartObject(user.Email);
                WriteOptional(writer, SettingKeys.SyncNewWebinars, user.SyncNewWebinars);
                WriteOptional(writer, SettingKeys.SyncRecordings, user.SyncRecordings);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        private static void WriteWebinars(Utf8JsonWriter writer, IEnumerable<WebinarSyncSetting> webinars)
        {
            writer.WriteStartObject(SettingKeys.Webinars);
            foreach (WebinarSyncSetting webinar in webinars)
            {
                writer.WriteStartObject(webinar.WebinarId.ToString(CultureInfo.InvariantCulture));
                WriteOptional(writer, SettingKeys.Sync, webinar.Sync);
                WriteOptional(writer, SettingKeys.SyncRecordings, webinar.SyncRecordings);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        private static void WriteRules(Utf8JsonWriter writer, IEnumerable<RegistrationRule> rules)
        {
            writer.WriteStartArray(SettingKeys.RegistrationRules);
            foreach (RegistrationRule rule in rules)
            {
                writer.WriteStartObject();
                if (rule.ListId != null) writer.WriteString(SettingKeys.ListId, rule.ListId);
                if (rule.ListName != null) writer.WriteString(SettingKeys.ListName, rule.ListName);
                writer.WriteNumber(SettingKeys.WebinarId, rule.WebinarId);
                if (rule.OccurrenceId != null) writer.WriteString(SettingKeys.OccurrenceId, rule.OccurrenceId);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        private static void WriteStrings(Utf8JsonWriter writer, string key, IEnumerable<string> values)
        {
            writer.WriteStartArray(key);
            foreach (string value in values) writer.WriteStringValue(value);
            writer.WriteEndArray();
        }

        // A per-user or per-webinar value that is not set is left out: it falls back to the next level.
        private static void WriteOptional(Utf8JsonWriter writer, string key, bool? value)
        {
            if (value.HasValue) writer.WriteBoolean(key, value.Value);
        }
    }
}
