using System;
using System.Collections;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Http;
using ZoomHubPS.Core.Requests;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Calls any Zoom or HubSpot endpoint with the connection's auth, rate limits, retries and error handling.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "ZoomHubRequest", SupportsShouldProcess = true, SupportsPaging = true, HelpUri = HelpLinks.Base + "Invoke-ZoomHubRequest.md")]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeZoomHubRequestCommand : ConnectedCmdlet
    {
        // Parameters are strings, not Core enums: a field of a Core value type would make PowerShell load Core while it
        // reflects over this assembly at import, before the module's resolver can find it in Dependencies/.

        /// <summary>Zoom or HubSpot. (Hides the base's resolved connection, which this cmdlet reads as <see cref="Connected"/>.)</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateSet("Zoom", "HubSpot")]
        public new string Api { get; set; }

        /// <summary>GET (default), POST, PUT, PATCH or DELETE.</summary>
        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE")]
        public string Method { get; set; } = "GET";

        /// <summary>The endpoint, relative to the API (users/me, /v2/webinars/812…/polls, crm/v3/objects/contacts).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>Query parameters.</summary>
        [Parameter]
        public IDictionary Query { get; set; }

        /// <summary>The body: a hashtable or object (sent as JSON), or JSON text.</summary>
        [Parameter]
        public object Body { get; set; }

        /// <summary>Follow next_page_token (Zoom) or paging.next.after (HubSpot) and write the items one by one.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>The rate-limit bucket (Zoom: Light, Medium, Heavy, ResourceIntensive; HubSpot: Standard, Search).</summary>
        [Parameter]
        [ValidateSet("Light", "Medium", "Heavy", "ResourceIntensive", "Standard", "Search")]
        public string RateLimitCategory { get; set; }

        private ZoomHubConnection Connected => base.Api;

        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            ApiKind api = (ApiKind)Enum.Parse(typeof(ApiKind), Api, ignoreCase: true);
            var request = new ZoomHubRequest(api, Method, Path)
            {
                Body = Body is string text ? text : PlainValues.ToPlain(Body),
                Category = RateLimitCategory == null ? (RateCategory?)null : (RateCategory)Enum.Parse(typeof(RateCategory), RateLimitCategory, ignoreCase: true),
            };
            foreach (var pair in PlainValues.ToQuery(Query)) request.Query.Add(pair);
            string target = $"{api} {request.Method} /{Path.TrimStart('/')}";
            if (request.Method != "GET" && !await ShouldProcessAsync(target, "Send request").ConfigureAwait(false)) return;
            try
            {
                if (All)
                {
                    await EmitAsync(Connected.Requests.ListAll(request, new ListOptions { MaxItems = MaxItems }), cancellationToken, PlainValues.ToPowerShell).ConfigureAwait(false);
                }
                else
                {
                    object answer = await Connected.Requests.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    if (answer != null) WriteObject(PlainValues.ToPowerShell(answer));
                }
            }
            catch (ArgumentException ex)
            {
                throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument, ex.Message, Path);
            }
            catch (ZoomHubApiException ex)
            {
                WriteItemError(ex, Path);
            }
        }
    }
}
