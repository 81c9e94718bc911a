using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Tests.Zoom
{
    public class ZoomRegistrationTests
    {
        private const string Security = "webinars/83456789012/registrants";

        private static object Complete(string email) => new
        {
            email,
            first_name = "Noah",
            last_name = "Patel",
            org = "Contoso",
            custom_questions = new[] { new { title = "How did you hear about us?", value = "Partner" } },
        };

        [Fact]
        public async Task Add_Returns201Shape_WithPersonalJoinUrl()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, body, _) = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, Security, Complete("noah.patel@contoso.example.org"));
            Assert.Equal(201, status);
            Assert.Equal(83456789012, body["id"].GetValue<long>());
            Assert.Equal("Security deep dive", body["topic"].GetValue<string>());
            Assert.Equal("2026-12-03T17:00:00Z", body["start_time"].GetValue<string>());
            Assert.Empty(body["occurrences"].AsArray());
            var registrant = host.Sandbox.Zoom.Registrant(83456789012, "noah.patel@contoso.example.org");
            Assert.Equal(registrant.Id, body["registrant_id"].GetValue<string>());
            Assert.Equal(registrant.JoinUrl, body["join_url"].GetValue<string>());
            Assert.Equal("approved", registrant.Status);
            Assert.Equal("Partner", registrant.CustomQuestions.Single().Value);
        }

        [Fact]
        public async Task Add_Duplicate_CaseInsensitive_ReturnsExisting()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var first = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, Security, Complete("noah.patel@contoso.example.org"));
            var again = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, Security, Complete("Noah.Patel@CONTOSO.example.org"));
            Assert.Equal(201, again.Status);
            Assert.Equal(first.Body["registrant_id"].GetValue<string>(), again.Body["registrant_id"].GetValue<string>());
            Assert.Equal(first.Body["join_url"].GetValue<string>(), again.Body["join_url"].GetValue<string>());
            Assert.Equal(2, host.Sandbox.Zoom.Registrants(83456789012).Count);
        }

        [Fact]
        public async Task Add_MissingRequiredFieldsAndCustomQuestion_NamesEach()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, body, _) = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, Security, new { email = "emma.jones@fabrikam.example.com", first_name = "Emma" });
            Assert.Equal(400, status);
            Assert.Equal(300, body["code"].GetValue<int>());
            Assert.Equal("Validation Failed.", body["message"].GetValue<string>());
            string[] fields = body["errors"].AsArray().Select(e => e["field"].GetValue<string>()).ToArray();
            Assert.Equal(new[] { "last_name", "org", "How did you hear about us?" }, fields);
        }

        [Fact]
        public async Task Add_MissingEmailAndFirstName_AreValidationErrors()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, body, _) = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, Security, new { last_name = "X" });
            Assert.Equal(400, status);
            Assert.Equal(new[] { "email", "first_name" }, body["errors"].AsArray().Select(e => e["field"].GetValue<string>()).ToArray());
        }

        [Theory]
        [InlineData("webinars/83456789012/registrants", "maya.chen@northwind.example.com", 400, 3027)]
        [InlineData("webinars/83456789012/registrants", "dana.white@partner.example.com", 400, 3000)]
        [InlineData("webinars/84567890123/registrants", "emma.jones@fabrikam.example.com", 400, 3000)]
        [InlineData("webinars/87890123456/registrants", "emma.jones@fabrikam.example.com", 400, 3000)]
        [InlineData("webinars/81234567890/registrants", "emma.jones@fabrikam.example.com", 400, 3038)]
        [InlineData("webinars/99999999999/registrants", "emma.jones@fabrikam.example.com", 404, 3001)]
        [InlineData("webinars/abc/registrants", "emma.jones@fabrikam.example.com", 400, 300)]
        public async Task Add_DocumentedErrors(string path, string email, int status, int code)
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var response = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, path, Complete(email));
            Assert.Equal(status, response.Status);
            Assert.Equal(code, response.Body["code"].GetValue<int>());
        }

        [Fact]
        public async Task Add_ManualApproval_IsPending_CapacityGives3043()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var fifth = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, "webinars/86789012345/registrants", new { email = "emma.jones@fabrikam.example.com", first_name = "Emma" });
            Assert.Equal(201, fifth.Status);
            Assert.Equal("pending", host.Sandbox.Zoom.Registrant(86789012345, "emma.jones@fabrikam.example.com").Status);

            var sixth = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, "webinars/86789012345/registrants", new { email = "lucas.martin@contoso.example.org", first_name = "Lucas" });
            Assert.Equal(400, sixth.Status);
            Assert.Equal(3043, sixth.Body["code"].GetValue<int>());
        }

        [Fact]
        public async Task Add_Recurring_ForChosenOccurrences()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, body, _) = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, "webinars/82345678901/registrants?occurrence_ids=1796137200000",
                new { email = "emma.jones@fabrikam.example.com", first_name = "Emma" });
            Assert.Equal(201, status);
            Assert.Equal("1796137200000", body["occurrences"].AsArray().Single()["occurrence_id"].GetValue<string>());
            Assert.Equal("2026-12-01T15:00:00Z", body["start_time"].GetValue<string>());

            var past = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, "webinars/82345678901/registrants?occurrence_ids=1793718000000",
                new { email = "lucas.martin@contoso.example.org", first_name = "Lucas" });
            Assert.Equal(3038, past.Body["code"].GetValue<int>());
        }

        [Fact]
        public async Task DailyLimit_ThreePerRegistrantEmail_ResetsAtMidnightUtc()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(201, (await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, Security, Complete("noah.patel@contoso.example.org"))).Status);
            }

            var (status, body, response) = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, Security, Complete("noah.patel@contoso.example.org"));
            Assert.Equal(429, status);
            Assert.Equal(429, body["code"].GetValue<int>());
            Assert.Equal("You have exceeded the daily rate limit of (3) for Add a webinar registrant API requests for the registrant (noah.patel@contoso.example.org). You can resume these API requests at GMT 00:00:00.",
                body["message"].GetValue<string>());
            Assert.Equal("2026-11-21T00:00:00Z", response.Headers.GetValues("Retry-After").Single());

            // Batch attempts count against the same per-email counter.
            var batch = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, "webinars/86789012345/batch_registrants",
                new { registrants = new[] { new { email = "noah.patel@contoso.example.org", first_name = "Noah" } } });
            Assert.Equal(429, batch.Status);

            host.Clock.Advance(TimeSpan.FromHours(12)); // 2026-11-21T00:00Z
            HttpClient fresh = await host.ZoomClientAsync();
            Assert.Equal(201, (await SandboxTestHost.SendJsonAsync(fresh, HttpMethod.Post, Security, Complete("noah.patel@contoso.example.org"))).Status);
            Assert.Equal(1, host.Sandbox.Zoom.RegistrationRequestsToday("noah.patel@contoso.example.org"));
        }

        [Fact]
        public async Task Batch_Registers_ReturnsShape_DuplicateGivesExisting()
        {
            using var host = SandboxTestHost.Create(ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 10 }));
            HttpClient zoom = await host.ZoomClientAsync();
            var people = Enumerable.Range(0, 30).Select(i => new { email = "batch" + i + "@example.com", first_name = "B" + i, last_name = "Person" }).ToArray();
            var (status, body, _) = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, "webinars/89100000002/batch_registrants", new { auto_approve = true, registrants = people });
            Assert.Equal(201, status);
            JsonArray results = body["registrants"].AsArray();
            Assert.Equal(30, results.Count);
            Assert.Equal("batch0@example.com", results[0]["email"].GetValue<string>());
            Assert.False(string.IsNullOrEmpty(results[0]["registrant_id"].GetValue<string>()));
            Assert.Contains("?tk=", results[0]["join_url"].GetValue<string>());

            var again = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, "webinars/89100000002/batch_registrants", new { registrants = people.Take(1).ToArray() });
            Assert.Equal(results[0]["registrant_id"].GetValue<string>(), again.Body["registrants"][0]["registrant_id"].GetValue<string>());
            Assert.Equal(30, host.Sandbox.Zoom.Registrants(89100000002).Count);
        }

        [Fact]
        public async Task Batch_Rules_MaxThirty_Type5Only_HostRejected_RequiredQuestionsRejected()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var tooMany = Enumerable.Range(0, 31).Select(i => new { email = "p" + i + "@example.com", first_name = "P" }).ToArray();
            Assert.Equal(400, (await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, "webinars/86789012345/batch_registrants", new { registrants = tooMany })).Status);

            var recurring = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, "webinars/82345678901/batch_registrants", new { registrants = tooMany.Take(1).ToArray() });
            Assert.Equal(400, recurring.Status);

            var withHost = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, "webinars/86789012345/batch_registrants",
                new { registrants = new[] { new { email = "maya.chen@northwind.example.com", first_name = "Maya" } } });
            Assert.Equal(3027, withHost.Body["code"].GetValue<int>());

            var required = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, "webinars/83456789012/batch_registrants",
                new { registrants = new[] { new { email = "emma.jones@fabrikam.example.com", first_name = "Emma", last_name = "Jones" } } });
            Assert.Equal(400, required.Status);
            Assert.Equal(new[] { "org", "How did you hear about us?" }, required.Body["errors"].AsArray().Select(e => e["field"].GetValue<string>()).ToArray());
        }
    }
}
