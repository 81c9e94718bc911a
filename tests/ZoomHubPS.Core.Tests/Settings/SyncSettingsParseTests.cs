using System.Linq;
using Xunit;
using ZoomHubPS.Core.Settings;
using static ZoomHubPS.Core.Tests.Settings.SettingsSamples;

namespace ZoomHubPS.Core.Tests.Settings
{
    /// <summary>Loading a document: what it means, how it is normalised, and how each mistake is named.</summary>
    public class SyncSettingsParseTests
    {
        public class AValidDocument
        {
            [Fact]
            public void NeedsOnlyTheVersionAndGetsTheDocumentedDefaults()
            {
                SyncSettings s = SyncSettings.Parse("{ \"schemaVersion\": 1 }");
                Assert.True(s.Sync);
                Assert.True(s.AllUsers);
                Assert.Equal(new[] { "All" }, s.Users);
                Assert.True(s.SyncNewWebinars);
                Assert.False(s.SyncRecordings);
                Assert.Empty(s.UserSettings);
                Assert.Empty(s.Webinars);
                Assert.Empty(s.ExcludedHostDomains);
                Assert.False(s.IncludeAccountUsers || s.MatchSecondaryEmail || s.RecreateDeletedContacts || s.SyncPollsAndQuestions);
                Assert.Empty(s.PropertyNames);
                Assert.Null(s.TimelineAppId);
                Assert.Equal(30, s.LookbackDays);
                Assert.Empty(s.RegistrationRules);
                Assert.Equal(SyncSettings.Default, s);
            }

            [Fact]
            public void ReadsEveryKey()
            {
                SyncSettings s = SyncSettings.Parse(Full);
                Assert.Equal(new[] { "ana@example.com", "li@example.com" }, s.Users);
                Assert.False(s.SyncNewWebinars);
                Assert.True(s.SyncRecordings);
                Assert.Equal(true, s.FindUser("ANA@example.com").SyncNewWebinars);
                Assert.Null(s.FindUser("ana@example.com").SyncRecordings);
                Assert.Equal(false, s.FindWebinar(81234567890).Sync);
                Assert.Equal(false, s.FindWebinar(85512345678).SyncRecordings);
                Assert.Equal(new[] { "internal.example.com" }, s.ExcludedHostDomains);
                Assert.Equal(new[] { "example.com", "competitor.example" }, s.ExcludedContactDomains);
                Assert.Equal(new[] { "legal.example.com" }, s.ExcludedRecordingDomains);
                Assert.True(s.IncludeAccountUsers && s.MatchSecondaryEmail && s.RecreateDeletedContacts && s.SyncPollsAndQuestions);
                Assert.Equal("zoom_webinar_attendance_count", s.PropertyNames["attendancecount"]);
                Assert.Equal(123456, s.TimelineAppId);
                Assert.Equal(14, s.LookbackDays);
                Assert.Equal("42", s.RegistrationRules[0].ListId);
                Assert.Equal("Webinar invitees", s.RegistrationRules[1].ListName);
                Assert.Equal("1648194360000", s.RegistrationRules[1].OccurrenceId);
            }

