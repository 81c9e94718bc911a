using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Infrastructure
{
    /// <summary>
    /// Start-ZoomHubSandbox's -Generate and -Fault as PowerShell values: the sandbox's option types live in the module's
    /// private load context, where a type literal such as [ZoomHubPS.Sandbox.Scenarios.GeneratorOptions] cannot reach
    /// them, so users pass hashtables (or, for -Fault, JSON text) and this turns them into the options.
    /// </summary>
    internal static class SandboxParameters
    {
        /// <summary>Generator options from @{ Registrants = 1000; Seed = 42 } (keys are the option names, any case).</summary>
        /// <exception cref="ArgumentException">An unknown key, or a value the option cannot take; the message names both.</exception>
        public static GeneratorOptions Generator(IDictionary values)
        {
            var options = new GeneratorOptions();
            PropertyInfo[] settable = typeof(GeneratorOptions).GetProperties().Where(p => p.CanWrite).ToArray();
            foreach (DictionaryEntry e in values ?? new Hashtable())
            {
                string key = Convert.ToString(e.Key, CultureInfo.InvariantCulture);
                PropertyInfo p = settable.FirstOrDefault(x => string.Equals(x.Name, key, StringComparison.OrdinalIgnoreCase))
                    ?? throw new ArgumentException($"-Generate has no option '{key}'. Options: {string.Join(", ", settable.Select(x => x.Name))}.");
                try
                {
                    p.SetValue(options, LanguagePrimitives.ConvertTo(Unwrap(e.Value), p.PropertyType, CultureInfo.InvariantCulture));
                }
                catch (Exception ex) when (ex is PSInvalidCastException || ex is ArgumentException || ex is TargetInvocationException)
                {
                    throw new ArgumentException($"-Generate option '{p.Name}' takes a {Describe(p.PropertyType)}; '{e.Value}' is not one.", ex);
                }
            }

            return options;
        }

        /// <summary>Faults from JSON text or from the same document as a hashtable (@{ latencyMs = 80; rules = @(@{ … }) }).</summary>
        /// <exception cref="FaultJsonException">The faults cannot be read; its KeyPath names the key.</exception>
        public static FaultOptions Faults(object value)
        {
            object raw = Unwrap(value);
            string json = raw as string;
            if (json == null)
            {
                var text = new StringBuilder();
                WriteJson(text, raw);
                json = text.ToString();
            }

            return FaultOptions.FromJson(json);
        }

        // Hashtables, lists and values as JSON text, so a hashtable is read by the same strict reader as JSON. Written by
        // hand: the cmdlet assembly references no JSON library (those load in the private context).
        private static void WriteJson(StringBuilder text, object value)
        {
            value = Unwrap(value);
            switch (value)
            {
                case null:
                    text.Append("null");
                    break;
                case IDictionary map:
                    text.Append('{');
                    bool first = true;
                    foreach (DictionaryEntry e in map)
                    {
                        if (!first) text.Append(',');
                        first = false;
                        WriteString(text, Convert.ToString(e.Key, CultureInfo.InvariantCulture));
                        text.Append(':');
                        WriteJson(text, e.Value);
                    }

                    text.Append('}');
                    break;
                case string s:
                    WriteString(text, s);
                    break;
                case bool b:
                    text.Append(b ? "true" : "false");
                    break;
                case DateTimeOffset at:
                    WriteString(text, at.ToString("o", CultureInfo.InvariantCulture));
                    break;
                case DateTime at:
                    WriteString(text, at.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
                    break;
                case IEnumerable items:
                    text.Append('[');
                    bool firstItem = true;
                    foreach (object item in items)
                    {
                        if (!firstItem) text.Append(',');
                        firstItem = false;
                        WriteJson(text, item);
                    }

                    text.Append(']');
                    break;
                default:
                    if ((value.GetType().IsPrimitive && !(value is char)) || value is decimal) text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                    else WriteString(text, Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }

        private static void WriteString(StringBuilder text, string s)
        {
            text.Append('"');
            foreach (char c in s ?? string.Empty)
            {
                if (c == '"' || c == '\\') text.Append('\\').Append(c);
                else if (c < ' ') text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                else text.Append(c);
            }

            text.Append('"');
        }

        private static object Unwrap(object value) => value is PSObject ps ? ps.BaseObject : value;

        private static string Describe(Type t)
            => t == typeof(int) || t == typeof(long) ? "whole number" : t == typeof(double) ? "number" : t == typeof(bool) ? "$true or $false" : t == typeof(DateTimeOffset) ? "date and time" : t.Name;
    }
}
