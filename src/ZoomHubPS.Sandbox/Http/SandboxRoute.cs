using System;
using System.Collections.Generic;
using System.Net.Http;

namespace ZoomHubPS.Sandbox.Http
{
    /// <summary>One emulated endpoint: method, template, the API and rate-limit bucket it belongs to, and its handler.</summary>
    public sealed class SandboxRoute
    {
        private readonly string[] _segments;

        /// <param name="api">Which service.</param>
        /// <param name="method">HTTP method.</param>
        /// <param name="template">Path template with <c>{name}</c> segments, e.g. <c>/v2/webinars/{webinarId}/registrants</c>.</param>
        /// <param name="bucket">Rate-limit bucket: Zoom <c>Light|Medium|Heavy|ResourceIntensive</c>, HubSpot <c>Standard|Search</c>, <c>None</c> for OAuth.</param>
        /// <param name="isWrite">Whether the route changes state ("fail after N writes" counts these).</param>
        /// <param name="handle">The route's logic.</param>
        public SandboxRoute(SandboxApi api, HttpMethod method, string template, string bucket, bool isWrite, Func<SandboxRequest, SandboxResponse> handle)
        {
            Api = api;
            Method = method;
            Template = template;
            Bucket = bucket;
            IsWrite = isWrite;
            Handle = handle;
            _segments = template.Trim('/').Split('/');
        }

        /// <summary>Which service.</summary>
        public SandboxApi Api { get; }

        /// <summary>HTTP method.</summary>
        public HttpMethod Method { get; }

        /// <summary>Path template, as written in the vendor docs.</summary>
        public string Template { get; }

        /// <summary>Rate-limit bucket.</summary>
        public string Bucket { get; }

        /// <summary>Whether the route changes state.</summary>
        public bool IsWrite { get; }

        /// <summary>The handler.</summary>
        public Func<SandboxRequest, SandboxResponse> Handle { get; }

        /// <summary>"METHOD /template", the key the journal counts by.</summary>
        public string Key => Method.Method + " " + Template;

        /// <summary>Number of literal segments (more literal = more specific, wins ties).</summary>
        internal int LiteralCount
        {
            get
            {
                int n = 0;
                foreach (string s in _segments)
                {
                    if (!s.StartsWith("{", StringComparison.Ordinal)) n++;
                }

                return n;
            }
        }

        /// <summary>Matches raw (still encoded) path segments; parameter values are percent-decoded exactly once.</summary>
        internal bool TryMatch(string[] rawSegments, out Dictionary<string, string> values)
        {
            values = null;
            if (rawSegments.Length != _segments.Length)
            {
                return false;
            }

            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < _segments.Length; i++)
            {
                string t = _segments[i];
                if (t.StartsWith("{", StringComparison.Ordinal) && t.EndsWith("}", StringComparison.Ordinal))
                {
                    found[t.Substring(1, t.Length - 2)] = Uri.UnescapeDataString(rawSegments[i]);
                }
                else if (!string.Equals(t, rawSegments[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            values = found;
            return true;
        }
    }
}
