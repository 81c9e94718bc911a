using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.Hosting
{
    /// <summary>
    /// Serves a twin over real HTTP on 127.0.0.1 (all three APIs on one port, routed by path), through the same
    /// pipeline as the in-process handler, so curl, SDKs and runbooks can use it.
    /// </summary>
    /// <remarks>
    /// Requests are served concurrently. The raw request target (<c>RawUrl</c>) goes to the pipeline untouched, so a
    /// double-encoded Zoom UUID (<c>%252F…%253D%253D</c>) reaches the router as sent. A connection-reset fault aborts
    /// the connection; a timeout fault holds it until the host stops.
    /// </remarks>
    public sealed class LoopbackHost : IDisposable
    {
        private readonly ZoomHubSandbox _sandbox;
        private readonly int _requestedPort;
        private HttpListener _listener;
        private CancellationTokenSource _stopping;

        /// <summary>Creates a host; <paramref name="port"/> 0 picks a free port.</summary>
        public LoopbackHost(ZoomHubSandbox sandbox, int port = 0)
        {
            _sandbox = sandbox ?? throw new ArgumentNullException(nameof(sandbox));
            if (port < 0 || port > 65535) throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port is 0 to 65535.");
            _requestedPort = port;
        }

        /// <summary>http://127.0.0.1:{port}/ (valid after Start).</summary>
        public Uri BaseUri { get; private set; }

        /// <summary>Zoom OAuth base (POST {this}oauth/token).</summary>
        public Uri ZoomOAuthUri => BaseUri;

        /// <summary>Zoom API base ({BaseUri}v2/).</summary>
        public Uri ZoomApiUri => BaseUri == null ? null : new Uri(BaseUri, "v2/");

        /// <summary>HubSpot API base.</summary>
        public Uri HubSpotUri => BaseUri;

        /// <summary>The twin it serves.</summary>
        public ZoomHubSandbox Sandbox => _sandbox;

        /// <summary>Credentials the twin accepts (Zoom account id, client id and secret; HubSpot token).</summary>
        public SandboxCredentials Credentials => _sandbox.Credentials;

        /// <summary>Whether it listens.</summary>
        public bool IsRunning => _listener != null && _listener.IsListening;

        /// <summary>
        /// Starts listening on <c>http://127.0.0.1:{port}/</c>. With port 0 a free port is picked first (a TcpListener on
        /// 127.0.0.1:0); should another process grab it in the instant between, a new one is picked (up to 5 tries).
        /// </summary>
        /// <exception cref="HttpListenerException">The port is taken (fixed port) or listening is not allowed.</exception>
        public void Start()
        {
            if (IsRunning) return;
            int attempts = _requestedPort == 0 ? 5 : 1;
            for (int attempt = 1; ; attempt++)
            {
                int port = _requestedPort == 0 ? FreePort() : _requestedPort;
                try
                {
                    _listener = Listen("127.0.0.1", port);
                    BaseUri = new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/");
                    break;
                }
                catch (HttpListenerException ex) when (ex.ErrorCode == 5 && RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    // Access denied: on Windows http.sys lets a non-administrator listen on "localhost" but not on an
                    // IP address without a URL ACL. Loopback either way, so fall back rather than fail.
                    _listener = Listen("localhost", port);
                    BaseUri = new Uri("http://localhost:" + port.ToString(CultureInfo.InvariantCulture) + "/");
                    break;
                }
                catch (HttpListenerException) when (attempt < attempts)
                {
                    // The free port was taken in between: try another.
                }
            }

            _stopping = new CancellationTokenSource();
            HttpListener listener = _listener;
            CancellationToken token = _stopping.Token;
            _ = Task.Run(() => AcceptLoopAsync(listener, token));
        }

        private static HttpListener Listen(string host, int port)
        {
            var listener = new HttpListener();
            listener.Prefixes.Add("http://" + host + ":" + port.ToString(CultureInfo.InvariantCulture) + "/");
            try
            {
                listener.Start();
                return listener;
            }
            catch
            {
                listener.Close();
                throw;
            }
        }

        /// <summary>Stops listening and frees the port.</summary>
        public void Stop()
        {
            HttpListener listener = _listener;
            if (listener == null) return;
            _listener = null;
            _stopping?.Cancel();
            try
            {
                listener.Stop();
                listener.Close();
            }
            catch (ObjectDisposedException)
            {
            }

            // Closing the listener frees the port at once. The accept loop and any held requests (timeout faults) end
            // on their own through the cancelled token; waiting for them would only slow Stop down. The token source is
            // not disposed because those tasks may still read its token.
            _stopping = null;
        }

        /// <inheritdoc />
        public void Dispose() => Stop();

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private async Task AcceptLoopAsync(HttpListener listener, CancellationToken stopping)
        {
            while (!stopping.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception) when (stopping.IsCancellationRequested || !listener.IsListening)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    return;
                }

                _ = Task.Run(() => ServeAsync(context, stopping));
            }
        }

        private async Task ServeAsync(HttpListenerContext context, CancellationToken stopping)
        {
            HttpListenerRequest request = context.Request;
            HttpListenerResponse response = context.Response;
            try
            {
                string body = string.Empty;
                if (request.HasEntityBody)
                {
                    using (var reader = new StreamReader(request.InputStream, request.ContentEncoding ?? Encoding.UTF8))
                    {
                        body = await reader.ReadToEndAsync().ConfigureAwait(false);
                    }
                }

                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (string key in request.Headers.AllKeys)
                {
                    if (key != null) headers[key] = request.Headers[key];
                }

                // RawUrl keeps percent-encoding as sent (double-encoded UUIDs must reach the router untouched), and
                // new Uri(string) keeps the original string, from which the pipeline reads the path. A client may send
                // the absolute form ("GET http://127.0.0.1:port/v2/users", as through a proxy): only its path counts.
                string target = request.RawUrl ?? "/";
                if (!target.StartsWith("/", StringComparison.Ordinal))
                {
                    int scheme = target.IndexOf("://", StringComparison.Ordinal);
                    int slash = scheme < 0 ? -1 : target.IndexOf('/', scheme + 3);
                    target = slash < 0 ? "/" : target.Substring(slash);
                }

                var uri = new Uri(BaseUri.GetLeftPart(UriPartial.Authority) + target);
                SandboxResponse answer = await _sandbox.ProcessAsync(new HttpMethod(request.HttpMethod), uri, headers, body, stopping).ConfigureAwait(false);
                if (answer.Throw != null)
                {
                    throw answer.Throw; // a connection-reset fault: abort below
                }

                response.StatusCode = (int)answer.Status;
                foreach (KeyValuePair<string, string> h in answer.Headers)
                {
                    if (string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)) response.ContentType = h.Value;
                    else response.Headers[h.Key] = h.Value;
                }

                byte[] bytes = answer.Body == null ? new byte[0] : Encoding.UTF8.GetBytes(answer.Body);
                if (answer.Body != null && response.ContentType == null) response.ContentType = answer.ContentType;
                response.ContentLength64 = bytes.Length;
                if (bytes.Length > 0)
                {
                    await response.OutputStream.WriteAsync(bytes, 0, bytes.Length, stopping).ConfigureAwait(false);
                }

                response.Close();
            }
            catch (Exception)
            {
                // A "connection reset" fault, a stop, or a client that went away: drop the connection.
                Abort(response);
            }
        }

        /// <summary>
        /// Drops the connection without a usable answer. On Windows (http.sys) Abort resets it before anything is sent.
        /// The managed listener (Linux, macOS) flushes the status line and headers while closing, so a body is declared
        /// first that never arrives: every client then fails reading the response, as it would after a reset.
        /// </summary>
        private static void Abort(HttpListenerResponse response)
        {
            try
            {
                response.StatusCode = 502;
                response.SendChunked = false;
                response.ContentLength64 = 1;
            }
            catch (Exception)
            {
                // Headers already sent: aborting alone cuts the body short, which is enough.
            }

            try
            {
                response.Abort();
            }
            catch (Exception)
            {
            }
        }
    }
}
