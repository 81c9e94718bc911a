using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ZoomHubPS.Core.Settings
{
    /// <summary>
    /// Checks a draft value by value and returns the normalised settings; the first broken rule throws
    /// <see cref="InvalidSyncSettingsException"/> with the key's JSON path, so a draft built by a cmdlet and a document
    /// read from a file fail the same way. The rules themselves are in <see cref="SettingRules"/>.
    /// </summary>
    internal static class SyncSettingsValidator
    {
        private static readonly string Root = JsonPathText.Root;

        public static SyncSettings Validate(SyncSettingsBuilder draft)
        {
            if (draft == null) throw new ArgumentNullException(nameof(draft));
            string exclusions = JsonPathText.Child(Root, SettingKeys.Exclusions);
            var normalised = new SyncSettingsBuilder
            {
                Sync = draft.Sync,
                Users = Users(draft.Users, JsonPathText.Child(Root, SettingKeys.Users)),
                SyncNewWebinars = draft.SyncNewWebinars,
                SyncRecordings = draft.SyncRecordings,
                UserSettings = UserSettings(draft.UserSettings),
                Webinars = Webinars(draft.Webinars),
                ExcludedHostDomains = Domains(draft.ExcludedHostDomains, JsonPathText.Child(exclusions, SettingKeys.HostDomains)),
                ExcludedContactDomains = Domains(draft.ExcludedContactDomains, JsonPathText.Child(exclusions, SettingKeys.ContactDomains)),
                ExcludedRecordingDomains = Domains(draft.ExcludedRecordingDomains, JsonPathText.Child(exclusions, SettingKeys.RecordingDomains)),
                IncludeAccountUsers = draft.IncludeAccountUsers,
                MatchSecondaryEmail = draft.MatchSecondaryEmail,
                RecreateDeletedContacts = draft.RecreateDeletedContacts,
                SyncPollsAndQuestions = draft.SyncPollsAndQuestions,
                PropertyNames = PropertyNames(draft.PropertyNames, JsonPathText.Child(Root, SettingKeys.PropertyNames)),
                TimelineAppId = TimelineAppId(draft.TimelineAppId),
                LookbackDays = LookbackDays(draft.LookbackDays),
                RegistrationRules = Rules(draft.RegistrationRules, JsonPathText.Child(Root, SettingKeys.RegistrationRules)),
            };
            return new SyncSettings(normalised);
        }

        /// <summary>"All" alone, or distinct emails (an empty list selects nobody).</summary>
        internal static List<string> Users(IList<string> users, string path)
        {
            if (users == null) return new List<string> { SettingRules.AllUsers };
            int all = IndexOfAll(users);
            if (all >= 0)
            {
                if (users.Count == 1) return new List<string> { SettingRules.AllUsers };
                throw Invalid(JsonPathText.Index(path, all), Quote(users[all]), "\"All\" selects every user: use it alone (\"users\": \"All\"), or list emails only.");
            }

            var emails = new List<string>();
            for (int i = 0; i < users.Count; i++)
            {
                string email = SettingRules.Email(users[i], out string problem);
                if (problem != null) throw Invalid(JsonPathText.Index(path, i), Quote(users[i]), problem);
                if (!emails.Contains(email)) emails.Add(email);
            }

            return emails;
        }

        /// <summary>Distinct normalised domains.</summary>
        internal static List<string> Domains(IList<string> domains, string path)
        {
            var result = new List<string>();
            for (int i = 0; i < (domains?.Count ?? 0); i++)
            {
                string domain = SettingRules.Domain(domains[i], out string problem);
                if (problem != null) throw Invalid(JsonPathText.Index(path, i), Quote(domains[i]), problem);
                if (!result.Contains(domain)) result.Add(domain);
            }

            return result;
        }

        private static List<UserSyncSetting> UserSettings(IList<UserSyncSetting> users)
        {
            string path = JsonPathText.Child(Root, SettingKeys.UserSettings);
            var result = new List<UserSyncSetting>();
            foreach (UserSyncSetting user in users ?? new UserSyncSetting[0])
            {
                string at = JsonPathText.Child(path, user?.Email ?? string.Empty);
                if (user == null) throw Invalid(path, "null", "an entry is null.");
                string email = SettingRules.Email(user.Email, out string problem);
                if (problem != null) throw Invalid(at, Quote(user.Email), problem);
                if (result.Any(u => u.Email == email)) throw Invalid(at, Quote(user.Email), $"{email} has settings twice (emails are compared without case): keep one entry.");
                result.Add(new UserSyncSetting(email, user.SyncNewWebinars, user.SyncRecordings));
            }

            return result;
        }

        private static List<WebinarSyncSetting> Webinars(IList<WebinarSyncSetting> webinars)
        {
            string path = JsonPathText.Child(Root, SettingKeys.Webinars);
            var result = new List<WebinarSyncSetting>();
            foreach (WebinarSyncSetting webinar in webinars ?? new WebinarSyncSetting[0])
            {
                if (webinar == null) throw Invalid(path, "null", "an entry is null.");
                string id = webinar.WebinarId.ToString(CultureInfo.InvariantCulture);
                string at = JsonPathText.Child(path, id);
                WebinarId(webinar.WebinarId, at);
                if (result.Any(w => w.WebinarId == webinar.WebinarId)) throw Invalid(at, Quote(id), $"webinar {id} has two overrides (ids are compared without spaces and dashes): keep one.");
                result.Add(webinar);
            }

            return result;
        }

        internal static Dictionary<string, string> PropertyNames(IDictionary<string, string> map, string path)
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, string> pair in map ?? new Dictionary<string, string>())
            {
                string key = pair.Key?.Trim() ?? string.Empty;
                if (result.ContainsKey(key)) throw Invalid(JsonPathText.Child(path, pair.Key ?? string.Empty), Quote(pair.Value), $"'{key}' is mapped twice (keys are compared without case): keep one.");
                result[key] = pair.Value?.Trim();
            }

            string problem = SettingRules.PropertyNamesProblem(result, out string badKey);
            if (problem != null) throw Invalid(badKey == null ? path : JsonPathText.Child(path, badKey), badKey == null ? null : Quote(result[badKey]), problem);
            return result;
        }

        internal static long? TimelineAppId(long? appId, string path = null)
        {
            string problem = appId.HasValue ? SettingRules.TimelineAppIdProblem(appId.Value) : null;
            if (problem != null) throw Invalid(path ?? JsonPathText.Child(Root, SettingKeys.TimelineAppId), appId.Value.ToString(CultureInfo.InvariantCulture), problem);
            return appId;
        }

        internal static int LookbackDays(int days, string path = null)
        {
            string problem = SettingRules.LookbackProblem(days);
            if (problem != null) throw Invalid(path ?? JsonPathText.Child(Root, SettingKeys.LookbackDays), days.ToString(CultureInfo.InvariantCulture), problem);
            return days;
        }

        internal static long WebinarId(long webinarId, string path)
        {
            string id = webinarId.ToString(CultureInfo.InvariantCulture);
            SettingRules.WebinarId(id, out string problem);
            if (problem != null) throw Invalid(path, id, problem);
            return webinarId;
        }

        internal static List<RegistrationRule> Rules(IList<RegistrationRule> rules, string path)
        {
            var result = new List<RegistrationRule>();
            for (int i = 0; i < (rules?.Count ?? 0); i++)
            {
                RegistrationRule rule = Rule(rules[i], JsonPathText.Index(path, i));
                if (result.Any(r => r.ToString() == rule.ToString())) throw Invalid(JsonPathText.Index(path, i), Quote(rule.ToString()), "the same rule is listed twice: keep one.");
                result.Add(rule);
            }

            return result;
        }

        private static RegistrationRule Rule(RegistrationRule rule, string at)
        {
            if (rule == null) throw Invalid(at, "null", "a rule is null.");
            bool hasId = rule.ListId != null, hasName = rule.ListName != null;
            if (hasId == hasName) throw Invalid(at, Quote(rule.ToString()), "give the HubSpot list by exactly one of listId and listName.");
            string problem = null;
            string listId = hasId ? SettingRules.ListId(rule.ListId, out problem) : null;
            if (problem != null) throw Invalid(JsonPathText.Child(at, SettingKeys.ListId), Quote(rule.ListId), problem);
            string listName = rule.ListName?.Trim();
            if (hasName && listName.Length == 0) throw Invalid(JsonPathText.Child(at, SettingKeys.ListName), Quote(rule.ListName), "the list name is empty.");
            WebinarId(rule.WebinarId, JsonPathText.Child(at, SettingKeys.WebinarId));
            string occurrenceId = rule.OccurrenceId == null ? null : SettingRules.OccurrenceId(rule.OccurrenceId, out problem);
            if (problem != null) throw Invalid(JsonPathText.Child(at, SettingKeys.OccurrenceId), Quote(rule.OccurrenceId), problem);
            return new RegistrationRule(listId, listName, rule.WebinarId, occurrenceId);
        }

        private static int IndexOfAll(IList<string> users)
        {
            for (int i = 0; i < users.Count; i++)
            {
                if (string.Equals(users[i]?.Trim(), SettingRules.AllUsers, StringComparison.OrdinalIgnoreCase)) return i;
            }

            return -1;
        }

        internal static string Quote(string text) => text == null ? "null" : "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

        private static InvalidSyncSettingsException Invalid(string path, string value, string problem)
            => new InvalidSyncSettingsException(path, value, problem);
    }
}
