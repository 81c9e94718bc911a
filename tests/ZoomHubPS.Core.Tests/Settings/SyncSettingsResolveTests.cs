using System;
using System.Collections.Generic;
using Xunit;
using ZoomHubPS.Core.Settings;
using static ZoomHubPS.Core.Tests.Settings.SettingsSamples;

namespace ZoomHubPS.Core.Tests.Settings
{
    /// <summary>
    /// Precedence, most specific first: a parameter of the run, the webinar's override, the user's setting, the global
    /// setting. The master switch and the exclusions come before every toggle.
    /// </summary>
    public class SyncSettingsResolveTests
    {
        private const long Webinar = 81234567890;
        private const string Ana = "ana@example.com";
        private const string Bo = "bo@partner.example";

        private static EffectiveWebinarSettings Resolve(string keys, string host = Ana, long webinar = Webinar, SyncRunOverrides run = null)
            => SyncSettings.Parse(With(keys.Length == 0 ? "\"sync\": true" : keys)).Resolve(host, webinar, run);

        private static void AssertSynced(EffectiveWebinarSettings w, SettingLevel level)
        {
            Assert.True(w.Sync, "expected the webinar to be synced, skipped as " + w.SkipReason);
            Assert.Null(w.SkipReason);
            Assert.Equal(level, w.SyncDecidedBy);
        }

        private static void AssertSkipped(EffectiveWebinarSettings w, string reason, SettingLevel level)
        {
            Assert.False(w.Sync);
            Assert.Equal(reason, w.SkipReason);
            Assert.Equal(level, w.SyncDecidedBy);
            Assert.False(w.SyncRecordings);
            Assert.Equal(RecordingSkipReasons.WebinarNotSynced, w.RecordingSkipReason);
        }

        public class TheMasterSwitch
        {
            [Fact]
            public void OnByDefaultEveryWebinarOfEveryUserIsSynced()
                => AssertSynced(Resolve(""), SettingLevel.Global);

            [Fact]
            public void OffNothingIsSyncedNotEvenAWebinarSwitchedOnOrNamedByTheRun()
            {
                string keys = $"\"sync\": false, \"webinars\": {{ \"{Webinar}\": {{ \"sync\": true }} }}";
                AssertSkipped(Resolve(keys), WebinarSkipReasons.SyncOff, SettingLevel.Global);
                AssertSkipped(Resolve(keys, run: new SyncRunOverrides { WebinarIds = new[] { Webinar } }), WebinarSkipReasons.SyncOff, SettingLevel.Global);
            }

            [Fact]
            public void ARunCanForceItOnForOneRunOrOffForOneRun()
            {
                AssertSynced(Resolve("\"sync\": false", run: new SyncRunOverrides { Sync = true }), SettingLevel.Global);
                AssertSkipped(Resolve("", run: new SyncRunOverrides { Sync = false }), WebinarSkipReasons.SyncOff, SettingLevel.Run);
                Assert.Equal(SettingLevel.Run, SyncSettings.Default.ResolveRun(new SyncRunOverrides { Sync = true }).SyncDecidedBy);
            }
        }

        public class TheUserSelection
        {
            private const string OnlyAna = "\"users\": [ \"ana@example.com\" ]";

            [Fact]
            public void AUserNotInTheListIsNotSynced()
            {
                AssertSynced(Resolve(OnlyAna, host: "ANA@Example.com"), SettingLevel.Global);
                AssertSkipped(Resolve(OnlyAna, host: Bo), WebinarSkipReasons.UserNotSelected, SettingLevel.Global);
                AssertSkipped(Resolve(OnlyAna, host: null), WebinarSkipReasons.UserNotSelected, SettingLevel.Global);
                AssertSkipped(Resolve("\"users\": []"), WebinarSkipReasons.UserNotSelected, SettingLevel.Global);
            }

            [Fact]
            public void ARunCanReplaceTheSelection()
            {
                AssertSynced(Resolve(OnlyAna, host: Bo, run: new SyncRunOverrides { Users = new[] { "All" } }), SettingLevel.Global);
                AssertSkipped(Resolve("", host: Bo, run: new SyncRunOverrides { Users = new[] { Ana } }), WebinarSkipReasons.UserNotSelected, SettingLevel.Run);
            }

            [Fact]
            public void AWebinarSwitchedOnOrNamedByTheRunIsSyncedEvenWhenItsHostIsNotSelected()
            {
                AssertSynced(Resolve(OnlyAna + $", \"webinars\": {{ \"{Webinar}\": {{ \"sync\": true }} }}", host: Bo), SettingLevel.Webinar);
                AssertSynced(Resolve(OnlyAna, host: Bo, run: new SyncRunOverrides { WebinarIds = new[] { Webinar } }), SettingLevel.Run);
            }
        }

