using System.Management.Automation;
using ZoomHubPS.Core.Settings;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// Base of the cmdlets that change one user's or one webinar's entry: the settings come from the pipeline or -Path
    /// and go back to -Path (see <see cref="SyncSettingCmdlet.ChangeSettings"/>).
    /// </summary>
    public abstract class SyncSettingChangeCmdlet : SyncSettingCmdlet
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
        protected override void ProcessRecord() => ChangeSettings(InputObject, Path, PassThru, AsJson, Change);

        #endregion

        /// <summary>Applies this cmdlet's change to the draft (<paramref name="current"/> is the settings before it).</summary>
        protected abstract void Change(SyncSettingsBuilder draft, SyncSettings current);
    }
}
