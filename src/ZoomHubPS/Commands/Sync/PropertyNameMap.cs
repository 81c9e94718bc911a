using System;
using System.Collections;
using System.Collections.Generic;
using ZoomHubPS.Core.WebinarSync;

namespace ZoomHubPS.Commands
{
    /// <summary>Turns the -PropertyName hashtable into the sync's property names.</summary>
    internal static class PropertyNameMap
    {
        public static SyncPropertyNames From(Hashtable map)
        {
            if (map == null || map.Count == 0) return new SyncPropertyNames();
            var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry e in map)
            {
                d[e.Key?.ToString() ?? string.Empty] = e.Value?.ToString();
            }

            return SyncPropertyNames.From(d);
        }
    }
}
