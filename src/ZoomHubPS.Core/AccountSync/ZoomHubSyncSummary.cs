using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Core.WebinarSync;

namespace ZoomHubPS.Core.AccountSync
{
    /// <summary>How an account-wide run ended.</summary>
    public static class SyncRunOutcomes
    {
        /// <summary>Every instance synced (or skipped by a rule).</summary>
        public const string Succeeded = "Succeeded";

        /// <summary>Some instances or registration rules failed; the others are done. A re-run retries the failed ones.</summary>
        public const string CompletedWithErrors = "CompletedWithErrors";

        /// <summary>Saved settings say <c>sync: false</c>: nothing was read or written.</summary>
        public const string Disabled = "Disabled";
    }

    /// <summary>
    /// The one object an account-wide run (Invoke-ZoomHubSync) ends with: the registration rules applied and their
    /// members' totals, totals across instances, the instances synced, skipped (with why) and failed (with the error),
    /// requests per API, duration and the window. Flat — numbers, dates and readable strings — so Export-Csv,
    /// ConvertTo-Json and Azure Automation job output show it whole.
    /// </summary>
    public sealed class ZoomHubSyncSummary
    {
        private readonly List<string> _synced = new List<string>();
        private readonly List<string> _skipped = new List<string>();
        private readonly List<string> _failed = new List<string>();
        private readonly List<string> _warnings = new List<string>();
        private readonly List<string> _failedRules = new List<string>();

        /// <summary>Succeeded, CompletedWithErrors or Disabled (<see cref="SyncRunOutcomes"/>).</summary>
        public string Outcome { get; internal set; } = SyncRunOutcomes.Succeeded;

        /// <summary>A dry run: the plan of the whole run, nothing written.</summary>
        public bool WhatIf { get; internal set; }

        /// <summary>Start of the window covered (instances that ended from here…).</summary>
        public DateTimeOffset WindowStart { get; internal set; }

        /// <summary>…to here.</summary>
        public DateTimeOffset WindowEnd { get; internal set; }

        /// <summary>When the run started.</summary>
        public DateTimeOffset StartedAt { get; internal set; }

        /// <summary>Seconds the run took.</summary>
        public double DurationSeconds { get; internal set; }

        /// <summary>Zoom users whose webinars were looked at.</summary>
        public int Users { get; internal set; }

        /// <summary>Webinars found by discovery.</summary>
        public int Webinars { get; internal set; }

        /// <summary>Instances synced (registrations-only runs of webinars not held yet included).</summary>
        public int InstancesSynced => _synced.Count;

        /// <summary>Instances or webinars skipped by a rule.</summary>
        public int InstancesSkipped => _skipped.Count;

        /// <summary>Instances that failed.</summary>
        public int InstancesFailed => _failed.Count;

        /// <summary>Contacts created.</summary>
        public int Created { get; internal set; }

        /// <summary>Contacts updated.</summary>
        public int Updated { get; internal set; }

        /// <summary>People already synced (nothing written).</summary>
        public int Unchanged { get; internal set; }

        /// <summary>People skipped (no email, account users, exclusions, pending, deleted contacts, invalid emails).</summary>
        public int Skipped { get; internal set; }

        /// <summary>People whose write HubSpot refused.</summary>
        public int Failed { get; internal set; }

        /// <summary>Register participations written.</summary>
        public int Registered { get; internal set; }

        /// <summary>Attend participations written.</summary>
        public int Attended { get; internal set; }

        /// <summary>Cancel participations written.</summary>
        public int Cancelled { get; internal set; }

        /// <summary>Timeline events written.</summary>
        public int TimelineEvents { get; internal set; }

        /// <summary>Registration rules the run applied (each one succeeded, was skipped or failed); 0 when it applied none.</summary>
        public int RegistrationRules { get; internal set; }

        /// <summary>Rules not applied because their webinar's host is in an excluded host domain (a warning says which).</summary>
        public int RegistrationRulesSkipped { get; internal set; }

        /// <summary>Rules that failed (list not found, webinar gone or not taking registrations, required questions…).</summary>
        public int RegistrationRulesFailed => _failedRules.Count;

        /// <summary>List members the rules registered now.</summary>
        public int ListMembersRegistered { get; internal set; }

        /// <summary>List members registered before (no add request spent): a re-run's usual answer.</summary>
        public int ListMembersAlreadyRegistered { get; internal set; }

