using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets users of the connected Zoom account: all of a status, or one by id or email.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomUser", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = HelpLinks.Base + "Get-ZoomUser.md")]
    [OutputType(typeof(ZoomUser))]
    public sealed class GetZoomUserCommand : ConnectedCmdlet
    {
        private const string ListSet = "List";
        private const string OneSet = nameof(UserId);

        #region Parameters

        /// <summary>A user id or email.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = OneSet)]
        [Alias("Id", "Email")]
        [ValidateNotNullOrEmpty]
        public string[] UserId { get; set; }

        /// <summary>Users of this status (default Active).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Active", "Inactive", "Pending", "All")]
        public string Status { get; set; } = "Active";

        /// <summary>Users per request (default and maximum 2000).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 2000)]
        public int PageSize { get; set; } = 2000;

        #endregion

        #region Overrides

        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            if (ParameterSetName == OneSet)
            {
                foreach (string id in UserId)
                {
                    try
                    {
                        WriteObject(await Api.Zoom.Users.GetAsync(id, cancellationToken).ConfigureAwait(false));
                    }
                    catch (ZoomHubApiException ex)
                    {
                        WriteItemError(ex, id, ErrorIds.ZoomUserNotFound);
                    }
                }

                return;
            }

            UserStatus[] statuses = Status == "All"
                ? new[] { UserStatus.Active, UserStatus.Inactive, UserStatus.Pending }
                : new[] { (UserStatus)System.Enum.Parse(typeof(UserStatus), Status) };
            foreach (UserStatus status in statuses)
            {
                await EmitAsync(Api.Zoom.Users.List(status, new ListOptions { PageSize = PageSize, MaxItems = MaxItems }), cancellationToken).ConfigureAwait(false);
            }
        }

        #endregion
    }
}
