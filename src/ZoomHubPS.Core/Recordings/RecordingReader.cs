using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.Recordings
{
    /// <summary>
    /// Reads an instance's recording for the sync, once (one request): honours the recordings setting and the
    /// recording-domain exclusions, and turns "no recording" and a failed read into a reason instead of an error, so a
    /// webinar without a recording never fails its sync.
    /// </summary>
    internal static class RecordingReader
    {
        /// <param name="include">Recordings are synced for this run (SyncOptions.IncludeRecording).</param>
        /// <param name="excludedDomains">Host domains whose recordings are not read.</param>
        public static async Task<InstanceRecording> ReadAsync(ZoomClient zoom, ZoomWebinar webinar, string instanceUuid, bool isPast, bool include,
            System.Collections.Generic.IEnumerable<string> excludedDomains, CancellationToken ct)
        {
            if (!include) return InstanceRecording.NotRead(RecordingReasons.RecordingsOff);
            if (!isPast) return InstanceRecording.NotRead(RecordingReasons.NotHeld, "The webinar has not been held yet.");
            if (EmailRules.InDomains(webinar.HostEmail, excludedDomains))
            {
                return InstanceRecording.NotRead(RecordingReasons.ExcludedDomain, $"The host's domain ({webinar.HostEmail}) is in the recording exclusions.");
            }

            try
            {
                ZoomRecording recording = await zoom.Recordings.GetAsync(webinar.Id, instanceUuid, ct).ConfigureAwait(false);
                return recording == null ? InstanceRecording.None() : InstanceRecording.Of(recording);
            }
            catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.NotFound)
            {
                return InstanceRecording.None();
            }
            catch (ZoomHubApiException ex) when (!ct.IsCancellationRequested)
            {
                // Optional data: the rest of the sync goes on, and what HubSpot holds stays until a run reads it.
                return InstanceRecording.NotRead(RecordingReasons.Unavailable, "The recording could not be read: " + ex.Message);
            }
        }
    }
}
