using System;
using System.Globalization;
using System.Net;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// A recording file's <c>download_url</c> (<c>/rec/download/{key}</c> on the web host) and the file host it redirects
    /// to (FACTS §B). The download takes <c>Authorization: Bearer</c> with the account's S2S token or with the instance's
    /// <c>download_access_token</c>; a token in the query string fails with code 124 (since 2023-02-14). An allowed
    /// download answers 302 to a signed file-host URL that needs no header (clients that follow redirects drop
    /// Authorization across hosts); a refused one answers 200 with an HTML page, as Zoom does, so clients must check
    /// <c>Content-Type</c>. Not part of the API rate limits (bucket None).
    /// </summary>
    internal sealed class ZoomRecordingDownloads
    {
        /// <summary>The page Zoom answered (200, HTML) to a download it refused (ZDF "ZAK token stopped working…").</summary>
        internal const string RefusedText = "Only the host can download this recording. Please sign in to your Zoom account to download if you are the host.";

        private readonly ZoomState _state;

        internal ZoomRecordingDownloads(ZoomState state)
        {
            _state = state;
        }

        internal void Register(ZoomRoutes routes)
        {
            _state.SelfAuthenticatedRoutes.Add(routes.Get("/rec/download/{downloadKey}", "None", Download));
            // The path under the file host is unconfirmed (signed CDN-style URLs); clients only follow the Location.
            _state.SelfAuthenticatedRoutes.Add(routes.Get("/cmr/replay/{replayKey}/{fileName}", "None", Serve));
        }

        private SandboxResponse Download(SandboxRequest request)
        {
            if (request.QueryValue("access_token") != null)
            {
                return InvalidToken();
            }

            ZoomRecordingFileRef found = _state.Recordings.ByDownloadKey(request.RouteValue("downloadKey"));
            string token = BearerToken(request);
            bool allowed = _state.Tokens.IsValid(token, _state.Now)
                || (found != null && _state.Recordings.AccessTokenAllows(token, found.Instance.Uuid, _state.Now));
            if (!allowed)
            {
                return InvalidToken();
            }

            if (found == null || (found.File.IsTranscript && !found.Recording.TranscriptReady(_state.Now)))
            {
                return Html(HttpStatusCode.NotFound, "This recording does not exist.");
            }

            if (found.Recording.DownloadRefused)
            {
                return Html(HttpStatusCode.OK, RefusedText);
            }

            DateTimeOffset expires = _state.Now + ZoomRecordingStore.SignedUrlLifetime;
            string signature = _state.Recordings.Sign(found.File.ReplayKey, expires, _state.Context);
            var redirect = new SandboxResponse { Status = HttpStatusCode.Found, Body = null };
            redirect.Headers["Location"] = ZoomRecordingJson.FileHostBase(request) + "/cmr/replay/" + found.File.ReplayKey + "/" + Uri.EscapeDataString(found.File.FileName)
                + "?Expires=" + expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "&Signature=" + signature;
            return redirect;
        }

        private SandboxResponse Serve(SandboxRequest request)
        {
            ZoomRecordingFileRef found = _state.Recordings.ByReplayKey(request.RouteValue("replayKey"));
            if (found == null || !_state.Recordings.SignatureAllows(request.QueryValue("Signature"), found.File.ReplayKey, _state.Now))
            {
                // A CDN's answer to a missing, foreign or expired signature (shape unconfirmed).
                return new SandboxResponse
                {
                    Status = HttpStatusCode.Forbidden,
                    ContentType = "application/xml",
                    Body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access denied</Message></Error>",
                };
            }

            ZoomRecordingFile file = found.File;
            var response = new SandboxResponse
            {
                Status = HttpStatusCode.OK,
                ContentType = ZoomRecordingFileTypes.Of(file.FileType).ContentType,
                Body = file.Content ?? ZoomRecordingContent.Placeholder(file),
            };
            response.Headers["Content-Disposition"] = "attachment; filename=\"" + file.FileName + "\"";
            return response;
        }

        private static string BearerToken(SandboxRequest request)
        {
            string header = request.Header("Authorization");
            return header != null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header.Substring(7).Trim() : null;
        }

        private static SandboxResponse InvalidToken()
            => SandboxResponse.ZoomError(HttpStatusCode.Unauthorized, 124, "Invalid access token.");

        private static SandboxResponse Html(HttpStatusCode status, string message) => new SandboxResponse
        {
            Status = status,
            ContentType = "text/html;charset=utf-8",
            Body = "<!DOCTYPE html><html><head><title>Zoom</title></head><body><div class=\"error-message\">" + message + "</div></body></html>",
        };
    }
}
