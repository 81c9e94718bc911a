using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using ZoomHubPS.Core.Settings;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// Settings as a runbook may hold them: the settings object, JSON text (an Automation variable is a string), or an
    /// object shaped like the document (a hashtable, ConvertFrom-Json output, a deserialized variable). Every form goes
    /// through Core's one reader. Shared by the settings cmdlets and the runs that read saved settings.
    /// </summary>
    internal static class SyncSettingsInput
    {
        private static readonly System.Text.Encoding FileEncoding = new System.Text.UTF8Encoding(false);

        /// <summary>
        /// Reads and validates a settings file. Any failure — no file, unreadable, a bad key — is a
        /// <see cref="TerminatingErrorException"/> whose record names the file and, for a bad document, the key and value.
        /// </summary>
        public static SyncSettings ReadFile(string path, string fullPath)
        {
            string json;
            try
            {
                json = System.IO.File.ReadAllText(fullPath, FileEncoding);
            }
            catch (System.Exception ex) when (ex is System.IO.FileNotFoundException || ex is System.IO.DirectoryNotFoundException)
            {
                throw new TerminatingErrorException(Infrastructure.ErrorRecordFactory.SyncSettingsNotFound(ex, path, fullPath));
            }
            catch (System.Exception ex) when (ex is System.IO.IOException || ex is System.UnauthorizedAccessException)
            {
                throw new TerminatingErrorException(Infrastructure.ErrorRecordFactory.SyncSettingsFileFailed(ex, path, writing: false));
            }

            try
            {
                return SyncSettings.Parse(json);
            }
            catch (InvalidSyncSettingsException ex)
            {
                throw new TerminatingErrorException(Infrastructure.ErrorRecordFactory.InvalidSyncSettings(ex, path, $"'{fullPath}'"));
            }
        }

        /// <summary>The validated settings; throws <see cref="InvalidSyncSettingsException"/> naming the bad key.</summary>
        public static SyncSettings From(object input)
        {
            object value = input is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : input;
            switch (value)
            {
                case SyncSettings settings: return settings;
                case string json: return SyncSettings.Parse(json);
                default: return SyncSettings.FromObject(ToPlain(value, 0));
            }
        }

        /// <summary>
        /// PowerShell values as plain .NET ones: PSCustomObject and hashtables become dictionaries, collections lists, and
        /// PSObject wrappers are unwrapped, so Core never sees a PowerShell type.
        /// </summary>
        public static object ToPlain(object value, int depth = 0)
        {
            if (depth > 32) return value; // Core refuses anything this deep with a path; no need to walk further.
            if (value is PSObject pso)
            {
                if (!(pso.BaseObject is PSCustomObject)) return ToPlain(pso.BaseObject, depth);
                var properties = new Dictionary<string, object>();
                foreach (PSPropertyInfo property in pso.Properties)
                {
                    properties[property.Name] = ToPlain(property.Value, depth + 1);
                }

                return properties;
            }

            switch (value)
            {
                case null:
                case string _:
                    return value;
                case IDictionary map:
                    var entries = new Dictionary<string, object>();
                    foreach (DictionaryEntry entry in map) entries[entry.Key?.ToString() ?? string.Empty] = ToPlain(entry.Value, depth + 1);
                    return entries;
                case IEnumerable items:
                    var list = new List<object>();
                    foreach (object item in items) list.Add(ToPlain(item, depth + 1));
                    return list;
                default:
                    return value;
            }
        }
    }
}
