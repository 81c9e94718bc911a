using System.Management.Automation;
using ZoomHubPS.Core.Settings;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Loads saved sync settings from a file, a JSON string or an object, and validates them.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomHubSyncSetting", DefaultParameterSetName = PathSet, HelpUri = HelpLinks.Base + "Get-ZoomHubSyncSetting.md")]
    [OutputType(typeof(SyncSettings), typeof(string))]
    public sealed class GetZoomHubSyncSettingCommand : SyncSettingCmdlet
    {
        private const string PathSet = nameof(Path);
        private const string JsonSet = nameof(Json);
        private const string InputObjectSet = nameof(InputObject);

        #region Parameters

        /// <summary>The settings file.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>The settings document as text (for example an Azure Automation string variable).</summary>
        [Parameter(Mandatory = true, ParameterSetName = JsonSet)]
        [AllowEmptyString]
        public string Json { get; set; }

        /// <summary>Settings as an object: a settings object, JSON text, a hashtable or ConvertFrom-Json output.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public object InputObject { get; set; }

        /// <summary>Return the document as JSON text instead of the object.</summary>
        [Parameter]
        public SwitchParameter AsJson { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            SyncSettings settings;
            switch (ParameterSetName)
            {
                case PathSet: settings = ReadFile(Path); break;
                case JsonSet: settings = FromInput(Json); break;
                default: settings = FromInput(InputObject); break;
            }

            WriteSettings(settings, AsJson);
        }

        #endregion
    }
}
