using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Completion;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets Zoom webinars: by id, by host, or for every host of the account.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomWebinar", DefaultParameterSetName = ByIdSet, SupportsPaging = true, HelpUri = HelpLinks.Base + "Get-ZoomWebinar.md")]
    [OutputType(typeof(ZoomWebinar))]
    public sealed class GetZoomWebinarCommand : ConnectedCmdlet
    {
        private const string ByIdSet = nameof(WebinarId);
        private const string ByHostSet = nameof(HostId);
        private const string AllSet = nameof(All);

        private ulong _detailedSeen;

        #region Parameters

        /// <summary>Webinar id; spaces and dashes are accepted ("812 3456 7890"). Binds from a WebinarId property (CSV rows).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WebinarIdCompleter))]
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

        /// <summary>
        /// Read each listed webinar's details (one request per webinar): Settings (ApprovalType…), RegistrationUrl and
        /// Occurrences, which Zoom's list does not return. By id they are always read.
        /// </summary>
        [Parameter(ParameterSetName = ByHostSet)]
        [Parameter(ParameterSetName = AllSet)]
        public SwitchParameter Detailed { get; set; }

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
                    string hostEmail = HostId.Contains("@") ? HostId : (await Api.Zoom.Users.GetAsync(HostId, cancellationToken).ConfigureAwait(false))?.Email;
                    await EmitWebinarsAsync(HostId, hostEmail, MaxItems, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    foreach (ZoomUser host in await Api.Zoom.Users.List(UserStatus.Active).ToListAsync(cancellationToken).ConfigureAwait(false))
                    {
                        await EmitWebinarsAsync(host.Id, host.Email, null, cancellationToken).ConfigureAwait(false);
                    }

                    break;
            }
        }

        #endregion

        #region Private

        // Zoom's list items lack host_email, settings and registration_url (FACTS §1.4): the host's email comes from the
        // host listing itself, the rest from a details read with -Detailed.
        private async Task EmitWebinarsAsync(string hostId, string hostEmail, long? maxItems, CancellationToken cancellationToken)
        {
            Pageable<ZoomWebinar> listing = Api.Zoom.Webinars.ListByHost(hostId, ListType, new ListOptions { MaxItems = maxItems });
            if (!Detailed)
            {
                await EmitAsync(listing, cancellationToken, w => WithHost(w, hostEmail)).ConfigureAwait(false);
                return;
            }

            ulong skip = PagingParameters?.Skip ?? 0;
            ulong first = PagingParameters?.First ?? ulong.MaxValue;
            foreach (ZoomWebinar listed in await listing.ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                // -Skip/-First over the whole call (several hosts), as EmitAsync counts them.
                ulong seen = _detailedSeen++;
                if (seen < skip) continue;
                if (seen - skip >= first) return;
                ZoomWebinar details;
                try
                {
                    details = await Api.Zoom.Webinars.GetAsync(listed.Id, cancellationToken).ConfigureAwait(false) ?? listed;
                }
                catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.NotFound)
                {
                    details = listed; // expired between the list and the read: keep what the list said
                }

                WriteObject(WithHost(details, hostEmail));
            }
        }

        private static ZoomWebinar WithHost(ZoomWebinar webinar, string hostEmail)
        {
            if (string.IsNullOrEmpty(webinar.HostEmail)) webinar.HostEmail = hostEmail;
            return webinar;
        }

        #endregion
    }
}
