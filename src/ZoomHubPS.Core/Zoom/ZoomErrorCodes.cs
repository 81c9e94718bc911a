namespace ZoomHubPS.Core.Zoom
{
    /// <summary>
    /// The Zoom error codes the module acts on, in one place (FACTS §1, the Meetings spec's response descriptions).
    /// Everything that branches on a Zoom code names one of these.
    /// </summary>
    public static class ZoomErrorCodes
    {
        /// <summary>Access token invalid or expired (401): refresh the token once.</summary>
        public const int InvalidAccessToken = 124;

        /// <summary>Dashboard/feature not on this plan (400), e.g. the Dashboard API on Pro.</summary>
        public const int FeatureNotAvailable = 200;

        /// <summary>Validation failed (400); with "next page token" in the message, the page token expired.</summary>
        public const int ValidationFailed = 300;

        /// <summary>User does not exist (400/404).</summary>
        public const int UserNotFound = 1001;

        /// <summary>Registration is not allowed for this person/webinar (panelists, paid webinars).</summary>
        public const int CannotRegister = 3000;

        /// <summary>Webinar does not exist (400/404).</summary>
        public const int WebinarNotFound = 3001;

        /// <summary>The webinar's host cannot register for it.</summary>
        public const int HostCannotRegister = 3027;

        /// <summary>
        /// DELETE …/registrants/{registrantId}: "Registrant {id} was not found." or "Registration has not been enabled for this
        /// webinar" (400). Either way the webinar has no such registrant. Same number as <see cref="CannotRegister"/>.
        /// </summary>
        public const int RegistrantMissing = 3000;

        /// <summary>PUT …/registrants/status (approve): the webinar has reached its registrant limit.</summary>
        public const int RegistrantCapacityReached = 3035;

        /// <summary>The webinar is over: no registration.</summary>
        public const int WebinarOver = 3038;

        /// <summary>The webinar is full (registration capacity reached).</summary>
        public const int WebinarFull = 3043;

        /// <summary>Not found (registrant, occurrence).</summary>
        public const int NotFound = 3079;

        /// <summary>No cloud recording for this meeting/webinar.</summary>
        public const int NoRecording = 3301;

        /// <summary>The access token lacks scopes (answered as HTTP 400).</summary>
        public const int MissingScopes = 4711;

        /// <summary>Polls are switched off for the webinar's user ("Webinar polls disabled", 400).</summary>
        public const int PollsDisabled = 4400;

        /// <summary>Report data older than the report window ("a year ago").</summary>
        public const int ReportTooOld = 12702;

        /// <summary>Codes Zoom answers with 400 that mean "does not exist".</summary>
        internal static bool MeansNotFound(int code)
            => code == WebinarNotFound || code == NotFound || code == NoRecording || code == UserNotFound;
    }
}
