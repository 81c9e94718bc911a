using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Nodes;

namespace ZoomHubPS.Sandbox.Http
{
    /// <summary>A request as the route handlers see it: method, decoded path parameters, query and body.</summary>
    public sealed class SandboxRequest
    {
        internal SandboxRequest(HttpMethod method, Uri uri, string rawPath, IReadOnlyDictionary<string, string> query,
            IReadOnlyDictionary<string, string> headers, string body)
        {
            Method = method;
            Uri = uri;
            RawPath = rawPath;
            Query = query;
            Headers = headers;
            Body = body ?? string.Empty;
        }

        /// <summary>HTTP method.</summary>
        public HttpMethod Method { get; }

        /// <summary>The full request URI.</summary>
        public Uri Uri { get; }

        /// <summary>The path exactly as sent (still percent-encoded), e.g. <c>/v2/past_webinars/%252Fabc%253D%253D/participants</c>.</summary>
        public string RawPath { get; }

        /// <summary>Query parameters, decoded once, case-sensitive names as the APIs use them.</summary>
        public IReadOnlyDictionary<string, string> Query { get; }

        /// <summary>Request headers (case-insensitive names); multiple values joined with ", ".</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>Raw body text ("" when none).</summary>
        public string Body { get; }

        /// <summary>Path parameters of the matched route, decoded exactly once (e.g. a double-encoded UUID stays single-encoded).</summary>
        public IReadOnlyDictionary<string, string> RouteValues { get; internal set; } = new Dictionary<string, string>();

        /// <summary>The matched route (set by the handler before the route runs).</summary>
        public SandboxRoute Route { get; internal set; }

        /// <summary>Sandbox time when the request arrived.</summary>
        public DateTimeOffset ReceivedAt { get; internal set; }

        /// <summary>Identity established by the API's auth check (Zoom token, HubSpot token); null before auth.</summary>
        public string Principal { get; internal set; }

        /// <summary>Returns a query value or null.</summary>
        public string QueryValue(string name) => Query.TryGetValue(name, out string v) ? v : null;

        /// <summary>Returns a header value or null.</summary>
        public string Header(string name) => Headers.TryGetValue(name, out string v) ? v : null;

        /// <summary>Returns a route value or null.</summary>
        public string RouteValue(string name) => RouteValues.TryGetValue(name, out string v) ? v : null;

        /// <summary>The body parsed as JSON, or null when empty. Throws <see cref="System.Text.Json.JsonException"/> on bad JSON.</summary>
        public JsonNode Json() => string.IsNullOrWhiteSpace(Body) ? null : JsonNode.Parse(Body);
    }
}
