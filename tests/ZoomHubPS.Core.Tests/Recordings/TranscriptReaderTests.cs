using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.Recordings;

namespace ZoomHubPS.Core.Tests.Recordings
{
    /// <summary>
    /// Transcript downloads against the twin: the token travels in the header to Zoom's host only, the 302 to the
    /// signed file URL is followed without it, and every problem is one typed error naming the reason.
    /// </summary>
    public class TranscriptReaderTests
    {
        private const long Onboarding = 82345678901;
        private const long Holiday = 85678901234;

        /// <summary>Sees every request the connection sends (headers included) before the twin does.</summary>
        private sealed class Spy : DelegatingHandler
        {
            public Spy(HttpMessageHandler inner) : base(inner) { }

            public List<(Uri Uri, string Authorization)> Sent { get; } = new List<(Uri, string)>();

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                lock (Sent) Sent.Add((request.RequestUri, request.Headers.Authorization?.ToString()));
                return base.SendAsync(request, cancellationToken);
            }
        }

        private static async Task<(CoreTestHost Host, Spy Spy)> HostAsync()
        {
            Spy spy = null;
            CoreTestHost host = await CoreTestHost.CreateAsync("demo", configureConnection: o => o.Handler = spy = new Spy(o.Handler));
            spy.Sent.Clear();
            return (host, spy);
        }

        private static string Instance(CoreTestHost host, long webinarId, int index) => host.Sandbox.Zoom.Instances(webinarId).OrderBy(i => i.StartTime).ElementAt(index).Uuid;

        [Fact]
        public async Task DownloadsTheTranscriptWithTheTokenInTheHeaderAndFollowsTheRedirectWithoutIt()
        {
            var (host, spy) = await HostAsync();
            using (host)
            {
                WebinarTranscript transcript = await new TranscriptReader(host.Connection).ReadAsync(Onboarding, Instance(host, Onboarding, 2));
                TranscriptCue[] cues = transcript.Cues().ToArray();

                Assert.Equal(7, cues.Length);
                Assert.All(cues, c => Assert.Equal(Onboarding, c.WebinarId));
                Assert.Equal("Diego Álvarez", cues[2].Speaker);
                Assert.Contains("Sorry, in English", cues[2].Text);
                Assert.Null(cues[4].Speaker);
                Assert.Contains("谢谢", cues[5].Text);
                Assert.StartsWith("WEBVTT", transcript.Text);

                // One recording read, the download (Bearer, no token in the query), the file host (no Authorization at all).
                Assert.Equal(3, spy.Sent.Count);
                var download = spy.Sent.Single(s => s.Uri.AbsolutePath.StartsWith("/rec/download/", StringComparison.Ordinal));
                Assert.StartsWith("Bearer ", download.Authorization);
                Assert.DoesNotContain("access_token", download.Uri.Query);
                var file = spy.Sent.Single(s => s.Uri.AbsolutePath.StartsWith("/cmr/replay/", StringComparison.Ordinal));
                Assert.Null(file.Authorization);
                Assert.NotEqual(download.Uri.Host, file.Uri.Host);
            }
        }

        [Fact]
        public async Task ATranscriptNotReadyYetIsOneTypedErrorWithoutADownload()
        {
            var (host, spy) = await HostAsync();
            using (host)
            {
                var ex = await Assert.ThrowsAsync<ZoomHubTranscriptUnavailableException>(() => new TranscriptReader(host.Connection).ReadAsync(Onboarding, Instance(host, Onboarding, 1)));
                Assert.Equal(TranscriptProblem.NotListed, ex.Reason);
                Assert.Contains("try again later", ex.Message);
                Assert.Single(spy.Sent);
            }
        }

        [Fact]
        public async Task ZoomsHtmlRefusalPageIsARefusalNotATranscript()
        {
            var (host, _) = await HostAsync();
            using (host)
            {
                var ex = await Assert.ThrowsAsync<ZoomHubTranscriptUnavailableException>(() => new TranscriptReader(host.Connection).ReadAsync(Holiday, null));
                Assert.Equal(TranscriptProblem.DownloadRefused, ex.Reason);
                Assert.Contains("Only the host can download", ex.Message);
            }
        }

        [Fact]
        public async Task AnInstanceWithoutARecordingIsZoomsNotFound()
        {
            var (host, _) = await HostAsync();
            using (host)
            {
                var ex = await Assert.ThrowsAsync<ZoomHubApiException>(() => new TranscriptReader(host.Connection).ReadAsync(81234567890, "kT9a//Hq3RmeXo7B2lPzVg=="));
                Assert.Equal(ErrorKind.NotFound, ex.Kind);
                Assert.Equal(3301, ex.ZoomCode);
            }
        }

        [Fact]
        public async Task TheTokenIsNeverSentToAHostOutsideZoom()
        {
            var (host, spy) = await HostAsync();
            using (host)
            {
                await Assert.ThrowsAsync<ArgumentException>(() => host.Connection.Zoom.Recordings.DownloadAsync("https://files.example.com/rec/download/abc"));
                await Assert.ThrowsAsync<ArgumentException>(() => host.Connection.Zoom.Recordings.DownloadAsync("http://zoom.sandbox.zoomhub.invalid/rec/download/abc"));
                Assert.Empty(spy.Sent);
            }
        }
    
        [Theory]
        [InlineData("https://api.zoom.us/v2/", "https://us06web.zoom.us/rec/download/abc", true)]
        [InlineData("https://api.zoom.us/v2/", "https://zoom.us/rec/download/abc", true)]
        [InlineData("https://api.zoom.us/v2/", "http://us06web.zoom.us/rec/download/abc", false)]   // plain HTTP
        [InlineData("https://api.zoom.us/v2/", "https://zoom.us.example.com/rec/download/abc", false)]
        [InlineData("https://api.zoom.us/v2/", "https://evilzoom.us/rec/download/abc", false)]
        [InlineData("https://api.zoomgov.com/v2/", "https://zoomgov.com/rec/download/abc", true)]
        [InlineData("http://127.0.0.1:5123/v2/", "http://127.0.0.1:5123/rec/download/abc", true)]  // a loopback sandbox
        [InlineData("http://127.0.0.1:5123/v2/", "https://10.0.0.1/rec/download/abc", false)]      // an IP has no domain to share
        public void TheTokenGoesOnlyToTheApisHostOrItsDomain(string apiBase, string downloadUrl, bool trusted)
        {
            if (trusted) Assert.Equal(new Uri(downloadUrl), RecordingDownload.Trusted(new Uri(apiBase), downloadUrl));
            else Assert.Throws<ArgumentException>(() => RecordingDownload.Trusted(new Uri(apiBase), downloadUrl));
        }
    }
}
