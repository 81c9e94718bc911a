using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.WebinarRegistration;

using ZoomHubPS.Infrastructure;

using ZoomHubPS.Completion;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Registers people for a Zoom webinar in bulk, with one result per input.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "ZoomWebinarRegistrant", DefaultParameterSetName = ObjectSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Base + "Add-ZoomWebinarRegistrant.md")]
    [OutputType(typeof(RegistrationResult))]
    public sealed class AddZoomWebinarRegistrantCommand : RegistrationCmdlet
    {
        private const string ObjectSet = nameof(InputObject);
        private const string FieldsSet = nameof(Email);

        /// <summary>Webinar id ("812 3456 7890" accepted); can also come from a WebinarId property of each input.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WebinarIdCompleter))]
        public string WebinarId { get; set; }

        /// <summary>A person: any object with Email, FirstName/first_name/firstname, LastName… and answers (CSV rows, contacts).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        public PSObject InputObject { get; set; }

        /// <summary>Email of one person (without an input object).</summary>
        [Parameter(Mandatory = true, ParameterSetName = FieldsSet)]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; }

        /// <summary>First name of that person.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FieldsSet)]
        [ValidateNotNullOrEmpty]
        public string FirstName { get; set; }

        /// <summary>Last name of that person.</summary>
        [Parameter(ParameterSetName = FieldsSet)]
        public string LastName { get; set; }

        /// <inheritdoc />
        protected override bool WriteBack => false;

        /// <inheritdoc />
        protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            long id = WebinarIdOrStop(WebinarId, WebinarId);
            if (ParameterSetName == FieldsSet)
            {
                Queue(id, new Dictionary<string, object> { ["Email"] = Email, ["FirstName"] = FirstName, ["LastName"] = LastName }, Email);
            }
            else
            {
                Queue(id, ValuesOf(InputObject), InputObject);
            }

            return Task.CompletedTask;
        }
    }
}
