using System;

namespace ZoomHubPS.Sandbox.Journal
{
    /// <summary>One request the twin answered.</summary>
    public sealed class JournalEntry
    {
        /// <summary>Sequence number, from 1.</summary>
        public long Sequence { get; internal set; }

        /// <summary>Which service ("Zoom", "ZoomOAuth", "HubSpot", or "Unknown" for unmatched paths).</summary>
        public string Api { get; internal set; }

        /// <summary>HTTP method.</summary>
        public string Method { get; internal set; }

        /// <summary>Route template (e.g. <c>/v2/webinars/{webinarId}</c>), or the raw path when nothing matched.</summary>
        public string Route { get; internal set; }

        /// <summary>"METHOD /template".</summary>
        public string RouteKey => Method + " " + Route;

        /// <summary>The raw path and query as sent.</summary>
        public string PathAndQuery { get; internal set; }

        /// <summary>Rate-limit bucket of the route.</summary>
        public string Bucket { get; internal set; }

        /// <summary>Whether the route changes state.</summary>
        public bool IsWrite { get; internal set; }

        /// <summary>
        /// Status the twin answered (0 when a fault threw or hung before the route ran). For a lost reply it is the
        /// status of the reply the route produced, which the client never saw.
        /// </summary>
        public int Status { get; internal set; }

        /// <summary>How the reply was lost after the route ran (null: the reply, or the fault's answer, was delivered).</summary>
        public Faults.LostReplyKind? LostReply { get; internal set; }

        /// <summary>The route ran and answered but the client never got that answer.</summary>
        public bool ReplyLost => LostReply != null;

        /// <summary>The route ran and succeeded (2xx): for a write, its change landed, also when its reply was lost.</summary>
        public bool Applied => Status >= 200 && Status < 300;

        /// <summary>Simulated latency applied (sandbox time).</summary>
        public TimeSpan Latency { get; internal set; }

        /// <summary>Sandbox time when the request arrived.</summary>
        public DateTimeOffset At { get; internal set; }

        /// <summary>Name of the fault injected, if any.</summary>
        public string Fault { get; internal set; }

        /// <inheritdoc />
        public override string ToString() => $"{Sequence} {Method} {Route} -> {Status}" + (ReplyLost ? " (reply lost: " + LostReply + ")" : string.Empty);
    }
}
