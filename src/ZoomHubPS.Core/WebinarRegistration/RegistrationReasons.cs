namespace ZoomHubPS.Core.WebinarRegistration
{
    /// <summary>Why a registration row was skipped or failed (<see cref="RegistrationResult.Reason"/>): stable words scripts can test.</summary>
    public static class RegistrationReasons
    {
        /// <summary>Not an email address (or no email at all).</summary>
        public const string InvalidEmail = "InvalidEmail";

        /// <summary>The same email earlier in the input.</summary>
        public const string DuplicateInput = "DuplicateInput";

        /// <summary>The webinar's host (Zoom 3027).</summary>
        public const string Host = "Host";

        /// <summary>A panelist of the webinar (Zoom 3000).</summary>
        public const string Panelist = "Panelist";

        /// <summary>The email's domain is excluded.</summary>
        public const string Excluded = "Excluded";

        /// <summary>Zoom requires a first name.</summary>
        public const string MissingFirstName = "MissingFirstName";

        /// <summary>Denied or cancelled for this webinar: on Zoom's denied list (approve them instead).</summary>
        public const string Denied = "Denied";

        /// <summary>A required answer is empty in this row.</summary>
        public const string MissingAnswer = "MissingAnswer";

        /// <summary>The webinar has no room left (Zoom 3043).</summary>
        public const string Full = "Full";

        /// <summary>Zoom does not register people for this webinar through the API (a paid webinar, 3000).</summary>
        public const string NotAllowed = "NotAllowed";

        /// <summary>The person's daily registration limit.</summary>
        public const string DailyLimit = "DailyLimit";

        /// <summary>A rate limit that outlasted the retry budget.</summary>
        public const string RateLimited = "RateLimited";

        /// <summary>Zoom refused the row for another reason (see ZoomCode and Message).</summary>
        public const string ZoomError = "ZoomError";

        /// <summary>The reply was lost and the registrant listing does not show the person: not registered, safe to run again.</summary>
        public const string Unconfirmed = "Unconfirmed";
    }

    /// <summary>Setting a result's outcome in one step.</summary>
    internal static class RegistrationResultOutcomes
    {
        public static bool Skip(this RegistrationResult r, string reason, string message)
        {
            r.Status = RegistrationStatus.Skipped;
            r.Reason = reason;
            r.Message = message;
            return true;
        }

        public static bool Fail(this RegistrationResult r, string reason, int? zoomCode, string message)
        {
            r.Status = RegistrationStatus.Failed;
            r.Reason = reason;
            r.ZoomCode = zoomCode;
            r.Message = message;
            return true;
        }

        public static void Registered(this RegistrationResult r, string registrantId, string joinUrl)
        {
            r.Status = RegistrationStatus.Registered;
            r.RegistrantId = registrantId;
            r.JoinUrl = joinUrl;
            r.Reason = null;
            r.Message = null;
        }
    }
}
