using System;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Core.WebinarSync;

namespace ZoomHubPS.Core.AccountSync
{
    /// <summary>What an account-wide run reports while it works (all optional; called from any thread).</summary>
    public sealed class AccountSyncObserver
    {
        /// <summary>
        /// A warning (what discovery could not see, users the settings name that Zoom does not know, a rule not applied
        /// because of a host exclusion, members Zoom refused).
        /// </summary>
        public Action<string> Warning { get; set; }

        /// <summary>A registration rule starts: the rule, its number (from 1) and how many rules the run applies.</summary>
        public Action<RegistrationRule, int, int> RuleStarting { get; set; }

        /// <summary>One list member's registration result, as the rule decides it (the rules run before the sync, one at a time).</summary>
        public Action<RegistrationRule, RegistrationResult> RuleMember { get; set; }

        /// <summary>A registration rule finished (also in a dry run, whose counts are the plan).</summary>
        public Action<RegistrationRule, ListRegistrationSummary> RuleApplied { get; set; }

        /// <summary>A registration rule failed; the run goes on with the other rules and the sync.</summary>
        public Action<RegistrationRule, Exception> RuleFailed { get; set; }

        /// <summary>An instance failed; the run goes on with the others.</summary>
        public Action<SyncTarget, Exception> InstanceFailed { get; set; }

        /// <summary>An instance finished.</summary>
        public Action<SyncResult> InstanceSynced { get; set; }

        /// <summary>Instances done and queued so far, each time one finishes (discovery may still be adding instances).</summary>
        public Action<int, int> Progress { get; set; }
    }
}
