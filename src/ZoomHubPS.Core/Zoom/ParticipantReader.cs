using System;
using System.Threading;
using System.Threading.Tasks;

namespace ZoomHubPS.Core.Zoom
{
    /// <summary>
    /// Reads the participant rows of one instance: the detailed report (it carries registrant ids), falling back to the
    /// past-webinar list when the report is unavailable (older than 6 months, no report scope, not a paid account).
    /// </summary>
    public static class ParticipantReader
    {
        /// <summary>Streams the rows to <paramref name="onRow"/> (return false to stop); <paramref name="onFallback"/> hears why the report was not used.</summary>
        public static async Task ForEachAsync(ZoomClient zoom, long webinarId, string instanceUuid, bool preferReport, Func<ZoomParticipant, bool> onRow,
            Action<string> onFallback = null, long? maxItems = null, CancellationToken cancellationToken = default)
        {
            var options = new ListOptions { MaxItems = maxItems };
            if (preferReport)
            {
                bool any = false;
                try
                {
                    await zoom.PastWebinars.ListReportParticipants(webinarId, instanceUuid, options, cancellationToken).ForEachAsync(p =>
                    {
                        any = true;
                        return onRow(p);
                    }, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (ZoomHubApiException ex) when (!any && ZoomReports.IsUnavailable(ex))
                {
                    onFallback?.Invoke(ex.VendorMessage);
                }
            }

            await zoom.PastWebinars.ListParticipants(webinarId, instanceUuid, options, cancellationToken).ForEachAsync(onRow, cancellationToken).ConfigureAwait(false);
        }
    }
}
