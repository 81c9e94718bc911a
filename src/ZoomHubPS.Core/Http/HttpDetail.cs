using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;

namespace ZoomHubPS.Core.Http
{
    /// <summary>
    /// Describes one HTTP attempt for the debug stream from an allow-list of headers, so no credential can slip in:
    /// Authorization is shown only as its scheme, bodies never. The list covers what explains a slow or refused call
    /// (FACTS §1.10, §2.8, §F: rate-limit headers, Retry-After, Date, the request ids both services send).
    /// </summary>
    internal static class HttpDetail
    {
        private static readonly string[] ResponseHeaders =
        {
            "Date", "Retry-After", "x-zm-trackingid", "X-RateLimit-Category", "X-RateLimit-Type", "X-RateLimit-Limit", "X-RateLimit-Remaining",
            "X-HubSpot-Correlation-Id", "X-HubSpot-RateLimit-Daily", "X-HubSpot-RateLimit-Daily-Remaining", "X-HubSpot-RateLimit-Interval-Milliseconds",
            "X-HubSpot-RateLimit-Max", "X-HubSpot-RateLimit-Remaining",
        };

        public static string Describe(HttpRequestMessage request, HttpResponseMessage response)
        {
            var text = new StringBuilder();
            text.Append("  > ").Append(request.Method).Append(' ').Append(request.RequestUri?.GetLeftPart(UriPartial.Path));
            if (request.Headers.Authorization != null) text.Append(" | Authorization: ").Append(request.Headers.Authorization.Scheme).Append(" (hidden)");
            if (request.Content != null)
            {
                text.Append(" | Content-Type: ").Append(request.Content.Headers.ContentType);
                if (request.Content.Headers.ContentLength.HasValue) text.Append(" | Content-Length: ").Append(request.Content.Headers.ContentLength.Value);
            }

            if (response == null)
            {
                return text.Append(Environment.NewLine).Append("  < no response").ToString();
            }

            text.Append(Environment.NewLine).Append("  < ").Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase);
            if (response.Content?.Headers.ContentType != null) text.Append(" | Content-Type: ").Append(response.Content.Headers.ContentType);
            if (response.Content?.Headers.ContentLength != null) text.Append(" | Content-Length: ").Append(response.Content.Headers.ContentLength.Value);
            foreach (string name in ResponseHeaders)
            {
                if (response.Headers.TryGetValues(name, out IEnumerable<string> values))
                {
                    text.Append(" | ").Append(name).Append(": ").Append(string.Join(", ", values.Select(Shorten)));
                }
            }

            return text.ToString();
        }

        private static string Shorten(string value) => value.Length <= 120 ? value : value.Substring(0, 117) + "...";
    }
}
