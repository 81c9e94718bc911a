using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.WebinarRegistration;

using ZoomHubPS.Infrastructure;

using ZoomHubPS.Completion;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Registers HubSpot contacts (piped, by email, or every member of a HubSpot list) for Zoom webinars and writes each personal join link and the register participation back to HubSpot.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "HubSpotContactToWebinar", DefaultParameterSetName = ContactSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Base + "Add-HubSpotContactToWebinar.md")]
    [OutputType(typeof(RegistrationResult))]
    public sealed class AddHubSpotContactToWebinarCommand : RegistrationCmdlet
    {
        private const string ContactSet = nameof(InputObject);
        private const string EmailSet = nameof(Email);
        private const string ListIdSet = nameof(ListId);
        private const string ListNameSet = nameof(ListName);
        private readonly List<string> _emails = new List<string>();

        /// <summary>Webinar id ("812 3456 7890" accepted); also bound from a WebinarId property of each input (CSV rows).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WebinarIdCompleter))]
        public string WebinarId { get; set; }

        /// <summary>Contact property that holds each contact's webinar id (instead of -WebinarId).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HubSpotPropertyCompleter))]
        public string WebinarIdProperty { get; set; }

        /// <summary>HubSpot contacts (from Get-HubSpotContact) or any objects with Email and names.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ContactSet)]
        public PSObject InputObject { get; set; }

        /// <summary>Emails of HubSpot contacts (names are read from HubSpot).</summary>
        [Parameter(Mandatory = true, ParameterSetName = EmailSet)]
        [ValidateNotNullOrEmpty]
        public string[] Email { get; set; }

        /// <summary>Register every member of the HubSpot list with this ILS id (members registered before are reported AlreadyRegistered).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ListIdSet)]
        [ValidateNotNullOrEmpty]
        public string ListId { get; set; }

        /// <summary>Register every member of the HubSpot list with this name (matched without case).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ListNameSet)]
        [ValidateNotNullOrEmpty]
        public string ListName { get; set; }

        /// <summary>Contact property that receives the join link (default zoomhub_last_registered_webinar_url).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HubSpotPropertyCompleter))]
        public string JoinUrlProperty { get; set; } = "zoomhub_last_registered_webinar_url";

        /// <inheritdoc />
        protected override bool WriteBack => true;

        /// <inheritdoc />
        protected override void OnBeginProcessing()
        {
            base.OnBeginProcessing();
            // A piped WebinarId is bound per input, after this point: only the email set (no pipeline) must have it now.
            bool idGiven = !string.IsNullOrEmpty(WebinarId);
            if ((idGiven && WebinarIdProperty != null) || ((ParameterSetName == EmailSet || IsListSet) && !idGiven && WebinarIdProperty == null))
            {
                throw MissingWebinar();
            }

            if (IsListSet && WebinarIdProperty != null)
            {
                throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument, "A list is registered for one webinar: give -WebinarId with -ListId or -ListName, not -WebinarIdProperty.", this);
            }
        }

        /// <inheritdoc />
        protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            if (IsListSet) return Task.CompletedTask;
            if (ParameterSetName == EmailSet)
            {
                _emails.AddRange(Email);
                return Task.CompletedTask;
            }

            if (string.IsNullOrEmpty(WebinarId) == (WebinarIdProperty == null)) throw MissingWebinar();
            Dictionary<string, object> values = RegistrationCmdlet.ValuesOf(InputObject);
            Queue(WebinarOf(values), values, InputObject);
            return Task.CompletedTask;
        }

        /// <inheritdoc />
        protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
        {
            if (IsListSet)
            {
                await RegisterListAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            if (_emails.Count > 0)
            {
                // Names (and the webinar property) come from HubSpot: 100 contacts per read.
                var props = new List<string> { "email", "firstname", "lastname" };
                if (WebinarIdProperty != null) props.Add(WebinarIdProperty);
                HubSpotBatchResult<HubSpotObject> read = await Api.HubSpot.Contacts.BatchReadAsync(_emails, "email", props, false, cancellationToken).ConfigureAwait(false);
                var found = read.Results.Where(c => c.Email != null).GroupBy(c => c.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
                foreach (string email in _emails)
                {
                    if (!found.TryGetValue(email, out HubSpotObject c))
                    {
                        WriteError(ErrorRecordFactory.ContactNotFound(email));
                        continue;
                    }

                    var values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase) { ["Email"] = c.Email, ["FirstName"] = c.Get("firstname"), ["LastName"] = c.Get("lastname"), ["Id"] = c.Id };
                    if (WebinarIdProperty != null) values[WebinarIdProperty] = c.Get(WebinarIdProperty);
                    Queue(WebinarOf(values), values, email);
                }
            }

            await base.EndProcessingAsync(cancellationToken).ConfigureAwait(false);
        }

        private bool IsListSet => ParameterSetName == ListIdSet || ParameterSetName == ListNameSet;

        // The list's members (memberships 250 per page, contacts 100 per read) through the registration engine.
        private async Task RegisterListAsync(CancellationToken cancellationToken)
        {
            long webinarId = WebinarIdOrStop(WebinarId, WebinarId);
            string list = ParameterSetName == ListIdSet ? "list " + ListId : "list '" + ListName + "'";
            bool run = await ShouldProcessAsync($"webinar {webinarId}", $"Register the members of HubSpot {list}").ConfigureAwait(false);
            if (!run && !IsWhatIf) return;
            await RegisterGuardedAsync(webinarId, async () =>
            {
                try
                {
                    await new ListRegistration(Api).RegisterAsync(ParameterSetName == ListIdSet ? ListId : null, ListName, webinarId, Options(!run), Report, cancellationToken).ConfigureAwait(false);
                }
                catch (HubSpotListNotFoundException ex)
                {
                    throw Terminating(ErrorRecordFactory.Create(ex, (object)ListId ?? ListName));
                }
            }).ConfigureAwait(false);
        }

        private Exception MissingWebinar()
            => InvalidArgument(ErrorIds.ZoomHubInvalidArgument, "Give either -WebinarId (or a WebinarId property on each input) or -WebinarIdProperty (one of them).", this);

        private long WebinarOf(IDictionary<string, object> values)
        {
            if (WebinarIdProperty == null) return WebinarIdOrStop(WebinarId, WebinarId);
            values.TryGetValue(WebinarIdProperty, out object v);
            return WebinarIdOrStop(v?.ToString(), v);
        }
    }
}
