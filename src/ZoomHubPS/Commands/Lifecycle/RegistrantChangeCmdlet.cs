using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.RegistrantLifecycle;
using ZoomHubPS.Infrastructure;

using ZoomHubPS.Completion;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// Shared shell of Set-ZoomWebinarRegistrantStatus and Remove-ZoomWebinarRegistrant: collects the piped registrants per
    /// webinar (and occurrence), asks once per webinar, then lets the Core engine change them in bulk and writes one result
    /// per input; a refused row is also a non-terminating error, and <c>-ErrorAction Stop</c> stops before the next batch.
    /// </summary>
    public abstract class RegistrantChangeCmdlet : ConnectedCmdlet
    {
        private readonly List<KeyValuePair<(long WebinarId, string OccurrenceId), List<RegistrantTarget>>> _groups = new List<KeyValuePair<(long, string), List<RegistrantTarget>>>();
        private bool _yesToAll;
        private bool _noToAll;

        /// <summary>Webinar id ("812 3456 7890" accepted). Binds from WebinarId of piped registrants.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WebinarIdCompleter))]
        public string WebinarId { get; set; }

        /// <summary>Registrant id. Binds from Id of Get-ZoomWebinarRegistrant output.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "registrant_id")]
        public string RegistrantId { get; set; }

        /// <summary>Email the person registered with (used when no registrant id is given).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Email { get; set; }

        /// <summary>Occurrence of a recurring webinar.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string OccurrenceId { get; set; }

        /// <summary>The change this invocation makes.</summary>
        protected abstract RegistrantChange Change { get; }

        /// <summary>
        /// Whether this change confirms like ConfirmImpact High although the cmdlet's impact is lower (Set's deny and cancel):
        /// the cmdlet attribute holds one impact for every -Action, so the extra question is asked here.
        /// </summary>
        protected virtual bool ConfirmsAsHighImpact => false;

        /// <summary>Runs the change on one webinar's targets.</summary>
        internal abstract Task RunAsync(RegistrantLifecycleEngine engine, long webinarId, IReadOnlyList<RegistrantTarget> targets, RegistrantChangeOptions options, Action<RegistrantChangeResult> onResult, CancellationToken cancellationToken);

        /// <inheritdoc />
        protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            if (!ZoomIds.TryNormalizeWebinarId(WebinarId, out long webinarId))
            {
                WriteError(ErrorRecordFactory.InvalidArgument(ErrorIds.ZoomHubInvalidWebinarId,
                    $"'{WebinarId}' is not a Zoom webinar id. A webinar id is 9 to 13 digits, optionally grouped with spaces or dashes, e.g. '812 3456 7890'. This input was skipped.", WebinarId));
                return Task.CompletedTask;
            }

            string occurrence = string.IsNullOrWhiteSpace(OccurrenceId) ? null : OccurrenceId.Trim();
            // Groups keep the order in which their webinars first appeared, so results follow the input.
            var key = (webinarId, occurrence);
            List<RegistrantTarget> targets = _groups.FirstOrDefault(g => g.Key.Equals(key)).Value;
            if (targets == null)
            {
                targets = new List<RegistrantTarget>();
                _groups.Add(new KeyValuePair<(long, string), List<RegistrantTarget>>(key, targets));
            }

            targets.Add(new RegistrantTarget(RegistrantId, Email, RegistrantId ?? Email));
            return Task.CompletedTask;
        }

        /// <inheritdoc />
        protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
        {
            var engine = new RegistrantLifecycleEngine(Api.Zoom);
            foreach (var group in _groups)
            {
                long webinarId = group.Key.WebinarId;
                string target = group.Key.OccurrenceId == null ? $"webinar {webinarId}" : $"webinar {webinarId}, occurrence {group.Key.OccurrenceId}";
                bool run = await ConfirmAsync(target, $"{Change} {group.Value.Count} registrant(s)").ConfigureAwait(false);
                if (!run && !IsWhatIf) continue;
                var options = new RegistrantChangeOptions { OccurrenceId = group.Key.OccurrenceId, WhatIf = !run };
                try
                {
                    await RunAsync(engine, webinarId, group.Value, options, result =>
                    {
                        WriteObject(result);
                        // Wait for the write: with -ErrorAction Stop it ends the call here, before the next batch.
                        if (result.Outcome == RegistrantChangeOutcome.Failed) WriteErrorAndWait(ErrorRecordFactory.RegistrantChangeFailed(result));
                    }, cancellationToken).ConfigureAwait(false);
                }
                catch (ZoomHubApiException ex)
                {
                    WriteItemError(ex, webinarId, ErrorIds.ZoomWebinarNotFound);
                }
            }
        }

        private Task<bool> ConfirmAsync(string target, string action) => OnPipelineThreadAsync(() =>
        {
            if (!ShouldProcess(target, action)) return false;
            if (!ConfirmsAsHighImpact || IsWhatIf || MyInvocation.BoundParameters.ContainsKey("Confirm") || !PromptsAtHighImpact()) return true;
            return ShouldContinue($"{action} of {target}?", "Confirm", ref _yesToAll, ref _noToAll);
        });

        // As PowerShell decides for ConfirmImpact High: ask unless $ConfirmPreference is None.
        private bool PromptsAtHighImpact()
        {
            object preference = SessionState.PSVariable.GetValue("ConfirmPreference");
            return !LanguagePrimitives.TryConvertTo(preference, out ConfirmImpact impact) || (impact != ConfirmImpact.None && impact <= ConfirmImpact.High);
        }
    }
}
