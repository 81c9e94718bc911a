using System.Collections.Generic;
using System.Linq;
using Xunit;
using ZoomHubPS.Core.Settings;
using static ZoomHubPS.Core.Tests.Settings.SettingsSamples;

namespace ZoomHubPS.Core.Tests.Settings
{
    /// <summary>Saving and loading: the same object and the same text, whichever way the settings came in.</summary>
    public class SyncSettingsRoundTripTests
    {
        [Fact]
        public void TheDefaultsWriteEveryKeyInTheDocumentedOrder()
            => Assert.Equal(Defaults, SyncSettings.Default.ToJson());

        [Fact]
        public void SaveThenLoadGivesAnEqualObjectAndTheSameText()
        {
            SyncSettings loaded = SyncSettings.Parse(Full);
            string saved = loaded.ToJson();
            Assert.Equal(Full, saved);
            SyncSettings again = SyncSettings.Parse(saved);
            Assert.Equal(loaded, again);
            Assert.Equal(loaded.GetHashCode(), again.GetHashCode());
            Assert.Equal(saved, again.ToJson());
        }

        [Fact]
        public void KeyOrderAndSpacingOfTheInputDoNotMatter()
        {
            SyncSettings shuffled = SyncSettings.Parse(With(@"""lookbackDays"": 14, ""webinars"": { ""85512345678"": { ""syncRecordings"": false, ""sync"": true }, ""81234567890"": { ""sync"": false } }"));
            SyncSettings ordered = SyncSettings.Parse(With(@"""webinars"": { ""81234567890"": { ""sync"": false }, ""85512345678"": { ""sync"": true, ""syncRecordings"": false } }, ""lookbackDays"": 14"));
            Assert.Equal(ordered.ToJson(), shuffled.ToJson());
            Assert.Equal(ordered, shuffled);
        }

        [Fact]
        public void DifferentSettingsAreNotEqual()
            => Assert.NotEqual(SyncSettings.Default, SyncSettings.Parse(With("\"lookbackDays\": 7")));

        [Fact]
        public void EmailsWithPlusAndNamesWithAccentsStayReadable()
        {
            string json = SyncSettings.Parse(With(@"""users"": [ ""ana+webinars@example.com"" ], ""registrationRules"": [ { ""listName"": ""Café invitees"", ""webinarId"": 81234567890 } ]")).ToJson();
            Assert.Contains("\"ana+webinars@example.com\"", json);
            Assert.Contains("\"Café invitees\"", json);
        }

        [Fact]
        public void ABuilderCopyBuildsEqualSettings()
        {
            SyncSettings loaded = SyncSettings.Parse(Full);
            Assert.Equal(loaded, loaded.ToBuilder().Build());
        }

        [Fact]
        public void TheBuilderValidatesLikeTheReaderAndNamesTheDocumentPath()
        {
            SyncSettingsBuilder draft = SyncSettings.Default.ToBuilder();
            draft.ExcludedHostDomains.Add("not a domain");
            var ex = Assert.Throws<InvalidSyncSettingsException>(() => draft.Build());
            Assert.Equal("$.exclusions.hostDomains[0]", ex.Path);
            Assert.Equal("\"not a domain\"", ex.Value);
        }

        [Fact]
        public void TheBuilderReplacesAUsersOrAWebinarsEntryInsteadOfAddingASecondOne()
        {
            SyncSettingsBuilder draft = SyncSettings.Default.ToBuilder();
            draft.SetUser(new UserSyncSetting("Ana@Example.com", syncRecordings: true));
            draft.SetUser(new UserSyncSetting("ana@example.com", syncNewWebinars: false));
            draft.SetWebinar(new WebinarSyncSetting(81234567890, sync: true));
            draft.SetWebinar(new WebinarSyncSetting(81234567890, sync: false));
            SyncSettings s = draft.Build();
            Assert.Equal(false, s.UserSettings.Single().SyncNewWebinars);
            Assert.Null(s.UserSettings.Single().SyncRecordings);
            Assert.Equal(false, s.Webinars.Single().Sync);
            Assert.True(draft.RemoveUser("ANA@example.com"));
            Assert.False(draft.RemoveWebinar(85512345678));
        }

        [Fact]
        public void SettingsCannotBeChangedThroughTheirLists()
        {
            SyncSettings s = SyncSettings.Parse(Full);
            Assert.Throws<System.NotSupportedException>(() => ((IList<string>)s.Users)[0] = "eve@example.com");
            Assert.Throws<System.NotSupportedException>(() => ((IDictionary<string, string>)s.PropertyNames)["Group"] = "x");
        }

        public class FromObject
        {
            [Fact]
            public void PlainValuesShapedLikeTheDocumentGiveTheSameSettings()
            {
                var document = new Dictionary<string, object>
                {
                    ["schemaVersion"] = 1,
                    ["users"] = new object[] { "ana@example.com", "li@example.com" },
                    ["syncNewWebinars"] = false,
                    ["syncRecordings"] = true,
                    ["userSettings"] = new Dictionary<string, object>
                    {
                        ["ana@example.com"] = new Dictionary<string, object> { ["syncNewWebinars"] = true },
                        ["li@example.com"] = new Dictionary<string, object> { ["syncNewWebinars"] = true, ["syncRecordings"] = false },
                    },
                    ["webinars"] = new System.Collections.Hashtable
                    {
                        ["812 3456 7890"] = new Dictionary<string, object> { ["sync"] = false },
                        [85512345678L] = new Dictionary<string, object> { ["sync"] = true, ["syncRecordings"] = false },
                    },
                    ["exclusions"] = new Dictionary<string, object>
                    {
                        ["hostDomains"] = new List<object> { "internal.example.com" },
                        ["contactDomains"] = new[] { "example.com", "competitor.example" },
                        ["recordingDomains"] = new[] { "legal.example.com" },
                    },
                    ["includeAccountUsers"] = true,
                    ["matchSecondaryEmail"] = true,
                    ["recreateDeletedContacts"] = true,
                    ["syncPollsAndQuestions"] = true,
                    ["propertyNames"] = new Dictionary<string, object> { ["RegistrationCount"] = "zoom_webinar_registration_count", ["AttendanceCount"] = "zoom_webinar_attendance_count" },
                    ["timelineAppId"] = 123456L,
                    ["lookbackDays"] = 14.0, // PowerShell numbers may arrive as doubles
                    ["registrationRules"] = new object[]
                    {
                        new Dictionary<string, object> { ["listId"] = 42, ["webinarId"] = 81234567890L },
                        new Dictionary<string, object> { ["listName"] = "Webinar invitees", ["webinarId"] = "855 1234 5678", ["occurrenceId"] = "1648194360000" },
                    },
                };
                SyncSettings s = SyncSettings.FromObject(document);
                Assert.Equal(SyncSettings.Parse(Full), s);
                Assert.Equal(Full, s.ToJson());
            }

            [Fact]
            public void KeysMatchWithoutCaseAsPowerShellNamesDoButDataKeepsItsSpelling()
            {
                SyncSettings s = SyncSettings.FromObject(new Dictionary<string, object>
                {
                    ["SchemaVersion"] = 1,
                    ["LookbackDays"] = 7,
                    ["Exclusions"] = new Dictionary<string, object> { ["HostDomains"] = new[] { "example.com" } },
                    ["PropertyNames"] = new Dictionary<string, object> { ["RegistrationCount"] = "Zoom_Count" },
                    ["RegistrationRules"] = new[] { new Dictionary<string, object> { ["ListName"] = "Invitees", ["WebinarID"] = 81234567890L } },
                });
                Assert.Equal(7, s.LookbackDays);
                Assert.Equal(new[] { "example.com" }, s.ExcludedHostDomains);
                Assert.Equal("Zoom_Count", s.PropertyNames["RegistrationCount"]);
                Assert.Equal("Invitees", s.RegistrationRules[0].ListName);
            }

            [Fact]
            public void AnUnknownKeyOrATypeThatIsNoSettingIsNamedByPath()
            {
                var unknown = Assert.Throws<InvalidSyncSettingsException>(() => SyncSettings.FromObject(new Dictionary<string, object> { ["schemaVersion"] = 1, ["Lookback"] = 3 }));
                Assert.Equal("$.Lookback", unknown.Path);
                var date = Assert.Throws<InvalidSyncSettingsException>(() => SyncSettings.FromObject(new Dictionary<string, object> { ["schemaVersion"] = 1, ["lookbackDays"] = System.DateTime.Now }));
                Assert.Equal("$.lookbackDays", date.Path);
                Assert.Contains("a DateTime cannot be a setting", date.Problem);
            }

            [Fact]
            public void RegistrationRulesAloneAreReadLikeTheDocumentsRules()
            {
                IReadOnlyList<RegistrationRule> rules = RegistrationRule.FromObject(new object[] { new Dictionary<string, object> { ["listName"] = " Invitees ", ["webinarId"] = "812-3456-7890" } });
                Assert.Equal("Invitees", rules.Single().ListName);
                Assert.Equal(81234567890L, rules.Single().WebinarId);
                var ex = Assert.Throws<InvalidSyncSettingsException>(() => RegistrationRule.FromObject(new object[] { new Dictionary<string, object> { ["list"] = "x" } }));
                Assert.Equal("$.registrationRules[0].list", ex.Path);
            }
        }
    }
}
