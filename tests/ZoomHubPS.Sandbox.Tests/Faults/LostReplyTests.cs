using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Hosting;
using ZoomHubPS.Sandbox.Journal;
using ZoomHubPS.Sandbox.Limits;

namespace ZoomHubPS.Sandbox.Tests.Faults
{
    /// <summary>"Commit, then lose the reply": the write lands, the client sees a failure.</summary>
    public class LostReplyTests
    {
        private const string Upsert = "crm/v3/objects/contacts/batch/upsert";
        private const string Security = "webinars/83456789012/registrants";

        private static object TwoContacts => new
        {
            inputs = new[]
            {
                new { idProperty = "email", id = "lost.one@example.com", properties = new { firstname = "Lost" } },
                new { idProperty = "email", id = "lost.two@example.com", properties = new { firstname = "Also" } },
            },
        };

        private static object Registrant(string email) => new
        {
            email,
            first_name = "Emma",
            last_name = "Jones",
            org = "Fabrikam",
            custom_questions = new[] { new { title = "How did you hear about us?", value = "Email" } },
        };

        [Fact]
        public async Task AContactBatchUpsertWhoseReplyIsLostLeavesTheContactsInTheTwin()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().Add(FaultRule.For("POST /" + Upsert).LoseReply(LostReplyKind.Reset).Times(1)));

            HttpRequestException ex = await Assert.ThrowsAsync<HttpRequestException>(() => SandboxTestHost.SendJsonAsync(host.HubSpotClient(), HttpMethod.Post, Upsert, TwoContacts));

            Assert.IsType<System.IO.IOException>(ex.InnerException); // what a real reset looks like to HttpClient
            Assert.NotNull(host.Sandbox.HubSpot.ContactByEmail("lost.one@example.com"));
            Assert.NotNull(host.Sandbox.HubSpot.ContactByEmail("lost.two@example.com"));
            JournalEntry entry = host.Sandbox.Journal.Entries.Single();
            Assert.Equal((200, true, true, LostReplyKind.Reset, "LostReply"), (entry.Status, entry.Applied, entry.ReplyLost, entry.LostReply.Value, entry.Fault));
            Assert.Equal(1, host.Sandbox.Journal.CountWrites()); // the write landed
            Assert.Equal(1, host.Sandbox.Faults.SuccessfulWrites);

