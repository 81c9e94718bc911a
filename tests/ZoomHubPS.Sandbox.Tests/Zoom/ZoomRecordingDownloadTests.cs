using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox.Hosting;
using ZoomHubPS.Sandbox.Limits;

namespace ZoomHubPS.Sandbox.Tests.Zoom
{
    /// <summary>Recording downloads and transcripts (FACTS §B): auth rules, the redirect, the HTML refusal, real WebVTT.</summary>
    public class ZoomRecordingDownloadTests
    {
        private static async Task<string> DownloadUrlAsync(HttpClient zoom, string path, string fileType)
        {
            JsonNode body = (await SandboxTestHost.GetAsync(zoom, path)).Body;
            return body["recording_files"].AsArray().Single(f => f["file_type"].GetValue<string>() == fileType)["download_url"].GetValue<string>();
        }

        private static Task<HttpResponseMessage> GetAsync(SandboxTestHost host, string url, string bearer)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (bearer != null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            }

            return host.Http.SendAsync(request);
        }

        [Fact]
        public async Task WithTheAccountsToken_TheDownloadRedirectsToASignedFileUrl_ThatServesTheVtt()
        {
            using var host = SandboxTestHost.Create("demo");
            string token = await host.GetZoomTokenAsync();
            HttpClient zoom = await host.ZoomClientAsync();
            string url = await DownloadUrlAsync(zoom, "meetings/82345678901/recordings", "TRANSCRIPT");
            Assert.StartsWith("https://zoom.sandbox.zoomhub.invalid/rec/download/", url);

            HttpResponseMessage redirect = await GetAsync(host, url, token);
            Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
            Uri location = redirect.Headers.Location;
            Assert.True(location.IsAbsoluteUri);
            Assert.NotEqual(new Uri(url).Host, location.Host);

            // The signed URL needs no Authorization: redirect-following clients drop it across hosts.
            HttpResponseMessage file = await GetAsync(host, location.ToString(), null);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("text/vtt", file.Content.Headers.ContentType.MediaType);
            Assert.EndsWith(".transcript.vtt\"", file.Content.Headers.ContentDisposition?.ToString() ?? file.Content.Headers.GetValues("Content-Disposition").Single());
            string vtt = await file.Content.ReadAsStringAsync();
            var transcript = host.Sandbox.Zoom.Instances(82345678901).Last().Recording.Files.Single(f => f.FileType == "TRANSCRIPT");
            Assert.Equal(transcript.Content, vtt);
            Assert.Equal(transcript.FileSize, Encoding.UTF8.GetByteCount(vtt));
        }

        [Fact]
        public async Task ATokenInTheQueryString_Fails_WithCode124()
        {
            using var host = SandboxTestHost.Create("demo");
            string token = await host.GetZoomTokenAsync();
            string url = await DownloadUrlAsync(await host.ZoomClientAsync(), "meetings/82345678901/recordings", "MP4");

            foreach (HttpResponseMessage refused in new[]
            {
                await GetAsync(host, url + "?access_token=" + token, null),
                await GetAsync(host, url + "?access_token=" + token, token),
                await GetAsync(host, url, null),
                await GetAsync(host, url, "not-a-token"),
            })
            {
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
                JsonNode body = await SandboxTestHost.ReadJsonAsync(refused);
                Assert.Equal(124, body["code"].GetValue<int>());
                Assert.Equal("Invalid access token.", body["message"].GetValue<string>());
            }
        }

        [Fact]
        public async Task TheDownloadAccessToken_OpensItsOwnInstance_UntilItsTtlRunsOut()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            JsonNode own = (await SandboxTestHost.GetAsync(zoom, "meetings/82345678901/recordings?include_fields=download_access_token&ttl=600")).Body;
            string downloadToken = own["download_access_token"].GetValue<string>();
            string ownFile = own["recording_files"][0]["download_url"].GetValue<string>();
            string otherFile = await DownloadUrlAsync(zoom, ZoomRecordingTests.Path(ZoomRecordingTests.QuarterlyFirst), "MP4");

            Assert.Equal(HttpStatusCode.Found, (await GetAsync(host, ownFile, downloadToken)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(host, otherFile, downloadToken)).StatusCode);

