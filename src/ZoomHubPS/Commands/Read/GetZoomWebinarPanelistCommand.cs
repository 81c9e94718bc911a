using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the panelists of a webinar.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomWebinarPanelist", HelpUri = HelpLinks.Base + "Get-ZoomWebinarPanelist.md")]
    [OutputType(typeof(ZoomPanelist))]
    public sealed class GetZoomWebinarPanelistCommand : WebinarInputCmdlet
    {
        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            if (!TryWebinarId()) return;
            try
            {
                foreach (ZoomPanelist p in await Api.Zoom.Webinars.GetPanelistsAsync(NumericWebinarId, cancellationToken).ConfigureAwait(false))
                {
                    WriteObject(p);
                }
            }
            catch (ZoomHubApiException ex)
            {
                WriteItemError(ex, WebinarId, ErrorIds.ZoomWebinarNotFound);
            }
        }
    }
}
