using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets Zoom webinars: by id, by host, or for every host of the account.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomWebinar", DefaultParameterSetName = ByIdSet, SupportsPaging = true)]
    [OutputType(typeof(ZoomWebinar))]
    public sealed class GetZoomWebinarCommand : ConnectedCmdlet
    {
        private const string ByIdSet = nameof(WebinarId);
        private const string ByHostSet = nameof(HostId);
        private const string AllSet = nameof(All);

        #region Parameters

        /// <summary>Webinar id; spaces and dashes are accepted ("812 3456 7890").</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        public string[] WebinarId { get; set; }

        /// <summary>Host user id or email.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByHostSet)]
        [Alias("HostEmail", "Email", "UserId")]
        [ValidateNotNullOrEmpty]
        public string HostId { get; set; }

        /// <summary>Webinars of every active host of the account.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        /// <summary>Scheduled (unexpired past, live and upcoming; default) or Upcoming.</summary>
        [Parameter(ParameterSetName = ByHostSet)]
        [Parameter(ParameterSetName = AllSet)]
        [ValidateSet("Scheduled", "Upcoming")]
        public string Type { get; set; } = "Scheduled";

        private WebinarListType ListType => (WebinarListType)Enum.Parse(typeof(WebinarListType), Type, ignoreCase: true);

        #endregion

        #region Overrides

        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            switch (ParameterSetName)
            {
                case ByIdSet:
                    foreach (string text in WebinarId)
                    {
                        try
                        {
                            WriteObject(await Api.Zoom.Webinars.GetAsync(WebinarIdOf(text), cancellationToken).ConfigureAwait(false));
                        }
                        catch (Exception ex) when (ex is ZoomHubApiException || ex is ArgumentException)
                        {
                            WriteItemError(ex, text, ErrorIds.ZoomWebinarNotFound);
                        }
                    }

                    break;
                case ByHostSet:
                    await EmitAsync(Api.Zoom.Webinars.ListByHost(HostId, ListType, new ListOptions { MaxItems = MaxItems }), cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    var hosts = Api.Zoom.Users.List(UserStatus.Active);
                    var hostIds = await hosts.ToListAsync(cancellationToken).ConfigureAwait(false);
                    foreach (ZoomUser host in hostIds)
                    {
                        await EmitAsync(Api.Zoom.Webinars.ListByHost(host.Id, ListType), cancellationToken).ConfigureAwait(false);
                    }

                    break;
            }
        }

        #endregion
    }
}
