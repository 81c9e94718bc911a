using System.Management.Automation;
using ZoomHubPS.Core.Settings;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Saves sync settings to a JSON file.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "ZoomHubSyncSetting", SupportsShouldProcess = true, HelpUri = HelpLinks.Base + "Export-ZoomHubSyncSetting.md")]
    [OutputType(typeof(SyncSettings))]
    public sealed class ExportZoomHubSyncSettingCommand : SyncSettingCmdlet
    {
        #region Parameters

        /// <summary>The settings (object, JSON text, or document-shaped object).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public object InputObject { get; set; }

        /// <summary>The file to write.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>Refuse to replace an existing file.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Also return the settings.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            SyncSettings settings = FromInput(InputObject);
            WriteFile(settings, Path, refuseExisting: NoClobber, existsAction: "Leave out -NoClobber to replace it, or choose another -Path.");
            if (PassThru) WriteObject(settings);
        }

        #endregion
    }
}
