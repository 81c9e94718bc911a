using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.RegistrantLifecycle;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Approves, denies or cancels webinar registrants in bulk, 30 per request, with one result per input.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ZoomWebinarRegistrantStatus", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Base + "Set-ZoomWebinarRegistrantStatus.md")]
    [OutputType(typeof(RegistrantChangeResult))]
    public sealed class SetZoomWebinarRegistrantStatusCommand : RegistrantChangeCmdlet
    {
        /// <summary>Approve, Deny or Cancel.</summary>
        [Parameter(Mandatory = true)]
        [ValidateSet("Approve", "Deny", "Cancel")]
        public string Action { get; set; }

        /// <inheritdoc />
        protected override RegistrantChange Change => (RegistrantChange)Enum.Parse(typeof(RegistrantChange), Action, ignoreCase: true);

        /// <inheritdoc />
        protected override bool ConfirmsAsHighImpact => Change != RegistrantChange.Approve;

        /// <inheritdoc />
        internal override Task RunAsync(RegistrantLifecycleEngine engine, long webinarId, IReadOnlyList<RegistrantTarget> targets, RegistrantChangeOptions options, Action<RegistrantChangeResult> onResult, CancellationToken cancellationToken)
            => engine.SetStatusAsync(webinarId, Change, targets, options, onResult, cancellationToken);
    }
}