        /// <summary>List members not registered by rule: the host, panelists, duplicates, denied registrants, no room left.</summary>
        public int ListMembersSkipped { get; internal set; }

        /// <summary>List members Zoom refused or that cannot be sent (invalid email, no first name); a warning per rule gives the reasons.</summary>
        public int ListMembersFailed { get; internal set; }

        /// <summary>Requests sent to Zoom.</summary>
        public int ZoomRequests { get; internal set; }

        /// <summary>Requests sent to HubSpot.</summary>
        public int HubSpotRequests { get; internal set; }

        /// <summary>The instances synced: <c>webinarId/uuid</c> (or <c>webinarId (registrations)</c>), separated by "; ".</summary>
        public string SyncedInstances => string.Join("; ", _synced);

        /// <summary>What was skipped and why: <c>webinarId: reason</c>, separated by "; ".</summary>
        public string SkippedInstances => string.Join("; ", _skipped);

        /// <summary>What failed and the error: <c>webinarId/uuid: message</c>, separated by "; ".</summary>
        public string FailedInstances => string.Join("; ", _failed);

        /// <summary>The rules that failed and the error: <c>list 42 -> 81234567890: message</c>, separated by "; ".</summary>
        public string FailedRegistrationRules => string.Join("; ", _failedRules);

        /// <summary>What discovery could not see, and other warnings, separated by " | ".</summary>
        public string Warnings => string.Join(" | ", _warnings);

        internal void AddSynced(SyncTarget target, SyncResult r)
        {
            lock (_synced)
            {
                _synced.Add(Name(target, r?.InstanceUuid));
                if (r == null) return;
                Created += r.Created;
                Updated += r.Updated;
                Unchanged += r.Unchanged;
                Skipped += r.Skipped;
                Failed += r.Failed;
                Registered += Count(r.Participations, "register");
                Attended += Count(r.Participations, "attend");
                Cancelled += Count(r.Participations, "cancel");
                TimelineEvents += r.TimelineEvents;
            }
        }

        internal void AddSkipped(long webinarId, string uuid, string reason)
        {
            lock (_skipped) _skipped.Add(Name(webinarId, uuid) + ": " + reason);
        }

        internal void AddFailed(SyncTarget target, string message)
        {
            lock (_failed) _failed.Add(Name(target, target.InstanceUuid) + ": " + message);
            Outcome = SyncRunOutcomes.CompletedWithErrors;
        }

        internal void AddRule(ListRegistrationSummary r)
        {
            lock (_failedRules)
            {
                RegistrationRules++;
                ListMembersRegistered += r.Registered;
                ListMembersAlreadyRegistered += r.AlreadyRegistered;
                ListMembersSkipped += r.Skipped;
                ListMembersFailed += r.Failed;
            }
        }

        internal void AddSkippedRule()
        {
            lock (_failedRules)
            {
                RegistrationRules++;
                RegistrationRulesSkipped++;
            }
        }

        internal void AddFailedRule(RegistrationRule rule, string message)
        {
            lock (_failedRules)
            {
                RegistrationRules++;
                _failedRules.Add(rule + ": " + message);
            }

            Outcome = SyncRunOutcomes.CompletedWithErrors;
        }

        internal void AddWarning(string warning)
        {
            lock (_warnings) _warnings.Add(warning);
        }

        private static int Count(IReadOnlyDictionary<string, int> byState, string state) => byState != null && byState.TryGetValue(state, out int n) ? n : 0;

        private static string Name(SyncTarget target, string uuid) => uuid == null ? Name(target.WebinarId, null) + " (registrations)" : Name(target.WebinarId, uuid);

        private static string Name(long webinarId, string uuid) => webinarId.ToString(CultureInfo.InvariantCulture) + (uuid == null ? string.Empty : "/" + uuid);

        /// <inheritdoc />
        public override string ToString()
            => string.Format(CultureInfo.InvariantCulture, "{0}: {1} synced, {2} skipped, {3} failed; {4} created, {5} updated, {6} unchanged", Outcome, InstancesSynced, InstancesSkipped, InstancesFailed, Created, Updated, Unchanged)
               + (RegistrationRules == 0 ? string.Empty : string.Format(CultureInfo.InvariantCulture, "; {0} rule(s), {1} failed, {2} member(s) registered", RegistrationRules, RegistrationRulesFailed, ListMembersRegistered));
    }
}
