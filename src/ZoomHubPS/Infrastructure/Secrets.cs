using System.Security;

namespace ZoomHubPS.Infrastructure
{
    /// <summary>Builds SecureStrings for sandbox credentials (never for real secrets, which arrive as SecureString).</summary>
    internal static class Secrets
    {
        public static SecureString ToSecureString(string value)
        {
            var secure = new SecureString();
            foreach (char c in value ?? string.Empty)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
