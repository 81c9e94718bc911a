using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the cloud recording of a webinar instance: share URL, passcode and files.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomWebinarRecording", HelpUri = HelpLinks.Base + "Get-ZoomWebinarRecording.md")]
    [OutputType(typeof(ZoomRecording))]
    public sealed class GetZoomWebinarRecordingCommand : InstanceInputCmdlet
    {
        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            if (!TryWebinarId()) return;
            try
            {
                WriteObject(await Api.Zoom.Recordings.GetAsync(NumericWebinarId, InstanceUuid, cancellationToken).ConfigureAwait(false));
            }
            catch (ZoomHubApiException ex)
            {
                WriteItemError(ex, InstanceUuid ?? WebinarId, ex.ZoomCode == 3301 ? ErrorIds.ZoomRecordingNotFound : ErrorIds.ZoomWebinarNotFound);
            }
        }
    }
}
