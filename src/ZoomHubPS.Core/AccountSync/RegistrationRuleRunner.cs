using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.AccountSync
{
    /// <summary>
    /// The registration rules of an account-wide run (list → webinar), applied one after another before the sync, each
    /// through <see cref="ListRegistration"/>: the list's members not registered yet are registered (batched), and the
    /// write-back records each registration on the contact and the webinar's event, so the sync that follows finds them
    /// recorded and writes nothing more for them. A rule that fails is recorded and the next one runs.
    /// </summary>
    /// <remarks>
    /// What decides whether a rule runs: the master switch (checked by the caller) and the host exclusions, which are a
    /// safety net and win over everything, as they do for the sync. The user selection and the per-webinar toggles do
    /// not: a rule names its webinar, as a run's -WebinarId does. The webinar is read through the sync's session, so the
    /// sync reuses that read.
    /// </remarks>
    internal sealed class RegistrationRuleRunner
    {
        private readonly ZoomHubConnection _api;
        private readonly SyncSession _session;
        private readonly EffectiveRunSettings _run;
        private readonly ZoomHubSyncSummary _summary;
        private readonly AccountSyncObserver _observer;

        public RegistrationRuleRunner(ZoomHubConnection api, SyncSession session, EffectiveRunSettings run, ZoomHubSyncSummary summary, AccountSyncObserver observer)
        {
            _api = api;
            _session = session;
            _run = run;
            _summary = summary;
            _observer = observer;
        }

        /// <summary>
        /// Applies every rule of the run, in the settings' order. Throws only what would stop the sync too (a missing
        /// schema or timeline templates: checked first, so no rule writes before the run ends) and cancellation.
        /// </summary>
        public async Task ApplyAllAsync(bool whatIf, CancellationToken ct)
        {
            IReadOnlyList<RegistrationRule> rules = _run.RegistrationRules;
            if (rules.Count == 0) return;

            // The sync's own checks, through its session: the sync reuses their answers instead of asking again.
            SyncPropertyNames names = PropertyNames();
            await _session.EnsureSchemaAsync(names, ct).ConfigureAwait(false);
            if (_run.TimelineAppId is long app) await _session.TemplatesAsync(app, ct).ConfigureAwait(false);

            for (int i = 0; i < rules.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                await ApplyAsync(rules[i], i + 1, rules.Count, names, whatIf, ct).ConfigureAwait(false);
            }
        }

        private async Task ApplyAsync(RegistrationRule rule, int number, int count, SyncPropertyNames names, bool whatIf, CancellationToken ct)
        {
            _observer.RuleStarting?.Invoke(rule, number, count);
            try
            {
                ZoomWebinar webinar = await _session.WebinarAsync(rule.WebinarId, ct).ConfigureAwait(false);
                if (_run.ForWebinar(webinar.HostEmail, webinar.Id).SkipReason == WebinarSkipReasons.ExcludedHost)
                {
                    _summary.AddSkippedRule();
                    Warn($"Registration rule {rule} was not applied: the webinar's host ({webinar.HostEmail}) is in an excluded host domain, and exclusions win over rules. Remove the rule, or the domain from exclusions.hostDomains.");
                    return;
                }

                var refused = new Dictionary<string, int>(StringComparer.Ordinal);
                var options = new RegistrationOptions
                {
                    WhatIf = whatIf,
                    WriteBackToHubSpot = true,
                    PropertyNames = names,
                    JoinUrlProperty = names.LastRegisteredWebinarUrl,
                };
                ListRegistrationSummary done = await new ListRegistration(_api).RegisterAsync(rule, options, r =>
                {
                    if (r.Status == RegistrationStatus.Failed) refused[r.Reason ?? RegistrationReasons.ZoomError] = (refused.TryGetValue(r.Reason ?? RegistrationReasons.ZoomError, out int n) ? n : 0) + 1;
                    _observer.RuleMember?.Invoke(rule, r);
                }, ct).ConfigureAwait(false);

                _summary.AddRule(done);
                if (done.Failed > 0) Warn(RefusedWarning(rule, done, refused));
                _observer.RuleApplied?.Invoke(rule, done);
            }
            catch (RegistrationNotPossibleException ex) when (ex.WebinarIsOver)
            {
                // A rule outlives its webinar in a scheduled run: not an error to fail every job with, a setting to tidy.
                _summary.AddSkippedRule();
                Warn($"Registration rule {rule} was not applied: {ex.Message} Remove the rule from the settings (Set-ZoomHubSyncSetting -RegistrationRule).");
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) || !ct.IsCancellationRequested)
            {
                _summary.AddFailedRule(rule, ex.Message);
                _observer.RuleFailed?.Invoke(rule, ex);
            }
        }

        // One warning per rule, not one per member: a daily limit can refuse a whole list at once.
        private static string RefusedWarning(RegistrationRule rule, ListRegistrationSummary done, Dictionary<string, int> refused)
            => string.Format(CultureInfo.InvariantCulture, "Registration rule {0}: {1} of {2} member(s) could not be registered ({3}); every run tries them again (-Verbose names them).",
                rule, done.Failed, done.Members, string.Join(", ", refused.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + " " + p.Value.ToString(CultureInfo.InvariantCulture))));

        private SyncPropertyNames PropertyNames()
            => SyncPropertyNames.From(_run.PropertyNames.ToDictionary(p => p.Key, p => p.Value));

        private void Warn(string warning)
        {
            _summary.AddWarning(warning);
            _observer.Warning?.Invoke(warning);
        }
    }
}
