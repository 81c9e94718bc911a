using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Journal;
using ZoomHubPS.Sandbox.Limits;

namespace ZoomHubPS.Sandbox.Http
{
    /// <summary>
    /// One request's way through the twin, the same for the in-process handler and the loopback host: route match,
    /// faults decided before the route (latency, 429, 5xx, reset, timeout), auth, limits, the route, faults after it
    /// (a lost reply), the <c>Date</c> header and the journal.
    /// </summary>
    internal sealed class SandboxPipeline
    {
        private readonly ZoomHubSandbox _sandbox;
        private readonly RouteTable _routes;
        private readonly FaultInjector _faults;
        private readonly SandboxLimits _limits;

        internal SandboxPipeline(ZoomHubSandbox sandbox, RouteTable routes, FaultInjector faults, SandboxLimits limits)
        {
            _sandbox = sandbox;
            _routes = routes;
            _faults = faults;
            _limits = limits;
        }

        private RequestJournal Journal => _sandbox.Journal;

        private TimeProvider Clock => _sandbox.Clock;

        internal async Task<SandboxResponse> ProcessAsync(HttpMethod method, Uri uri, IReadOnlyDictionary<string, string> headers, string body, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string rawPath = RawPath(uri);
            var request = new SandboxRequest(method, uri, rawPath, ParseQuery(uri), headers, body) { ReceivedAt = Clock.GetUtcNow() };
            var entry = new JournalEntry
            {
                Method = method.Method,
                PathAndQuery = uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString,
                At = request.ReceivedAt,
            };

            SandboxRoute route = _routes.Match(method, rawPath, out Dictionary<string, string> values, out bool pathExists);
            if (route == null)
            {
                entry.Api = rawPath.StartsWith("/v2/", StringComparison.Ordinal) || rawPath.StartsWith("/oauth/", StringComparison.Ordinal) ? "Zoom" : "HubSpot";
                entry.Route = rawPath;
                entry.Bucket = "None";
                return Finish(entry, NotFound(entry.Api, pathExists));
            }

            request.RouteValues = values;
            request.Route = route;
            entry.Api = route.Api.ToString();
            entry.Route = route.Template;
            entry.Bucket = route.Bucket;
            entry.IsWrite = route.IsWrite;

            FaultDecision fault = _faults.Decide(request);
            entry.Fault = fault.Name;
            entry.Latency = fault.Latency;
            if (fault.Latency > TimeSpan.Zero)
            {
                await Clock.Delay(fault.Latency, cancellationToken).ConfigureAwait(false);
            }

            if (fault.Hang)
            {
                // A timeout fault: no answer until the caller gives up, and the route never runs.
                Journal.Add(entry);
                await HangAsync(cancellationToken).ConfigureAwait(false);
            }

            if (fault.Response != null)
            {
                return AnswerWithFault(request, entry, fault.Response);
            }

            SandboxResponse response = Apply(request, route);
            _limits.Decorate(request, response);
            return fault.LostReply is LostReplyKind lost
                ? await LoseReplyAsync(entry, response, lost, cancellationToken).ConfigureAwait(false)
                : Finish(entry, response);
        }

        /// <summary>Auth, limits and the route; a write the route applied is counted for "fail after N writes".</summary>
        private SandboxResponse Apply(SandboxRequest request, SandboxRoute route)
        {
            SandboxResponse response = (route.Api == SandboxApi.HubSpot ? _sandbox.HubSpot.Authenticate(request) : _sandbox.Zoom.Authenticate(request))
                ?? _limits.Admit(request);
            if (response != null) return response;
            try
            {
                response = route.Handle(request);
            }
            catch (System.Text.Json.JsonException ex)
            {
                response = route.Api == SandboxApi.HubSpot
                    ? SandboxResponse.HubSpotError(HttpStatusCode.BadRequest, "VALIDATION_ERROR", "Invalid input JSON: " + ex.Message)
                    : SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 300, "Request Body should be a valid JSON object.");
            }

            _faults.OnCompleted(request, response);
            return response;
        }

        /// <summary>A fault answered instead of the route: a 429 or 5xx with the rate headers a real one carries, or a reset.</summary>
        private SandboxResponse AnswerWithFault(SandboxRequest request, JournalEntry entry, SandboxResponse response)
        {
            if (response.Throw != null)
            {
                Finish(entry, response);
                throw response.Throw;
            }

            _limits.Decorate(request, response); // headers the fault set win
            return Finish(entry, response);
        }

