using System;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>Reads participant rows from the report endpoint, falling back to the past-webinar endpoint.</summary>
    internal static class ParticipantSource
    {
        public static async Task ForEachAsync(ZoomHubConnection api, long webinarId, string instanceUuid, bool preferReport, PipelineQueue output,
            Func<ZoomParticipant, bool> onRow, long? maxItems, CancellationToken cancellationToken)
        {
            var options = new ListOptions { MaxItems = maxItems };
            if (preferReport)
            {
                bool any = false;
                try
                {
                    await api.Zoom.PastWebinars.ListReportParticipants(webinarId, instanceUuid, options).ForEachAsync(p =>
                    {
                        any = true;
                        return onRow(p);
                    }, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (ZoomHubApiException ex) when (!any && (ex.Kind == ErrorKind.NotFound || ex.Kind == ErrorKind.PermissionDenied || ex.ZoomCode == 12702 || ex.ZoomCode == 200))
                {
                    // No report (older than 6 months, no report scope, not a paid account): the past-webinar list still has the rows.
                    output.WriteVerbose($"The participant report is not available ({ex.VendorMessage}); reading /past_webinars participants instead.");
                }
            }

            await api.Zoom.PastWebinars.ListParticipants(webinarId, instanceUuid, options).ForEachAsync(onRow, cancellationToken).ConfigureAwait(false);
        }
    }
}
