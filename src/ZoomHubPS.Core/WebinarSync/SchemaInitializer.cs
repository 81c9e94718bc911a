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
                await _connection.HubSpot.Properties.CreateGroupAsync(new HubSpotPropertyGroup { Name = names.Group, Label = "Zoom webinars (ZoomHubPS)", DisplayOrder = -1 }, cancellationToken).ConfigureAwait(false);
                results.Add(new SchemaItemResult { Kind = "Group", Name = names.Group, Status = "Created" });
            }

            var existing = (await _connection.HubSpot.Properties.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
            var missing = new List<HubSpotProperty>();
            foreach (HubSpotProperty wanted in names.Definitions())
            {
                if (existing.TryGetValue(wanted.Name, out HubSpotProperty have)) results.Add(Compare("Property", have, wanted));
                else missing.Add(wanted);
            }

            if (missing.Count > 0)
            {
                if (!whatIf)
                {
                    HubSpotBatchResult<HubSpotProperty> created = await _connection.HubSpot.Properties.BatchCreateAsync(missing, cancellationToken).ConfigureAwait(false);
                    foreach (HubSpotBatchError error in created.Errors)
                    {
                        throw new InvalidOperationException("HubSpot refused to create a property: " + error.Message);
                    }
                }

                results.AddRange(missing.Select(m => new SchemaItemResult { Kind = "Property", Name = m.Name, Status = whatIf ? "WouldCreate" : "Created" }));
            }

            results.AddRange(await EventPropertySchema.EnsureAsync(_connection.HubSpot.EventProperties, names, whatIf, cancellationToken).ConfigureAwait(false));
            return results;
        }

        /// <summary>An existing definition against the wanted one: Existing, or Conflicting when the sync could not write its values.</summary>
        internal static SchemaItemResult Compare(string kind, HubSpotProperty have, HubSpotProperty wanted)
        {
            bool compatible = string.Equals(have.Type, wanted.Type, StringComparison.OrdinalIgnoreCase) || (wanted.Type == "datetime" && have.Type == "date");
            return new SchemaItemResult
            {
                Kind = kind,
                Name = wanted.Name,
                Status = compatible ? "Existing" : "Conflicting",
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
