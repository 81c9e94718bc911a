using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// The engagement readers of one instance (poll answers, Q&amp;A): -Source Report (default; falls back to the
    /// past-webinar route with a verbose line when the report is unavailable) or PastWebinar, records streamed as they
    /// are read, and one ZoomWebinarNotFound-style error per instance that cannot be read.
    /// </summary>
    /// <remarks>
    /// Not generic over the record type on purpose: a base type naming a Core type would make PowerShell load Core
    /// while it scans the module's cmdlets, before the module's isolated loading is in place.
    /// </remarks>
    public abstract class InstanceEngagementCmdlet : InstanceInputCmdlet
    {
        /// <summary>Report (default, falls back to PastWebinar when unavailable) or PastWebinar.</summary>
        [Parameter]
        [ValidateSet("Report", "PastWebinar")]
        public string Source { get; set; } = "Report";

        /// <summary>What the records are, for the fallback line ("poll", "Q&amp;A").</summary>
        private protected abstract string Kind { get; }

        /// <summary>Streams the instance's records (<see cref="ConnectedCmdlet.EmitAsync"/> of the reader's listing).</summary>
        private protected abstract Task EmitRecordsAsync(bool preferReport, Action<string> onFallback, ListOptions options, CancellationToken cancellationToken);

        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            if (!TryWebinarId()) return;
            try
            {
                await EmitRecordsAsync(Source == "Report", why => WriteVerbose($"The {Kind} report is not available ({why}); reading /past_webinars {Kind} instead."),
                    new ListOptions { MaxItems = MaxItems }, cancellationToken).ConfigureAwait(false);
            }
            catch (ZoomHubApiException ex)
            {
                WriteItemError(ex, InstanceUuid ?? WebinarId, ErrorIds.ZoomWebinarNotFound);
            }
        }
    }
}
