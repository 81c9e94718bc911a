namespace ZoomHubPS.Sandbox.Faults
{
    /// <summary>What a fault rule does to the requests it matches.</summary>
    public enum FaultKind
    {
        /// <summary>Only latency.</summary>
        None,

        /// <summary>A 429 with Retry-After (as the real service would for a burst).</summary>
        TooManyRequests,

        /// <summary>A 500, 502, 503 or 504 before the route runs: nothing changes.</summary>
        ServerError,

        /// <summary>The connection drops before the route runs: nothing changes.</summary>
        ConnectionReset,

        /// <summary>No answer until the caller gives up; the route never runs.</summary>
        Timeout,

        /// <summary>
        /// The route runs and its change is kept, then the reply is lost (see <see cref="LostReplyKind"/>). Should auth or
        /// a rate limit refuse the request, that refusal is what gets lost: nothing was applied, and the journal says so.
        /// </summary>
        LostReply,
    }

    /// <summary>
    /// How the reply of a request the twin has already applied gets lost: the hardest failure for a client, because
    /// the write landed although the client saw an error.
    /// </summary>
    public enum LostReplyKind
    {
        /// <summary>
        /// The connection drops after the route ran. In process the handler throws what HttpClient throws on Linux for
        /// a reset (<c>HttpRequestException</c> → <c>IOException</c> → <c>SocketException</c> ConnectionReset); over
        /// loopback the connection is aborted.
        /// </summary>
        Reset,

        /// <summary>The reply never comes: the call is held until the caller cancels it (its own timeout).</summary>
        Timeout,

        /// <summary>A gateway answers 502 with its own HTML page instead of the API's reply.</summary>
        BadGateway,

        /// <summary>A gateway answers 504 with its own HTML page instead of the API's reply.</summary>
        GatewayTimeout,
    }
}
