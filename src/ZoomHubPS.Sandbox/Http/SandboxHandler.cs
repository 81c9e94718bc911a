using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Sandbox.Journal;

namespace ZoomHubPS.Sandbox.Http
{
    /// <summary>
    /// The twin as an <see cref="HttpMessageHandler"/>: every request goes through faults, authentication,
    /// rate limits and the route, and lands in the journal. The loopback host uses the same pipeline.
    /// </summary>
    public sealed class SandboxHandler : HttpMessageHandler
    {
        private readonly ZoomHubSandbox _sandbox;

        internal SandboxHandler(ZoomHubSandbox sandbox)
        {
            _sandbox = sandbox;
        }

        /// <inheritdoc />
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string body = request.Content == null ? string.Empty : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var h in request.Headers)
            {
                headers[h.Key] = string.Join(", ", h.Value);
            }

            if (request.Content != null)
            {
                foreach (var h in request.Content.Headers)
                {
                    headers[h.Key] = string.Join(", ", h.Value);
                }
            }

            SandboxResponse response = await _sandbox.ProcessAsync(request.Method, request.RequestUri, headers, body, cancellationToken).ConfigureAwait(false);
            return ToHttpResponse(response, request);
        }

        internal static HttpResponseMessage ToHttpResponse(SandboxResponse response, HttpRequestMessage request)
        {
            var message = new HttpResponseMessage(response.Status) { RequestMessage = request };
            if (response.Body != null)
            {
                var content = new StringContent(response.Body, Encoding.UTF8);
                content.Headers.Remove("Content-Type");
                content.Headers.TryAddWithoutValidation("Content-Type", response.ContentType);
                message.Content = content;
            }
            else
            {
                message.Content = new ByteArrayContent(Array.Empty<byte>());
            }

            foreach (var h in response.Headers)
            {
                if (!message.Headers.TryAddWithoutValidation(h.Key, h.Value))
                {
                    message.Content.Headers.TryAddWithoutValidation(h.Key, h.Value);
                }
            }

            return message;
        }
    }
}
