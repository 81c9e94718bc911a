using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Http;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.Requests
{
    /// <summary>
    /// Calls any endpoint of either API through the same connection as the wrapped clients: bearer auth (a Zoom token
    /// refreshed after a 401 124), the limiter, the time-budgeted retries, per-route-kind timeouts and the one
    /// <see cref="ZoomHubApiException"/>. Answers come back as plain .NET values (<see cref="JsonPlain"/>).
    /// </summary>
    public class ZoomHubRequestClient
    {
        private static readonly string[] Methods = { "GET", "POST", "PUT", "PATCH", "DELETE" };

        private readonly ApiConnection _zoom;
        private readonly ApiConnection _hubSpot;

        internal ZoomHubRequestClient(ApiConnection zoom, ApiConnection hubSpot)
        {
            _zoom = zoom;
            _hubSpot = hubSpot;
        }

        /// <summary>For mocking.</summary>
        protected ZoomHubRequestClient()
        {
        }

        /// <summary>
        /// Sends <paramref name="request"/> once (retries included) and returns the answer: an ordered dictionary or a list for
        /// JSON, a string for other content, null for an empty body (204).
        /// </summary>
        public virtual async Task<object> SendAsync(ZoomHubRequest request, CancellationToken cancellationToken = default)
        {
            ApiConnection api = For(request);
            object body = PlainBody(request);
            using (HttpResponseMessage response = await api.SendRawAsync(Build(api, request, request.Query, body), cancellationToken).ConfigureAwait(false))
            {
                return await ReadAsync(response).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Streams the items of a listing page by page, following Zoom's <c>next_page_token</c> or HubSpot's
        /// <c>paging.next.after</c>. An answer that is not a listing is one item.
        /// </summary>
        public virtual Pageable<object> ListAll(ZoomHubRequest request, ListOptions options = null, CancellationToken cancellationToken = default)
        {
            ApiConnection api = For(request);
            object body = PlainBody(request);
            RawPaging paging = RawPaging.For(request, body);
            return new Pageable<object>(async (token, ct) =>
            {
                ApiRequest r = Build(api, request, paging.QueryFor(request.Query, token), paging.BodyFor(body, token));
                using (HttpResponseMessage response = await api.SendRawAsync(r, ct).ConfigureAwait(false))
                {
                    return paging.PageOf(await ReadAsync(response).ConfigureAwait(false));
                }
            }, options?.MaxItems, RawPaging.KeyOf, request.Api == ApiKind.Zoom ? (Func<Exception, bool>)ZoomApiClient.IsExpiredPageToken : null, cancellationToken);
        }

        private ApiConnection For(ZoomHubRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (!Methods.Contains(request.Method)) throw new ArgumentException($"'{request.Method}' is not one of {string.Join(", ", Methods)}.", nameof(request));
            return request.Api == ApiKind.Zoom ? _zoom : _hubSpot;
        }

        private static object PlainBody(ZoomHubRequest request)
        {
            if (request.Body == null) return null;
            if (request.IsRead) throw new ArgumentException("A GET request has no body; put the values in the query.", nameof(request));
            return request.Body is string text ? JsonPlain.Parse(text, "The body") : request.Body;
        }

        private static ApiRequest Build(ApiConnection api, ZoomHubRequest request, IEnumerable<KeyValuePair<string, string>> query, object body)
        {
            string path = RawPaths.Normalize(request.Path, api.BaseUri);
            string relative = ApiPath.With(path, query.Select(q => (q.Key, q.Value)).ToArray());
            bool search = path.Split('?')[0].EndsWith("/search", StringComparison.Ordinal);
            RateCategory category = request.Category ?? (request.Api == ApiKind.Zoom ? RateCategory.Heavy : (search ? RateCategory.Search : RateCategory.Standard));
            return new ApiRequest(new HttpMethod(request.Method), relative, category)
            {
                Body = body == null ? null : JsonPlain.ToUtf8(body),
                Kind = request.Api == ApiKind.Zoom && path.StartsWith("report/", StringComparison.OrdinalIgnoreCase) ? RouteKind.Report : (request.IsRead ? RouteKind.Read : RouteKind.Write),
                // A POST creates something each time it lands; reads sent as POST (search, batch/read) may repeat.
                NotIdempotent = request.Method == "POST" && !search && path.IndexOf("/batch/read", StringComparison.Ordinal) < 0,
            };
        }

        private static async Task<object> ReadAsync(HttpResponseMessage response)
        {
            string text = response.Content == null ? null : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(text)) return null;
            string media = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
            string start = text.TrimStart();
            bool json = media.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0 || start.StartsWith("{", StringComparison.Ordinal) || start.StartsWith("[", StringComparison.Ordinal);
            return json ? JsonPlain.Parse(text, "The answer") : text;
        }
    }
}
