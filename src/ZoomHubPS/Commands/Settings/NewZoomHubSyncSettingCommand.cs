using System.Management.Automation;
using ZoomHubPS.Core.Settings;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates sync settings with the defaults and the values given; with -Path it also saves them.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ZoomHubSyncSetting", SupportsShouldProcess = true, HelpUri = HelpLinks.Base + "New-ZoomHubSyncSetting.md")]
    [OutputType(typeof(SyncSettings), typeof(string))]
    public sealed class NewZoomHubSyncSettingCommand : SyncSettingValuesCmdlet
    {
        #region Parameters

        /// <summary>Also save the settings to this file (refused when it exists, unless -Force).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>Replace an existing file at -Path.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return the document as JSON text instead of the object.</summary>
        [Parameter]
        public SwitchParameter AsJson { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            SyncSettingsBuilder draft = SyncSettings.Default.ToBuilder();
            ApplyValues(draft);
            SyncSettings settings = Build(draft);
            if (Path != null)
            {
                WriteFile(settings, Path, refuseExisting: !Force, existsAction: "Pass -Force to replace it, or change it with Set-ZoomHubSyncSetting -Path.");
            }

            WriteSettings(settings, AsJson);
        }

        #endregion
    }
}
