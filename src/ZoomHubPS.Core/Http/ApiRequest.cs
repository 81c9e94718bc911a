using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace ZoomHubPS.Core.Http
{
    /// <summary>What a route does to the service, which sets its timeout (<see cref="RetryOptions"/>).</summary>
    public enum RouteKind
    {
        /// <summary>A read (GET of an object or a page).</summary>
        Read,

        /// <summary>A write (create, update, batch).</summary>
        Write,

        /// <summary>A report read (Zoom's Heavy report routes), slower than plain reads.</summary>
        Report,

        /// <summary>A file download (recordings, transcripts).</summary>
        Download,

        /// <summary>The Zoom OAuth token endpoint.</summary>
        Token,
    }

    /// <summary>One request as the clients describe it; <see cref="ApiConnection"/> sends it.</summary>
    internal sealed class ApiRequest
    {
        public ApiRequest(HttpMethod method, string path, RateCategory category)
        {
            Method = method;
            Path = path;
            Category = category;
            Kind = method == HttpMethod.Get ? RouteKind.Read : RouteKind.Write;
        }

        public HttpMethod Method { get; }

        /// <summary>Relative to the API's base URI, query included (built with <see cref="ApiPath"/>).</summary>
        public string Path { get; }

        public RateCategory Category { get; }

        public RouteKind Kind { get; set; }

        /// <summary>A JSON body (serialized once, re-sent as is on retries), or raw bytes.</summary>
        public object Body { get; set; }

        /// <summary>A non-JSON body (the OAuth form), made anew for every attempt.</summary>
        public Func<HttpContent> Content { get; set; }

        /// <summary>A fixed Authorization header (OAuth Basic); null = the connection's bearer token, if any.</summary>
        public AuthenticationHeaderValue Authorization { get; set; }

        /// <summary>
        /// A write that must not reach the service twice (it creates something or spends a quota each time it lands,
        /// e.g. a Zoom registrant add). Such a request is retried only when the service certainly did not apply it
        /// (429, 503); a lost reply ends the call with <see cref="ZoomHubApiException.MaybeCommitted"/> so the caller
        /// checks first.
        /// </summary>
        public bool NotIdempotent { get; set; }

        /// <summary>
        /// A 3xx answer is handed back instead of failing: the caller follows <c>Location</c> itself (a recording download
        /// redirects to a signed file URL, and an in-process handler does not follow redirects).
        /// </summary>
        public bool ReturnsRedirect { get; set; }

        /// <summary>
        /// Sends no Authorization header: the URL carries its own signature, and the connection's token must not travel to
        /// the host it points at.
        /// </summary>
        public bool Anonymous { get; set; }

        /// <summary>
        /// What the request log shows: the path with credentials in its query masked (<see cref="QueryRedaction"/>), and a
        /// download without its query (a signed URL's signature is a credential while it lasts).
        /// </summary>
        public string LoggedPath
        {
            get
            {
                string path = Kind == RouteKind.Download && Path.IndexOf('?') >= 0 ? Path.Substring(0, Path.IndexOf('?')) + "?…" : QueryRedaction.Redact(Path);
                bool absolute = path.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
                return absolute ? path : "/" + path.TrimStart('/');
            }
        }

        public static ApiRequest Get(string path, RateCategory category) => new ApiRequest(HttpMethod.Get, path, category);

        public static ApiRequest Post(string path, object body, RateCategory category) => new ApiRequest(HttpMethod.Post, path, category) { Body = body };
    }
}
