using System.Globalization;

namespace ZoomHubPS.Core.Settings
{
    /// <summary>
    /// JSON paths as error messages show them (<c>$.exclusions.hostDomains[2]</c>, <c>$.userSettings['ana@example.com']</c>),
    /// the notation System.Text.Json uses in its own errors.
    /// </summary>
    internal static class JsonPathText
    {
        public const string Root = "$";

        public static string Child(string parent, string key)
        {
            return IsIdentifier(key) ? parent + "." + key : parent + "['" + key.Replace("\\", "\\\\").Replace("'", "\\'") + "']";
        }

        public static string Index(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

        private static bool IsIdentifier(string key)
        {
            if (string.IsNullOrEmpty(key) || char.IsDigit(key[0])) return false;
            foreach (char c in key)
            {
                if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
            }

            return true;
        }
    }
}
