using System.Management.Automation;
using ZoomHubPS.Core.Settings;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes Zoom users' own settings from saved sync settings, so the global defaults apply to them again.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ZoomHubSyncUserSetting", SupportsShouldProcess = true, HelpUri = HelpLinks.Base + "Remove-ZoomHubSyncUserSetting.md")]
    [OutputType(typeof(SyncSettings), typeof(string))]
    public sealed class RemoveZoomHubSyncUserSettingCommand : SyncSettingChangeCmdlet
    {
        #region Parameters

        /// <summary>The Zoom users' emails.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("Email")]
        [ValidateNotNullOrEmpty]
        public string[] UserEmail { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc />
        protected override void Change(SyncSettingsBuilder draft, SyncSettings current)
        {
            foreach (string email in UserEmail)
            {
                if (!draft.RemoveUser(email)) WriteWarning($"{email.Trim()} has no settings of its own; nothing to remove.");
            }
        }

        #endregion
    }
}
