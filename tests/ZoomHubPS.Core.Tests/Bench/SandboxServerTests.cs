using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipes;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Bench;

namespace ZoomHubPS.Core.Tests.Bench
{
    /// <summary>
    /// The bench's sandbox process protocol (what a real benchmark run talks to over stdin/stdout), served on in-process
    /// pipes: the ready line, the journal, clear, attended, an unknown command, and the end of input.
    /// </summary>
    public class SandboxServerTests
    {
        [Fact]
        public async Task TheSandboxServerAnswersEveryCommandOfItsProtocol()
        {
            using var toServer = new AnonymousPipeServerStream(PipeDirection.Out);
            using var serverIn = new AnonymousPipeClientStream(PipeDirection.In, toServer.ClientSafePipeHandle);
            using var fromServer = new AnonymousPipeServerStream(PipeDirection.In);
            using var serverOut = new AnonymousPipeClientStream(PipeDirection.Out, fromServer.ClientSafePipeHandle);
            var send = new StreamWriter(toServer) { AutoFlush = true };
            var receive = new StreamReader(fromServer);
            var options = new BenchOptions { Sizes = new List<int> { 200 }, LatencyMs = 0, JitterMs = 0 };
            Task<int> server = Task.Run(() => SandboxServer.RunAsync(options, new StreamReader(serverIn), new StreamWriter(serverOut) { AutoFlush = true }));

            SandboxServer.Ready ready = JsonSerializer.Deserialize<SandboxServer.Ready>(await receive.ReadLineAsync());
            Assert.Equal(200, ready.Plan.Size);
            Assert.NotEqual(ready.Plan.PastWebinarId, ready.Plan.UpcomingWebinarId);
            Assert.Contains(ready.Plan.SyncMinimum, r => r.Route == "POST /crm/v3/objects/contacts/batch/upsert" && r.Minimum > 0);

            using (var http = new HttpClient { BaseAddress = new Uri(ready.Endpoint.HubSpotUri) })
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ready.Endpoint.HubSpotToken);
                HttpResponseMessage details = await http.GetAsync("account-info/v3/details");
                Assert.True(details.IsSuccessStatusCode);
            }

            await send.WriteLineAsync("journal");
            List<JournalCount> journal = JsonSerializer.Deserialize<List<JournalCount>>(await receive.ReadLineAsync());
            JournalCount row = Assert.Single(journal);
            Assert.Equal(("GET /account-info/v3/details", "HubSpot", 200, false, 1), (row.Route, row.Api, row.Status, row.IsWrite, row.Count));

            await send.WriteLineAsync("clear");
            Assert.Equal("ok", await receive.ReadLineAsync());
            await send.WriteLineAsync("journal");
            Assert.Equal("[]", await receive.ReadLineAsync());

            HashSet<string> attended = RequestMinimum.Attendees(BenchRunner.ScenarioFor(200));
            string someone = attended.First();
            await send.WriteLineAsync("attended " + JsonSerializer.Serialize(new[] { someone, "nobody@bench.example.com" }));
            Assert.Equal(new[] { someone }, JsonSerializer.Deserialize<List<string>>(await receive.ReadLineAsync()));

            await send.WriteLineAsync("attended not-json");
            Assert.StartsWith("error ", await receive.ReadLineAsync());
            await send.WriteLineAsync("shutdown-please");
            Assert.Equal("error unknown command 'shutdown-please'", await receive.ReadLineAsync());

            toServer.Dispose(); // the client went away: the server stops
            Assert.Equal(0, await server.WaitAsync(TimeSpan.FromSeconds(30)));
        }
    }
}
