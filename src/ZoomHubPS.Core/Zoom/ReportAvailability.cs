namespace ZoomHubPS.Core.Zoom
{
    /// <summary>
    /// When a Zoom report route (/report/webinars/…) cannot answer and the /past_webinars twin of the route should be read
    /// instead: the instance is older than the report's 6 months (404 3001, or 400 12702 past a year), the app lacks the
    /// report scope (400 4711, 403), or the account has no report feature (400 code 200: not Paid/ZMP).
    /// </summary>
    public static class ReportAvailability
    {
        /// <summary>Whether <paramref name="error"/> means "the report is unavailable here", not "this request is wrong".</summary>
        public static bool IsUnavailable(ZoomHubApiException error)
            => error != null && error.Api == ApiKind.Zoom
               && (error.Kind == ErrorKind.NotFound || error.Kind == ErrorKind.PermissionDenied
                   || error.ZoomCode == ZoomErrorCodes.ReportTooOld || error.ZoomCode == ZoomErrorCodes.FeatureNotAvailable);
    }
}
