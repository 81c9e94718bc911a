using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Read;

using ZoomHubPS.Infrastructure;

using ZoomHubPS.Completion;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets HubSpot contacts by email (batched), by id, by filter, by list, or all, with typed property values.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "HubSpotContact", DefaultParameterSetName = ByEmailSet, SupportsPaging = true, HelpUri = HelpLinks.Base + "Get-HubSpotContact.md")]
    [OutputType(typeof(PSObject))]
    public sealed class GetHubSpotContactCommand : ConnectedCmdlet
    {
        private const string ByEmailSet = nameof(Email);
        private const string ByIdSet = nameof(Id);
        private const string ByFilterSet = nameof(Filter);
        private const string AllSet = nameof(All);
        private const string ByListIdSet = nameof(ListId);
        private const string ByListNameSet = nameof(ListName);

        private readonly List<string> _pending = new List<string>();
        private Dictionary<string, HubSpotProperty> _definitions;
        private List<string> _properties;

        #region Parameters

        /// <summary>Primary emails (pipeline by property name: Email, email, EmailAddress).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByEmailSet)]
        [Alias("EmailAddress", "user_email")]
        [ValidateNotNullOrEmpty]
        public string[] Email { get; set; }

        /// <summary>Contact ids.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Alias("ContactId", "hs_object_id", "vid")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; }

        /// <summary>Search filter: @{ property = value } or @{ property = @{ gte = 3 } }; several hashtables OR together.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByFilterSet)]
        [ValidateNotNullOrEmpty]
        public Hashtable[] Filter { get; set; }

        /// <summary>The members of the HubSpot list with this ILS id (the number in the list's URL); pipes from objects with a ListId.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByListIdSet)]
        [ValidateNotNullOrEmpty]
        public string ListId { get; set; }

        /// <summary>The members of the HubSpot list with this name (matched without case).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByListNameSet)]
        [ValidateNotNullOrEmpty]
        public string ListName { get; set; }

        /// <summary>Every contact of the portal.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        /// <summary>Properties to read (default: email, names, additional emails and every zoomhub_ property).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(HubSpotPropertyCompleter))]
        public string[] Property { get; set; }

        /// <summary>Also find contacts whose secondary email (hs_additional_emails) matches.</summary>
        [Parameter(ParameterSetName = ByEmailSet)]
        public SwitchParameter IncludeSecondaryEmail { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc />
        protected override async Task BeginProcessingAsync(CancellationToken cancellationToken)
        {
            _definitions = await HubSpotContactView.DefinitionsAsync(Api, cancellationToken).ConfigureAwait(false);
            _properties = Property?.ToList() ?? new[] { "email", "firstname", "lastname", "hs_additional_emails" }
                .Concat(_definitions.Keys.Where(k => k.StartsWith("zoomhub_", StringComparison.OrdinalIgnoreCase) && k != "zoomhub_webinar_history").OrderBy(k => k))
                .ToList();
        }

        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            switch (ParameterSetName)
            {
                case ByEmailSet:
                    _pending.AddRange(Email.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()));
                    while (_pending.Count >= HubSpotClient.BatchSize)
                    {
                        List<string> batch = _pending.GetRange(0, HubSpotClient.BatchSize);
                        _pending.RemoveRange(0, HubSpotClient.BatchSize);
                        await ReadEmailsAsync(batch, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                case ByIdSet:
                    HubSpotBatchResult<HubSpotObject> byId = await Api.HubSpot.Contacts.BatchReadAsync(Id, "hs_object_id", _properties, false, cancellationToken).ConfigureAwait(false);
                    var found = new HashSet<string>(byId.Results.Select(r => r.Id));
                    foreach (HubSpotObject c in byId.Results) Emit(c);
                    foreach (string missing in Id.Where(i => !found.Contains(i))) NotFound(missing);
                    break;
                case ByFilterSet:
                    List<HubSpotFilterGroup> groups;
                    try
                    {
                        groups = HubSpotFilterTranslator.Translate(Filter);
                    }
                    catch (ArgumentException ex)
                    {
                        throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument, ex.Message, Filter);
                    }

                    var request = new HubSpotSearchRequest { FilterGroups = groups, Properties = _properties, Sorts = new List<string> { "hs_object_id" } };
                    await EmitAsync(Api.HubSpot.Contacts.Search(request, new ListOptions { MaxItems = MaxItems }), cancellationToken, c => View(c)).ConfigureAwait(false);
                    break;
                case ByListIdSet:
                case ByListNameSet:
                    await EmitListAsync(cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await EmitAsync(Api.HubSpot.Contacts.List(_properties, false, new ListOptions { MaxItems = MaxItems }), cancellationToken, c => View(c)).ConfigureAwait(false);
                    break;
            }
        }

        /// <inheritdoc />
        protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
        {
            if (_pending.Count > 0)
            {
                List<string> rest = _pending.ToList();
                _pending.Clear();
                await ReadEmailsAsync(rest, cancellationToken).ConfigureAwait(false);
            }
        }

        #endregion

        #region Private

        private async Task ReadEmailsAsync(List<string> emails, CancellationToken cancellationToken)
        {
            HubSpotBatchResult<HubSpotObject> result = await Api.HubSpot.Contacts.BatchReadAsync(emails, "email", _properties, false, cancellationToken).ConfigureAwait(false);
            var found = new HashSet<string>(result.Results.Select(r => r.Email).Where(e => e != null), StringComparer.OrdinalIgnoreCase);
            foreach (HubSpotObject c in result.Results) Emit(c);
            List<string> missing = emails.Where(e => !found.Contains(e)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (IncludeSecondaryEmail && missing.Count > 0)
            {
                // HubSpot matches secondary emails only through search: one OR group per email, 5 groups per request.
                foreach (List<string> chunk in missing.Select((e, i) => (e, i)).GroupBy(x => x.i / 5).Select(g => g.Select(x => x.e).ToList()).ToList())
                {
                    var request = new HubSpotSearchRequest
                    {
                        FilterGroups = chunk.Select(e => new HubSpotFilterGroup { Filters = new List<HubSpotFilter> { new HubSpotFilter { PropertyName = "hs_additional_emails", Operator = "CONTAINS_TOKEN", Value = e } } }).ToList(),
                        Properties = _properties,
                    };
                    await Api.HubSpot.Contacts.Search(request).ForEachAsync(c =>
                    {
                        string extra = c.Get("hs_additional_emails") ?? string.Empty;
                        foreach (string e in chunk.Where(e => extra.Split(';').Any(x => string.Equals(x.Trim(), e, StringComparison.OrdinalIgnoreCase))))
                        {
                            found.Add(e);
                        }

                        Emit(c);
                        return true;
                    }, cancellationToken).ConfigureAwait(false);
                }

                missing = missing.Where(e => !found.Contains(e)).ToList();
            }

            foreach (string email in missing) NotFound(email);
        }

        // Memberships 250 per page, contacts by batch read (100 per call), written as they arrive.
        private async Task EmitListAsync(CancellationToken cancellationToken)
        {
            HubSpotList list;
            try
            {
                list = await Api.HubSpot.Lists.FindContactListAsync(ParameterSetName == ByListIdSet ? ListId : null, ListName, cancellationToken).ConfigureAwait(false);
            }
            catch (HubSpotListNotFoundException ex)
            {
                WriteItemError(ex, (object)ListId ?? ListName);
                return;
            }

            WriteVerbose($"List {list.ListId} '{list.Name}' ({list.ProcessingType}, {list.Size?.ToString() ?? "?"} members).");
            await EmitAsync(Api.HubSpot.Lists.ListContacts(list.ListId, _properties, new ListOptions { MaxItems = MaxItems }), cancellationToken, c => View(c)).ConfigureAwait(false);
        }

        private PSObject View(HubSpotObject c) => HubSpotContactView.ToPSObject(c, _definitions, _properties);

        private void Emit(HubSpotObject c) => WriteObject(View(c));

        private void NotFound(string input)
        {
            WriteError(ErrorRecordFactory.ContactNotFound(input, byId: ParameterSetName == ByIdSet));
        }

        #endregion
    }
}