        public class TheWebinarToggle
        {
            [Fact]
            public void WithoutAnOverrideTheWebinarFollowsTheUsersThenTheGlobalNewWebinarsDefault()
            {
                AssertSkipped(Resolve("\"syncNewWebinars\": false"), WebinarSkipReasons.NewWebinarsOff, SettingLevel.Global);
                AssertSynced(Resolve("\"syncNewWebinars\": false, \"userSettings\": { \"ana@example.com\": { \"syncNewWebinars\": true } }"), SettingLevel.User);
                AssertSkipped(Resolve("\"userSettings\": { \"ana@example.com\": { \"syncNewWebinars\": false } }"), WebinarSkipReasons.NewWebinarsOff, SettingLevel.User);
                AssertSynced(Resolve("\"userSettings\": { \"ana@example.com\": { \"syncRecordings\": true } }"), SettingLevel.Global);
            }

            [Fact]
            public void AWebinarOverrideWinsOverTheUsersNewWebinarsDefault()
            {
                AssertSynced(Resolve($"\"userSettings\": {{ \"ana@example.com\": {{ \"syncNewWebinars\": false }} }}, \"webinars\": {{ \"{Webinar}\": {{ \"sync\": true }} }}"), SettingLevel.Webinar);
                AssertSkipped(Resolve($"\"userSettings\": {{ \"ana@example.com\": {{ \"syncNewWebinars\": true }} }}, \"webinars\": {{ \"{Webinar}\": {{ \"sync\": false }} }}"), WebinarSkipReasons.WebinarOff, SettingLevel.Webinar);
                AssertSkipped(Resolve($"\"syncNewWebinars\": true, \"webinars\": {{ \"{Webinar}\": {{ \"sync\": false }} }}"), WebinarSkipReasons.WebinarOff, SettingLevel.Webinar);
            }

            [Fact]
            public void AnOverrideOfAnotherWebinarDoesNotApply()
                => AssertSkipped(Resolve("\"syncNewWebinars\": false, \"webinars\": { \"85512345678\": { \"sync\": true } }"), WebinarSkipReasons.NewWebinarsOff, SettingLevel.Global);

            [Fact]
            public void AnOverrideThatSetsOnlyRecordingsLeavesOnOffToTheDefaults()
                => AssertSkipped(Resolve($"\"syncNewWebinars\": false, \"webinars\": {{ \"{Webinar}\": {{ \"syncRecordings\": true }} }}"), WebinarSkipReasons.NewWebinarsOff, SettingLevel.Global);

            [Fact]
            public void TheRunsNewWebinarsDefaultReplacesTheUsersAndTheGlobalOneButNotAWebinarsOwnToggle()
            {
                var run = new SyncRunOverrides { SyncNewWebinars = true };
                AssertSynced(Resolve("\"syncNewWebinars\": false, \"userSettings\": { \"ana@example.com\": { \"syncNewWebinars\": false } }", run: run), SettingLevel.Run);
                AssertSkipped(Resolve($"\"webinars\": {{ \"{Webinar}\": {{ \"sync\": false }} }}", run: run), WebinarSkipReasons.WebinarOff, SettingLevel.Webinar);
                AssertSkipped(Resolve("", run: new SyncRunOverrides { SyncNewWebinars = false }), WebinarSkipReasons.NewWebinarsOff, SettingLevel.Run);
            }

            [Fact]
            public void AWebinarNamedByTheRunIsSyncedWhateverTheSavedTogglesSay()
                => AssertSynced(Resolve($"\"syncNewWebinars\": false, \"webinars\": {{ \"{Webinar}\": {{ \"sync\": false }} }}", run: new SyncRunOverrides { WebinarIds = new[] { Webinar } }), SettingLevel.Run);
        }

        public class TheHostExclusion
        {
            private const string Excluded = "\"exclusions\": { \"hostDomains\": [ \"example.com\" ] }";

            [Fact]
            public void SkipsTheWebinarOfAHostInTheDomainOrASubdomainOfIt()
            {
                AssertSkipped(Resolve(Excluded), WebinarSkipReasons.ExcludedHost, SettingLevel.Global);
                AssertSkipped(Resolve(Excluded, host: "li@eu.Example.com"), WebinarSkipReasons.ExcludedHost, SettingLevel.Global);
                AssertSynced(Resolve(Excluded, host: "li@notexample.com"), SettingLevel.Global);
                AssertSynced(Resolve(Excluded, host: null), SettingLevel.Global);
            }

