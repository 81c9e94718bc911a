using System;

namespace ZoomHubPS.Sandbox.Scenarios
{
    /// <summary>
    /// What <see cref="ScenarioGenerator"/> builds. Shares are fractions in [0, 1]. With <see cref="Hosts"/> 0 (the default)
    /// it builds the single-webinar shape the benchmark uses; with hosts it builds a whole account (see <see cref="Hosts"/>).
    /// </summary>
    public sealed class GeneratorOptions
    {
        /// <summary>Registrants of the past webinar (N). Single-webinar shape only.</summary>
        public int Registrants { get; set; } = 1000;

        /// <summary>Share of registrants who attended (both shapes).</summary>
        public double AttendShare { get; set; } = 0.6;

        /// <summary>Share of attendees who left and rejoined (two participant rows).</summary>
        public double RejoinShare { get; set; } = 0.2;

        /// <summary>Share of attendees who joined as guests: <c>user_email</c> "" but a <c>registrant_id</c> (resolvable).</summary>
        public double GuestShare { get; set; } = 0.05;

        /// <summary>Share of registrants (account shape: of the distinct people) who already are HubSpot contacts.</summary>
        public double ExistingContactShare { get; set; } = 0.1;

        /// <summary>Seed: the same options give the same scenario.</summary>
        public int Seed { get; set; } = 1;

        /// <summary>Sandbox "now" of the scenario.</summary>
        public DateTimeOffset Now { get; set; } = ScenarioAnchor.AuthoredNow;

        /// <summary>
        /// Anchor the scenario to today (<c>"anchor": "today"</c>, as the built-in scenarios are): the twin that loads it
        /// moves every date by whole days onto its clock's date, so the past webinar stays two days back. Default true.
        /// </summary>
        public bool AnchorToToday { get; set; } = true;

        /// <summary>Id of the past type-5 webinar (one instance, two days before <see cref="Now"/>). Single-webinar shape.</summary>
        public long PastWebinarId { get; set; } = 89100000001;

        /// <summary>Id of the upcoming type-5 webinar with registration on and no registrants (bulk-registration benchmarks).</summary>
        public long UpcomingWebinarId { get; set; } = 89100000002;

        /// <summary>
        /// Hosts of an account-wide scenario; 0 = the single-webinar shape. Each host has <see cref="WebinarsPerHost"/>
        /// webinars of <see cref="RegistrantsPerWebinar"/> registrants: some upcoming, some past (still listed by
        /// <c>/users/{id}/webinars</c>), some expired (held weeks ago, no longer listed).
        /// </summary>
        public int Hosts { get; set; }

        /// <summary>Webinars of each host (account shape).</summary>
        public int WebinarsPerHost { get; set; } = 4;

        /// <summary>Registrants of each webinar (account shape); people register for two webinars on average.</summary>
        public int RegistrantsPerWebinar { get; set; } = 250;

        /// <summary>Share of each host's webinars still to come (account shape).</summary>
        public double UpcomingShare { get; set; } = 0.25;

        /// <summary>Share of each host's webinars that expired: held 8 to 57 days ago, not listed any more (account shape).</summary>
        public double ExpiredShare { get; set; } = 0.25;

        /// <summary>Id of the account shape's first webinar; the others follow.</summary>
        public long FirstWebinarId { get; set; } = 89200000001;

        /// <summary>Zoom plan of the account shape (Business: the report and Dashboard listings are available).</summary>
        public string Plan { get; set; } = "Business";

        /// <summary>Whether the account shape has the Dashboard feature on (scenario default: off).</summary>
        public bool Dashboard { get; set; }

        /// <summary>
        /// Members of a MANUAL HubSpot list (id <see cref="ListId"/>) of contacts who are not registrants, e.g. to register
        /// a list for the upcoming webinar (single-webinar shape); 0 = no list.
        /// </summary>
        public int ListMembers { get; set; }

        /// <summary>ILS id of the generated list.</summary>
        public string ListId { get; set; } = "9001";
    }
}
