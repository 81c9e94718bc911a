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
    /// <para type="synopsis">Deletes webinar registrations, one request per registrant (Zoom has no batch delete), with one result per input.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ZoomWebinarRegistrant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Base + "Remove-ZoomWebinarRegistrant.md")]
    [OutputType(typeof(RegistrantChangeResult))]
    public sealed class RemoveZoomWebinarRegistrantCommand : RegistrantChangeCmdlet
    {
        /// <inheritdoc />
        protected override RegistrantChange Change => RegistrantChange.Remove;

        /// <inheritdoc />
        internal override Task RunAsync(RegistrantLifecycleEngine engine, long webinarId, IReadOnlyList<RegistrantTarget> targets, RegistrantChangeOptions options, Action<RegistrantChangeResult> onResult, CancellationToken cancellationToken)
            => engine.RemoveAsync(webinarId, targets, options, onResult, cancellationToken);
    }
}
