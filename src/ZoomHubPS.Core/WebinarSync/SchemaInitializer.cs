using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.HubSpot;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>What Initialize-ZoomHubSchema did for one property or group.</summary>
    public sealed class SchemaItemResult
    {
        /// <summary>Group, Property (contacts), EventProperty (marketing events) or TimelineTemplate.</summary>
        public string Kind { get; set; }

        /// <summary>Name.</summary>
        public string Name { get; set; }

        /// <summary>Created, Existing, WouldCreate (WhatIf), Conflicting, CreateInHubSpot (refused by the API: <see cref="Message"/> says what to create), Updated, WouldUpdate.</summary>
        public string Status { get; set; }

        /// <summary>Details (e.g. the conflicting type).</summary>
        public string Message { get; set; }
    }

    /// <summary>Creates (or verifies) the property group and properties the sync writes. Idempotent: reads first, creates only what is missing.</summary>
    public sealed class SchemaInitializer
    {
        private readonly ZoomHubConnection _connection;

        /// <summary>Creates an initializer.</summary>
        public SchemaInitializer(ZoomHubConnection connection) => _connection = connection ?? throw new ArgumentNullException(nameof(connection));

        /// <summary>Runs; with <paramref name="whatIf"/> only reads.</summary>
        public async Task<IReadOnlyList<SchemaItemResult>> InitializeAsync(SyncPropertyNames names, bool whatIf, CancellationToken cancellationToken = default)
        {
            names = names ?? new SyncPropertyNames();
            var results = new List<SchemaItemResult>();
            IReadOnlyList<HubSpotPropertyGroup> groups = await _connection.HubSpot.Properties.ListGroupsAsync(cancellationToken).ConfigureAwait(false);
            if (groups.Any(g => string.Equals(g.Name, names.Group, StringComparison.OrdinalIgnoreCase)))
            {
                results.Add(new SchemaItemResult { Kind = "Group", Name = names.Group, Status = "Existing" });
            }
            else if (whatIf)
            {
                results.Add(new SchemaItemResult { Kind = "Group", Name = names.Group, Status = "WouldCreate" });
            }
            else
            {
                await CreateGroupAsync(names.Group, cancellationToken).ConfigureAwait(false);
                results.Add(new SchemaItemResult { Kind = "Group", Name = names.Group, Status = "Created" });
            }

            var existing = (await _connection.HubSpot.Properties.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
            var missing = new List<HubSpotProperty>();
            foreach (HubSpotProperty wanted in names.Definitions())
            {
                if (existing.TryGetValue(wanted.Name, out HubSpotProperty have)) results.Add(Compare("Property", have, wanted));
                else missing.Add(wanted);
            }

            if (missing.Count > 0 && whatIf)
            {
                results.AddRange(missing.Select(m => new SchemaItemResult { Kind = "Property", Name = m.Name, Status = "WouldCreate" }));
            }
            else if (missing.Count > 0)
            {
                results.AddRange(await CreatePropertiesAsync(missing, cancellationToken).ConfigureAwait(false));
            }

            results.AddRange(await EventPropertySchema.EnsureAsync(_connection.HubSpot.EventProperties, names, whatIf, cancellationToken).ConfigureAwait(false));
            return results;
        }

        // A 409 for the group is what the retry of a create whose reply was lost gets (the first attempt made it), or a
        // group someone made meanwhile: a group of that name is the one the properties need.
        private async Task CreateGroupAsync(string name, CancellationToken ct)
        {
            try
            {
                await _connection.HubSpot.Properties.CreateGroupAsync(new HubSpotPropertyGroup { Name = name, Label = "Zoom webinars (ZoomHubPS)", DisplayOrder = -1 }, ct).ConfigureAwait(false);
            }
            catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.Conflict)
            {
                IReadOnlyList<HubSpotPropertyGroup> now = await _connection.HubSpot.Properties.ListGroupsAsync(ct).ConfigureAwait(false);
                if (!now.Any(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))) throw;
            }
        }

        // "Already exists" for a property that was missing when this run listed them is, again, the retry of a create
        // whose reply was lost, or someone else's property: it counts as created once its definition is the one the sync
        // writes, and is a conflict otherwise. Any other refusal stops the command.
        private async Task<IReadOnlyList<SchemaItemResult>> CreatePropertiesAsync(List<HubSpotProperty> missing, CancellationToken ct)
        {
            IEnumerable<HubSpotBatchError> refused;
            try
            {
                refused = (await _connection.HubSpot.Properties.BatchCreateAsync(missing, ct).ConfigureAwait(false)).Errors;
            }
            catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.Conflict)
            {
                refused = new[] { new HubSpotBatchError { Category = AlreadyExists, Message = ex.VendorMessage } };
            }

            HubSpotBatchError other = refused.FirstOrDefault(e => !string.Equals(e.Category, AlreadyExists, StringComparison.OrdinalIgnoreCase));
            if (other != null) throw new InvalidOperationException("HubSpot refused to create a property: " + other.Message);
            if (!refused.Any()) return missing.Select(m => new SchemaItemResult { Kind = "Property", Name = m.Name, Status = "Created" }).ToList();

            var now = (await _connection.HubSpot.Properties.ListAsync(ct).ConfigureAwait(false)).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
            return missing.Select(m => now.TryGetValue(m.Name, out HubSpotProperty have)
                    ? Compare("Property", have, m, "Created")
                    : throw new InvalidOperationException($"HubSpot said '{m.Name}' exists but does not list it."))
                .ToList();
        }

        private const string AlreadyExists = "OBJECT_ALREADY_EXISTS";

        /// <summary>
        /// An existing definition against the wanted one — the one rule for "this property will do": the same type (a date
        /// where the sync writes a datetime is fine). <paramref name="status"/> when it will (Existing; Created for one a
        /// lost reply's retry found), Conflicting when the sync could not write its values.
        /// </summary>
        internal static SchemaItemResult Compare(string kind, HubSpotProperty have, HubSpotProperty wanted, string status = "Existing")
        {
            bool compatible = string.Equals(have.Type, wanted.Type, StringComparison.OrdinalIgnoreCase) || (wanted.Type == "datetime" && have.Type == "date");
            return new SchemaItemResult
            {
                Kind = kind,
                Name = wanted.Name,
                Status = compatible ? status : "Conflicting",
                Message = compatible ? null : $"'{wanted.Name}' exists with type '{have.Type}', but the sync writes '{wanted.Type}'. Map the name to another property (-PropertyName) or change the property in HubSpot.",
            };
        }

        /// <summary>Names of required properties that are missing (the sync refuses to run without them).</summary>
        public async Task<IReadOnlyList<string>> MissingAsync(SyncPropertyNames names, CancellationToken cancellationToken = default)
        {
            var existing = new HashSet<string>((await _connection.HubSpot.Properties.ListAsync(cancellationToken).ConfigureAwait(false)).Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
            return names.All().Where(n => !existing.Contains(n)).ToList();
        }
    }
}
