using System;
using System.Globalization;
using System.Threading;

namespace ZoomHubPS.Core
{
    /// <summary>One HTTP attempt, as shown by -Verbose. Carries no header and no body.</summary>
    public sealed class RequestLogEntry
    {
        internal RequestLogEntry(ApiKind api, string method, string pathAndQuery, int status, TimeSpan elapsed, int attempt, string httpDetail = null)
        {
            HttpDetail = httpDetail;
            Api = api;
            Method = method;
            PathAndQuery = pathAndQuery;
            Status = status;
            Elapsed = elapsed;
            Attempt = attempt;
        }

        /// <summary>Which service.</summary>
        public ApiKind Api { get; }

        /// <summary>HTTP method.</summary>
        public string Method { get; }

        /// <summary>Path and query (no secrets travel in these APIs' queries; the OAuth grant is sent in the body).</summary>
        public string PathAndQuery { get; }

        /// <summary>HTTP status, 0 when no response arrived.</summary>
        public int Status { get; }

        /// <summary>Time the attempt took.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>1 for the first attempt, 2+ for retries.</summary>
        public int Attempt { get; }

        /// <summary>
        /// Headers of the attempt from an allow-list (content type and length, rate-limit and request-id headers,
        /// Retry-After, Date): set only when a scope asked for HTTP detail (-Debug). Never a body, never a credential.
        /// </summary>
        public string HttpDetail { get; }

        /// <summary>The request line followed by the HTTP detail, for the debug stream.</summary>
        public string ToDebugString() => HttpDetail == null ? ToString() : ToString() + Environment.NewLine + HttpDetail;

        /// <inheritdoc />
        public override string ToString()
            => string.Format(CultureInfo.InvariantCulture, "{0} {1} {2} -> {3} ({4:0} ms{5})",
                Api, Method, PathAndQuery, Status == 0 ? "no response" : Status.ToString(CultureInfo.InvariantCulture),
                Elapsed.TotalMilliseconds, Attempt > 1 ? ", attempt " + Attempt : string.Empty);
    }

    /// <summary>
    /// Where request lines go, without any PowerShell type: a cmdlet opens a scope around its async work and turns
    /// each entry into a verbose line. AsyncLocal, so concurrent cmdlets (runspaces) never see each other's lines.
    /// </summary>
    public static class RequestLog
    {
        private static readonly AsyncLocal<Action<RequestLogEntry>> Sink = new AsyncLocal<Action<RequestLogEntry>>();
        private static readonly AsyncLocal<bool> Detail = new AsyncLocal<bool>();

        /// <summary>Sends entries of the current async flow to <paramref name="sink"/> until disposed.</summary>
        /// <param name="sink">Receives each entry.</param>
        /// <param name="withHttpDetail">Also describe each attempt's headers (<see cref="RequestLogEntry.HttpDetail"/>); costs a little per request, so only when asked.</param>
        public static IDisposable BeginScope(Action<RequestLogEntry> sink, bool withHttpDetail = false)
        {
            var scope = new Scope(Sink.Value, Detail.Value);
            Sink.Value = sink;
            Detail.Value = withHttpDetail;
            return scope;
        }

        /// <summary>Whether the current flow's scope wants <see cref="RequestLogEntry.HttpDetail"/>.</summary>
        internal static bool WantsHttpDetail => Detail.Value && Sink.Value != null;

        internal static void Write(RequestLogEntry entry)
        {
            try
            {
                Sink.Value?.Invoke(entry);
            }
            catch (Exception)
            {
                // Logging must never break a request.
            }
        }

        private sealed class Scope : IDisposable
        {
            private readonly Action<RequestLogEntry> _previous;
            private readonly bool _previousDetail;

            public Scope(Action<RequestLogEntry> previous, bool previousDetail)
            {
                _previous = previous;
                _previousDetail = previousDetail;
            }

            public void Dispose()
            {
                Sink.Value = _previous;
                Detail.Value = _previousDetail;
            }
        }
    }
}
