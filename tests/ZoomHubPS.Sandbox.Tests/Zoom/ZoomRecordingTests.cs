using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Tests.Zoom
{
    /// <summary><c>GET /meetings/{meetingId}/recordings</c> as the Zoom spec documents it (FACTS §1.9, §B).</summary>
    public class ZoomRecordingTests
    {
        internal const string QuarterlyFirst = "/ajXp112QmuoKj4854875==";

        internal static string Path(string uuid)
            => "meetings/" + (uuid.StartsWith("/") || uuid.Contains("//") ? Uri.EscapeDataString(Uri.EscapeDataString(uuid)) : Uri.EscapeDataString(uuid)) + "/recordings";

        internal static string InstanceUuid(SandboxTestHost host, long webinarId, string start)
            => host.Sandbox.Zoom.Instances(webinarId).Single(i => i.StartTime == DateTimeOffset.Parse(start)).Uuid;

        private static JsonObject FileOfType(JsonNode recording, string fileType)
            => recording["recording_files"].AsArray().Single(f => f["file_type"].GetValue<string>() == fileType).AsObject();

        [Fact]
        public async Task ARecording_HasTheSpecsTopLevelFields_WithTheirTypes()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, body, _) = await SandboxTestHost.GetAsync(zoom, "meetings/82345678901/recordings");

            Assert.Equal(200, status);
            Assert.Equal(new[] { "account_id", "duration", "host_id", "id", "participant_audio_files", "password", "recording_count", "recording_files",
                    "recording_play_passcode", "share_url", "start_time", "topic", "total_size", "type", "uuid" },
                body.AsObject().Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());
            Assert.Equal(82345678901, body["id"].GetValue<long>());
            Assert.Equal("9", body["type"].GetValue<string>());
            Assert.Equal(45, body["duration"].GetValue<int>());
            Assert.Equal("2026-11-17T15:00:00Z", body["start_time"].GetValue<string>());
            Assert.Equal("x7#Pq2", body["password"].GetValue<string>());
            Assert.False(string.IsNullOrEmpty(body["recording_play_passcode"].GetValue<string>()));
            JsonArray files = body["recording_files"].AsArray();
            Assert.Equal(files.Count, body["recording_count"].GetValue<int>());
            Assert.Equal(files.Sum(f => f["file_size"].GetValue<long>()), body["total_size"].GetValue<long>());
        }

        [Fact]
        public async Task FileTypes_PairWithTheirExtensionAndRecordingType_AndCcAndTimelineLackTheFileDetails()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            JsonNode body = (await SandboxTestHost.GetAsync(zoom, Path(QuarterlyFirst))).Body;

            Assert.Equal(QuarterlyFirst, body["uuid"].GetValue<string>());
            foreach (var (type, extension, recordingType) in new[]
            {
                ("MP4", "MP4", "shared_screen_with_speaker_view"), ("M4A", "M4A", "audio_only"),
                ("TRANSCRIPT", "VTT", "audio_transcript"), ("CHAT", "TXT", "chat_file"),
            })
            {
                JsonObject file = FileOfType(body, type);
                Assert.Equal(extension, file["file_extension"].GetValue<string>());
                Assert.Equal(recordingType, file["recording_type"].GetValue<string>());
                Assert.Equal("completed", file["status"].GetValue<string>());
                Assert.Equal(QuarterlyFirst, file["meeting_id"].GetValue<string>());
                Assert.True(file["file_size"].GetValue<long>() > 0);
            }

            foreach (var (type, extension) in new[] { ("CC", "VTT"), ("TIMELINE", "JSON") })
            {
                JsonObject file = FileOfType(body, type);
                Assert.Equal(extension, file["file_extension"].GetValue<string>());
                Assert.Equal(new[] { "download_url", "file_extension", "file_type", "meeting_id", "recording_end", "recording_start" },
                    file.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());
            }

            Assert.Equal("", body["password"].GetValue<string>());
            Assert.Equal("", body["recording_play_passcode"].GetValue<string>());
        }

        [Fact]
        public async Task TheDownloadAccessToken_ComesOnlyWhenAsked_AndTtlStaysWithinAWeek()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Null((await SandboxTestHost.GetAsync(zoom, "meetings/82345678901/recordings")).Body["download_access_token"]);
            Assert.Null((await SandboxTestHost.GetAsync(zoom, "meetings/82345678901/recordings?ttl=60")).Body["download_access_token"]);

            JsonNode asked = (await SandboxTestHost.GetAsync(zoom, "meetings/82345678901/recordings?include_fields=download_access_token&ttl=604800")).Body;
            Assert.StartsWith("eyJ", asked["download_access_token"].GetValue<string>());

            foreach (string ttl in new[] { "604801", "-1", "soon" })
            {
                var (status, error, _) = await SandboxTestHost.GetAsync(zoom, "meetings/82345678901/recordings?include_fields=download_access_token&ttl=" + ttl);
                Assert.Equal(400, status);
                Assert.Equal(300, error["code"].GetValue<int>());
                Assert.Equal("ttl", error["errors"][0]["field"].GetValue<string>());
            }
        }

        [Fact]
        public async Task WithoutARecording_TheAnswerIs404Code3301()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            string unrecorded = InstanceUuid(host, 82345678901, "2026-11-03T15:00:00Z");
            foreach (string path in new[] { "meetings/81234567890/recordings", Path(unrecorded), "meetings/88901234567/recordings", "meetings/99999999999/recordings" })
            {
                var (status, body, _) = await SandboxTestHost.GetAsync(zoom, path);
                Assert.Equal(404, status);
                Assert.Equal(3301, body["code"].GetValue<int>());
                Assert.Equal("There is no recording for this meeting.", body["message"].GetValue<string>());
            }
        }

        [Fact]
        public async Task APendingTranscript_IsNotListed_UntilItIsReady()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            JsonNode pending = (await SandboxTestHost.GetAsync(zoom, Path(InstanceUuid(host, 82345678901, "2026-11-10T15:00:00Z")))).Body;
            Assert.Equal(new[] { "M4A", "MP4" }, pending["recording_files"].AsArray().Select(f => f["file_type"].GetValue<string>()).OrderBy(t => t).ToArray());
            Assert.Equal(2, pending["recording_count"].GetValue<int>());

            Scenario scenario = ScenarioLoader.Load("demo");
            ZoomRecordingSeed seed = scenario.Zoom.Webinars.Single(w => w.Id == 82345678901).Instances.Single(i => i.Recording?.TranscriptPending == true).Recording;
            seed.TranscriptReadyAt = scenario.Now.Value.AddHours(2);
            using var later = SandboxTestHost.Create(scenario);
            HttpClient client = await later.ZoomClientAsync();
            string path = Path(InstanceUuid(later, 82345678901, "2026-11-10T15:00:00Z"));
            Assert.DoesNotContain((await SandboxTestHost.GetAsync(client, path)).Body["recording_files"].AsArray(), f => f["file_type"].GetValue<string>() == "TRANSCRIPT");

            later.Clock.Advance(TimeSpan.FromHours(2));
            client = await later.ZoomClientAsync(); // the first token expired meanwhile
            JsonObject transcript = FileOfType((await SandboxTestHost.GetAsync(client, path)).Body, "TRANSCRIPT");
            Assert.Equal("VTT", transcript["file_extension"].GetValue<string>());
        }

        [Fact]
        public void AScenarioWithAnUnknownFileType_IsRefusedByName()
        {
            Scenario scenario = ScenarioLoader.Load("demo");
            scenario.Zoom.Webinars.Single(w => w.Id == 82345678901).Instances.Last().Recording.RecordingFiles.Add(new ZoomRecordingFileSeed { FileType = "MOV" });
            var ex = Assert.Throws<ArgumentException>(() => SandboxTestHost.Create(scenario));
            Assert.Contains("'MOV'", ex.Message);
        }

        [Fact]
        public void TextFiles_AreMeasured_MediaKeepTheScenarioSize()
        {
            using var host = SandboxTestHost.Create("demo");
            var recording = host.Sandbox.Zoom.Instances(82345678901).Last().Recording;
            var transcript = recording.Files.Single(f => f.FileType == "TRANSCRIPT");
            Assert.Equal(Encoding.UTF8.GetByteCount(transcript.Content), transcript.FileSize);
            Assert.Equal(183000000, recording.Files.Single(f => f.FileType == "MP4").FileSize);
        }
    }
}
