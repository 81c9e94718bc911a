using System;
using System.Collections.Generic;
using ZoomHubPS.Core.Attendance;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>One person of an instance as the sync learns about them: who they are at Zoom, then who they are in HubSpot.</summary>
    internal sealed class SyncPerson
    {
        public SyncPerson(string email, string firstName, string lastName, ZoomRegistrant registrant)
        {
            Email = email;
            FirstName = firstName;
            LastName = lastName;
            Registrant = registrant;
            State = registrant.StateOf();
        }

        public string Email { get; }

        public string FirstName { get; }

        public string LastName { get; }

        /// <summary>The Zoom registration, or null for a guest who attended without registering.</summary>
        public ZoomRegistrant Registrant { get; }

        /// <summary>The registration's status, parsed (null for guests).</summary>
        public RegistrantStatus? State { get; }

        /// <summary>The HubSpot contact found for the email (primary, or secondary with the option), or null.</summary>
        public HubSpotObject Contact { get; set; }

        /// <summary>The contact was found through <c>hs_additional_emails</c>: written by id, never upserted by this email.</summary>
        public bool BySecondaryEmail { get; set; }

        /// <summary>No live contact, and a deleted (archived) one has the email.</summary>
        public bool Deleted { get; set; }

        /// <summary>The contact id after a write created or found it.</summary>
        public string ContactId { get; set; }

        /// <summary>The contact was created by this run (HubSpot's upsert said "new").</summary>
        public bool CreatedHere { get; set; }

        /// <summary>The name in one string, for records.</summary>
        public string Name => ((FirstName ?? string.Empty) + " " + (LastName ?? string.Empty)).Trim();

        /// <summary>A guest row's display name split into first and last name ("Li Wei (iPhone)" → "Li", "Wei (iPhone)").</summary>
        public static SyncPerson Guest(WebinarAttendance attendance)
        {
            string first = null, last = null;
            if (!string.IsNullOrWhiteSpace(attendance.Name))
            {
                string[] parts = attendance.Name.Trim().Split(new[] { ' ' }, 2, StringSplitOptions.RemoveEmptyEntries);
                first = parts[0];
                last = parts.Length > 1 ? parts[1] : null;
            }

            return new SyncPerson(attendance.Email, first, last, null);
        }
    }

    /// <summary>A participation to write for one person.</summary>
    internal sealed class PlannedParticipation
    {
        public PlannedParticipation(ParticipationState state, long interactionMs, Dictionary<string, string> properties)
        {
            State = state;
            InteractionMs = interactionMs;
            Properties = properties;
        }

        public ParticipationState State { get; }

        /// <summary>Stable per person, event and state, so a corrected attendance re-sent is the same participation.</summary>
        public long InteractionMs { get; }

        public Dictionary<string, string> Properties { get; }
    }

    /// <summary>What the planner decided for one person: the outcome and, when something changes, every write.</summary>
    internal sealed class PersonPlan
    {
        public PersonPlan(SyncPerson person, WebinarAttendance attendance)
        {
            Person = person;
            Attendance = attendance;
        }

        public SyncPerson Person { get; }

        public WebinarAttendance Attendance { get; }

        /// <summary>Skipped (with <see cref="Reason"/>), Unchanged, or Updated/Created when there are writes.</summary>
        public SyncOutcome Outcome { get; set; }

        public string Reason { get; set; }

        /// <summary>Writes are planned (the entry or its events changed).</summary>
        public bool HasWrites => Outcome == SyncOutcome.Created || Outcome == SyncOutcome.Updated;

        /// <summary>A contact must be created first (no contact, and not matched by a secondary email).</summary>
        public bool CreatesContact => HasWrites && Person.Contact == null;

        public List<PlannedParticipation> Participations { get; } = new List<PlannedParticipation>();

        public List<HubSpotTimelineEvent> TimelineEvents { get; } = new List<HubSpotTimelineEvent>();

        /// <summary>The contact properties the last upsert writes: the ledger, the aggregates, names where empty.</summary>
        public Dictionary<string, string> Properties { get; set; }

        /// <summary>This instance's new ledger entry.</summary>
        public HistoryEntry Entry { get; set; }

        /// <summary>An entry an older version wrote for this slot under another key, removed when the entry is written.</summary>
        public HistoryEntry Replaces { get; set; }

        /// <summary>The person's polls and Q&amp;A in the instance (null: not read this run).</summary>
        public PersonEngagement Engagement { get; set; }

        /// <summary>The ledger text the plan started from (the contact's, as read).</summary>
        public string BaseLedger { get; set; }
    }
}
