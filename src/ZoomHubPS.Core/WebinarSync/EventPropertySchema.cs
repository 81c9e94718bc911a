using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.HubSpot;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// The marketing-event properties of recorded instances (<see cref="SyncPropertyNames.EventDefinitions"/>): created
    /// when HubSpot lets the app create them, otherwise named exactly for the user to create in HubSpot's settings —
    /// whether an app may create marketing-event (0-54) definitions is unconfirmed (FACTS §D).
    /// </summary>
    internal static class EventPropertySchema
    {
        /// <summary>The status of a property HubSpot refused to create: the user creates it (the message says how).</summary>
        public const string CreateInHubSpot = "CreateInHubSpot";

        public static async Task<IReadOnlyList<SchemaItemResult>> EnsureAsync(HubSpotPropertiesClient properties, SyncPropertyNames names, bool whatIf, CancellationToken ct)
        {
            IReadOnlyList<HubSpotProperty> wanted = names.EventDefinitions();
            Dictionary<string, HubSpotProperty> existing;
            try
            {
                existing = (await properties.ListAsync(ct).ConfigureAwait(false)).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
            }
            catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.PermissionDenied)
            {
                return wanted.Select(w => Manual(w, "The app cannot read marketing-event properties (" + ex.VendorMessage + ")")).ToList();
            }

            var results = new List<SchemaItemResult>();
            var missing = new List<HubSpotProperty>();
            foreach (HubSpotProperty w in wanted)
            {
                if (!existing.TryGetValue(w.Name, out HubSpotProperty have)) missing.Add(w);
                else results.Add(SchemaInitializer.Compare("EventProperty", have, w));
            }

            if (missing.Count == 0) return results;
            if (whatIf)
            {
                results.AddRange(missing.Select(m => new SchemaItemResult { Kind = "EventProperty", Name = m.Name, Status = "WouldCreate" }));
                return results;
            }

            try
            {
                await EnsureGroupAsync(properties, names, ct).ConfigureAwait(false);
                HubSpotBatchResult<HubSpotProperty> created = await properties.BatchCreateAsync(missing, ct).ConfigureAwait(false);
                var made = new HashSet<string>(created.Results.Select(r => r.Name).Where(n => n != null), StringComparer.OrdinalIgnoreCase);
                string why = "HubSpot refused to create it: " + created.Errors.FirstOrDefault()?.Message;
                results.AddRange(missing.Select(m => made.Contains(m.Name) ? new SchemaItemResult { Kind = "EventProperty", Name = m.Name, Status = "Created" } : Manual(m, why)));
            }
            catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.PermissionDenied || ex.Kind == ErrorKind.Validation)
            {
                results.AddRange(missing.Select(m => Manual(m, "HubSpot does not let the app create marketing-event properties (" + ex.VendorMessage + ")")));
            }

            return results;
        }

        private static async Task EnsureGroupAsync(HubSpotPropertiesClient properties, SyncPropertyNames names, CancellationToken ct)
        {
            IReadOnlyList<HubSpotPropertyGroup> groups = await properties.ListGroupsAsync(ct).ConfigureAwait(false);
            if (groups.Any(g => string.Equals(g.Name, names.Group, StringComparison.OrdinalIgnoreCase))) return;
            await properties.CreateGroupAsync(new HubSpotPropertyGroup { Name = names.Group, Label = "Zoom webinars (ZoomHubPS)", DisplayOrder = -1 }, ct).ConfigureAwait(false);
        }

        // Exactly what to create in HubSpot's settings, so the user can do by hand what the API refused.
        private static SchemaItemResult Manual(HubSpotProperty p, string why) => new SchemaItemResult
        {
            Kind = "EventProperty",
            Name = p.Name,
            Status = CreateInHubSpot,
            Message = $"{why}. Create it in HubSpot under Settings > Properties > Marketing event properties: label '{p.Label}', internal name '{p.Name}', "
                + $"field type '{FieldTypeLabel(p)}', group '{p.GroupName}'. Until then the sync writes the other recording properties and leaves this one out.",
        };

        private static string FieldTypeLabel(HubSpotProperty p)
        {
            switch (p.Type)
            {
                case "number": return "Number";
                case "datetime": return "Date and time picker";
                case "date": return "Date picker";
                default: return "Single-line text";
            }
        }
    }
}
