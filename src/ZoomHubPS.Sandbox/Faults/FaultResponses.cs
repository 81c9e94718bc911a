using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.Faults
{
    /// <summary>What an injected fault answers (or throws): one place for the shape of every failure.</summary>
    internal static class FaultResponses
    {
        internal static bool IsServerErrorStatus(int status) => status == 500 || status == 502 || status == 503 || status == 504;

        /// <summary>
        /// What HttpClient throws on Linux (.NET 8-10, SocketsHttpHandler) when the peer resets the connection before
        /// the response arrives, checked against a real socket closed with linger 0: <c>HttpRequestException</c> "An
        /// error occurred while sending the request." around <c>IOException</c> "Unable to read data from the transport
        /// connection: Connection reset by peer." around <c>SocketException</c> (<c>SocketError.ConnectionReset</c>).
        /// A client that handles a real reset handles this one.
        /// </summary>
        internal static Exception ConnectionReset()
        {
            var socket = new SocketException((int)SocketError.ConnectionReset);
            var io = new IOException("Unable to read data from the transport connection: Connection reset by peer.", socket);
            return new HttpRequestException("An error occurred while sending the request.", io);
        }

        /// <summary>A response that makes the handler throw a connection reset (the loopback host aborts the connection instead).</summary>
        internal static SandboxResponse Reset() => new SandboxResponse { Throw = ConnectionReset() };

        /// <summary>A 5xx in the API's own error shape (the service itself failed before doing anything).</summary>
        internal static SandboxResponse ServerError(SandboxApi api, int status)
            => api == SandboxApi.HubSpot
                ? SandboxResponse.HubSpotError((HttpStatusCode)status, "INTERNAL_ERROR", "Internal error (sandbox fault).")
                : SandboxResponse.ZoomError((HttpStatusCode)status, status, "Internal error (sandbox fault).");

        /// <summary>
        /// A gateway's own 502/504 page, not the API's JSON: what clients of both services have met in front of the API
        /// (HubSpot: an HTML "502 Bad Gateway" page; for Zoom the body is unconfirmed, see docs/api-facts-additions.md).
        /// </summary>
        internal static SandboxResponse Gateway(int status)
        {
            string title = status == 504 ? "504 Gateway Time-out" : "502 Bad Gateway";
            return new SandboxResponse
            {
                Status = (HttpStatusCode)status,
                ContentType = "text/html",
                Body = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title + "</h1></center>\r\n</body>\r\n</html>\r\n",
            };
        }

        /// <summary>A 429 shaped like the real one of the route's limit, plus Retry-After (whole seconds, as HTTP requires).</summary>
        internal static SandboxResponse TooManyRequests(SandboxRoute route, TimeSpan retryAfter, Func<string> newId)
        {
            SandboxResponse r;
            if (route.Api == SandboxApi.HubSpot)
            {
                bool search = route.Bucket == "Search";
                var body = new JsonObject
                {
                    ["status"] = "error",
                    ["message"] = search ? "You have reached your secondly limit." : "You have reached your ten_secondly_rolling limit.",
                    ["errorType"] = "RATE_LIMIT",
                    ["correlationId"] = newId(),
                    ["policyName"] = search ? "SECONDLY" : "TEN_SECONDLY_ROLLING",
                    ["requestId"] = newId(),
                };
                r = SandboxResponse.Json((HttpStatusCode)429, body);
                if (!search) r.Headers["X-HubSpot-RateLimit-Remaining"] = "0"; // search answers carry no rate headers
            }
            else
            {
                r = SandboxResponse.ZoomError((HttpStatusCode)429, 429, "You have reached the maximum per-second rate limit for this API. Try again later.");
                r.Headers["X-RateLimit-Type"] = "QPS";
                r.Headers["X-RateLimit-Remaining"] = "0";
            }

            r.Headers["Retry-After"] = ((long)Math.Ceiling(Math.Max(0, retryAfter.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
            return r;
        }
    }
}
