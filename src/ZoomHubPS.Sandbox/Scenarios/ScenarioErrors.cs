using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.Scenarios
{
    /// <summary>
    /// Turns the serializer's complaint about a scenario into one a scenario author can act on: which file, which line,
    /// which JSON path, what the format expects there and what was found. The expectation is read from the model itself
    /// (the JSON names and types of <see cref="Scenario"/>), so a field added to the format is described without a change here.
    /// </summary>
    internal static class ScenarioErrors
    {
        private static readonly Regex PathToken = new Regex(@"\.([^.\[]+)|\[(\d+)\]|\['((?:[^']|'')*)'\]", RegexOptions.CultureInvariant);

        /// <summary>The text is not JSON at all (a missing comma, an unclosed brace).</summary>
        internal static InvalidDataException NotJson(string source, JsonException ex)
        {
            return new InvalidDataException(source + " is not valid JSON at " + Where(ex) + ": " + JsonDescription.SyntaxReason(ex) + " (comments and trailing commas are allowed).", ex);
        }

        /// <summary>The JSON is fine but does not fit the format: an unknown field or a value of the wrong type.</summary>
        internal static InvalidDataException WrongShape(string source, string json, JsonException ex)
        {
            string path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            Target target = Resolve(path);
            if (target.UnknownField != null)
            {
                return new InvalidDataException(source + ", " + Line(ex) + ": " + target.ParentPath + " has no field '" + target.UnknownField + "' (names are case-sensitive). Its fields are: "
                    + string.Join(", ", FieldNames(target.Type)) + ".", ex);
            }

            return new InvalidDataException(source + ", " + Line(ex) + ", " + path + ": expected " + Describe(target.Type, target.Property) + "; found " + Actual(json, path) + ".", ex);
        }

        // The serializer's position points just past the value; the path names the value exactly, so a shape error
        // gives the line and the path, a syntax error (where there is no path yet) the line and the position.
        private static string Line(JsonException ex) => "line " + ((ex.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture);

        private static string Where(JsonException ex)
            => Line(ex) + ", position " + ((ex.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture);

        /// <summary>Walks the model along a JSON path ("$.zoom.webinars[0].start_time") to the type expected there.</summary>
        private static Target Resolve(string path)
        {
            var target = new Target { Type = typeof(Scenario), ParentPath = "$" };
            string walked = "$";
            foreach (Match token in PathToken.Matches(path))
            {
                if (token.Groups[2].Success)
                {
                    target.Type = ElementType(target.Type);
                    target.Property = null;
                }
                else
                {
                    string name = token.Groups[1].Success ? token.Groups[1].Value : token.Groups[3].Value.Replace("''", "'");
                    Type valueType = DictionaryValueType(target.Type);
                    PropertyInfo property = valueType == null ? FindField(target.Type, name) : null;
                    if (valueType == null && property == null)
                    {
                        target.ParentPath = walked;
                        target.UnknownField = name;
                        return target;
                    }

                    target.Property = property;
                    target.Type = valueType ?? property.PropertyType;
                }

                walked += token.Value;
            }

            return target;
        }

        private static string Describe(Type type, PropertyInfo property)
        {
            // The one field whose text is a closed set of words.
            if (property != null && property.DeclaringType == typeof(Scenario) && property.Name == nameof(Scenario.Anchor)) return ScenarioAnchor.Expected;
            if (type == null) return "a value that fits the format (see about_ZoomHubPS_Sandbox_Scenarios)";
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "a date-time in ISO 8601 form such as \"2026-11-20T12:00:00Z\"";
            if (type == typeof(int) || type == typeof(long)) return "a whole number";
            if (type == typeof(double) || type == typeof(decimal)) return "a number";
            if (type == typeof(bool)) return "true or false";
            if (type == typeof(string)) return "a text value in double quotes";
            if (DictionaryValueType(type) is Type value) return "an object of \"name\": " + Describe(value, null) + " pairs";
            if (ElementType(type) is Type element) return "a list [ … ] whose items are each " + Describe(element, null);
            return "an object { … } with the fields " + string.Join(", ", FieldNames(type));
        }

        private static string Actual(string json, string path)
        {
            try
            {
                JsonNode node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                foreach (Match token in PathToken.Matches(path))
                {
                    node = token.Groups[2].Success
                        ? node.AsArray()[int.Parse(token.Groups[2].Value, CultureInfo.InvariantCulture)]
                        : node.AsObject()[token.Groups[1].Success ? token.Groups[1].Value : token.Groups[3].Value.Replace("''", "'")];
                }

                return JsonDescription.Of(node);
            }
            catch (Exception)
            {
                return "something else"; // the path does not lead anywhere readable; the line number still does
            }
        }

        private static PropertyInfo FindField(Type type, string name)
            => Fields(type).FirstOrDefault(p => JsonName(p) == name);

        private static IEnumerable<string> FieldNames(Type type) => Fields(type).Select(JsonName);

        private static IEnumerable<PropertyInfo> Fields(Type type)
            => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && !p.IsDefined(typeof(JsonIgnoreAttribute)));

        private static string JsonName(PropertyInfo p) => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name;

        private static Type ElementType(Type type)
        {
            if (type == null || type == typeof(string)) return null;
            if (type.IsArray) return type.GetElementType();
            return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;
        }

        private static Type DictionaryValueType(Type type)
            => type != null && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? type.GetGenericArguments()[1] : null;

        private sealed class Target
        {
            internal Type Type;
            internal PropertyInfo Property;
            internal string ParentPath;
            internal string UnknownField;
        }
    }
}
