using System;
using System.Collections.Generic;
using ZoomHubPS.Core.Http;

namespace ZoomHubPS.Core.Requests
{
    /// <summary>
    /// A request to any endpoint of either API (Invoke-ZoomHubRequest): sent with the connection's auth, limiter, retries,
    /// time budget and error mapping like every wrapped call. Never carries headers: the token is the connection's.
    /// </summary>
    public sealed class ZoomHubRequest
    {
        /// <summary>Creates a request.</summary>
        /// <param name="api">Zoom or HubSpot.</param>
        /// <param name="method">GET, POST, PUT, PATCH or DELETE.</param>
        /// <param name="path">Relative to the API's base (e.g. <c>users/me</c>, <c>/v2/users</c>, <c>crm/v3/objects/contacts</c>), or an absolute URI on that base.</param>
        public ZoomHubRequest(ApiKind api, string method, string path)
        {
            Api = api;
            Method = string.IsNullOrWhiteSpace(method) ? "GET" : method.Trim().ToUpperInvariant();
            Path = path ?? throw new ArgumentNullException(nameof(path));
        }

        /// <summary>Zoom or HubSpot.</summary>
        public ApiKind Api { get; }

        /// <summary>The HTTP method, upper case.</summary>
        public string Method { get; }

        /// <summary>The path as given (normalised when sent).</summary>
        public string Path { get; }

        /// <summary>Query parameters (added to any query the path already has; empty values are left out).</summary>
        public IList<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>The body: JSON text, or plain values (dictionaries, lists, strings, numbers, booleans) to serialize.</summary>
        public object Body { get; set; }

        /// <summary>
        /// The limiter bucket. Default: Zoom <c>Heavy</c> (the strictest per-second label, since the module cannot know an
        /// arbitrary route's label; pass the documented one to go faster), HubSpot <c>Search</c> for …/search, else <c>Standard</c>.
        /// </summary>
        public RateCategory? Category { get; set; }

        internal bool IsRead => Method == "GET" || Method == "HEAD";
    }
}
