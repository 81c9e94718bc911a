using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace ZoomHubPS.Sandbox.Tests.Zoom
{
    public class ZoomUserAndWebinarTests
    {
        [Fact]
        public async Task ListUsers_DefaultsToActive_FiltersByStatus()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, body, _) = await SandboxTestHost.GetAsync(zoom, "users");
            Assert.Equal(200, status);
            Assert.Equal(4, body["total_records"].GetValue<int>());
            Assert.Equal("", body["next_page_token"].GetValue<string>());
            JsonNode first = body["users"][0];
            Assert.Equal("KDcuGIm1QgePTO8WbOqwIQ", first["id"].GetValue<string>());
            Assert.Equal("maya.chen@northwind.example.com", first["email"].GetValue<string>());
            Assert.Equal(2, first["type"].GetValue<int>());

            Assert.Equal(1, (await SandboxTestHost.GetAsync(zoom, "users?status=inactive")).Body["total_records"].GetValue<int>());
            Assert.Equal(1, (await SandboxTestHost.GetAsync(zoom, "users?status=pending")).Body["total_records"].GetValue<int>());
        }

        [Fact]
        public async Task ListUsers_PageSizeAbove2000_IsValidationError_PagingWorks()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, body, _) = await SandboxTestHost.GetAsync(zoom, "users?page_size=2001");
            Assert.Equal(400, status);
            Assert.Equal(300, body["code"].GetValue<int>());
            Assert.Equal("page_size", body["errors"][0]["field"].GetValue<string>());

            var page1 = (await SandboxTestHost.GetAsync(zoom, "users?page_size=3")).Body;
            Assert.Equal(2, page1["page_count"].GetValue<int>());
            Assert.Equal(3, page1["users"].AsArray().Count);
            string token = page1["next_page_token"].GetValue<string>();
            var page2 = (await SandboxTestHost.GetAsync(zoom, "users?page_size=3&next_page_token=" + token)).Body;
            Assert.Single(page2["users"].AsArray());
            Assert.Equal("", page2["next_page_token"].GetValue<string>());
        }

        [Fact]
        public async Task GetUser_ByIdOrEmail_MeRefused_Missing1001()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Equal("Omar", (await SandboxTestHost.GetAsync(zoom, "users/OMAR.HADDAD@northwind.example.com")).Body["first_name"].GetValue<string>());
            Assert.Equal("maya.chen@northwind.example.com", (await SandboxTestHost.GetAsync(zoom, "users/KDcuGIm1QgePTO8WbOqwIQ")).Body["email"].GetValue<string>());

            var me = await SandboxTestHost.GetAsync(zoom, "users/me");
            Assert.Equal(400, me.Status);

            var missing = await SandboxTestHost.GetAsync(zoom, "users/nobody@example.com");
            Assert.Equal(404, missing.Status);
            Assert.Equal(1001, missing.Body["code"].GetValue<int>());
        }

        [Fact]
        public async Task UserWebinars_ScheduledHidesExpired_UpcomingOnlyFuture_ListItemShape()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var scheduled = (await SandboxTestHost.GetAsync(zoom, "users/maya.chen@northwind.example.com/webinars")).Body;
            long[] ids = scheduled["webinars"].AsArray().Select(w => w["id"].GetValue<long>()).ToArray();
            Assert.Contains(81234567890, ids);      // held two weeks ago: not expired yet
            Assert.Contains(82345678901, ids);      // recurring, still running
            Assert.DoesNotContain(88901234567, ids); // held in April: expired
            JsonObject item = scheduled["webinars"][0].AsObject();
            Assert.Equal(new[] { "agenda", "created_at", "duration", "host_id", "id", "is_simulive", "join_url", "start_time", "timezone", "topic", "type", "uuid" },
                item.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());

            var upcoming = (await SandboxTestHost.GetAsync(zoom, "users/maya.chen@northwind.example.com/webinars?type=upcoming")).Body;
            long[] upcomingIds = upcoming["webinars"].AsArray().Select(w => w["id"].GetValue<long>()).ToArray();
            Assert.DoesNotContain(81234567890, upcomingIds);
            Assert.Contains(83456789012, upcomingIds);
            Assert.Contains(82345678901, upcomingIds);
        }

        [Fact]
        public async Task GetWebinar_FullObject_RegistrationUrlOnlyWithRegistration()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, w, _) = await SandboxTestHost.GetAsync(zoom, "webinars/83456789012");
            Assert.Equal(200, status);
            Assert.Equal(83456789012, w["id"].GetValue<long>());
            Assert.Equal("maya.chen@northwind.example.com", w["host_email"].GetValue<string>());
            Assert.Equal(5, w["type"].GetValue<int>());
            Assert.Equal("2026-12-03T17:00:00Z", w["start_time"].GetValue<string>());
            Assert.Equal(90, w["duration"].GetValue<int>());
            Assert.Equal(0, w["settings"]["approval_type"].GetValue<int>());
            Assert.Contains("/webinar/register/WN_", w["registration_url"].GetValue<string>());
            Assert.Null(w["occurrences"]);

            var open = (await SandboxTestHost.GetAsync(zoom, "webinars/84567890123")).Body;
            Assert.Equal(2, open["settings"]["approval_type"].GetValue<int>());
            Assert.Null(open["registration_url"]);
        }

        [Fact]
        public async Task GetWebinar_Recurring_ListsUpcomingOccurrences_OrAllWhenAsked_AndAcceptsUuid()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var w = (await SandboxTestHost.GetAsync(zoom, "webinars/82345678901")).Body;
            Assert.Equal(9, w["type"].GetValue<int>());
            Assert.Equal(3, w["settings"]["registration_type"].GetValue<int>());
            Assert.Equal(2, w["occurrences"].AsArray().Count);
            Assert.Equal("1795532400000", w["occurrences"][0]["occurrence_id"].GetValue<string>());
            Assert.Equal("available", w["occurrences"][0]["status"].GetValue<string>());

            var all = (await SandboxTestHost.GetAsync(zoom, "webinars/82345678901?show_previous_occurrences=true")).Body;
            Assert.Equal(5, all["occurrences"].AsArray().Count);

            string uuid = host.Sandbox.Zoom.Instances(81234567890)[1].Uuid; // contains "//": double-encode
            var byUuid = await SandboxTestHost.GetAsync(zoom, "webinars/" + Uri.EscapeDataString(Uri.EscapeDataString(uuid)));
            Assert.Equal(200, byUuid.Status);
            Assert.Equal(81234567890, byUuid.Body["id"].GetValue<long>());
        }

        [Theory]
        [InlineData("webinars/99999999999", 404, 3001)]
        [InlineData("webinars/not-an-id", 400, 300)]
        public async Task GetWebinar_Errors(string path, int status, int code)
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var response = await SandboxTestHost.GetAsync(zoom, path);
            Assert.Equal(status, response.Status);
            Assert.Equal(code, response.Body["code"].GetValue<int>());
        }

        [Fact]
        public async Task QuestionsAndPanelists()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var q = (await SandboxTestHost.GetAsync(zoom, "webinars/83456789012/registrants/questions")).Body;
            Assert.Equal("last_name", q["questions"][0]["field_name"].GetValue<string>());
            Assert.True(q["questions"][0]["required"].GetValue<bool>());
            JsonNode custom = q["custom_questions"][0];
            Assert.Equal("How did you hear about us?", custom["title"].GetValue<string>());
            Assert.Equal("single_dropdown", custom["type"].GetValue<string>());
            Assert.True(custom["required"].GetValue<bool>());
            Assert.Equal(4, custom["answers"].AsArray().Count);

            var off = await SandboxTestHost.GetAsync(zoom, "webinars/84567890123/registrants/questions");
            Assert.Equal(400, off.Status);
            Assert.Equal(3000, off.Body["code"].GetValue<int>());

            var p = (await SandboxTestHost.GetAsync(zoom, "webinars/83456789012/panelists")).Body;
            Assert.Equal(2, p["total_records"].GetValue<int>());
            Assert.Equal("dana.white@partner.example.com", p["panelists"][1]["email"].GetValue<string>());
            Assert.StartsWith("https://", p["panelists"][1]["join_url"].GetValue<string>());
        }
    }
}