            [Fact]
            public void NormalisesWebinarIdsEmailsAndDomainsAsTheModuleDoesElsewhere()
            {
                SyncSettings s = SyncSettings.Parse(With(@"
                    ""users"": [ "" Ana@Example.COM "", ""ana@example.com"" ],
                    ""userSettings"": { ""Li@Example.com"": { ""syncRecordings"": true } },
                    ""webinars"": { ""812 3456 7890"": { ""sync"": false }, ""855-1234-5678"": { ""syncRecordings"": true } },
                    ""exclusions"": { ""hostDomains"": [ ""@Internal.Example.com"", ""internal.example.com"" ] },
                    ""registrationRules"": [ { ""listId"": 42, ""webinarId"": ""812-3456-7890"" } ]"));
                Assert.Equal(new[] { "ana@example.com" }, s.Users);
                Assert.Equal("li@example.com", s.UserSettings.Single().Email);
                Assert.Equal(new[] { 81234567890L, 85512345678L }, s.Webinars.Select(w => w.WebinarId));
                Assert.Equal(new[] { "internal.example.com" }, s.ExcludedHostDomains);
                Assert.Equal("42", s.RegistrationRules[0].ListId);
                Assert.Equal(81234567890L, s.RegistrationRules[0].WebinarId);
            }

            [Fact]
            public void AllowsCommentsAndTrailingCommasSincePeopleEditTheFileByHand()
            {
                SyncSettings s = SyncSettings.Parse("{\n  // saved by the marketing team\n  \"schemaVersion\": 1,\n  \"lookbackDays\": 7, /* a week */\n}");
                Assert.Equal(7, s.LookbackDays);
            }

            [Fact]
            public void AcceptsAllWithoutCaseAndNullForTheTimelineApp()
            {
                SyncSettings s = SyncSettings.Parse(With("\"users\": \"all\", \"timelineAppId\": null"));
                Assert.True(s.AllUsers);
                Assert.Null(s.TimelineAppId);
            }

            [Fact]
            public void AnEmptyUserListSelectsNobody()
            {
                SyncSettings s = SyncSettings.Parse(With("\"users\": []"));
                Assert.False(s.AllUsers);
                Assert.Empty(s.Users);
            }
        }

        public class TheVersion
        {
            [Fact]
            public void IsRequired()
                => AssertInvalid("{ \"sync\": true }", "$.schemaVersion", null, "the key is required: add \"schemaVersion\": 1");

            [Fact]
            public void NewerThanTheModuleSaysToUpdateTheModule()
            {
                var ex = AssertInvalid("{ \"schemaVersion\": 2, \"someFutureKey\": 1 }", "$.schemaVersion", "2", "newer than this module reads (1)");
                Assert.Contains("Update-Module ZoomHubPS", ex.Message);
            }

            [Theory]
            [InlineData("0")]
            [InlineData("\"1\"")]
            [InlineData("1.5")]
            public void MustBeTheNumberOne(string version)
                => AssertInvalid("{ \"schemaVersion\": " + version + " }", "$.schemaVersion", version, "expected the document version, 1");
        }

        public class Mistakes
        {
            [Fact]
            public void AnUnknownKeyIsNamedWithTheKeysThatExistAndANearMiss()
            {
                var ex = AssertInvalid(With("\"lookBackDay\": 7"), "$.lookBackDay", "7", "'lookBackDay' is not a setting here. Did you mean 'lookbackDays'?");
                Assert.Contains("schemaVersion, sync, users, syncNewWebinars", ex.Problem);
            }

            [Fact]
            public void AnUnknownNestedKeyNamesItsFullPath()
            {
                AssertInvalid(With("\"exclusions\": { \"hostDomain\": [] }"), "$.exclusions.hostDomain", "[]", "Did you mean 'hostDomains'? The keys here are: hostDomains, contactDomains, recordingDomains.");
                AssertInvalid(With("\"userSettings\": { \"ana@example.com\": { \"syncRecording\": true } }"), "$.userSettings['ana@example.com'].syncRecording", "true", "Did you mean 'syncRecordings'?");
                AssertInvalid(With("\"webinars\": { \"81234567890\": { \"enabled\": true } }"), "$.webinars['81234567890'].enabled", "true", "The keys here are: sync, syncRecordings.");
                AssertInvalid(With("\"registrationRules\": [ { \"list\": \"42\", \"webinarId\": 81234567890 } ]"), "$.registrationRules[0].list", "\"42\"", "The keys here are: listId, listName, webinarId, occurrenceId.");
            }

            [Fact]
            public void AKeyTwiceIsRefused()
                => AssertInvalid(With("\"sync\": true, \"sync\": false"), "$.sync", "false", "the key appears twice");

            [Theory]
            [InlineData("\"sync\": \"yes\"", "$.sync", "\"yes\"", "expected true or false. Found a string: \"yes\".")]
            [InlineData("\"syncRecordings\": 1", "$.syncRecordings", "1", "expected true or false")]
            [InlineData("\"lookbackDays\": \"30\"", "$.lookbackDays", "\"30\"", "expected a whole number")]
            [InlineData("\"lookbackDays\": 7.5", "$.lookbackDays", "7.5", "expected a whole number")]
            [InlineData("\"timelineAppId\": \"abc\"", "$.timelineAppId", "\"abc\"", "expected a whole number or null")]
            [InlineData("\"users\": \"ana@example.com\"", "$.users", "\"ana@example.com\"", "expected \"All\", or an array of Zoom user emails")]
            [InlineData("\"users\": [ 7 ]", "$.users[0]", "7", "expected a string")]
            [InlineData("\"exclusions\": [ \"example.com\" ]", "$.exclusions", "[ \"example.com\" ]", "expected an object")]
            [InlineData("\"exclusions\": { \"hostDomains\": \"example.com\" }", "$.exclusions.hostDomains", "\"example.com\"", "expected an array")]
            [InlineData("\"webinars\": { \"81234567890\": { \"sync\": \"off\" } }", "$.webinars['81234567890'].sync", "\"off\"", "expected true or false")]
            [InlineData("\"propertyNames\": { \"AttendanceCount\": 5 }", "$.propertyNames.AttendanceCount", "5", "expected a string")]
            [InlineData("\"registrationRules\": { \"listId\": \"42\" }", "$.registrationRules", "{ \"listId\": \"42\" }", "expected an array of rules")]
            [InlineData("\"sync\": null", "$.sync", "null", "expected true or false. Found null")]
            public void AWrongTypeNamesThePathAndTheValue(string keys, string path, string value, string problem)
                => AssertInvalid(With(keys), path, value, problem);

            [Theory]
            [InlineData("\"lookbackDays\": 0", "$.lookbackDays", "0", "from 1 to 365")]
            [InlineData("\"lookbackDays\": 366", "$.lookbackDays", "366", "from 1 to 365")]
            [InlineData("\"timelineAppId\": 0", "$.timelineAppId", "0", "use a positive integer, or null")]
            [InlineData("\"users\": [ \"ana@example.com\", \"not an email\" ]", "$.users[1]", "\"not an email\"", "is not an email address")]
            [InlineData("\"users\": [ \"All\", \"ana@example.com\" ]", "$.users[0]", "\"All\"", "use it alone")]
            [InlineData("\"userSettings\": { \"ana\": { \"syncRecordings\": true } }", "$.userSettings.ana", "\"ana\"", "'ana' is not an email address")]
            [InlineData("\"webinars\": { \"12345\": { \"sync\": true } }", "$.webinars['12345']", "\"12345\"", "the key '12345' is not a Zoom webinar id")]
            [InlineData("\"exclusions\": { \"contactDomains\": [ \"example.com\", \"exa mple.com\" ] }", "$.exclusions.contactDomains[1]", "\"exa mple.com\"", "is not a domain name")]
            [InlineData("\"exclusions\": { \"hostDomains\": [ \"localhost\" ] }", "$.exclusions.hostDomains[0]", "\"localhost\"", "is not a domain name")]
            [InlineData("\"exclusions\": { \"recordingDomains\": [ \"*.example.com\" ] }", "$.exclusions.recordingDomains[0]", "\"*.example.com\"", "write 'example.com' (a domain already covers its subdomains)")]
            [InlineData("\"propertyNames\": { \"Attendance\": \"x\" }", "$.propertyNames.Attendance", "\"x\"", "'Attendance' is not a property the sync writes")]
            [InlineData("\"propertyNames\": { \"AttendanceCount\": \" \" }", "$.propertyNames.AttendanceCount", "\"\"", "gives no name for 'AttendanceCount'")]
            [InlineData("\"propertyNames\": { \"Group\": \"a\", \"group\": \"b\" }", "$.propertyNames.group", "\"b\"", "mapped twice")]
            public void ABadValueNamesThePathAndTheValue(string keys, string path, string value, string problem)
                => AssertInvalid(With(keys), path, value, problem);

            [Fact]
            public void TheSameUserOrWebinarTwiceIsRefusedOnceNormalised()
            {
                AssertInvalid(With("\"userSettings\": { \"ana@example.com\": {}, \"ANA@example.com\": {} }"), "$.userSettings['ANA@example.com']", "\"ANA@example.com\"", "has settings twice");
                AssertInvalid(With("\"webinars\": { \"81234567890\": {}, \"812 3456 7890\": {} }"), "$.webinars['81234567890']", "\"81234567890\"", "has two overrides");
            }

            [Theory]
            [InlineData("{ \"webinarId\": 81234567890 }", "$.registrationRules[0]", "exactly one of listId and listName")]
            [InlineData("{ \"listId\": \"42\", \"listName\": \"x\", \"webinarId\": 81234567890 }", "$.registrationRules[0]", "exactly one of listId and listName")]
            [InlineData("{ \"listId\": \"42\" }", "$.registrationRules[0].webinarId", "the key is required")]
            [InlineData("{ \"listId\": \"abc\", \"webinarId\": 81234567890 }", "$.registrationRules[0].listId", "is not a HubSpot list id")]
            [InlineData("{ \"listName\": \"  \", \"webinarId\": 81234567890 }", "$.registrationRules[0].listName", "the list name is empty")]
            [InlineData("{ \"listId\": \"42\", \"webinarId\": \"12\" }", "$.registrationRules[0].webinarId", "is not a Zoom webinar id")]
            [InlineData("{ \"listId\": \"42\", \"webinarId\": 81234567890, \"occurrenceId\": \"1,2\" }", "$.registrationRules[0].occurrenceId", "is not one Zoom occurrence id")]
            public void ABadRegistrationRuleNamesItsIndexAndKey(string rule, string path, string problem)
            {
                var ex = Assert.Throws<InvalidSyncSettingsException>(() => SyncSettings.Parse(With("\"registrationRules\": [ " + rule + " ]")));
                Assert.Equal(path, ex.Path);
                Assert.Contains(problem, ex.Problem);
            }

            [Fact]
            public void TheSameRuleTwiceIsRefused()
                => AssertInvalid(With("\"registrationRules\": [ { \"listId\": \"42\", \"webinarId\": 81234567890 }, { \"listId\": 42, \"webinarId\": \"812 3456 7890\" } ]"),
                    "$.registrationRules[1]", "\"list 42 -> 81234567890\"", "listed twice");

            [Fact]
            public void BrokenJsonNamesTheLine()
            {
                var ex = Assert.Throws<InvalidSyncSettingsException>(() => SyncSettings.Parse("{\n  \"schemaVersion\": 1,\n  \"sync\": tru\n}"));
                Assert.Contains("not valid JSON at line 3", ex.Message);
                Assert.NotNull(ex.InnerException);
            }

            [Theory]
            [InlineData("")]
            [InlineData("   ")]
            [InlineData(null)]
            public void EmptyTextIsNamedAsSuch(string json)
                => AssertInvalid(json, "$", null, "the settings are empty");

            [Fact]
            public void ADocumentThatIsNotAnObjectIsRefused()
                => AssertInvalid("[ 1 ]", "$", "[ 1 ]", "expected the settings object");
        }
    }
}
