using System;
using System.Globalization;
using System.Threading;

namespace ZoomHubPS.Core
{
    /// <summary>One HTTP attempt, as shown by -Verbose. Carries no header and no body.</summary>
    public sealed class RequestLogEntry
    {
        internal RequestLogEntry(ApiKind api, string method, string pathAndQuery, int status, TimeSpan elapsed, int attempt)
        {
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

        /// <summary>Sends entries of the current async flow to <paramref name="sink"/> until disposed.</summary>
        public static IDisposable BeginScope(Action<RequestLogEntry> sink)
        {
            Action<RequestLogEntry> previous = Sink.Value;
            Sink.Value = sink;
            return new Scope(previous);
        }

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

            public Scope(Action<RequestLogEntry> previous) => _previous = previous;

            public void Dispose() => Sink.Value = _previous;
        }
    }
}
