using System.Management.Automation;
using ZoomHubPS.Core.Settings;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Changes global sync settings: from the pipeline or a file, saved back with -Path.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ZoomHubSyncSetting", SupportsShouldProcess = true, HelpUri = HelpLinks.Base + "Set-ZoomHubSyncSetting.md")]
    [OutputType(typeof(SyncSettings), typeof(string))]
    public sealed class SetZoomHubSyncSettingCommand : SyncSettingValuesCmdlet
    {
        #region Parameters

        /// <summary>The settings to change (object, JSON text, or document-shaped object); default: the file at -Path.</summary>
        [Parameter(ValueFromPipeline = true)]
        public object InputObject { get; set; }

        /// <summary>The settings file: read when nothing is piped, and written with the changes.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>With -Path, also return the changed settings.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Return the document as JSON text instead of the object.</summary>
        [Parameter]
        public SwitchParameter AsJson { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc />
        protected override void ProcessRecord()
            => ChangeSettings(InputObject, Path, PassThru, AsJson, (draft, _) => ApplyValues(draft));

        #endregion
    }
}