        /// <summary>
        /// The route ran and its change is kept; the reply it produced is lost. The journal keeps the route's status
        /// (the write landed) and marks the reply lost, so a test can count writes that landed without their reply.
        /// </summary>
        private async Task<SandboxResponse> LoseReplyAsync(JournalEntry entry, SandboxResponse applied, LostReplyKind lost, CancellationToken cancellationToken)
        {
            entry.Status = (int)applied.Status;
            entry.LostReply = lost;
            switch (lost)
            {
                case LostReplyKind.Reset:
                    Journal.Add(entry);
                    throw FaultResponses.ConnectionReset();
                case LostReplyKind.Timeout:
                    Journal.Add(entry);
                    await HangAsync(cancellationToken).ConfigureAwait(false);
                    throw new OperationCanceledException(cancellationToken); // not reached: HangAsync only ends by cancellation
                default:
                    SandboxResponse gateway = FaultResponses.Gateway(lost == LostReplyKind.GatewayTimeout ? 504 : 502);
                    StampDate(gateway);
                    Journal.Add(entry);
                    return gateway;
            }
        }

        // Real time, not the sandbox clock: only the caller's cancellation (its timeout) ends the wait.
        private static Task HangAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

        private SandboxResponse Finish(JournalEntry entry, SandboxResponse response)
        {
            entry.Status = response.Throw != null ? 0 : (int)response.Status;
            if (response.Throw == null) StampDate(response);
            Journal.Add(entry);
            return response;
        }

        /// <summary>
        /// Every answer carries <c>Date</c> (RFC 9110 §6.6.1: a server with a clock sends it on 2xx, 3xx and 4xx; we send it
        /// on 5xx too, as both services do) from the twin's clock, so a client can follow sandbox time and compute
        /// <c>Retry-After − Date</c> on the server's clock.
        /// </summary>
        private void StampDate(SandboxResponse response)
            => response.Headers["Date"] = Clock.GetUtcNow().UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

        private static string RawPath(Uri uri)
        {
            if (!uri.IsAbsoluteUri) return uri.OriginalString.Split('?')[0];

            // AbsolutePath may normalise; take the path from the original string to keep %25 sequences as sent.
            string original = uri.OriginalString;
            int schemeEnd = original.IndexOf("://", StringComparison.Ordinal);
            int pathStart = schemeEnd < 0 ? -1 : original.IndexOf('/', schemeEnd + 3);
            if (pathStart < 0) return uri.AbsolutePath;
            string rest = original.Substring(pathStart);
            int q = rest.IndexOf('?');
            return q >= 0 ? rest.Substring(0, q) : rest;
        }

        private static SandboxResponse NotFound(string api, bool pathExists)
        {
            if (api == "HubSpot")
            {
                return pathExists
                    ? SandboxResponse.HubSpotError(HttpStatusCode.MethodNotAllowed, "VALIDATION_ERROR", "HTTP method not allowed for this resource.")
                    : new SandboxResponse { Status = HttpStatusCode.NotFound, Body = string.Empty, ContentType = "text/html" };
            }

            return pathExists
                ? SandboxResponse.ZoomError(HttpStatusCode.MethodNotAllowed, 405, "Method not allowed.")
                : SandboxResponse.ZoomError(HttpStatusCode.NotFound, 404, "Not found.");
        }

        private static IReadOnlyDictionary<string, string> ParseQuery(Uri uri)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            string query = uri.IsAbsoluteUri ? uri.Query : (uri.OriginalString.Contains("?") ? uri.OriginalString.Substring(uri.OriginalString.IndexOf('?')) : string.Empty);
            if (string.IsNullOrEmpty(query))
            {
                return result;
            }

            foreach (string pair in query.TrimStart('?').Split('&'))
            {
                if (pair.Length == 0)
                {
                    continue;
                }

                int eq = pair.IndexOf('=');
                string name = Uri.UnescapeDataString((eq < 0 ? pair : pair.Substring(0, eq)).Replace('+', ' '));
                string value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(eq + 1).Replace('+', ' '));
                // Repeated names (HubSpot's properties=a&properties=b) are joined with commas, as HubSpot reads them.
                result[name] = result.TryGetValue(name, out string existing) ? existing + "," + value : value;
            }

            return result;
        }
    }
}