            // Sending it again is what a client does next: the upsert is idempotent, nothing is created twice.
            var again = await SandboxTestHost.SendJsonAsync(host.HubSpotClient(), HttpMethod.Post, Upsert, TwoContacts);
            Assert.Equal(200, again.Status);
            Assert.All(again.Body["results"].AsArray(), r => Assert.False((bool)r["new"]));
        }

        [Fact]
        public async Task AZoomRegistrantAddWhoseReplyIsLostBehindAGatewayLeavesTheRegistrant()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().Add(FaultRule.For("POST /v2/webinars/{webinarId}/registrants").LoseReply(LostReplyKind.GatewayTimeout).Times(1)));
            HttpClient zoom = await host.ZoomClientAsync();

            HttpResponseMessage lost = await zoom.PostAsync(Security, Json(Registrant("emma.jones@fabrikam.example.com")));

            Assert.Equal(504, (int)lost.StatusCode);
            Assert.Equal("text/html", lost.Content.Headers.ContentType.MediaType); // the gateway's page, not Zoom's JSON
            Assert.Contains("504 Gateway Time-out", await lost.Content.ReadAsStringAsync());
            Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, lost.Headers.Date.Value.UtcDateTime);
            Assert.NotNull(host.Sandbox.Zoom.Registrant(83456789012, "emma.jones@fabrikam.example.com"));
            JournalEntry entry = host.Sandbox.Journal.Entries.Last();
            Assert.Equal((201, true, LostReplyKind.GatewayTimeout), (entry.Status, entry.Applied, entry.LostReply.Value));
        }

        [Fact]
        public async Task ABadGatewayAfterCommitAnswers502WithTheGatewaysPage()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().Add(FaultRule.For("HubSpot").LoseReply(LostReplyKind.BadGateway).Times(1)));
            HttpResponseMessage lost = await host.HubSpotClient().PostAsync(Upsert, Json(TwoContacts));
            Assert.Equal(502, (int)lost.StatusCode);
            Assert.Contains("<title>502 Bad Gateway</title>", await lost.Content.ReadAsStringAsync());
            Assert.False(lost.Headers.Contains("X-HubSpot-RateLimit-Remaining")); // the API's headers were lost with its reply
            Assert.NotNull(host.Sandbox.HubSpot.ContactByEmail("lost.two@example.com"));
        }

        [Fact]
        public async Task AReplyThatNeverComesStillLeavesTheWriteAndEndsOnlyWhenTheCallerCancels()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().Add(FaultRule.For("POST /v2/webinars/{webinarId}/registrants").LoseReply(LostReplyKind.Timeout).Times(1)));
            HttpClient zoom = await host.ZoomClientAsync();
            using var cts = new CancellationTokenSource();

            Task<HttpResponseMessage> call = zoom.PostAsync(Security, Json(Registrant("noah.patel@contoso.example.org")), cts.Token);
            for (int i = 0; i < 200 && host.Sandbox.Zoom.Registrant(83456789012, "noah.patel@contoso.example.org") == null; i++) await Task.Delay(5);
            host.Clock.Advance(TimeSpan.FromDays(1)); // sandbox time passing does not end it
            await Task.Delay(20);

            Assert.False(call.IsCompleted);
            Assert.NotNull(host.Sandbox.Zoom.Registrant(83456789012, "noah.patel@contoso.example.org"));
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            Assert.Equal(LostReplyKind.Timeout, host.Sandbox.Journal.Entries.Last().LostReply);
        }

        [Fact]
        public async Task OverLoopbackTheConnectionIsAbortedAfterTheRouteRan()
        {
            using var sandbox = new ZoomHubSandbox(new SandboxOptions
            {
                Scenario = "demo",
                Clock = new FakeTimeProvider(SandboxTestHost.DefaultNow),
                Limits = LimitOptions.None,
                Faults = new FaultOptions().Add(FaultRule.For("POST /crm/v3/objects/contacts").LoseReply(LostReplyKind.Reset).Times(1)),
            });
            using var host = new LoopbackHost(sandbox);
            host.Start();
            using var hub = new HttpClient { BaseAddress = host.HubSpotUri, Timeout = TimeSpan.FromSeconds(10) };
            hub.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.Credentials.HubSpotToken);

            await Assert.ThrowsAsync<HttpRequestException>(() => hub.PostAsync("crm/v3/objects/contacts", Json(new { properties = new { email = "loop.lost@example.com" } })));

            HttpResponseMessage read = await hub.GetAsync("crm/v3/objects/contacts/loop.lost@example.com?idProperty=email");
            Assert.Equal(200, (int)read.StatusCode);
            Assert.True(sandbox.Journal.Entries.First().ReplyLost);
        }

        [Fact]
        public async Task ASweepLosesTheReplyOfEachWriteInTurnOnAFreshTwin()
        {
            // Three writes, reads in between: a sweep over i = 1..3 loses exactly the i-th write's reply, and every
            // write lands each time.
            const int Writes = 3;
            for (int i = 1; i <= Writes; i++)
            {
                using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions().LoseReplyOfWrite(i, LostReplyKind.Reset));
                HttpClient hub = host.HubSpotClient();
                int lost = 0;
                for (int w = 1; w <= Writes; w++)
                {
                    await SandboxTestHost.GetAsync(hub, "crm/v3/properties/contacts/groups"); // reads never count
                    await SandboxTestHost.SendJsonAsync(hub, HttpMethod.Post, "crm/v3/objects/contacts/search", new { limit = 1 }); // a POST that reads
                    try
                    {
                        await SandboxTestHost.SendJsonAsync(hub, HttpMethod.Post, "crm/v3/properties/contacts/groups", new { name = "sweep" + w, label = "Sweep " + w });
                    }
                    catch (HttpRequestException)
                    {
                        lost = w;
                    }
                }

                Assert.Equal(i, lost);
                Assert.Equal(Writes, host.Sandbox.Journal.CountWrites());
                Assert.Equal(1, host.Sandbox.Journal.Entries.Count(e => e.ReplyLost));
                Assert.All(Enumerable.Range(1, Writes), w => Assert.Contains(host.Sandbox.HubSpot.PropertyGroups, g => g.Name == "sweep" + w));
            }
        }

        [Fact]
        public async Task ARuleCanWaitForNWritesAndMatchWritesOnly()
        {
            using SandboxTestHost host = SandboxTestHost.Create("demo", o => o.Faults = new FaultOptions()
                .Add(FaultRule.For("HubSpot").OnlyWrites().AfterWrites(2).LoseReply(LostReplyKind.BadGateway)));
            HttpClient hub = host.HubSpotClient();
            Assert.Equal(201, (await SandboxTestHost.SendJsonAsync(hub, HttpMethod.Post, "crm/v3/properties/contacts/groups", new { name = "a", label = "A" })).Status);
            Assert.Equal(201, (await SandboxTestHost.SendJsonAsync(hub, HttpMethod.Post, "crm/v3/properties/contacts/groups", new { name = "b", label = "B" })).Status);
            Assert.Equal(200, (await SandboxTestHost.GetAsync(hub, "crm/v3/properties/contacts/groups")).Status);
            Assert.Equal(502, (int)(await hub.PostAsync("crm/v3/properties/contacts/groups", Json(new { name = "c", label = "C" }))).StatusCode);
            Assert.Equal(502, (int)(await hub.PostAsync("crm/v3/properties/contacts/groups", Json(new { name = "d", label = "D" }))).StatusCode);
            Assert.Equal(4, host.Sandbox.Journal.CountWrites());
        }

        private static StringContent Json(object body) => new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
    }
}
