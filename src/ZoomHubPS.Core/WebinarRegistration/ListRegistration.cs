using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Settings;

namespace ZoomHubPS.Core.WebinarRegistration
{
    /// <summary>What registering one list for one webinar did (flat, for run summaries).</summary>
    public sealed class ListRegistrationSummary
    {
        /// <summary>The list's ILS id.</summary>
        public string ListId { get; set; }

        /// <summary>The list's name.</summary>
        public string ListName { get; set; }

        /// <summary>The webinar.</summary>
        public long WebinarId { get; set; }

        /// <summary>The occurrence, or null.</summary>
        public string OccurrenceId { get; set; }

        /// <summary>Members read (live contacts).</summary>
        public int Members { get; set; }

        /// <summary>Registered now.</summary>
        public int Registered { get; set; }

        /// <summary>Registered before (no add request spent).</summary>
        public int AlreadyRegistered { get; set; }

        /// <summary>Skipped (host, panelist, excluded, duplicate…).</summary>
        public int Skipped { get; set; }

        /// <summary>Zoom refused, or the input could not be sent.</summary>
        public int Failed { get; set; }

        /// <summary>Whether nothing was written.</summary>
        public bool WhatIf { get; set; }

        internal void Count(RegistrationResult r)
        {
            switch (r.Status)
            {
                case RegistrationStatus.Registered: Registered++; break;
                case RegistrationStatus.AlreadyRegistered: AlreadyRegistered++; break;
                case RegistrationStatus.Skipped: Skipped++; break;
                default: Failed++; break;
            }
        }
    }

    /// <summary>
    /// Registers "everyone in a HubSpot list" for a webinar: the list (by ILS id or by name) → its members as contacts
    /// (memberships 250 per page, contacts by batch read, 100 per call) → <see cref="WebinarRegistrationEngine"/>, which
    /// reports members registered before as AlreadyRegistered without an add request, so a re-run registers only those
    /// who joined the list since. Saved registration rules (<see cref="RegistrationRule"/>) run through here.
    /// </summary>
    public sealed class ListRegistration
    {
        // Contact properties that answer Zoom's standard questions under the names RegistrationForm knows.
        private static readonly string[] FormProperties = { "email", "firstname", "lastname", "company", "jobtitle", "phone", "address", "city", "state", "zip", "country", "industry", "numemployees" };

        private readonly ZoomHubConnection _connection;

        /// <summary>Creates a registration over a connection.</summary>
        public ListRegistration(ZoomHubConnection connection) => _connection = connection ?? throw new ArgumentNullException(nameof(connection));

        /// <summary>Runs one saved rule: its list for its webinar (and occurrence), with <paramref name="options"/> for the rest.</summary>
        public Task<ListRegistrationSummary> RegisterAsync(RegistrationRule rule, RegistrationOptions options = null, Action<RegistrationResult> onResult = null, CancellationToken cancellationToken = default)
        {
            if (rule == null) throw new ArgumentNullException(nameof(rule));
            options = Copy(options);
            options.OccurrenceId = rule.OccurrenceId ?? options.OccurrenceId;
            return RegisterAsync(rule.ListId, rule.ListName, rule.WebinarId, options, onResult, cancellationToken);
        }

        /// <summary>
        /// Registers the members of the list with <paramref name="listId"/> (or, when null, named <paramref name="listName"/>)
        /// for <paramref name="webinarId"/>; <paramref name="onResult"/> gets one result per member. Throws
        /// <see cref="HubSpotListNotFoundException"/> when there is no such contact list, and the engine's exceptions when the
        /// webinar cannot take registrations — both before any write.
        /// </summary>
        public async Task<ListRegistrationSummary> RegisterAsync(string listId, string listName, long webinarId, RegistrationOptions options = null,
            Action<RegistrationResult> onResult = null, CancellationToken cancellationToken = default)
        {
            options = options ?? new RegistrationOptions { WriteBackToHubSpot = true };
            HubSpotList list = await _connection.HubSpot.Lists.FindContactListAsync(listId, listName, cancellationToken).ConfigureAwait(false);
            List<RegistrationInput> inputs = await MembersAsync(list.ListId, PropertiesFor(options), cancellationToken).ConfigureAwait(false);
            var summary = new ListRegistrationSummary
            {
                ListId = list.ListId, ListName = list.Name, WebinarId = webinarId, OccurrenceId = options.OccurrenceId, Members = inputs.Count, WhatIf = options.WhatIf,
            };
            if (inputs.Count == 0) return summary;
            await new WebinarRegistrationEngine(_connection).RegisterAsync(webinarId, inputs, options, r =>
            {
                summary.Count(r);
                onResult?.Invoke(r);
            }, cancellationToken).ConfigureAwait(false);
            return summary;
        }

        private async Task<List<RegistrationInput>> MembersAsync(string listId, IReadOnlyList<string> properties, CancellationToken ct)
        {
            var inputs = new List<RegistrationInput>();
            await _connection.HubSpot.Lists.ListContacts(listId, properties).ForEachAsync(c =>
            {
                var values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
                foreach (var p in c.Properties) values[p.Key] = p.Value;
                values["Email"] = c.Email;
                values["FirstName"] = c.Get("firstname");
                values["LastName"] = c.Get("lastname");
                values["Id"] = c.Id;
                inputs.Add(new RegistrationInput(values, c));
                return true;
            }, ct).ConfigureAwait(false);
            return inputs;
        }

        // The names the form reads, plus every contact property the question map names.
        private static IReadOnlyList<string> PropertiesFor(RegistrationOptions options)
            => FormProperties.Concat((options.QuestionMap ?? new Dictionary<string, string>()).Values.Where(v => !string.IsNullOrEmpty(v) && !v.StartsWith("=", StringComparison.Ordinal)))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        private static RegistrationOptions Copy(RegistrationOptions o) => o == null ? new RegistrationOptions { WriteBackToHubSpot = true } : new RegistrationOptions
        {
            OccurrenceId = o.OccurrenceId, QuestionMap = o.QuestionMap, ExcludeDomains = o.ExcludeDomains, WhatIf = o.WhatIf,
            WriteBackToHubSpot = o.WriteBackToHubSpot, JoinUrlProperty = o.JoinUrlProperty, PropertyNames = o.PropertyNames,
        };
    }
}
