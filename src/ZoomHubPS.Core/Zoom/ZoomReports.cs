namespace ZoomHubPS.Core.Zoom
{
    /// <summary>When a Zoom report is out of reach, so the module reads the plainer past-webinar data instead.</summary>
    public static class ZoomReports
    {
        /// <summary>
        /// A report route refused for reasons a retry cannot cure: older than its window (404, or 12702 "a year ago"),
        /// no report scope or a plan without reports (403, 4711, 200). The one test the participant reader and the
        /// instance's duration both use.
        /// </summary>
        public static bool IsUnavailable(ZoomHubApiException error)
            => error != null && error.Api == ApiKind.Zoom
               && (error.Kind == ErrorKind.NotFound || error.Kind == ErrorKind.PermissionDenied
                   || error.ZoomCode == ZoomErrorCodes.ReportTooOld || error.ZoomCode == ZoomErrorCodes.FeatureNotAvailable);
    }
}
