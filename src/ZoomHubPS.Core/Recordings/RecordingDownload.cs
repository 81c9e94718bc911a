using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Http;

namespace ZoomHubPS.Core.Recordings
{
    /// <summary>A recording file as the file host served it.</summary>
    public sealed class DownloadedFile
    {
        internal DownloadedFile(string mediaType, string fileName, byte[] content, Encoding encoding)
        {
            MediaType = mediaType;
            FileName = fileName;
            Content = content;
            Encoding = encoding;
        }

        /// <summary>The served media type (<c>text/vtt</c>, …); <c>text/html</c> means Zoom refused the download.</summary>
        public string MediaType { get; }

        /// <summary>The file name from <c>Content-Disposition</c>, if any.</summary>
        public string FileName { get; }

        /// <summary>The bytes.</summary>
        public byte[] Content { get; }

        /// <summary>The charset the host named (UTF-8 when it named none).</summary>
        public Encoding Encoding { get; }

        /// <summary>The content as text.</summary>
        public string Text => Encoding.GetString(Content);

        /// <summary>Zoom's refusal: a download it refuses is answered 200 with an HTML page, not an error status (FACTS §B).</summary>
        public bool IsRefusalPage => string.Equals(MediaType, "text/html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Downloads a recording file from its <c>download_url</c> (FACTS §B): the connection's token goes in the
    /// <c>Authorization</c> header, never the query string (Zoom refuses query tokens since 2023), and only to Zoom's own
    /// hosts; the 302 to the signed file URL is followed here when the handler does not follow it, without the token
    /// (the signature is the credential).
    /// </summary>
    internal static class RecordingDownload
    {
        private const int MaxRedirects = 3;

        public static async Task<DownloadedFile> GetAsync(ApiConnection zoom, string downloadUrl, CancellationToken ct)
        {
            Uri url = Trusted(zoom.BaseUri, downloadUrl);
            bool withToken = true;
            for (int hop = 0; ; hop++)
            {
                var request = new ApiRequest(HttpMethod.Get, url.AbsoluteUri, RateCategory.None) { Kind = RouteKind.Download, ReturnsRedirect = true, Anonymous = !withToken };
                using (HttpResponseMessage response = await zoom.SendRawAsync(request, ct).ConfigureAwait(false))
                {
                    if ((int)response.StatusCode >= 300 && (int)response.StatusCode < 400)
                    {
                        if (hop >= MaxRedirects) throw new InvalidOperationException($"The download of {Shown(url)} redirected more than {MaxRedirects} times.");
                        Uri next = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new Uri(url, response.Headers.Location);
                        if (next.Scheme != Uri.UriSchemeHttps && url.Scheme == Uri.UriSchemeHttps)
                        {
                            throw new InvalidOperationException($"The download of {Shown(url)} redirected to a plain-HTTP address; not followed.");
                        }

                        url = next;
                        withToken = false;
                        continue;
                    }

                    byte[] content = response.Content == null ? new byte[0] : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    MediaTypeHeaderValue type = response.Content?.Headers.ContentType;
                    return new DownloadedFile(type?.MediaType, FileNameOf(response), content, EncodingOf(type));
                }
            }
        }

        /// <summary>
        /// The download URL, if the connection's token may be sent to it: https (or the API's own scheme and host, for
        /// a loopback sandbox), on the API's host or a host of the domain the API lives under (api.zoom.us → *.zoom.us,
        /// where download links point: us06web.zoom.us …). Anything else is refused: a token sent there would leak.
        /// </summary>
        internal static Uri Trusted(Uri apiBase, string downloadUrl)
        {
            if (!Uri.TryCreate(downloadUrl, UriKind.Absolute, out Uri url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException($"'{downloadUrl}' is not a download link (an absolute https address from a recording's download_url).");
            }

            bool sameAuthority = string.Equals(url.GetLeftPart(UriPartial.Authority), apiBase.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
            string apiHost = apiBase.Host;
            int dot = apiHost.IndexOf('.');
            string domain = dot > 0 && apiHost.IndexOf('.', dot + 1) > 0 ? apiHost.Substring(dot + 1) : apiHost;
            bool named = apiBase.HostNameType == UriHostNameType.Dns; // an IP address has no domain to share
            bool zoomHost = named && url.Scheme == Uri.UriSchemeHttps
                && (string.Equals(url.Host, domain, StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase));
            if (!sameAuthority && !zoomHost)
            {
                throw new ArgumentException($"'{Shown(url)}' is not on a Zoom host of this connection ({domain}): the Zoom token is not sent there.");
            }

            return url;
        }

        private static string Shown(Uri url) => url.GetLeftPart(UriPartial.Path);

        private static string FileNameOf(HttpResponseMessage response)
        {
            ContentDispositionHeaderValue disposition = response.Content?.Headers.ContentDisposition;
            return disposition?.FileNameStar ?? disposition?.FileName?.Trim('"');
        }

        private static Encoding EncodingOf(MediaTypeHeaderValue type)
        {
            try
            {
                return string.IsNullOrEmpty(type?.CharSet) ? new UTF8Encoding(false) : Encoding.GetEncoding(type.CharSet.Trim('"'));
            }
            catch (ArgumentException)
            {
                return new UTF8Encoding(false);
            }
        }
    }
}
