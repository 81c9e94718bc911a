using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using static ZoomHubPS.Core.Settings.JsonValueReader;

namespace ZoomHubPS.Core.Settings
{
    /// <summary>
    /// Reads a settings document into a draft: the version first (a newer document says to update the module), then
    /// each key with its JSON type; the value rules run in <see cref="SyncSettingsBuilder.Build"/>. Comments and
    /// trailing commas are allowed, since people edit these files by hand.
    /// </summary>
    internal static class SyncSettingsJsonReader
    {
        private static readonly string Root = JsonPathText.Root;

        private static readonly JsonDocumentOptions Options = new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 16,
        };

        public static SyncSettings Read(string json)
        {
            using (JsonDocument document = Parse(json))
            {
                JsonElement root = document.RootElement;
                Expect(root, Root, JsonValueKind.Object, "the settings object ({ \"schemaVersion\": 1, … })");
                CheckSchemaVersion(root);
                var draft = new SyncSettingsBuilder();
                foreach (var (key, value, path) in Properties(root, Root, SettingKeys.Root))
                {
                    ReadKey(draft, key, value, path);
                }

                return draft.Build();
            }
        }

        /// <summary>A registration-rule array on its own (the document's <c>registrationRules</c>), validated.</summary>
        public static List<RegistrationRule> ReadRules(string json)
        {
            using (JsonDocument document = Parse(json))
            {
                var draft = new SyncSettingsBuilder { RegistrationRules = Rules(document.RootElement, JsonPathText.Child(Root, SettingKeys.RegistrationRules)) };
                return draft.Build().RegistrationRules.ToList();
            }
        }

        private static JsonDocument Parse(string json)
        {
            if (string.IsNullOrWhiteSpace(json)) throw new InvalidSyncSettingsException(Root, null, "the settings are empty: expected a JSON object ({ \"schemaVersion\": 1, … }).");
            try
            {
                return JsonDocument.Parse(json, Options);
            }
            catch (JsonException ex)
            {
                string where = ex.LineNumber.HasValue ? $" at line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}" : string.Empty;
                throw new InvalidSyncSettingsException(string.IsNullOrEmpty(ex.Path) ? Root : ex.Path, null, $"not valid JSON{where}: {FirstSentence(ex.Message)}", ex);
            }
        }

