using System.Text.Json.Nodes;

namespace ZoomHubPS.Sandbox.Http
{
    /// <summary>How error messages about JSON read: a value as found ("the string \"soon\"", "a list"), a syntax error's reason.</summary>
    internal static class JsonDescription
    {
        /// <summary>The reader's reason for a syntax error without its location suffix (the caller says where, in its own words).</summary>
        internal static string SyntaxReason(System.Text.Json.JsonException ex)
        {
            string reason = ex.Message;
            int cut = reason.IndexOf(" LineNumber:", System.StringComparison.Ordinal);
            if (cut < 0) cut = reason.IndexOf(" Path:", System.StringComparison.Ordinal);
            return (cut > 0 ? reason.Substring(0, cut) : reason).Trim();
        }

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