            [Fact]
            public void WinsOverAWebinarSwitchedOnAndOverTheRunNamingIt()
            {
                AssertSkipped(Resolve(Excluded + $", \"webinars\": {{ \"{Webinar}\": {{ \"sync\": true }} }}"), WebinarSkipReasons.ExcludedHost, SettingLevel.Global);
                AssertSkipped(Resolve(Excluded, run: new SyncRunOverrides { WebinarIds = new[] { Webinar } }), WebinarSkipReasons.ExcludedHost, SettingLevel.Global);
            }

            [Fact]
            public void ARunCanReplaceTheList()
            {
                AssertSynced(Resolve(Excluded, run: new SyncRunOverrides { ExcludedHostDomains = new string[0] }), SettingLevel.Global);
                AssertSkipped(Resolve("", host: Bo, run: new SyncRunOverrides { ExcludedHostDomains = new[] { "partner.example" } }), WebinarSkipReasons.ExcludedHost, SettingLevel.Run);
            }
        }

        public class Recordings
        {
            private static void AssertRecordings(EffectiveWebinarSettings w, bool on, string reason, SettingLevel level)
            {
                Assert.True(w.Sync);
                Assert.Equal(on, w.SyncRecordings);
                Assert.Equal(reason, w.RecordingSkipReason);
                Assert.Equal(level, w.RecordingsDecidedBy);
            }

            [Fact]
            public void AreOffByDefault()
                => AssertRecordings(Resolve(""), false, RecordingSkipReasons.RecordingsOff, SettingLevel.Global);

            [Fact]
            public void FollowTheMostSpecificLevelThatSetsThem()
            {
                string user = "\"userSettings\": { \"ana@example.com\": { \"syncRecordings\": false } }";
                string webinar = $"\"webinars\": {{ \"{Webinar}\": {{ \"syncRecordings\": true }} }}";
                AssertRecordings(Resolve("\"syncRecordings\": true"), true, null, SettingLevel.Global);
                AssertRecordings(Resolve("\"syncRecordings\": true, " + user), false, RecordingSkipReasons.RecordingsOff, SettingLevel.User);
                AssertRecordings(Resolve("\"syncRecordings\": true, " + user + ", " + webinar), true, null, SettingLevel.Webinar);
                AssertRecordings(Resolve(user + ", " + webinar, run: new SyncRunOverrides { SyncRecordings = false }), false, RecordingSkipReasons.RecordingsOff, SettingLevel.Run);
                AssertRecordings(Resolve(user, run: new SyncRunOverrides { SyncRecordings = true }), true, null, SettingLevel.Run);
            }

            [Fact]
            public void AHostInTheRecordingDomainsSkipsOnlyTheRecordings()
            {
                string keys = "\"syncRecordings\": true, \"exclusions\": { \"recordingDomains\": [ \"example.com\" ] }";
                AssertRecordings(Resolve(keys), false, RecordingSkipReasons.ExcludedRecordingHost, SettingLevel.Global);
                AssertRecordings(Resolve(keys, host: Bo), true, null, SettingLevel.Global);
                AssertRecordings(Resolve(keys, run: new SyncRunOverrides { SyncRecordings = true }), false, RecordingSkipReasons.ExcludedRecordingHost, SettingLevel.Global);
                AssertRecordings(Resolve(keys, run: new SyncRunOverrides { ExcludedRecordingDomains = new string[0] }), true, null, SettingLevel.Global);
                AssertRecordings(Resolve("\"syncRecordings\": false, \"exclusions\": { \"recordingDomains\": [ \"example.com\" ] }"), false, RecordingSkipReasons.RecordingsOff, SettingLevel.Global);
            }
        }

        public class TheOtherValues
        {
            [Fact]
            public void ComeFromTheSettingsUnlessTheRunGivesThem()
            {
                SyncSettings saved = SyncSettings.Parse(Full);
                EffectiveWebinarSettings w = saved.Resolve("ana@example.com", 85512345678);
                Assert.Equal(new[] { "example.com", "competitor.example" }, w.ExcludedContactDomains);
                Assert.True(w.IncludeAccountUsers && w.MatchSecondaryEmail && w.RecreateDeletedContacts && w.SyncPollsAndQuestions);
                Assert.Equal("zoom_webinar_attendance_count", w.PropertyNames.AttendanceCount);
                Assert.Equal("zoomhub_webinar_history", w.PropertyNames.History);
                Assert.Equal(123456, w.TimelineAppId);

                var run = new SyncRunOverrides
                {
                    ExcludedContactDomains = new[] { "@Other.example" },
                    IncludeAccountUsers = false,
                    MatchSecondaryEmail = false,
                    RecreateDeletedContacts = false,
                    SyncPollsAndQuestions = false,
                    PropertyNames = new Dictionary<string, string> { ["History"] = "my_history" },
                    TimelineAppId = 99,
                };
                w = saved.Resolve("ana@example.com", 85512345678, run);
                Assert.Equal(new[] { "other.example" }, w.ExcludedContactDomains);
                Assert.False(w.IncludeAccountUsers || w.MatchSecondaryEmail || w.RecreateDeletedContacts || w.SyncPollsAndQuestions);
                Assert.Equal("zoomhub_webinar_attendance_count", w.PropertyNames.AttendanceCount);
                Assert.Equal("my_history", w.PropertyNames.History);
                Assert.Equal(99, w.TimelineAppId);
            }

