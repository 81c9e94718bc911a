using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Sandbox.Scenarios;
using SandboxContact = ZoomHubPS.Sandbox.HubSpot.HubSpotContact;
using SandboxEvent = ZoomHubPS.Sandbox.HubSpot.HubSpotMarketingEvent;

namespace ZoomHubPS.Core.Tests.WebinarSync
{
    /// <summary>
    /// Recordings in the sync against the demo: the share link, start and length on the instance's marketing event and
    /// on every registrant's and attendee's contact, one recording read per instance, and clear reasons (off, excluded
    /// host, no recording, passcode, transcript not ready, event properties HubSpot lacks) instead of errors.
    /// </summary>
    public class RecordingSyncTests
    {
        private const long Quarterly = 81234567890;
        private const long Onboarding = 82345678901;
        private const long Holiday = 85678901234;
        private const string RecordedInstance = "/ajXp112QmuoKj4854875==";
        private const string UnrecordedInstance = "kT9a//Hq3RmeXo7B2lPzVg==";
        private const string QuarterlyShareUrl = "https://zoom.sandbox.zoomhub.invalid/rec/share/quarterly-update-2026-11-05";
        private const string RecordingReads = "GET /v2/meetings/{meetingId}/recordings";
        private static readonly SyncPropertyNames Names = new SyncPropertyNames();

