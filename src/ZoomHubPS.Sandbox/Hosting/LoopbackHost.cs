using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
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
    public sealed class LoopbackHost : IDisposable
    {
        private readonly ZoomHubSandbox _sandbox;
        private readonly int _requestedPort;
        private HttpListener _listener;
        private CancellationTokenSource _stopping;
        private Task _loop;

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

        /// <summary>Whether it listens.</summary>
        public bool IsRunning => _listener != null && _listener.IsListening;

        /// <summary>Starts listening.</summary>
        public void Start()
        {
            if (IsRunning) return;
            int port = _requestedPort == 0 ? FreePort() : _requestedPort;
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            _listener = listener;
            BaseUri = new Uri($"http://127.0.0.1:{port}/");
            _stopping = new CancellationTokenSource();
            _loop = Task.Run(() => AcceptLoopAsync(listener, _stopping.Token));
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

            try
            {
                _loop?.Wait(TimeSpan.FromSeconds(2));
            }
            catch (AggregateException)
            {
            }
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
                string body;
                using (var reader = new StreamReader(request.InputStream, request.ContentEncoding ?? Encoding.UTF8))
                {
                    body = await reader.ReadToEndAsync().ConfigureAwait(false);
                }

                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (string key in request.Headers.AllKeys)
                {
                    headers[key] = request.Headers[key];
                }

                // RawUrl keeps percent-encoding as sent (double-encoded UUIDs must reach the router untouched).
                var uri = new Uri(BaseUri.GetLeftPart(UriPartial.Authority) + request.RawUrl);
                SandboxResponse answer = await _sandbox.ProcessAsync(new HttpMethod(request.HttpMethod), uri, headers, body, stopping).ConfigureAwait(false);
                response.StatusCode = (int)answer.Status;
                foreach (var h in answer.Headers)
                {
                    response.Headers[h.Key] = h.Value;
                }

                if (answer.Body != null)
                {
                    byte[] bytes = Encoding.UTF8.GetBytes(answer.Body);
                    response.ContentType = answer.ContentType;
                    response.ContentLength64 = bytes.Length;
                    await response.OutputStream.WriteAsync(bytes, 0, bytes.Length, stopping).ConfigureAwait(false);
                }

                response.Close();
            }
            catch (Exception)
            {
                // A "connection reset" fault, a stop, or a client that went away: drop the connection.
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
}
