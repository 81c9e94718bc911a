using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.HubSpot;

namespace ZoomHubPS.Read
{
    /// <summary>
    /// Turns a HubSpot contact (all values strings) into a PowerShell object whose properties are real, typed
    /// properties: numbers as numbers, dates as DateTimeOffset, booleans as bool (from the property definitions,
    /// read once per connection).
    /// </summary>
    internal static class HubSpotContactView
    {
        public const string TypeName = "ZoomHubPS.HubSpotContact";

        private static readonly ConditionalWeakTable<ZoomHubConnection, Dictionary<string, HubSpotProperty>> Definitions = new ConditionalWeakTable<ZoomHubConnection, Dictionary<string, HubSpotProperty>>();

        public static async Task<Dictionary<string, HubSpotProperty>> DefinitionsAsync(ZoomHubConnection api, CancellationToken cancellationToken)
        {
            if (Definitions.TryGetValue(api, out Dictionary<string, HubSpotProperty> cached))
            {
                return cached;
            }

            var map = new Dictionary<string, HubSpotProperty>(StringComparer.OrdinalIgnoreCase);
            foreach (HubSpotProperty p in await api.HubSpot.Properties.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                map[p.Name] = p;
            }

            try
            {
                Definitions.Add(api, map);
            }
            catch (ArgumentException)
            {
                // Another pipeline cached it first.
            }

            return map;
        }

        public static PSObject ToPSObject(HubSpotObject contact, IReadOnlyDictionary<string, HubSpotProperty> definitions, IEnumerable<string> properties)
        {
            var o = new PSObject();
            o.TypeNames.Insert(0, TypeName);
            o.Properties.Add(new PSNoteProperty("Id", contact.Id));
            o.Properties.Add(new PSNoteProperty("Email", contact.Get("email")));
            o.Properties.Add(new PSNoteProperty("FirstName", contact.Get("firstname")));
            o.Properties.Add(new PSNoteProperty("LastName", contact.Get("lastname")));
            o.Properties.Add(new PSNoteProperty("CreatedAt", contact.CreatedAt));
            o.Properties.Add(new PSNoteProperty("UpdatedAt", contact.UpdatedAt));
            o.Properties.Add(new PSNoteProperty("Archived", contact.Archived));
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Id", "Email", "FirstName", "LastName", "CreatedAt", "UpdatedAt", "Archived" };
            foreach (string name in properties)
            {
                if (!seen.Add(name)) continue;
                definitions.TryGetValue(name, out HubSpotProperty def);
                o.Properties.Add(new PSNoteProperty(name, Typed(contact.Get(name), def)));
            }

            return o;
        }

        internal static object Typed(string value, HubSpotProperty definition)
        {
            if (value == null || definition == null) return value;
            switch (definition.Type)
            {
                case "number":
                    if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l)) return l;
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return d;
                    return value;
                case "bool":
                    return bool.TryParse(value, out bool b) ? (object)b : value;
                case "date":
                case "datetime":
                    if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long ms)) return DateTimeOffset.FromUnixTimeMilliseconds(ms);
                    if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at)) return at;
                    return value;
                default:
                    return value;
            }
        }
    }
}
