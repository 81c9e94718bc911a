using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZoomHubPS.Sandbox.Scenarios
{
    /// <summary>
    /// Loads a scenario: a built-in one by name (<see cref="BuiltInNames"/>, embedded as
    /// <c>ZoomHubPS.Sandbox.Scenarios.&lt;name&gt;.json</c>) or a scenario JSON file by path.
    /// The format is documented in <c>about_ZoomHubPS_Sandbox_Scenarios</c>. Dates come back as written: a scenario with
    /// <c>"anchor": "today"</c> is moved onto the current date by the twin that loads it (<see cref="ScenarioAnchor"/>).
    /// </summary>
    public static class ScenarioLoader
    {
        private const string ResourcePrefix = "ZoomHubPS.Sandbox.Scenarios.";

        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            // A misspelt field would otherwise be ignored silently and the scenario would not be what its author meant.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };

        /// <summary>Names of the built-in scenarios (e.g. <c>demo</c>, <c>empty</c>), sorted.</summary>
        public static IReadOnlyList<string> BuiltInNames { get; } = typeof(ScenarioLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Select(n => n.Substring(ResourcePrefix.Length, n.Length - ResourcePrefix.Length - ".json".Length))
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .ToList();

        /// <summary>
        /// Loads <paramref name="nameOrPath"/>: a built-in name (case-insensitive) or a path to a scenario JSON file.
        /// </summary>
        /// <exception cref="ArgumentException">Empty input, or neither a built-in name nor an existing file.</exception>
        /// <exception cref="FileNotFoundException">The input looks like a path (has a directory separator or ends in .json) but no file is there.</exception>
        /// <exception cref="InvalidDataException">The JSON does not describe a scenario (the message names the file and the problem).</exception>
        public static Scenario Load(string nameOrPath)
        {
            (string json, string name) = ReadSource(nameOrPath);
            bool builtIn = BuiltInNames.Contains(name, StringComparer.OrdinalIgnoreCase) && !File.Exists(nameOrPath);
            return Parse(json, name, builtIn ? "Built-in scenario '" + name + "'" : "Scenario file '" + nameOrPath + "'");
        }

        /// <summary>The JSON text of a built-in scenario or scenario file, and the name it goes by (the same rules as <see cref="Load"/>).</summary>
        internal static (string Json, string Name) ReadSource(string nameOrPath)
        {
            if (string.IsNullOrWhiteSpace(nameOrPath))
            {
                throw new ArgumentException("A scenario name or path is required. Built-in scenarios: " + string.Join(", ", BuiltInNames) + ".", nameof(nameOrPath));
            }

            string builtIn = BuiltInNames.FirstOrDefault(n => string.Equals(n, nameOrPath, StringComparison.OrdinalIgnoreCase));
            if (builtIn != null)
            {
                using (Stream stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream(ResourcePrefix + builtIn + ".json"))
                using (var reader = new StreamReader(stream))
                {
                    return (reader.ReadToEnd(), builtIn);
                }
            }

            if (File.Exists(nameOrPath))
            {
                return (File.ReadAllText(nameOrPath), Path.GetFileNameWithoutExtension(nameOrPath));
            }

            if (nameOrPath.IndexOfAny(new[] { '/', '\\' }) >= 0 || nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                throw new FileNotFoundException(
                    "Scenario file '" + nameOrPath + "' was not found. Pass an existing scenario JSON file or a built-in scenario: " + string.Join(", ", BuiltInNames) + ".",
                    nameOrPath);
            }

            throw new ArgumentException(
                "Unknown scenario '" + nameOrPath + "'. Built-in scenarios: " + string.Join(", ", BuiltInNames) + "; or pass the path of a scenario JSON file.",
                nameof(nameOrPath));
        }

        /// <summary>Parses scenario JSON. <paramref name="defaultName"/> names the scenario when the JSON has no "name".</summary>
        /// <exception cref="InvalidDataException">
        /// The JSON is malformed, has a field the format does not know, a value of the wrong type, or an unknown
        /// <c>anchor</c>; the message names the scenario, the line, the JSON path and what the format expects there.
        /// </exception>
        public static Scenario Parse(string json, string defaultName = null)
            => Parse(json, defaultName, "Scenario '" + (defaultName ?? "(inline)") + "'");

        private static Scenario Parse(string json, string defaultName, string source)
        {
            var document = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
            try
            {
                // Syntax first, on its own, so a missing comma is reported as such and not as a type problem.
                JsonDocument.Parse(json ?? string.Empty, document).Dispose();
            }
            catch (JsonException ex)
            {
                throw ScenarioErrors.NotJson(source, ex);
            }

            Scenario scenario;
            try
            {
                scenario = JsonSerializer.Deserialize<Scenario>(ScenarioBase.Apply(json, defaultName), Options);
            }
            catch (JsonException ex)
            {
                throw ScenarioErrors.WrongShape(source, json, ex);
            }

            if (scenario == null)
            {
                throw new InvalidDataException(source + " is empty.");
            }

            if (ScenarioAnchor.IsAnchored(scenario) && scenario.Now == null)
            {
                throw new InvalidDataException(source + ", $.anchor: \"today\" moves the scenario so that its \"now\" falls on the current date, but the scenario has no \"now\". Add the date-time it was written for, e.g. \"now\": \"2026-11-20T12:00:00Z\".");
            }

            scenario.Name = string.IsNullOrEmpty(scenario.Name) ? defaultName : scenario.Name;
            scenario.Zoom = scenario.Zoom ?? new ZoomSeed();
            scenario.HubSpot = scenario.HubSpot ?? new HubSpotSeed();
            return scenario;
        }

        /// <summary>Writes a scenario as indented JSON in the documented format (e.g. to save a generated one).</summary>
        public static string ToJson(Scenario scenario)
            => JsonSerializer.Serialize(scenario, new JsonSerializerOptions { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull });
    }
}
