using System;
using System.Collections.Generic;

namespace ZoomHubPS.Core.WebinarRegistration
{
    /// <summary>One person to register, from any input (CSV row, HubSpot contact, object) as a name → value map.</summary>
    public sealed class RegistrationInput
    {
        /// <summary>Creates an input from property values (names in any of the usual spellings).</summary>
        public RegistrationInput(IDictionary<string, object> values, object original = null)
        {
            Values = new Dictionary<string, object>(values ?? new Dictionary<string, object>(), StringComparer.OrdinalIgnoreCase);
            Original = original;
        }

        /// <summary>All values of the input, by property name (case-insensitive).</summary>
        public IReadOnlyDictionary<string, object> Values { get; }

        /// <summary>The object the user passed (for the result).</summary>
        public object Original { get; }

        /// <summary>
        /// Why the caller found that this input cannot stand for a person (a string, an object without an Email property),
        /// or null: such an input is Failed with <see cref="RegistrationReasons.InvalidInput"/> and this message before any
        /// other check, and is not one of the rows the required questions are checked against.
        /// </summary>
        public string Problem { get; set; }

        /// <summary>The input's webinar id (for -WebinarIdProperty), if any.</summary>
        public long? WebinarId { get; set; }

        /// <summary>The first non-empty value among <paramref name="names"/>.</summary>
        public string Get(params string[] names)
        {
            foreach (string n in names)
            {
                if (n != null && Values.TryGetValue(n, out object v) && v != null && !string.IsNullOrWhiteSpace(v.ToString())) return v.ToString().Trim();
            }

            return null;
        }

        /// <summary>Email.</summary>
        public string Email => Get("Email", "email", "EmailAddress", "user_email");

        /// <summary>First name.</summary>
        public string FirstName => Get("FirstName", "first_name", "firstname", "GivenName");

        /// <summary>Last name.</summary>
        public string LastName => Get("LastName", "last_name", "lastname", "Surname");

        /// <summary>HubSpot contact id, when the input is a contact.</summary>
        public string ContactId => Get("ContactId", "hs_object_id", "vid", "Id");
    }

    /// <summary>Outcome of one input.</summary>
    public enum RegistrationStatus
    {
        /// <summary>Registered now.</summary>
        Registered,

        /// <summary>Was registered already: no add request.</summary>
        AlreadyRegistered,

        /// <summary>Not registered, for <see cref="RegistrationResult.Reason"/>.</summary>
        Skipped,

        /// <summary>Zoom refused (see Reason, ZoomCode, Message).</summary>
        Failed,
    }

    /// <summary>
    /// The result of one input. Flat and typed for <c>| Export-Csv</c>: the input object itself is not a property (it
    /// would export as "@{…}"); <see cref="InputIndex"/> says which input row this is, and <see cref="GetInput"/> returns it.
    /// </summary>
    public sealed class RegistrationResult
    {
        /// <summary>Position of the input in the call, 1 for the first (set by the cmdlet; 0 when the engine runs alone).</summary>
        public int InputIndex { get; set; }

        /// <summary>Email.</summary>
        public string Email { get; set; }

        /// <summary>Webinar id.</summary>
        public long WebinarId { get; set; }

        /// <summary>Occurrence registered for (recurring webinars).</summary>
        public string OccurrenceId { get; set; }

        /// <summary>Outcome.</summary>
        public RegistrationStatus Status { get; set; }

        /// <summary>Host, Panelist, DuplicateInput, Excluded, InvalidEmail, MissingFirstName, DailyLimit, RateLimited, ZoomError.</summary>
        public string Reason { get; set; }

        /// <summary>Zoom's error code for a failure.</summary>
        public int? ZoomCode { get; set; }

        /// <summary>Zoom's message for a failure.</summary>
        public string Message { get; set; }

        /// <summary>Registrant id.</summary>
        public string RegistrantId { get; set; }

        /// <summary>HubSpot contact id (Add-HubSpotContactToWebinar).</summary>
        public string ContactId { get; set; }

        /// <summary>Whether this was a dry run (nothing was written).</summary>
        public bool WhatIf { get; set; }

        /// <summary>The personal join link (last: the longest text).</summary>
        public string JoinUrl { get; set; }

        /// <summary>The input object the user passed (a method, not a property, so exports stay flat).</summary>
        internal object Input { get; set; }

        /// <summary>The input object this result is for (a CSV row, a contact, the email given).</summary>
        public object GetInput() => Input;

        /// <summary>Replaces the input object (the cmdlet hands back the user's own object instead of its bookkeeping).</summary>
        public void SetInput(object input) => Input = input;
    }

    /// <summary>How to register.</summary>
    public sealed class RegistrationOptions
    {
        /// <summary>Occurrence of a recurring webinar (null = every occurrence).</summary>
        public string OccurrenceId { get; set; }

        /// <summary>Zoom question (field name or custom question title) → input property, or "=literal" for a fixed answer.</summary>
        public IDictionary<string, string> QuestionMap { get; set; } = new Dictionary<string, string>();

        /// <summary>Email domains not to register (Skipped, Excluded).</summary>
        public ICollection<string> ExcludeDomains { get; set; } = new List<string>();

        /// <summary>Reads only; writes nothing.</summary>
        public bool WhatIf { get; set; }

        /// <summary>Write the join link to the contact and the register participation to the marketing event.</summary>
        public bool WriteBackToHubSpot { get; set; }

        /// <summary>Contact property that receives the join link.</summary>
        public string JoinUrlProperty { get; set; } = "zoomhub_last_registered_webinar_url";

        /// <summary>The sync's property names (the registration also records itself in the contact's webinar ledger).</summary>
        public WebinarSync.SyncPropertyNames PropertyNames { get; set; } = new WebinarSync.SyncPropertyNames();
    }

    /// <summary>The whole call stops: required registration questions are not covered by the input or the question map.</summary>
    public sealed class RegistrationQuestionsMissingException : InvalidOperationException
    {
        /// <summary>Creates the exception.</summary>
        public RegistrationQuestionsMissingException(long webinarId, IReadOnlyList<string> missing)
            : base($"Webinar {webinarId} requires registration answers the input does not provide: {string.Join(", ", missing)}. Add them to the input or map them with -QuestionMap @{{ '<question>' = '<input property>' }} (or '=<fixed answer>').")
        {
            WebinarId = webinarId;
            Missing = missing;
        }

        /// <summary>The webinar.</summary>
        public long WebinarId { get; }

        /// <summary>Field names and custom question titles that are missing.</summary>
        public IReadOnlyList<string> Missing { get; }
    }

    /// <summary>The webinar cannot take registrations (no registration, over, paid).</summary>
    public sealed class RegistrationNotPossibleException : InvalidOperationException
    {
        /// <summary>Creates the exception.</summary>
        public RegistrationNotPossibleException(long webinarId, string message) : base(message) => WebinarId = webinarId;

        /// <summary>The webinar.</summary>
        public long WebinarId { get; }

        /// <summary>The webinar is over (its only session, or every occurrence, has ended): nothing is wrong, there is nothing left to register for.</summary>
        public bool WebinarIsOver { get; internal set; }
    }
}