            [Fact]
            public void TheRunWideValuesHaveTheWindowTheUsersAndTheWebinarsToLookAt()
            {
                SyncSettings saved = SyncSettings.Parse(Full);
                EffectiveRunSettings run = saved.ResolveRun();
                Assert.Equal(14, run.LookbackDays);
                Assert.False(run.AllUsers);
                Assert.True(run.IsUserSelected("LI@example.com"));
                Assert.Equal(new[] { 85512345678L }, run.ExplicitWebinarIds);
                Assert.Equal(2, run.RegistrationRules.Count);
                var now = new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);
                Assert.Equal(now.AddDays(-14), run.Since(now));

                run = saved.ResolveRun(new SyncRunOverrides { LookbackDays = 90, Users = new[] { "all" }, WebinarIds = new[] { 81234567890L }, RegistrationRules = new RegistrationRule[0] });
                Assert.Equal(90, run.LookbackDays);
                Assert.True(run.AllUsers);
                Assert.Equal(new[] { 81234567890L, 85512345678L }, run.ExplicitWebinarIds);
                Assert.Empty(run.RegistrationRules);
            }

            [Theory]
            [InlineData(nameof(SyncRunOverrides.LookbackDays), "LookbackDays: 0 is out of range")]
            [InlineData(nameof(SyncRunOverrides.ExcludedHostDomains), "ExcludedHostDomains[1]: 'bad domain' is not a domain name")]
            [InlineData(nameof(SyncRunOverrides.Users), "Users[0]: 'nobody' is not an email address")]
            [InlineData(nameof(SyncRunOverrides.WebinarIds), "WebinarIds[0]: '12' is not a Zoom webinar id")]
            [InlineData(nameof(SyncRunOverrides.PropertyNames), "PropertyNames.Nope: 'Nope' is not a property the sync writes")]
            [InlineData(nameof(SyncRunOverrides.TimelineAppId), "TimelineAppId: -1 is not a HubSpot app id")]
            public void AnInvalidRunParameterIsAnArgumentErrorNamingIt(string name, string message)
            {
                var run = new SyncRunOverrides();
                switch (name)
                {
                    case nameof(SyncRunOverrides.LookbackDays): run.LookbackDays = 0; break;
                    case nameof(SyncRunOverrides.ExcludedHostDomains): run.ExcludedHostDomains = new[] { "example.com", "bad domain" }; break;
                    case nameof(SyncRunOverrides.Users): run.Users = new[] { "nobody" }; break;
                    case nameof(SyncRunOverrides.WebinarIds): run.WebinarIds = new[] { 12L }; break;
                    case nameof(SyncRunOverrides.PropertyNames): run.PropertyNames = new Dictionary<string, string> { ["Nope"] = "x" }; break;
                    case nameof(SyncRunOverrides.TimelineAppId): run.TimelineAppId = -1; break;
                }

                var ex = Assert.Throws<ArgumentException>(() => SyncSettings.Default.ResolveRun(run));
                Assert.StartsWith(message, ex.Message);
                Assert.IsType<InvalidSyncSettingsException>(ex.InnerException);
            }

            [Fact]
            public void ResolvingIsPureTheSameInputsGiveTheSameAnswer()
            {
                SyncSettings saved = SyncSettings.Parse(Full);
                var run = new SyncRunOverrides { SyncRecordings = true };
                EffectiveWebinarSettings first = saved.Resolve("li@example.com", 85512345678, run);
                EffectiveWebinarSettings second = saved.Resolve("li@example.com", 85512345678, run);
                Assert.Equal((first.Sync, first.SkipReason, first.SyncRecordings, first.RecordingsDecidedBy), (second.Sync, second.SkipReason, second.SyncRecordings, second.RecordingsDecidedBy));
                Assert.Equal(SyncSettings.Parse(Full), saved);
            }
        }
    }
}
