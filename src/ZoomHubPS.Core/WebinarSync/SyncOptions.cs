using System;
using System.Collections.Generic;
using System.Linq;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// How a sync runs. Immutable: each <c>With…</c> returns a changed copy, so one options object can be shared by
    /// instances synced at the same time and a per-run change (e.g. <see cref="WithWhatIf"/>) never leaks into another.
    /// </summary>
    public sealed class SyncOptions
    {
        private static readonly IReadOnlyList<string> None = new string[0];

        /// <summary>The defaults: no exclusions, account users skipped, no secondary-email matching, nothing re-created.</summary>
        public SyncOptions()
        {
        }

        private SyncOptions(SyncOptions o)
        {
            ExcludeHostDomains = o.ExcludeHostDomains;
            ExcludeContactDomains = o.ExcludeContactDomains;
            ExcludeRecordingDomains = o.ExcludeRecordingDomains;
            IncludeAccountUsers = o.IncludeAccountUsers;
            MatchSecondaryEmail = o.MatchSecondaryEmail;
            RecreateDeletedContacts = o.RecreateDeletedContacts;
            IncludeRecording = o.IncludeRecording;
            IncludePollsAndQuestions = o.IncludePollsAndQuestions;
            WhatIf = o.WhatIf;
            PropertyNames = o.PropertyNames;
            TimelineAppId = o.TimelineAppId;
        }

        /// <summary>Host email domains whose webinars are skipped (subdomains included).</summary>
        public IReadOnlyList<string> ExcludeHostDomains { get; private set; } = None;

        /// <summary>Contact domains not created as contacts (subdomains included; existing contacts still get activity).</summary>
        public IReadOnlyList<string> ExcludeContactDomains { get; private set; } = None;

        /// <summary>Host domains whose recordings are not read (subdomains included).</summary>
        public IReadOnlyList<string> ExcludeRecordingDomains { get; private set; } = None;

        /// <summary>Sync users of the connected Zoom account too.</summary>
        public bool IncludeAccountUsers { get; private set; }

        /// <summary>Match emails against contacts' secondary emails (hs_additional_emails).</summary>
        public bool MatchSecondaryEmail { get; private set; }

        /// <summary>Re-create contacts that were deleted in HubSpot.</summary>
        public bool RecreateDeletedContacts { get; private set; }

        /// <summary>Read the instance's recording (share URL in the result).</summary>
        public bool IncludeRecording { get; private set; }

        /// <summary>
        /// Read the instance's poll answers and Q&amp;A: per contact, how many answers and questions (all synced webinars)
        /// and the latest webinar's answers and questions as text.
        /// </summary>
        public bool IncludePollsAndQuestions { get; private set; }

        /// <summary>Compute the plan, write nothing.</summary>
        public bool WhatIf { get; private set; }

        /// <summary>Property names.</summary>
        public SyncPropertyNames PropertyNames { get; private set; } = new SyncPropertyNames();

        /// <summary>HubSpot app id whose timeline templates receive registration/attendance/recording events (null = no timeline events).</summary>
        public long? TimelineAppId { get; private set; }

        /// <summary>A copy with these exclusion lists (null leaves a list as it is).</summary>
        public SyncOptions WithExclusions(IEnumerable<string> hostDomains = null, IEnumerable<string> contactDomains = null, IEnumerable<string> recordingDomains = null)
            => new SyncOptions(this)
            {
                ExcludeHostDomains = hostDomains == null ? ExcludeHostDomains : hostDomains.ToList(),
                ExcludeContactDomains = contactDomains == null ? ExcludeContactDomains : contactDomains.ToList(),
                ExcludeRecordingDomains = recordingDomains == null ? ExcludeRecordingDomains : recordingDomains.ToList(),
            };

        /// <summary>A copy with the people rules changed (null leaves one as it is).</summary>
        public SyncOptions WithPeople(bool? includeAccountUsers = null, bool? matchSecondaryEmail = null, bool? recreateDeletedContacts = null)
            => new SyncOptions(this)
            {
                IncludeAccountUsers = includeAccountUsers ?? IncludeAccountUsers,
                MatchSecondaryEmail = matchSecondaryEmail ?? MatchSecondaryEmail,
                RecreateDeletedContacts = recreateDeletedContacts ?? RecreateDeletedContacts,
            };

        /// <summary>A copy that reads recordings (or not).</summary>
        public SyncOptions WithRecording(bool includeRecording) => new SyncOptions(this) { IncludeRecording = includeRecording };

        /// <summary>A copy that reads poll answers and Q&amp;A (or not).</summary>
        public SyncOptions WithPollsAndQuestions(bool include) => new SyncOptions(this) { IncludePollsAndQuestions = include };

        /// <summary>A copy that plans without writing (or writes).</summary>
        public SyncOptions WithWhatIf(bool whatIf) => new SyncOptions(this) { WhatIf = whatIf };

        /// <summary>A copy with other property names.</summary>
        public SyncOptions WithPropertyNames(SyncPropertyNames names) => new SyncOptions(this) { PropertyNames = names ?? new SyncPropertyNames() };

        /// <summary>A copy that writes timeline events through this app's templates (null: none).</summary>
        public SyncOptions WithTimelineApp(long? appId) => new SyncOptions(this) { TimelineAppId = appId };
    }
}
