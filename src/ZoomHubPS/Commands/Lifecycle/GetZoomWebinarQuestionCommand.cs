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
    /// <para type="synopsis">Gets the questions attendees asked in Q&amp;A in a webinar instance: who asked what, and whether it was answered.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomWebinarQuestion", SupportsPaging = true, HelpUri = HelpLinks.Base + "Get-ZoomWebinarQuestion.md")]
    [OutputType(typeof(ZoomQaQuestion))]
    public sealed class GetZoomWebinarQuestionCommand : InstanceEngagementCmdlet
    {
        /// <inheritdoc />
        private protected override string Kind => "Q&A";

        /// <inheritdoc />
        private protected override Task EmitRecordsAsync(bool preferReport, Action<string> onFallback, ListOptions options, CancellationToken cancellationToken)
            => EmitAsync(EngagementReader.Questions(Api.Zoom, NumericWebinarId, InstanceUuid, preferReport, onFallback, options), cancellationToken);
    }
}