        private static void CheckSchemaVersion(JsonElement root)
        {
            string path = JsonPathText.Child(Root, SettingKeys.SchemaVersion);
            if (!root.TryGetProperty(SettingKeys.SchemaVersion, out JsonElement version))
            {
                throw new InvalidSyncSettingsException(path, null, $"the key is required: add \"{SettingKeys.SchemaVersion}\": {SyncSettings.CurrentSchemaVersion}.");
            }

            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int number) || number < 1)
            {
                throw Invalid(path, version, $"expected the document version, {SyncSettings.CurrentSchemaVersion}.");
            }

            if (number > SyncSettings.CurrentSchemaVersion)
            {
                throw new InvalidSyncSettingsException(path, number.ToString(CultureInfo.InvariantCulture),
                    $"the document is version {number}, newer than this module reads ({SyncSettings.CurrentSchemaVersion}): update ZoomHubPS (Update-Module ZoomHubPS, or import the newer module into the Automation account).");
            }
        }

        private static void ReadKey(SyncSettingsBuilder draft, string key, JsonElement value, string path)
        {
            switch (key)
            {
                case SettingKeys.SchemaVersion: break; // checked first
                case SettingKeys.Sync: draft.Sync = Bool(value, path); break;
                case SettingKeys.Users: draft.Users = Users(value, path); break;
                case SettingKeys.SyncNewWebinars: draft.SyncNewWebinars = Bool(value, path); break;
                case SettingKeys.SyncRecordings: draft.SyncRecordings = Bool(value, path); break;
                case SettingKeys.UserSettings: draft.UserSettings = UserSettings(value, path); break;
                case SettingKeys.Webinars: draft.Webinars = Webinars(value, path); break;
                case SettingKeys.Exclusions: Exclusions(draft, value, path); break;
                case SettingKeys.IncludeAccountUsers: draft.IncludeAccountUsers = Bool(value, path); break;
                case SettingKeys.MatchSecondaryEmail: draft.MatchSecondaryEmail = Bool(value, path); break;
                case SettingKeys.RecreateDeletedContacts: draft.RecreateDeletedContacts = Bool(value, path); break;
                case SettingKeys.SyncPollsAndQuestions: draft.SyncPollsAndQuestions = Bool(value, path); break;
                case SettingKeys.PropertyNames: draft.PropertyNames = Properties(value, path, null).ToDictionary(p => p.Key, p => String(p.Value, p.Path)); break;
                case SettingKeys.TimelineAppId: draft.TimelineAppId = NullableLong(value, path); break;
                case SettingKeys.LookbackDays: draft.LookbackDays = Int(value, path); break;
                case SettingKeys.RegistrationRules: draft.RegistrationRules = Rules(value, path); break;
            }
        }

        private static List<string> Users(JsonElement value, string path)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                if (string.Equals(value.GetString().Trim(), SettingRules.AllUsers, System.StringComparison.OrdinalIgnoreCase)) return new List<string> { SettingRules.AllUsers };
                throw Invalid(path, value, "expected \"All\", or an array of Zoom user emails ([\"ana@example.com\"]).");
            }

            if (value.ValueKind != JsonValueKind.Array) throw Invalid(path, value, "expected \"All\", or an array of Zoom user emails ([\"ana@example.com\"]).");
            return Strings(value, path);
        }

        private static List<UserSyncSetting> UserSettings(JsonElement value, string path)
            => Properties(value, path, null).Select(user =>
            {
                bool? syncNew = null, syncRecordings = null;
                foreach (var (key, setting, at) in Properties(user.Value, user.Path, SettingKeys.User))
                {
                    if (key == SettingKeys.SyncNewWebinars) syncNew = NullableBool(setting, at);
                    else syncRecordings = NullableBool(setting, at);
                }

                return new UserSyncSetting(user.Key, syncNew, syncRecordings);
            }).ToList();

        private static List<WebinarSyncSetting> Webinars(JsonElement value, string path)
            => Properties(value, path, null).Select(webinar =>
            {
                long? id = SettingRules.WebinarId(webinar.Key, out string problem);
                if (problem != null) throw new InvalidSyncSettingsException(webinar.Path, SyncSettingsValidator.Quote(webinar.Key), "the key " + problem);
                bool? sync = null, syncRecordings = null;
                foreach (var (key, setting, at) in Properties(webinar.Value, webinar.Path, SettingKeys.Webinar))
                {
                    if (key == SettingKeys.Sync) sync = NullableBool(setting, at);
                    else syncRecordings = NullableBool(setting, at);
                }

                return new WebinarSyncSetting(id.Value, sync, syncRecordings);
            }).ToList();

        private static void Exclusions(SyncSettingsBuilder draft, JsonElement value, string path)
        {
            foreach (var (key, list, at) in Properties(value, path, SettingKeys.ExclusionLists))
            {
                List<string> domains = Strings(list, at);
                if (key == SettingKeys.HostDomains) draft.ExcludedHostDomains = domains;
                else if (key == SettingKeys.ContactDomains) draft.ExcludedContactDomains = domains;
                else draft.ExcludedRecordingDomains = domains;
            }
        }

        private static List<RegistrationRule> Rules(JsonElement value, string path)
        {
            Expect(value, path, JsonValueKind.Array, "an array of rules ([{ \"listId\": \"123\", \"webinarId\": 81234567890 }])");
            return value.EnumerateArray().Select((rule, i) => Rule(rule, JsonPathText.Index(path, i))).ToList();
        }

        private static RegistrationRule Rule(JsonElement rule, string path)
        {
            string listId = null, listName = null, occurrenceId = null;
            long? webinarId = null;
            foreach (var (key, value, at) in Properties(rule, path, SettingKeys.Rule))
            {
                switch (key)
                {
                    case SettingKeys.ListId: listId = Id(value, at); break;
                    case SettingKeys.ListName: listName = String(value, at); break;
                    case SettingKeys.OccurrenceId: occurrenceId = value.ValueKind == JsonValueKind.Null ? null : Id(value, at); break;
                    default:
                        webinarId = SettingRules.WebinarId(Id(value, at), out string problem);
                        if (problem != null) throw Invalid(at, value, problem);
                        break;
                }
            }

            if (!webinarId.HasValue) throw new InvalidSyncSettingsException(JsonPathText.Child(path, SettingKeys.WebinarId), null, "the key is required: the Zoom webinar the list's contacts register for.");
            return new RegistrationRule(listId, listName, webinarId.Value, occurrenceId);
        }

        private static string FirstSentence(string message)
        {
            int end = message.IndexOf(". ", System.StringComparison.Ordinal);
            return end < 0 ? message.TrimEnd('.') + "." : message.Substring(0, end + 1);
        }
    }
}
