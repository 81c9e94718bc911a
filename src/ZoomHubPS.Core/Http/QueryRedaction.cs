using System;
using System.Text;

namespace ZoomHubPS.Core.Http
{
    /// <summary>
    /// Masks credentials in a path's query string before it reaches a verbose line or an error. The module's own routes
    /// never carry one, but Invoke-ZoomHubRequest sends whatever query the user gives (a developer <c>hapikey</c>, a
    /// download <c>access_token</c>), and those must not end up in logs.
    /// </summary>
    internal static class QueryRedaction
    {
        private static readonly string[] SecretNames =
        {
            "access_token", "refresh_token", "token", "hapikey", "api_key", "apikey", "client_secret", "secret", "password", "code_verifier",
            "signature", // a signed download URL (Zoom's file host) works with it alone while it lasts
        };

        public static string Redact(string pathAndQuery)
        {
            int q = pathAndQuery?.IndexOf('?') ?? -1;
            if (q < 0) return pathAndQuery;
            var sb = new StringBuilder(pathAndQuery.Length).Append(pathAndQuery, 0, q + 1);
            string[] pairs = pathAndQuery.Substring(q + 1).Split('&');
            for (int i = 0; i < pairs.Length; i++)
            {
                if (i > 0) sb.Append('&');
                int eq = pairs[i].IndexOf('=');
                string name = eq < 0 ? pairs[i] : pairs[i].Substring(0, eq);
                sb.Append(eq >= 0 && IsSecret(Uri.UnescapeDataString(name)) ? name + "=***" : pairs[i]);
            }

            return sb.ToString();
        }

        private static bool IsSecret(string name)
        {
            foreach (string s in SecretNames)
            {
                if (string.Equals(s, name, StringComparison.OrdinalIgnoreCase)) return true;
            }

            return false;
        }
    }
}