        private static async Task<CoreTestHost> ReadyAsync(Scenario scenario = null)
        {
            CoreTestHost host = await CoreTestHost.CreateAsync(scenario ?? ScenarioLoader.Load("demo"));
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), whatIf: false);
            host.Sandbox.Journal.Clear();
            return host;
        }

        private static Task<SyncResult> SyncAsync(CoreTestHost host, long webinarId, string uuid, SyncOptions options)
            => new WebinarSyncEngine(host.Connection).SyncAsync(new SyncTarget { WebinarId = webinarId, InstanceUuid = uuid }, options);

        private static SandboxEvent EventOf(CoreTestHost host, SyncResult result)
            => host.Sandbox.HubSpot.MarketingEvents.Single(e => e.ExternalEventId == result.MarketingEventId);

        private static SandboxContact Contact(CoreTestHost host, string email) => host.Sandbox.HubSpot.ContactByEmail(email);

        private static int Count(CoreTestHost host, string route) => host.Sandbox.Journal.CountsByRoute().TryGetValue(route, out int n) ? n : 0;

        [Fact]
        public async Task ARecordedInstanceWritesTheRecordingOnItsEventAndOnEveryRegistrantAndAttendeeWithOneRead()
        {
            using CoreTestHost host = await ReadyAsync();
            SyncResult result = await SyncAsync(host, Quarterly, RecordedInstance, new SyncOptions().WithRecording(true));

            Assert.Equal("Available", result.RecordingStatus);
            Assert.Equal(QuarterlyShareUrl, result.RecordingShareUrl);
            Assert.Equal(1, Count(host, RecordingReads));

            IReadOnlyDictionary<string, string> custom = EventOf(host, result).CustomProperties;
            Assert.Equal(QuarterlyShareUrl, custom[Names.EventRecordingUrl]);
            Assert.Equal(result.RecordingStart.Value, DateTimeOffset.Parse(custom[Names.EventRecordingStart]));
            Assert.Equal(result.RecordingDurationMinutes.Value.ToString(), custom[Names.EventRecordingDurationMinutes]);
            Assert.Contains("/rec/download/", custom[Names.EventTranscriptUrl]);
            Assert.True(result.RecordingDurationMinutes > 50);

            // Ana attended; Sam registered and did not come: both can be sent the recording. George's registration was denied.
            foreach (string email in new[] { "ana.ruiz@contoso.example.org", "sam.taylor@tailspin.example.net" })
            {
                Assert.Equal(QuarterlyShareUrl, Contact(host, email).Get(Names.LastRecordingUrl));
                Assert.Equal(result.StartTime.Value, DateTimeOffset.Parse(Contact(host, email).Get(Names.LastRecordingAt)));
            }

            Assert.True(string.IsNullOrEmpty(Contact(host, "george.miller@fabrikam.example.com").Get(Names.LastRecordingUrl)));
        }

        [Fact]
        public async Task ARerunWithTheRecordingWritesNothing()
        {
            using CoreTestHost host = await ReadyAsync();
            SyncOptions options = new SyncOptions().WithRecording(true);
            await SyncAsync(host, Quarterly, RecordedInstance, options);
            host.Sandbox.Journal.Clear();

            SyncResult again = await SyncAsync(host, Quarterly, RecordedInstance, options);
            Assert.Equal(0, host.Sandbox.Journal.CountWrites());
            Assert.Equal(0, again.Created + again.Updated);
            Assert.Equal(1, Count(host, RecordingReads));
        }

        [Fact]
        public async Task TurningRecordingsOnAfterASyncWritesThemOnceWithoutNewParticipations()
        {
            using CoreTestHost host = await ReadyAsync();
            await SyncAsync(host, Quarterly, RecordedInstance, new SyncOptions());
            host.Sandbox.Journal.Clear();

            SyncResult later = await SyncAsync(host, Quarterly, RecordedInstance, new SyncOptions().WithRecording(true));
            Assert.True(later.Updated > 0);
            Assert.Empty(later.Participations);
            Assert.Equal(QuarterlyShareUrl, Contact(host, "sam.taylor@tailspin.example.net").Get(Names.LastRecordingUrl));
            Assert.Equal(QuarterlyShareUrl, EventOf(host, later).CustomProperties[Names.EventRecordingUrl]);
        }

        [Fact]
        public async Task WithRecordingsOffNothingIsReadAndNothingOfARecordingIsWritten()
        {
            using CoreTestHost host = await ReadyAsync();
            SyncResult result = await SyncAsync(host, Quarterly, RecordedInstance, new SyncOptions());

            Assert.Equal("RecordingsOff", result.RecordingStatus);
            Assert.Equal(0, Count(host, RecordingReads));
            Assert.Empty(EventOf(host, result).CustomProperties);
            Assert.All(host.Sandbox.HubSpot.Contacts, c => Assert.True(string.IsNullOrEmpty(c.Get(Names.LastRecordingUrl))));
        }

        [Fact]
        public async Task AnExcludedRecordingDomainIsNotReadAndSaysWhy()
        {
            using CoreTestHost host = await ReadyAsync();
            SyncOptions options = new SyncOptions().WithRecording(true).WithExclusions(recordingDomains: new[] { "northwind.example.com" });
            SyncResult result = await SyncAsync(host, Quarterly, RecordedInstance, options);

            Assert.Equal("ExcludedRecordingDomain", result.RecordingStatus);
            Assert.Contains("recording exclusions", result.RecordingNote);
            Assert.Equal(0, Count(host, RecordingReads));
            Assert.True(result.Created + result.Updated > 0, "the people are still synced");
            Assert.Empty(EventOf(host, result).CustomProperties);
            Assert.True(string.IsNullOrEmpty(Contact(host, "ana.ruiz@contoso.example.org").Get(Names.LastRecordingUrl)));
        }

        [Fact]
        public async Task AnInstanceWithoutARecordingSaysSoAndKeepsTheContactsEarlierRecording()
        {
            using CoreTestHost host = await ReadyAsync();
            SyncOptions options = new SyncOptions().WithRecording(true);
            await SyncAsync(host, Quarterly, RecordedInstance, options);
            SyncResult second = await SyncAsync(host, Quarterly, UnrecordedInstance, options);

            Assert.Equal("NoRecording", second.RecordingStatus);
            Assert.Null(second.RecordingShareUrl);
            Assert.Empty(EventOf(host, second).CustomProperties);
            // The latest webinar with a recording is still the first instance.
            Assert.Equal(QuarterlyShareUrl, Contact(host, "ana.ruiz@contoso.example.org").Get(Names.LastRecordingUrl));
        }

        [Fact]
        public async Task APasscodeAndATranscriptNotReadyAreNotesNotErrors()
        {
            using CoreTestHost host = await ReadyAsync();
            var instances = host.Sandbox.Zoom.Instances(Onboarding).OrderBy(i => i.StartTime).ToList();
            SyncOptions options = new SyncOptions().WithRecording(true);

            SyncResult pending = await SyncAsync(host, Onboarding, instances[1].Uuid, options);
            Assert.Equal("Available", pending.RecordingStatus);
            Assert.Null(pending.TranscriptUrl);
            Assert.Contains("no transcript yet", pending.RecordingNote);
            Assert.False(EventOf(host, pending).CustomProperties.ContainsKey(Names.EventTranscriptUrl));

            SyncResult protectedOne = await SyncAsync(host, Onboarding, instances[2].Uuid, options);
            Assert.Equal("Available", protectedOne.RecordingStatus);
            Assert.Contains("passcode", protectedOne.RecordingNote);
            Assert.NotNull(protectedOne.TranscriptUrl);
            Assert.Equal(protectedOne.RecordingShareUrl, Contact(host, "diego.alvarez@fabrikam.example.com").Get(Names.LastRecordingUrl));
        }

        [Fact]
        public async Task OnlyTheEventPropertiesHubSpotDefinesAreWrittenAndTheMissingOnesAreNamed()
        {
            Scenario scenario = ScenarioLoader.Load("demo");
            scenario.HubSpot.MarketingEventProperties.RemoveAll(p => p.Name == "zoomhub_transcript_url" || p.Name == "zoomhub_recording_start");
            using CoreTestHost host = await CoreTestHost.CreateAsync(scenario);
            var schema = await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), whatIf: false);

            // The twin refuses marketing-event definitions by API (as HubSpot may): the user is told exactly what to create.
            SchemaItemResult[] manual = schema.Where(r => r.Kind == "EventProperty" && r.Status == "CreateInHubSpot").ToArray();
            Assert.Equal(new[] { "zoomhub_recording_start", "zoomhub_transcript_url" }, manual.Select(r => r.Name).OrderBy(n => n));
            Assert.All(manual, r => Assert.Contains("Settings > Properties > Marketing event properties", r.Message));
            Assert.Contains("Date and time picker", manual.Single(r => r.Name == "zoomhub_recording_start").Message);

            SyncResult result = await SyncAsync(host, Quarterly, RecordedInstance, new SyncOptions().WithRecording(true));
            IReadOnlyDictionary<string, string> custom = EventOf(host, result).CustomProperties;
            Assert.Equal(new[] { Names.EventRecordingDurationMinutes, Names.EventRecordingUrl }, custom.Keys.OrderBy(k => k));
            Assert.Contains("zoomhub_recording_start, zoomhub_transcript_url", result.RecordingNote);
        }

        [Fact]
        public async Task WhereHubSpotAllowsItTheSchemaCreatesTheEventPropertiesAndTheSyncFillsThem()
        {
            Scenario scenario = ScenarioLoader.Load("demo");
            scenario.HubSpot.MarketingEventProperties.Clear();
            scenario.HubSpot.AllowMarketingEventPropertyWrites = true;
            using CoreTestHost host = await CoreTestHost.CreateAsync(scenario);

            var schema = await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), whatIf: false);
            Assert.Equal(4, schema.Count(r => r.Kind == "EventProperty" && r.Status == "Created"));
            Assert.All(await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), whatIf: false), r => Assert.Equal("Existing", r.Status));

            SyncResult result = await SyncAsync(host, Quarterly, RecordedInstance, new SyncOptions().WithRecording(true));
            Assert.Equal(4, EventOf(host, result).CustomProperties.Count);
            Assert.Null(result.RecordingNote);
        }

        [Fact]
        public async Task AHostWhoseDownloadsAreRefusedStillSyncsItsRecordingLink()
        {
            using CoreTestHost host = await ReadyAsync();
            SyncResult result = await SyncAsync(host, Holiday, null, new SyncOptions().WithRecording(true));
            Assert.Equal("Available", result.RecordingStatus);
            Assert.NotNull(result.RecordingShareUrl);
        }
    }
}
