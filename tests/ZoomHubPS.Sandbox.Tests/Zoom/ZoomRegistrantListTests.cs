using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Tests.Zoom
{
    public class ZoomRegistrantListTests
    {
        [Fact]
        public async Task List_DefaultsToApproved_ItemShape()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, body, _) = await SandboxTestHost.GetAsync(zoom, "webinars/81234567890/registrants");
            Assert.Equal(200, status);
            Assert.Equal(9, body["total_records"].GetValue<int>());
            Assert.Equal(30, body["page_size"].GetValue<int>());
            Assert.Equal(1, body["page_count"].GetValue<int>());
            Assert.Equal(1, body["page_number"].GetValue<int>());
            Assert.Equal("", body["next_page_token"].GetValue<string>());
            JsonNode ana = body["registrants"][0];
            Assert.Equal("Qp3hV0zRS5mLw1b2cD3eFg", ana["id"].GetValue<string>());
            Assert.Equal("Contoso", ana["org"].GetValue<string>());
            Assert.Equal("", ana["job_title"].GetValue<string>());
            Assert.Equal("approved", ana["status"].GetValue<string>());
            Assert.Equal("2026-10-20T14:03:11Z", ana["create_time"].GetValue<string>());
            Assert.Equal("Company size", ana["custom_questions"][0]["title"].GetValue<string>());
            Assert.Contains("?tk=", ana["join_url"].GetValue<string>());

            Assert.Equal("priyanka.das@contoso.example.org", (await SandboxTestHost.GetAsync(zoom, "webinars/81234567890/registrants?status=pending")).Body["registrants"][0]["email"].GetValue<string>());
            Assert.Equal("george.miller@fabrikam.example.com", (await SandboxTestHost.GetAsync(zoom, "webinars/81234567890/registrants?status=denied")).Body["registrants"][0]["email"].GetValue<string>());
        }

        [Fact]
        public async Task List_ByOccurrence_IncludesRegistrantsForAllOccurrences()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var body = (await SandboxTestHost.GetAsync(zoom, "webinars/82345678901/registrants?occurrence_id=1794927600000")).Body;
            string[] emails = body["registrants"].AsArray().Select(r => r["email"].GetValue<string>()).ToArray();
            Assert.Equal(new[] { "hannah.schmidt@contoso.example.org", "diego.alvarez@fabrikam.example.com", "li.wei@fabrikam.example.com" }, emails);
        }

        [Fact]
        public async Task List_PageSizeAbove300_IsValidationError()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, body, _) = await SandboxTestHost.GetAsync(zoom, "webinars/81234567890/registrants?page_size=301");
            Assert.Equal(400, status);
            Assert.Equal(300, body["code"].GetValue<int>());
            Assert.Equal("Validation Failed.", body["message"].GetValue<string>());
            Assert.Equal("page_size", body["errors"][0]["field"].GetValue<string>());
        }

        [Fact]
        public async Task Paging_WalksAllPages_TokenExpiresAfter15SandboxMinutes()
        {
            using var host = SandboxTestHost.Create(ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 700 }));
            HttpClient zoom = await host.ZoomClientAsync();
            var seen = new System.Collections.Generic.HashSet<string>();
            string token = "";
            int pages = 0;
            do
            {
                var body = (await SandboxTestHost.GetAsync(zoom, "webinars/89100000001/registrants?page_size=300&next_page_token=" + token)).Body;
                Assert.Equal(700, body["total_records"].GetValue<int>());
                Assert.Equal(3, body["page_count"].GetValue<int>());
                foreach (JsonNode r in body["registrants"].AsArray())
                {
                    seen.Add(r["id"].GetValue<string>());
                }

                token = body["next_page_token"].GetValue<string>();
                pages++;
            }
            while (token.Length > 0);
            Assert.Equal(3, pages);
            Assert.Equal(700, seen.Count);

            string second = (await SandboxTestHost.GetAsync(zoom, "webinars/89100000001/registrants?page_size=300")).Body["next_page_token"].GetValue<string>();
            host.Clock.Advance(TimeSpan.FromMinutes(14));
            Assert.Equal(200, (await SandboxTestHost.GetAsync(zoom, "webinars/89100000001/registrants?page_size=300&next_page_token=" + second)).Status);
            host.Clock.Advance(TimeSpan.FromMinutes(2));
            // Keep the Zoom token alive: only the page token should have expired.
            var (status, error, _) = await SandboxTestHost.GetAsync(zoom, "webinars/89100000001/registrants?page_size=300&next_page_token=" + second);
            Assert.Equal(400, status);
            Assert.Equal(300, error["code"].GetValue<int>());
            Assert.Equal("The next page token is invalid or expired.", error["message"].GetValue<string>());
        }

        [Fact]
        public async Task PageToken_OfAnotherList_IsInvalid()
        {
            using var host = SandboxTestHost.Create(ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 50 }));
            HttpClient zoom = await host.ZoomClientAsync();
            string token = (await SandboxTestHost.GetAsync(zoom, "webinars/89100000001/registrants?page_size=10")).Body["next_page_token"].GetValue<string>();
            Assert.Equal(400, (await SandboxTestHost.GetAsync(zoom, "webinars/89100000001/registrants?status=pending&page_size=10&next_page_token=" + token)).Status);
            Assert.Equal(400, (await SandboxTestHost.GetAsync(zoom, "webinars/89100000001/registrants?next_page_token=garbage")).Status);
        }

        [Fact]
        public async Task GetOne_AndMissing3079()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var one = await SandboxTestHost.GetAsync(zoom, "webinars/81234567890/registrants/Zx9aaB7cQyKq-1UuVvWwXx");
            Assert.Equal(200, one.Status);
            Assert.Equal("li.wei@fabrikam.example.com", one.Body["email"].GetValue<string>());

            var missing = await SandboxTestHost.GetAsync(zoom, "webinars/81234567890/registrants/doesNotExist");
            Assert.Equal(404, missing.Status);
            Assert.Equal(3079, missing.Body["code"].GetValue<int>());
        }

        [Fact]
        public async Task UpdateStatus_ApproveDenyCancel()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var approve = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Put, "webinars/81234567890/registrants/status",
                new { action = "approve", registrants = new[] { new { email = "PRIYANKA.DAS@contoso.example.org" } } });
            Assert.Equal(204, approve.Status);
            Assert.Equal("approved", host.Sandbox.Zoom.Registrant(81234567890, "priyanka.das@contoso.example.org").Status);

            var cancel = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Put, "webinars/81234567890/registrants/status",
                new { action = "cancel", registrants = new[] { new { id = "Qp3hV0zRS5mLw1b2cD3eFg" } } });
            Assert.Equal(204, cancel.Status);
            Assert.Equal("denied", host.Sandbox.Zoom.Registrant(81234567890, "ana.ruiz@contoso.example.org").Status);

            var bad = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Put, "webinars/81234567890/registrants/status",
                new { action = "archive", registrants = Enumerable.Range(0, 31).Select(i => new { id = "x" + i }).ToArray() });
            Assert.Equal(400, bad.Status);
            Assert.Equal(2, bad.Body["errors"].AsArray().Count);

            var off = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Put, "webinars/84567890123/registrants/status",
                new { action = "approve", registrants = new[] { new { id = "x" } } });
            Assert.Equal(400, off.Status);
            Assert.Equal(300, off.Body["code"].GetValue<int>());
        }
    }
}
