using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using ZoomHubPS.Core;
using ZoomHubPS.Core.AccountSync;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// What Invoke-ZoomHubSync shows while its run works, built from the engine's observer: a verbose line per rule,
    /// per list member the rule registered, skipped or could not register (not per member registered before: a re-run would
    /// print the whole list) and per instance; a non-terminating error per failed rule and per failed instance; warnings;
    /// and one progress bar (interactive hosts only) that names the rule running, then counts the instances.
    /// </summary>
    internal sealed class AccountSyncFeedback
    {
        private readonly Action<string> _verbose;
        private readonly Action<string> _warning;
        private readonly Action<ErrorRecord> _error;
        private readonly ProgressReporter _bar;
        private string _rule;
        private int _members;

        public AccountSyncFeedback(Action<string> verbose, Action<string> warning, Action<ErrorRecord> error, ProgressReporter bar)
        {
            _verbose = verbose;
            _warning = warning;
            _error = error;
            _bar = bar;
        }

        public AccountSyncObserver Observer() => new AccountSyncObserver
        {
            Warning = _warning,
            RuleStarting = RuleStarting,
            RuleMember = RuleMember,
            RuleApplied = RuleApplied,
            RuleFailed = (rule, ex) => _error(ErrorRecordFactory.RegistrationRuleFailed(ex, rule)),
            InstanceSynced = r => _verbose(string.Format(CultureInfo.InvariantCulture, "Synced webinar {0} {1}: {2} created, {3} updated, {4} unchanged, {5} skipped, {6} failed.",
                r.WebinarId, r.InstanceUuid ?? "(registrations)", r.Created, r.Updated, r.Unchanged, r.Skipped, r.Failed)),
            InstanceFailed = (t, ex) => _error(ErrorRecordFactory.Create(ex, (object)t.InstanceUuid ?? t.WebinarId, ex is ZoomHubApiException api && api.Api == ApiKind.Zoom ? ErrorIds.ZoomWebinarNotFound : null,
                $"Syncing webinar {t.WebinarId}{(t.InstanceUuid == null ? " (registrations)" : ", instance " + t.InstanceUuid)}")),
            Progress = (done, total) => _bar.Update($"{done} of {total} instance(s)", total == 0 ? 100 : done * 100 / total),
        };

        /// <summary>Removes the progress bar.</summary>
        public void Complete() => _bar.Complete();

        private void RuleStarting(RegistrationRule rule, int number, int count)
        {
            _rule = string.Format(CultureInfo.InvariantCulture, "Registration rule {0} of {1}: {2}", number, count, rule);
            Interlocked.Exchange(ref _members, 0);
            _verbose(_rule + ": registering the list's members.");
            _bar.Update(_rule, null, force: true);
        }

        private void RuleMember(RegistrationRule rule, RegistrationResult r)
        {
            _bar.Update(_rule + $", {Interlocked.Increment(ref _members)} member(s) done");
            if (r.Status == RegistrationStatus.AlreadyRegistered) return;
            string what = r.Status == RegistrationStatus.Registered ? (r.WhatIf ? "would be registered" : "registered")
                : r.Status == RegistrationStatus.Skipped ? "skipped (" + r.Reason + ")"
                : "not registered (" + r.Reason + (string.IsNullOrEmpty(r.Message) ? ")" : "): " + r.Message);
            _verbose($"Registration rule {rule}: {r.Email} {what}.");
        }

        private void RuleApplied(RegistrationRule rule, ListRegistrationSummary s)
            => _verbose(string.Format(CultureInfo.InvariantCulture, "Registration rule {0} ('{1}'): {2} member(s): {3} registered{4}, {5} already registered, {6} skipped, {7} failed.",
                rule, s.ListName, s.Members, s.Registered, s.WhatIf ? " (WhatIf)" : string.Empty, s.AlreadyRegistered, s.Skipped, s.Failed));
    }
}
