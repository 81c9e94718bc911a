using System.Management.Automation;
using ZoomHubPS.Core.Settings;

using ZoomHubPS.Infrastructure;

using ZoomHubPS.Completion;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes webinars' overrides from saved sync settings, so their host's settings apply to them again.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ZoomHubSyncWebinarSetting", SupportsShouldProcess = true, HelpUri = HelpLinks.Base + "Remove-ZoomHubSyncWebinarSetting.md")]
    [OutputType(typeof(SyncSettings), typeof(string))]
    public sealed class RemoveZoomHubSyncWebinarSettingCommand : SyncSettingChangeCmdlet
    {
        #region Parameters

        /// <summary>The webinar ids ("812 3456 7890" and "812-3456-7890" work).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WebinarIdCompleter))]
        public string[] WebinarId { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc />
        protected override void Change(SyncSettingsBuilder draft, SyncSettings current)
        {
            foreach (string text in WebinarId)
            {
                if (!draft.RemoveWebinar(NormalizeWebinarId(text))) WriteWarning($"Webinar {text.Trim()} has no override; nothing to remove.");
            }
        }

        #endregion
    }
}
