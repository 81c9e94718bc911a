using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets what attendees answered in the polls of a webinar instance: one record per answer, with the person's email.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomWebinarPollResult", SupportsPaging = true, HelpUri = HelpLinks.Base + "Get-ZoomWebinarPollResult.md")]
    [OutputType(typeof(ZoomPollAnswer))]
    public sealed class GetZoomWebinarPollResultCommand : InstanceEngagementCmdlet
    {
        /// <inheritdoc />
        private protected override string Kind => "poll";

        /// <inheritdoc />
        private protected override Task EmitRecordsAsync(bool preferReport, Action<string> onFallback, ListOptions options, CancellationToken cancellationToken)
            => EmitAsync(EngagementReader.PollAnswers(Api.Zoom, NumericWebinarId, InstanceUuid, preferReport, onFallback, options), cancellationToken);
    }
}
