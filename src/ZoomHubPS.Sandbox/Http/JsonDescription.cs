using System.Text.Json.Nodes;

namespace ZoomHubPS.Sandbox.Http
{
    /// <summary>Names a JSON value the way error messages quote what they found ("the string \"soon\"", "a list").</summary>
    internal static class JsonDescription
    {
        internal static string Of(JsonNode node)
        {
            switch (node)
            {
                case null: return "null";
                case JsonObject _: return "an object";
                case JsonArray _: return "a list";
                case JsonValue v when v.TryGetValue(out string s): return "the string \"" + (s.Length > 40 ? s.Substring(0, 40) + "…" : s) + "\"";
                default: return node.ToJsonString();
            }
        }
    }
}
