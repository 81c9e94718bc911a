using System;
using System.Linq;
using System.Management.Automation;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Sets one or more Zoom users' own sync settings (new webinars, recordings) in saved sync settings.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ZoomHubSyncUserSetting", SupportsShouldProcess = true, HelpUri = HelpLinks.Base + "Set-ZoomHubSyncUserSetting.md")]
    [OutputType(typeof(SyncSettings), typeof(string))]
    public sealed class SetZoomHubSyncUserSettingCommand : SyncSettingChangeCmdlet
    {
        #region Parameters

        /// <summary>The Zoom users' emails.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("Email")]
        [ValidateNotNullOrEmpty]
        public string[] UserEmail { get; set; }

        /// <summary>Whether the users' webinars without an override are synced; $null falls back to the global default.</summary>
        [Parameter]
        public bool? SyncNewWebinars { get; set; }

        /// <summary>Whether the users' recordings and transcripts are synced; $null falls back to the global default.</summary>
        [Parameter]
        public bool? SyncRecordings { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            if (!Bound(nameof(SyncNewWebinars)) && !Bound(nameof(SyncRecordings)))
            {
                throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument, "Nothing to set: give -SyncNewWebinars, -SyncRecordings or both.", null);
            }
        }

        /// <inheritdoc />
        protected override void Change(SyncSettingsBuilder draft, SyncSettings current)
        {
            foreach (string email in UserEmail)
            {
                UserSyncSetting before = draft.FindUser(email);
                draft.SetUser(new UserSyncSetting(
                    email,
                    Bound(nameof(SyncNewWebinars)) ? SyncNewWebinars : before?.SyncNewWebinars,
                    Bound(nameof(SyncRecordings)) ? SyncRecordings : before?.SyncRecordings));
                if (!current.AllUsers && !current.Users.Contains(email.Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    WriteWarning($"{email.Trim()} is not one of the selected users, so these settings apply only once it is: Set-ZoomHubSyncSetting -User (add it to the list), or -User All.");
                }
            }
        }

        #endregion
    }
}
