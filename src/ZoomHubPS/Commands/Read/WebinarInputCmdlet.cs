using System.Management.Automation;

using ZoomHubPS.Completion;

namespace ZoomHubPS.Commands
{
    /// <summary>Base of cmdlets that take a webinar (and optionally an instance) from the pipeline.</summary>
    public abstract class WebinarInputCmdlet : ConnectedCmdlet
    {
        /// <summary>Webinar id; spaces and dashes are accepted ("812 3456 7890"). Binds from Id / WebinarId of piped objects.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WebinarIdCompleter))]
        public string WebinarId { get; set; }

        /// <summary>The webinar id as a number (valid inside ProcessRecordAsync after <see cref="TryWebinarId"/>).</summary>
        protected long NumericWebinarId { get; private set; }

        /// <summary>Normalises -WebinarId; writes ZoomHubInvalidWebinarId for this input and returns false when it is not a webinar id.</summary>
        protected bool TryWebinarId()
        {
            try
            {
                NumericWebinarId = WebinarIdOf(WebinarId);
                return true;
            }
            catch (System.ArgumentException ex)
            {
                WriteItemError(ex, WebinarId);
                return false;
            }
        }
    }

    /// <summary>Base of cmdlets that read one past instance of a webinar.</summary>
    public abstract class InstanceInputCmdlet : WebinarInputCmdlet
    {
        /// <summary>Instance UUID from Get-ZoomWebinarInstance; without it, the latest instance.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Uuid")]
        [ArgumentCompleter(typeof(InstanceUuidCompleter))]
        public string InstanceUuid { get; set; }
    }
}
