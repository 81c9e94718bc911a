using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace ZoomHubPS.Core
{
    /// <summary>Requests a connection has sent (every attempt counts), per service and per bucket.</summary>
    public sealed class RequestCounters
    {
        // The work a request belongs to (an instance of an account-wide run): flows with the async calls it starts, so
        // concurrent instances each count their own requests.
        private static readonly AsyncLocal<RequestScope> CurrentScope = new AsyncLocal<RequestScope>();

        private readonly ConcurrentDictionary<string, int> _byBucket = new ConcurrentDictionary<string, int>();
        private int _zoom;
        private int _hubSpot;

        /// <summary>Zoom requests (incl. OAuth).</summary>
        public int Zoom => Volatile.Read(ref _zoom);

        /// <summary>HubSpot requests.</summary>
        public int HubSpot => Volatile.Read(ref _hubSpot);

        /// <summary>Requests per "Api/Category".</summary>
        public IReadOnlyDictionary<string, int> ByBucket => new Dictionary<string, int>(_byBucket);

        internal void Add(ApiKind api, Http.RateCategory category)
        {
            if (api == ApiKind.Zoom) Interlocked.Increment(ref _zoom); else Interlocked.Increment(ref _hubSpot);
            _byBucket.AddOrUpdate(api + "/" + category, 1, (_, n) => n + 1);
            for (RequestScope s = CurrentScope.Value; s != null; s = s.Parent) s.Add(api);
        }

        /// <summary>
        /// Counts the requests of the calling async flow from here (nested scopes count into their parents too); dispose
        /// to end it. Requests of work running at the same time in other flows are not counted.
        /// </summary>
        internal RequestScope BeginScope()
        {
            var scope = new RequestScope(CurrentScope.Value, s => CurrentScope.Value = s);
            CurrentScope.Value = scope;
            return scope;
        }

        /// <summary>A copy of the current counts.</summary>
        public RequestCountSnapshot Snapshot() => new RequestCountSnapshot(Zoom, HubSpot);
    }

    /// <summary>Counts at one moment; subtract two to get what an operation used.</summary>
    public readonly struct RequestCountSnapshot
    {
        /// <summary>Creates a snapshot.</summary>
        public RequestCountSnapshot(int zoom, int hubSpot)
        {
            Zoom = zoom;
            HubSpot = hubSpot;
        }

        /// <summary>Zoom requests.</summary>
        public int Zoom { get; }

        /// <summary>HubSpot requests.</summary>
        public int HubSpot { get; }

        /// <summary>Difference.</summary>
        public static RequestCountSnapshot operator -(RequestCountSnapshot a, RequestCountSnapshot b) => new RequestCountSnapshot(a.Zoom - b.Zoom, a.HubSpot - b.HubSpot);
    }

    /// <summary>The requests of one async flow (see <see cref="RequestCounters.BeginScope"/>).</summary>
    internal sealed class RequestScope : System.IDisposable
    {
        private readonly System.Action<RequestScope> _restore;
        private int _zoom;
        private int _hubSpot;

        internal RequestScope(RequestScope parent, System.Action<RequestScope> restore)
        {
            Parent = parent;
            _restore = restore;
        }

        internal RequestScope Parent { get; }

        public int Zoom => Volatile.Read(ref _zoom);

        public int HubSpot => Volatile.Read(ref _hubSpot);

        internal void Add(ApiKind api)
        {
            if (api == ApiKind.Zoom) Interlocked.Increment(ref _zoom); else Interlocked.Increment(ref _hubSpot);
        }

        public void Dispose() => _restore(Parent);
    }
}
