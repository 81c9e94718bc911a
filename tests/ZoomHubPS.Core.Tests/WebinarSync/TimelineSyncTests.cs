using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.WebinarSync;

namespace ZoomHubPS.Core.Tests.WebinarSync
{
    /// <summary>
    /// Timeline parity against the demo: registration, attendance (with leave time and sessions) and recording events;
    /// enabling templates after earlier syncs backfills each event once and a re-run writes none; a template whose
    /// tokens changed is updated in place, never created twice.
    /// </summary>
    public class TimelineSyncTests
    {
        private const long Quarterly = 81234567890;
        private const string RecordedInstance = "/ajXp112QmuoKj4854875==";
        private const string EventsBatch = "POST /integrators/timeline/v3/events/batch/create";

        private static async Task<CoreTestHost> ReadyAsync()
        {
            CoreTestHost host = await CoreTestHost.CreateAsync("demo");
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), whatIf: false);
            host.Sandbox.Journal.Clear();
            return host;
        }

        private static List<SyncTarget> Targets(CoreTestHost host)
            => host.Sandbox.Zoom.Webinars.SelectMany(w => host.Sandbox.Zoom.Instances(w.Id).Select(i => new SyncTarget { WebinarId = w.Id, InstanceUuid = i.Uuid })).ToList();

        private static async Task<List<SyncResult>> SyncAllAsync(CoreTestHost host, IEnumerable<SyncTarget> targets, SyncOptions options)
        {
            var engine = new WebinarSyncEngine(host.Connection);
            var results = new List<SyncResult>();
            foreach (SyncTarget t in targets) results.Add(await engine.SyncAsync(t, options));
            return results;
        }

        private static int Count(CoreTestHost host, string route) => host.Sandbox.Journal.CountsByRoute().TryGetValue(route, out int n) ? n : 0;

        private static string TemplateId(CoreTestHost host, string name) => host.Sandbox.HubSpot.TimelineTemplates.Single(t => t.Name == name).Id;

        [Fact]
        public async Task EnablingTemplatesAfterEarlierSyncsBackfillsEachEventOnceAndARerunWritesNone()
        {
            using CoreTestHost host = await ReadyAsync();
            SyncOptions withoutTimeline = new SyncOptions().WithRecording(true);
            await SyncAllAsync(host, Targets(host), withoutTimeline);
            Assert.Empty(host.Sandbox.HubSpot.TimelineEvents);

            long app = host.Sandbox.HubSpot.DefaultApp.AppId;
            await TimelineTemplates.EnsureAsync(host.Connection, app, whatIf: false);
            host.Sandbox.Journal.Clear();
            List<SyncResult> backfill = await SyncAllAsync(host, Targets(host), withoutTimeline.WithTimelineApp(app));

            var events = host.Sandbox.HubSpot.TimelineEvents;
            Assert.NotEmpty(events);
            Assert.Equal(backfill.Sum(r => r.TimelineEvents), events.Count);
            Assert.All(events, e => Assert.Equal(1, e.TimesSent));
            Assert.Empty(backfill.SelectMany(r => r.Participations)); // the backfill adds events, not participations
            string[] kinds = { TimelineTemplates.Registration, TimelineTemplates.Attendance, TimelineTemplates.Recording };
            Assert.All(kinds, k => Assert.Contains(events, e => e.EventTemplateId == TemplateId(host, k)));

            host.Sandbox.Journal.Clear();
            List<SyncResult> rerun = await SyncAllAsync(host, Targets(host), withoutTimeline.WithTimelineApp(app));
            Assert.Equal(0, Count(host, EventsBatch));
            Assert.Equal(0, host.Sandbox.Journal.CountWrites());
            Assert.Equal(0, rerun.Sum(r => r.Created + r.Updated));
        }

        [Fact]
        public async Task AttendanceEventsCarryTheDateFirstJoinLastLeaveSessionsMinutesAndPercent()
        {
            using CoreTestHost host = await ReadyAsync();
            long app = host.Sandbox.HubSpot.DefaultApp.AppId;
            await TimelineTemplates.EnsureAsync(host.Connection, app, whatIf: false);
            await SyncAllAsync(host, new[] { new SyncTarget { WebinarId = Quarterly, InstanceUuid = RecordedInstance } }, new SyncOptions().WithTimelineApp(app).WithRecording(true));

            // Ana Ruiz rejoined: 16:01:12–16:40:02 and 16:42:00–17:00:05 (instance 16:00–17:00).
            var ana = host.Sandbox.HubSpot.TimelineEvents.Where(e => e.Email == "ana.ruiz@contoso.example.org").ToList();
            var attended = ana.Single(e => e.EventTemplateId == TemplateId(host, TimelineTemplates.Attendance));
            Assert.Equal("2", attended.Tokens["sessions"]);
            Assert.Equal(Ms("2026-11-05T16:01:12Z"), attended.Tokens["joinTime"]);
            Assert.Equal(Ms("2026-11-05T17:00:05Z"), attended.Tokens["leaveTime"]);
            Assert.Equal(Ms("2026-11-05T16:00:00Z"), attended.Tokens["webinarDate"]);
            Assert.Equal("Quarterly product update", attended.Tokens["webinarTopic"]);
            Assert.Equal("81234567890", attended.Tokens["webinarId"]);
            Assert.Equal("57", attended.Tokens["durationMinutes"]);
            Assert.True(double.Parse(attended.Tokens["percent"], CultureInfo.InvariantCulture) > 90);

            var registered = ana.Single(e => e.EventTemplateId == TemplateId(host, TimelineTemplates.Registration));
            Assert.Equal(Ms("2026-10-20T14:03:11Z"), registered.Tokens["registeredAt"]);

            // The no-show registrant gets the recording too, with its topic, start and link.
            var sam = host.Sandbox.HubSpot.TimelineEvents.Where(e => e.Email == "sam.taylor@tailspin.example.net").ToList();
            Assert.DoesNotContain(sam, e => e.EventTemplateId == TemplateId(host, TimelineTemplates.Attendance));
            var recording = sam.Single(e => e.EventTemplateId == TemplateId(host, TimelineTemplates.Recording));
            Assert.Equal("https://zoom.sandbox.zoomhub.invalid/rec/share/quarterly-update-2026-11-05", recording.Tokens["shareUrl"]);
            Assert.Equal(Ms("2026-11-05T16:00:00Z"), recording.Tokens["startTime"]);
        }

        [Fact]
        public async Task ATemplateWhoseTokensChangedIsUpdatedInPlaceNotCreatedTwice()
        {
            using CoreTestHost host = await ReadyAsync();
            long app = host.Sandbox.HubSpot.DefaultApp.AppId;
            // A template as an older version made it: no leave time, no sessions.
            HubSpotTimelineTemplate old = TimelineTemplates.Definitions().Single(t => t.Name == TimelineTemplates.Attendance);
            old.Tokens.RemoveAll(t => t.Name == "leaveTime" || t.Name == "sessions" || t.Name == "webinarDate");
            await host.Connection.HubSpot.Timeline.CreateTemplateAsync(app, old);
            string id = TemplateId(host, TimelineTemplates.Attendance);

            // An outdated template still takes events: tokens it does not define are left out, nothing is refused.
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            foreach (var t in TimelineTemplates.Definitions().Where(t => t.Name != TimelineTemplates.Attendance)) await host.Connection.HubSpot.Timeline.CreateTemplateAsync(app, t);
            SyncResult early = (await SyncAllAsync(host, new[] { new SyncTarget { WebinarId = Quarterly, InstanceUuid = RecordedInstance } }, new SyncOptions().WithTimelineApp(app))).Single();
            Assert.Equal(0, early.Failed);
            Assert.DoesNotContain(host.Sandbox.HubSpot.TimelineEvents.Where(e => e.EventTemplateId == id), e => e.Tokens.ContainsKey("sessions"));

            IReadOnlyList<SchemaItemResult> preview = await TimelineTemplates.EnsureAsync(host.Connection, app, whatIf: true);
            Assert.Equal("WouldUpdate", preview.Single(r => r.Name == TimelineTemplates.Attendance).Status);
            IReadOnlyList<SchemaItemResult> updated = await TimelineTemplates.EnsureAsync(host.Connection, app, whatIf: false);
            SchemaItemResult attendance = updated.Single(r => r.Name == TimelineTemplates.Attendance);
            Assert.Equal("Updated", attendance.Status);
            Assert.Contains("leaveTime", attendance.Message);
            Assert.All(updated.Where(r => r.Name != TimelineTemplates.Attendance), r => Assert.Equal("Existing", r.Status));

            Assert.Equal(3, host.Sandbox.HubSpot.TimelineTemplates.Count);
            Assert.Equal(id, TemplateId(host, TimelineTemplates.Attendance));
            Assert.Contains(host.Sandbox.HubSpot.TimelineTemplates.Single(t => t.Id == id).Tokens, t => t.Name == "sessions" && t.Type == "number");
            Assert.All(await TimelineTemplates.EnsureAsync(host.Connection, app, whatIf: false), r => Assert.Equal("Existing", r.Status));
        }

        private static string Ms(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
    }
}
