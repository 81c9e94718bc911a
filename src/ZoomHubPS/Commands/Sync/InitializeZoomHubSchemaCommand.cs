using System;
using System.Collections;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.WebinarSync;

using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates (or verifies) the HubSpot property group, contact properties and marketing-event properties the sync writes, and the timeline templates of a partner app.</para>
    /// </summary>
    [Cmdlet(VerbsData.Initialize, "ZoomHubSchema", SupportsShouldProcess = true, HelpUri = HelpLinks.Base + "Initialize-ZoomHubSchema.md")]
    [OutputType(typeof(SchemaItemResult))]
    public sealed class InitializeZoomHubSchemaCommand : ConnectedCmdlet
    {
        /// <summary>Map of property names, e.g. @{ RegistrationCount = 'zoom_webinar_registration_count' }.</summary>
        [Parameter]
        public Hashtable PropertyName { get; set; }

        /// <summary>HubSpot app id: also create the timeline event templates (registration, attendance, recording).</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long TimelineAppId { get; set; }

        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            SyncPropertyNames names;
            try
            {
                names = PropertyNameMap.From(PropertyName);
            }
            catch (ArgumentException ex)
            {
                throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument, ex.Message, PropertyName);
            }

            bool write = await ShouldProcessAsync($"HubSpot portal {Api.Info.HubSpotPortalId}", $"Create the '{names.Group}' property group and the ZoomHubPS contact and marketing-event properties that are missing").ConfigureAwait(false);
            foreach (SchemaItemResult item in await new SchemaInitializer(Api).InitializeAsync(names, !write, cancellationToken).ConfigureAwait(false))
            {
                if (item.Status == "Conflicting")
                {
                    WriteError(ErrorRecordFactory.SchemaConflict(item.Name, item.Message));
                }
                else if (item.Status == "CreateInHubSpot")
                {
                    // HubSpot may not let apps define marketing-event properties: the user creates them once, by hand.
                    WriteWarning($"Marketing-event property '{item.Name}': {item.Message}");
                }

                WriteObject(item);
            }

            if (TimelineAppId > 0)
            {
                bool templates = await ShouldProcessAsync($"HubSpot app {TimelineAppId}", "Create the ZoomHubPS timeline event templates that are missing and update those whose tokens changed").ConfigureAwait(false);
                foreach (SchemaItemResult item in await TimelineTemplates.EnsureAsync(Api, TimelineAppId, !templates, cancellationToken).ConfigureAwait(false))
                {
                    WriteObject(item);
                }
            }
        }
    }
}
