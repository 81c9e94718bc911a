using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Tests.Zoom
{
    public class ZoomPastWebinarTests
    {
        private static string Twice(string uuid) => Uri.EscapeDataString(Uri.EscapeDataString(uuid));

        [Fact]
        public async Task Instances_ListPastInstances()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var body = (await SandboxTestHost.GetAsync(zoom, "past_webinars/81234567890/instances")).Body;
            JsonArray instances = body["webinars"].AsArray();
            Assert.Equal(2, instances.Count);
            Assert.Equal("/ajXp112QmuoKj4854875==", instances[0]["uuid"].GetValue<string>());
            Assert.Equal("2026-11-05T16:00:00Z", instances[0]["start_time"].GetValue<string>());
            Assert.Empty((await SandboxTestHost.GetAsync(zoom, "past_webinars/83456789012/instances")).Body["webinars"].AsArray());
        }

        [Fact]
        public async Task Participants_ById_MeansLatestInstance_RowShape()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var body = (await SandboxTestHost.GetAsync(zoom, "past_webinars/81234567890/participants")).Body;
            Assert.Equal(4, body["total_records"].GetValue<int>());
            JsonObject row = body["participants"][1].AsObject();
            Assert.Equal("Ana Ruiz", row["name"].GetValue<string>());
            Assert.Equal(1800, row["duration"].GetValue<int>());
            Assert.Equal(new[] { "duration", "failover", "id", "internal_user", "join_time", "leave_time", "name", "status", "user_email", "user_id" },
                row.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());
            Assert.True(body["participants"][0]["internal_user"].GetValue<bool>());
            Assert.Equal("KDcuGIm1QgePTO8WbOqwIQ", body["participants"][0]["id"].GetValue<string>());
        }

        [Fact]
        public async Task Participants_DoubleEncodedUuid_SelectsInstance_SingleEncodedFails()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, body, _) = await SandboxTestHost.GetAsync(zoom, "past_webinars/" + Twice("/ajXp112QmuoKj4854875==") + "/participants?page_size=300");
            Assert.Equal(200, status);
            Assert.Equal(14, body["total_records"].GetValue<int>());

            var once = await SandboxTestHost.GetAsync(zoom, "past_webinars/" + Uri.EscapeDataString("/ajXp112QmuoKj4854875==") + "/participants");
            Assert.Equal(404, once.Status);
            Assert.Equal(3001, once.Body["code"].GetValue<int>());

            // A UUID without "/" at the start or "//" is encoded once.
            string plain = host.Sandbox.Zoom.Instances(82345678901)[0].Uuid;
            if (!plain.StartsWith("/") && !plain.Contains("//"))
            {
                Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "past_webinars/" + Uri.EscapeDataString(plain) + "/participants")).Status);
            }
        }

        [Fact]
        public async Task Participants_RejoinsAreSeparateRows_GuestsHaveEmptyEmail_RegistrantIdWhenAsked()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            string path = "past_webinars/" + Twice("/ajXp112QmuoKj4854875==") + "/participants?page_size=300";
            JsonArray rows = (await SandboxTestHost.GetAsync(zoom, path)).Body["participants"].AsArray();
            var ana = rows.Where(r => r["user_email"].GetValue<string>() == "ana.ruiz@contoso.example.org").ToList();
            Assert.Equal(2, ana.Count);
            Assert.NotEqual(ana[0]["user_id"].GetValue<string>(), ana[1]["user_id"].GetValue<string>());
            Assert.Equal(2330, ana[0]["duration"].GetValue<int>());
            Assert.Equal(2, rows.Count(r => r["user_email"].GetValue<string>() == ""));
            Assert.All(rows, r => Assert.Null(r["registrant_id"]));

            JsonArray withIds = (await SandboxTestHost.GetAsync(zoom, path + "&include_fields=registrant_id")).Body["participants"].AsArray();
            JsonNode jordan = withIds.Single(r => r["name"].GetValue<string>() == "Jordan B");
            Assert.Equal("", jordan["user_email"].GetValue<string>());
            Assert.Equal("Jb1GuEsTrEgIsTeReD0001", jordan["registrant_id"].GetValue<string>());
            Assert.Null(withIds.Single(r => r["name"].GetValue<string>() == "Guest 42")["registrant_id"]);
        }

        [Fact]
        public async Task Participants_NeverHeld_Is404_PageSizeLimit()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var upcoming = await SandboxTestHost.GetAsync(zoom, "past_webinars/83456789012/participants");
            Assert.Equal(404, upcoming.Status);
            Assert.Equal(3001, upcoming.Body["code"].GetValue<int>());
            Assert.Equal(400, (await SandboxTestHost.GetAsync(zoom, "past_webinars/81234567890/participants?page_size=301")).Status);
        }

        [Fact]
        public async Task Report_RegistrantIdOnlyWithIncludeFields_RetentionSixMonths()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            string path = "report/webinars/" + Twice("/ajXp112QmuoKj4854875==") + "/participants?page_size=300";
            JsonArray plain = (await SandboxTestHost.GetAsync(zoom, path)).Body["participants"].AsArray();
            Assert.All(plain, r => Assert.Null(r["registrant_id"]));
            JsonArray withIds = (await SandboxTestHost.GetAsync(zoom, path + "&include_fields=registrant_id")).Body["participants"].AsArray();
            Assert.Equal("Jb1GuEsTrEgIsTeReD0001", withIds.Single(r => r["name"].GetValue<string>() == "Jordan B")["registrant_id"].GetValue<string>());
            Assert.Equal("", withIds.Single(r => r["name"].GetValue<string>() == "Guest 42")["registrant_id"].GetValue<string>());

            var old = await SandboxTestHost.GetAsync(zoom, "report/webinars/88901234567/participants");
            Assert.Equal(404, old.Status);
            Assert.Equal(3001, old.Body["code"].GetValue<int>());
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "past_webinars/88901234567/participants")).Status);

            host.Clock.Advance(TimeSpan.FromDays(200));
            HttpClient later = await host.ZoomClientAsync();
            var yearOld = await SandboxTestHost.GetAsync(later, "report/webinars/88901234567/participants");
            Assert.Equal(400, yearOld.Status);
            Assert.Equal(12702, yearOld.Body["code"].GetValue<int>());
        }

        [Fact]
        public async Task Absentees_AreApprovedRegistrantsWhoDidNotAttend()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var body = (await SandboxTestHost.GetAsync(zoom, "past_webinars/" + Twice("/ajXp112QmuoKj4854875==") + "/absentees")).Body;
            string[] emails = body["registrants"].AsArray().Select(r => r["email"].GetValue<string>()).ToArray();
            Assert.Equal(new[] { "sam.taylor@tailspin.example.net" }, emails);
            Assert.Equal(1, body["total_records"].GetValue<int>());

            var recurring = (await SandboxTestHost.GetAsync(zoom, "past_webinars/82345678901/absentees")).Body;
            Assert.Equal(new[] { "hannah.schmidt@contoso.example.org" }, recurring["registrants"].AsArray().Select(r => r["email"].GetValue<string>()).ToArray());
        }

        [Fact]
        public async Task Recordings_ByIdOrUuid_3301WhenNone()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, body, _) = await SandboxTestHost.GetAsync(zoom, "meetings/82345678901/recordings");
            Assert.Equal(200, status);
            Assert.Equal(82345678901, body["id"].GetValue<long>());
            Assert.Equal("9", body["type"].GetValue<string>());
            Assert.Equal(2, body["recording_count"].GetValue<int>());
            Assert.Equal(183000000 + host.Sandbox.Zoom.Instances(82345678901).Last().Recording.Files.Single(f => f.FileType == "TRANSCRIPT").FileSize, body["total_size"].GetValue<long>());
            Assert.Equal("MP4", body["recording_files"][0]["file_type"].GetValue<string>());
            Assert.Equal("completed", body["recording_files"][0]["status"].GetValue<string>());
            Assert.False(string.IsNullOrEmpty(body["share_url"].GetValue<string>()));

            string uuid = body["uuid"].GetValue<string>();
            string encoded = uuid.StartsWith("/") || uuid.Contains("//") ? Twice(uuid) : Uri.EscapeDataString(uuid);
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "meetings/" + encoded + "/recordings")).Status);

            var none = await SandboxTestHost.GetAsync(zoom, "meetings/81234567890/recordings");
            Assert.Equal(404, none.Status);
            Assert.Equal(3301, none.Body["code"].GetValue<int>());
            Assert.Equal("There is no recording for this meeting.", none.Body["message"].GetValue<string>());
        }

        [Fact]
        public async Task Routes_HaveFactsBuckets_AndWriteFlags()
        {
            using var host = SandboxTestHost.Create("empty");
            var routes = host.Sandbox.Routes.Where(r => r.Api != Http.SandboxApi.HubSpot).ToDictionary(r => r.Key);
            Assert.Equal("Medium", routes["GET /v2/webinars/{webinarId}/registrants"].Bucket);
            Assert.Equal("Light", routes["POST /v2/webinars/{webinarId}/registrants"].Bucket);
            Assert.Equal("Light", routes["GET /v2/webinars/{webinarId}"].Bucket);
            Assert.Equal("Medium", routes["GET /v2/past_webinars/{webinarId}/participants"].Bucket);
            Assert.Equal("Heavy", routes["GET /v2/past_webinars/{webinarId}/absentees"].Bucket);
            Assert.Equal("Heavy", routes["GET /v2/report/webinars/{webinarId}/participants"].Bucket);
            Assert.Equal("Heavy", routes["POST /v2/webinars/{webinarId}/batch_registrants"].Bucket);
            Assert.Equal("Light", routes["GET /v2/meetings/{meetingId}/recordings"].Bucket);
            Assert.Equal("Medium", routes["GET /v2/users"].Bucket);
            Assert.Equal("None", routes["POST /oauth/token"].Bucket);
            Assert.Equal("Light", routes["DELETE /v2/webinars/{webinarId}/registrants/{registrantId}"].Bucket);
            Assert.Equal("Light", routes["GET /v2/webinars/{webinarId}/polls"].Bucket);
            Assert.Equal("Medium", routes["GET /v2/past_webinars/{webinarId}/polls"].Bucket);
            Assert.Equal("Medium", routes["GET /v2/past_webinars/{webinarId}/qa"].Bucket);
            Assert.Equal("Heavy", routes["GET /v2/report/webinars/{webinarId}/polls"].Bucket);
            Assert.Equal("Heavy", routes["GET /v2/report/webinars/{webinarId}/qa"].Bucket);
            Assert.Equal(new[] { "DELETE /v2/webinars/{webinarId}/registrants/{registrantId}", "POST /v2/webinars/{webinarId}/batch_registrants", "POST /v2/webinars/{webinarId}/registrants", "PUT /v2/webinars/{webinarId}/registrants/status" },
                routes.Values.Where(r => r.IsWrite).Select(r => r.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());
        }

        [Fact]
        public async Task ConcurrentRegistrations_AreAllKept()
        {
            using var host = SandboxTestHost.Create(ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 10 }));
            HttpClient zoom = await host.ZoomClientAsync();
            var tasks = Enumerable.Range(0, 200).Select(i => SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, "webinars/89100000002/registrants",
                new { email = "c" + i + "@example.com", first_name = "C" })).ToArray();
            await Task.WhenAll(tasks);
            Assert.All(tasks, t => Assert.Equal(201, t.Result.Status));
            Assert.Equal(200, host.Sandbox.Zoom.Registrants(89100000002).Select(r => r.Id).Distinct().Count());
        }
    }
}
