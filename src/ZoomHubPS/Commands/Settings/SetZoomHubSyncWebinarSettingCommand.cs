using System.Management.Automation;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Infrastructure;

using ZoomHubPS.Completion;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Turns the sync of one or more webinars (or only their recordings) on or off in saved sync settings.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ZoomHubSyncWebinarSetting", SupportsShouldProcess = true, HelpUri = HelpLinks.Base + "Set-ZoomHubSyncWebinarSetting.md")]
    [OutputType(typeof(SyncSettings), typeof(string))]
    public sealed class SetZoomHubSyncWebinarSettingCommand : SyncSettingChangeCmdlet
    {
        #region Parameters

        /// <summary>The webinar ids ("812 3456 7890" and "812-3456-7890" work).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WebinarIdCompleter))]
        public string[] WebinarId { get; set; }

        /// <summary>On or off for these webinars, whatever their host's "new webinars" default says; $null falls back to it.</summary>
        [Parameter]
        public bool? Sync { get; set; }

        /// <summary>Whether these webinars' recordings are synced; $null falls back to the host's, then the global setting.</summary>
        [Parameter]
        public bool? SyncRecordings { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            if (!Bound(nameof(Sync)) && !Bound(nameof(SyncRecordings)))
            {
                throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument, "Nothing to set: give -Sync, -SyncRecordings or both.", null);
            }
        }

        /// <inheritdoc />
        protected override void Change(SyncSettingsBuilder draft, SyncSettings current)
        {
            foreach (string text in WebinarId)
            {
                long id = NormalizeWebinarId(text);
                WebinarSyncSetting before = draft.FindWebinar(id);
                draft.SetWebinar(new WebinarSyncSetting(
                    id,
                    Bound(nameof(Sync)) ? Sync : before?.Sync,
                    Bound(nameof(SyncRecordings)) ? SyncRecordings : before?.SyncRecordings));
            }
        }

        #endregion
    }
}