            host.Clock.Advance(TimeSpan.FromSeconds(601));
            Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(host, ownFile, downloadToken)).StatusCode);
        }

        [Fact]
        public async Task ARefusedDownload_Answers200WithAnHtmlPage()
        {
            using var host = SandboxTestHost.Create("demo");
            string token = await host.GetZoomTokenAsync();
            string url = await DownloadUrlAsync(await host.ZoomClientAsync(), "meetings/85678901234/recordings", "TRANSCRIPT");

            HttpResponseMessage refused = await GetAsync(host, url, token);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal("text/html", refused.Content.Headers.ContentType.MediaType);
            Assert.Contains("Only the host can download this recording.", await refused.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task TheSignedFileUrl_Expires_AndCannotBeForged()
        {
            using var host = SandboxTestHost.Create("demo");
            string token = await host.GetZoomTokenAsync();
            string url = await DownloadUrlAsync(await host.ZoomClientAsync(), "meetings/82345678901/recordings", "MP4");
            Uri location = (await GetAsync(host, url, token)).Headers.Location;

            string forged = Regex.Replace(location.ToString(), "Signature=[^&]+", "Signature=forged");
            Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(host, forged, null)).StatusCode);
            host.Clock.Advance(TimeSpan.FromMinutes(11));
            Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(host, location.ToString(), null)).StatusCode);
        }

        [Fact]
        public async Task AGeneratedTranscript_IsWebVtt_WithNumberedCuesSpeakersAndAMultiLineCue()
        {
            using var host = SandboxTestHost.Create("demo");
            string vtt = host.Sandbox.Zoom.Instances(81234567890).First().Recording.Files.Single(f => f.FileType == "TRANSCRIPT").Content;

            string[] blocks = vtt.Split(new[] { "\n\n" }, StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("WEBVTT", blocks[0]);
            var cues = blocks.Skip(1).Select(b => b.Split('\n')).ToList();
            Assert.True(cues.Count >= 6);
            var timing = new Regex(@"^\d\d:\d\d:\d\d\.\d\d\d --> \d\d:\d\d:\d\d\.\d\d\d$");
            for (int i = 0; i < cues.Count; i++)
            {
                Assert.Equal((i + 1).ToString(), cues[i][0]);
                Assert.Matches(timing, cues[i][1]);
                Assert.Matches(new Regex("^[^:]+: .+"), cues[i][2]);
            }

            string[] speakers = cues.Select(c => c[2].Substring(0, c[2].IndexOf(':'))).ToArray();
            Assert.Equal("Maya Chen", speakers[0]);
            Assert.Contains(Enumerable.Range(1, speakers.Length - 1), i => speakers[i] == speakers[i - 1]);
            Assert.Contains(speakers, s => s != "Maya Chen");
            Assert.Contains(cues, c => c.Length > 3);
        }

        [Fact]
        public void TheDemoTranscript_HasUnicodeNamesAndACueWithoutAName()
        {
            using var host = SandboxTestHost.Create("demo");
            string vtt = host.Sandbox.Zoom.Instances(82345678901).Last().Recording.Files.Single(f => f.FileType == "TRANSCRIPT").Content;
            Assert.Contains("\nDiego Álvarez: ¿Se puede importar", vtt);
            Assert.Contains("\nLi Wei: 谢谢", vtt);
            Assert.Contains("\n[crosstalk]\n", vtt);
        }

        [Fact]
        public async Task OverLoopback_TheLinksPointAtTheHost_AndARedirectFollowingClientGetsTheFile()
        {
            using var sandbox = new ZoomHubSandbox(new SandboxOptions { Scenario = "demo", Limits = LimitOptions.None });
            using var loopback = new LoopbackHost(sandbox, 0);
            loopback.Start();
            using var http = new HttpClient();
            var tokenRequest = new HttpRequestMessage(HttpMethod.Post, new Uri(loopback.ZoomOAuthUri, "oauth/token"))
            {
                Content = new FormUrlEncodedContent(new[]
                {
                    new System.Collections.Generic.KeyValuePair<string, string>("grant_type", "account_credentials"),
                    new System.Collections.Generic.KeyValuePair<string, string>("account_id", sandbox.Credentials.ZoomAccountId),
                }),
            };
            tokenRequest.Headers.Authorization = SandboxTestHost.BasicAuth(sandbox.Credentials.ZoomClientId, sandbox.Credentials.ZoomClientSecret);
            string token = (await SandboxTestHost.ReadJsonAsync(await http.SendAsync(tokenRequest)))["access_token"].GetValue<string>();

            var list = new HttpRequestMessage(HttpMethod.Get, new Uri(loopback.ZoomApiUri, "meetings/82345678901/recordings"));
            list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            JsonNode body = await SandboxTestHost.ReadJsonAsync(await http.SendAsync(list));
            string url = body["recording_files"].AsArray().Single(f => f["file_type"].GetValue<string>() == "TRANSCRIPT")["download_url"].GetValue<string>();
            Assert.StartsWith(loopback.BaseUri.GetLeftPart(UriPartial.Authority) + "/rec/download/", url);

            var download = new HttpRequestMessage(HttpMethod.Get, url);
            download.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            HttpResponseMessage file = await http.SendAsync(download);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.StartsWith("WEBVTT", await file.Content.ReadAsStringAsync());
        }
    }
}
