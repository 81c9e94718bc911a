using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace ZoomHubPS.Sandbox.Tests.Zoom
{
    /// <summary><c>GET /users/{userId}/recordings</c> (FACTS §B): a host's recordings by date range.</summary>
    public class ZoomUserRecordingTests
    {
        private const string Maya = "users/maya.chen@northwind.example.com/recordings";

        [Fact]
        public async Task AHostsRecordingsInTheRange_NewestFirst_WithoutShareUrlOrPassword()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, body, _) = await SandboxTestHost.GetAsync(zoom, Maya + "?from=2026-11-01&to=2026-11-20");

            Assert.Equal(200, status);
            Assert.Equal("2026-11-01", body["from"].GetValue<string>());
            Assert.Equal("2026-11-20", body["to"].GetValue<string>());
            Assert.Equal(3, body["total_records"].GetValue<int>());
            JsonArray meetings = body["meetings"].AsArray();
            Assert.Equal(new[] { "2026-11-17T15:00:00Z", "2026-11-10T15:00:00Z", "2026-11-05T16:00:00Z" }, meetings.Select(m => m["start_time"].GetValue<string>()).ToArray());
            Assert.All(meetings, m =>
            {
                Assert.Null(m["share_url"]);
                Assert.Null(m["password"]);
                Assert.Null(m["participant_audio_files"]);
                Assert.NotNull(m["recording_files"]);
            });
            Assert.Equal(0, (await SandboxTestHost.GetAsync(zoom, "users/lena.ortiz@agency.example.net/recordings?from=2026-11-01&to=2026-11-13")).Body["total_records"].GetValue<int>());
            Assert.Equal(1, (await SandboxTestHost.GetAsync(zoom, "users/lena.ortiz@agency.example.net/recordings?from=2026-11-14&to=2026-11-14")).Body["total_records"].GetValue<int>());
        }

        [Fact]
        public async Task WithoutDates_TheRangeIsToday_AndAFutureToReadsAsToday()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            JsonNode body = (await SandboxTestHost.GetAsync(zoom, Maya)).Body;
            Assert.Equal("2026-11-20", body["from"].GetValue<string>());
            Assert.Equal("2026-11-20", body["to"].GetValue<string>());
            Assert.Empty(body["meetings"].AsArray());
            Assert.Equal("2026-11-20", (await SandboxTestHost.GetAsync(zoom, Maya + "?from=2026-11-17&to=2026-12-01")).Body["to"].GetValue<string>());
        }

        [Fact]
        public async Task PagesOfAtMost300_FollowTheNextPageToken()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            JsonNode first = (await SandboxTestHost.GetAsync(zoom, Maya + "?from=2026-11-01&to=2026-11-20&page_size=2")).Body;
            Assert.Equal(2, first["meetings"].AsArray().Count);
            string token = first["next_page_token"].GetValue<string>();
            JsonNode second = (await SandboxTestHost.GetAsync(zoom, Maya + "?from=2026-11-01&to=2026-11-20&page_size=2&next_page_token=" + token)).Body;
            Assert.Single(second["meetings"].AsArray());
            Assert.Equal("", second["next_page_token"].GetValue<string>());
            Assert.Equal(400, (await SandboxTestHost.GetAsync(zoom, Maya + "?page_size=301")).Status);
        }

        [Theory]
        [InlineData("?from=2026-10-01&to=2026-11-20")]
        [InlineData("?from=2026-11-20&to=2026-11-01")]
        [InlineData("?from=20261101")]
        public async Task MoreThanAMonth_ABackwardRange_OrABadDate_Is400Code300(string query)
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, body, _) = await SandboxTestHost.GetAsync(zoom, Maya + query);
            Assert.Equal(400, status);
            Assert.Equal(300, body["code"].GetValue<int>());
        }

        [Fact]
        public async Task AnUnknownUser_Is404Code1001_AndTheRouteIsMedium()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, body, _) = await SandboxTestHost.GetAsync(zoom, "users/nobody@example.com/recordings");
            Assert.Equal(404, status);
            Assert.Equal(1001, body["code"].GetValue<int>());
            Assert.Equal("Medium", host.Sandbox.Routes.Single(r => r.Key == "GET /v2/users/{userId}/recordings").Bucket);
            Assert.Equal("None", host.Sandbox.Routes.Single(r => r.Key == "GET /rec/download/{downloadKey}").Bucket);
        }
    }
}
