namespace ZoomHubPS.Core.RegistrantLifecycle
{
    /// <summary>What to do to a registrant.</summary>
    public enum RegistrantChange
    {
        /// <summary>Approve (pending or denied/cancelled registrants): status approved.</summary>
        Approve,

        /// <summary>Deny: status denied; Zoom keeps the person on the webinar's denied list.</summary>
        Deny,

        /// <summary>Cancel an approved registration: Zoom lists the person as denied afterwards.</summary>
        Cancel,

        /// <summary>Delete the registration (DELETE …/registrants/{id}).</summary>
        Remove,
    }

    /// <summary>What happened to one input.</summary>
    public enum RegistrantChangeOutcome
    {
        /// <summary>Zoom applied the change (or, with -WhatIf, would).</summary>
        Changed,

        /// <summary>Nothing to do: already in that state, or the same registrant earlier in the input.</summary>
        Unchanged,

        /// <summary>The webinar has no such registrant.</summary>
        NotFound,

        /// <summary>Zoom refused: see Reason, ZoomCode and Message.</summary>
        Failed,
    }

    /// <summary>The reasons a result names, as constants (scripts filter on them).</summary>
    public static class RegistrantChangeReasons
    {
        /// <summary>Already in the state the change leads to.</summary>
        public const string AlreadyInState = nameof(AlreadyInState);

        /// <summary>The same registrant appears earlier in the input.</summary>
        public const string DuplicateInput = nameof(DuplicateInput);

        /// <summary>No registrant with that id or email.</summary>
        public const string NotFound = nameof(NotFound);

        /// <summary>The input has neither a registrant id nor an email.</summary>
        public const string NoIdentity = nameof(NoIdentity);

        /// <summary>The registrant's 10 status updates a day are spent (Zoom 429, resets 00:00 UTC).</summary>
        public const string DailyLimit = nameof(DailyLimit);

        /// <summary>Zoom's per-second limit stayed closed for the whole retry time budget.</summary>
        public const string RateLimited = nameof(RateLimited);

        /// <summary>Approving would pass the webinar's registrant limit (Zoom 3035).</summary>
        public const string WebinarFull = nameof(WebinarFull);

        /// <summary>Another refusal: Zoom's code and message say why.</summary>
        public const string ZoomError = nameof(ZoomError);
    }

    /// <summary>One registrant to change, as the input named them (an id, an email, or both).</summary>
    public sealed class RegistrantTarget
    {
        /// <summary>Creates a target.</summary>
        public RegistrantTarget(string registrantId, string email, object original = null)
        {
            RegistrantId = string.IsNullOrWhiteSpace(registrantId) ? null : registrantId.Trim();
            Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
            Original = original;
        }

        /// <summary>Zoom registrant id (wins over the email when both are given).</summary>
        public string RegistrantId { get; }

        /// <summary>Email the registrant registered with (matched case-insensitively).</summary>
        public string Email { get; }

        /// <summary>What the user passed, for the result.</summary>
        public object Original { get; }
    }

    /// <summary>How to apply changes.</summary>
    public sealed class RegistrantChangeOptions
    {
        /// <summary>Occurrence of a recurring webinar (sent as occurrence_id; also filters the registrant lookup).</summary>
        public string OccurrenceId { get; set; }

        /// <summary>Plan only: read, write nothing.</summary>
        public bool WhatIf { get; set; }
    }

    /// <summary>The result of one input.</summary>
    public sealed class RegistrantChangeResult
    {
        /// <summary>The input object.</summary>
        public object Input { get; internal set; }

        /// <summary>The webinar.</summary>
        public long WebinarId { get; internal set; }

        /// <summary>The occurrence, if one was given.</summary>
        public string OccurrenceId { get; internal set; }

        /// <summary>Email (from the input, else from Zoom).</summary>
        public string Email { get; internal set; }

        /// <summary>Registrant id (from the input, else from Zoom).</summary>
        public string RegistrantId { get; internal set; }

        /// <summary>Approve, Deny, Cancel or Remove.</summary>
        public RegistrantChange Change { get; internal set; }

        /// <summary>Changed, Unchanged, NotFound or Failed.</summary>
        public RegistrantChangeOutcome Outcome { get; internal set; }

        /// <summary>Zoom's status before: approved, pending or denied (null when not read).</summary>
        public string PreviousStatus { get; internal set; }

        /// <summary>The status now: approved, pending, denied, or removed.</summary>
        public string Status { get; internal set; }

        /// <summary>Why (see <see cref="RegistrantChangeReasons"/>); null for a plain change.</summary>
        public string Reason { get; internal set; }

        /// <summary>Zoom's error code for a failure.</summary>
        public int? ZoomCode { get; internal set; }

        /// <summary>Zoom's message for a failure, or what the outcome means.</summary>
        public string Message { get; internal set; }

        /// <summary>A -WhatIf plan: nothing was written.</summary>
        public bool WhatIf { get; internal set; }
    }
}
