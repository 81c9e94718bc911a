using System;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ZoomHubPS.Sandbox.Hosting;
using ZoomHubPS.Sandbox.Limits;

namespace ZoomHubPS.Sandbox.Tests.Hosting
{
    public class LoopbackTargetTests
    {
        [Fact]
        public void TheHostHandsOutTheTwinsCredentials()
        {
            using var sandbox = new ZoomHubSandbox(new SandboxOptions { Scenario = "demo", Limits = LimitOptions.None });
            using var host = new LoopbackHost(sandbox);
            Assert.Same(sandbox, host.Sandbox);
            Assert.Same(sandbox.Credentials, host.Credentials);
            Assert.Null(host.ZoomApiUri); // not started yet
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task OriginAndAbsoluteFormTargetsReachTheSameRouteWithTheRawPath(bool absoluteForm)
        {
            using var sandbox = new ZoomHubSandbox(new SandboxOptions
            {
                Scenario = "demo",
                Clock = new FakeTimeProvider(SandboxTestHost.DefaultNow),
                Limits = LimitOptions.None,
            });
            using var host = new LoopbackHost(sandbox);
            host.Start();
            string path = "/crm/v3/objects/contacts/%252Fabc%253D%253D?properties=email";
            string target = absoluteForm ? host.BaseUri.GetLeftPart(UriPartial.Authority) + path : path;

            // A raw socket, so the request target goes out exactly as written (HttpClient always sends the origin form).
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(host.BaseUri.Host, host.BaseUri.Port);
            NetworkStream stream = tcp.GetStream();
            string head = "GET " + target + " HTTP/1.1\r\nHost: " + host.BaseUri.Authority + "\r\nAuthorization: Bearer "
                + sandbox.Credentials.HubSpotToken + "\r\nConnection: close\r\n\r\n";
            byte[] bytes = Encoding.ASCII.GetBytes(head);
            await stream.WriteAsync(bytes, 0, bytes.Length);
            stream.ReadTimeout = 10_000;
            string answer = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync();

            Assert.StartsWith("HTTP/1.1 404", answer); // no such contact, in HubSpot's error shape
            Assert.Equal(path, sandbox.Journal.Entries.Single().PathAndQuery);
            Assert.Equal("/crm/v3/objects/contacts/{contactId}", sandbox.Journal.Entries.Single().Route);
        }
    }
}
