using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZoomHubPS.Sandbox.Scenarios
{
    /// <summary>
    /// Anchoring: a scenario with <c>"anchor": "today"</c> is authored for its <c>"now"</c> but lived on the current UTC
    /// date. When a twin loads it, every date in it moves by the same whole number of days, so the authored "now" falls
    /// on the twin clock's UTC date at the same time of day, and upcoming webinars stay upcoming whatever the date.
    /// </summary>
    /// <remarks>
    /// Whole days, not whole weeks: a week-aligned shift would leave "now" up to three days off today, enough to turn a
    /// session authored for the day after tomorrow into a past one. Weekly occurrences still stay weekly (all of them
    /// move together, 7 days apart, on one weekday: a different weekday than authored) and every time of day is kept
    /// in UTC (so a local time of day moves by an hour when the shift crosses a daylight-saving change).
    /// What moves is listed in about_ZoomHubPS_Sandbox_Scenarios.
    /// </remarks>
    public static class ScenarioAnchor
    {
        /// <summary>The anchor value that moves the scenario onto the current UTC date.</summary>
        public const string Today = "today";

        /// <summary>The anchor value (same as no anchor) that keeps every date as written.</summary>
        public const string None = "none";

        /// <summary>The authored "now" of the built-in scenarios and of <see cref="GeneratorOptions.Now"/> by default.</summary>
        public static readonly DateTimeOffset AuthoredNow = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

        internal const string Expected = "\"today\" (move every date so that \"now\" falls on the current UTC date) or \"none\" (keep the dates as written)";

        /// <summary>Whether the scenario asks to be moved onto the current date.</summary>
        public static bool IsAnchored(Scenario scenario) => scenario != null && string.Equals(scenario.Anchor, Today, StringComparison.Ordinal);

        /// <summary>
        /// Whole days that move <paramref name="scenario"/>'s authored "now" onto <paramref name="utcDate"/>'s date
        /// (0 when the scenario is not anchored).
        /// </summary>
        public static int DaysToAnchor(Scenario scenario, DateTimeOffset utcDate)
        {
            if (!IsAnchored(scenario) || scenario.Now == null) return 0;
            return (int)(utcDate.UtcDateTime.Date - scenario.Now.Value.UtcDateTime.Date).TotalDays;
        }

        /// <summary>
        /// The scenario as a twin whose clock reads <paramref name="utcDate"/> loads it: a moved copy when it is anchored
        /// and the date differs, else the scenario itself (never changed in place).
        /// </summary>
        public static Scenario AnchorTo(Scenario scenario, DateTimeOffset utcDate) => ShiftByDays(scenario, DaysToAnchor(scenario, utcDate));

        /// <summary>A copy of <paramref name="scenario"/> with every date moved by <paramref name="days"/> (the scenario itself for 0).</summary>
        public static Scenario ShiftByDays(Scenario scenario, int days)
            => scenario == null || days == 0 ? scenario : ScenarioShifter.Shift(scenario, days);
    }

    /// <summary>Reads <c>"anchor"</c>, refusing an unknown value with the place and the expected values (the loader adds the file and line).</summary>
    internal sealed class AnchorValueConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (string.Equals(value, ScenarioAnchor.Today, StringComparison.OrdinalIgnoreCase)) return ScenarioAnchor.Today;
            if (string.Equals(value, ScenarioAnchor.None, StringComparison.OrdinalIgnoreCase)) return ScenarioAnchor.None;
            throw new JsonException("Unknown anchor.");
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
