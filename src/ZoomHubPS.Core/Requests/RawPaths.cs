using System;
using System.Linq;

namespace ZoomHubPS.Core.Requests
{
    /// <summary>
    /// Turns a user's path into one relative to the connection's base URI, and refuses anything that would send the
    /// connection's token to another host or outside the API (another host, <c>..</c> segments).
    /// </summary>
    internal static class RawPaths
    {
        public static string Normalize(string path, Uri baseUri)
        {
            string p = (path ?? string.Empty).Trim();
            if (p.Length == 0) throw new ArgumentException("A path is required, e.g. 'users/me' or 'crm/v3/objects/contacts'.", nameof(path));
            if (Uri.TryCreate(p, UriKind.Absolute, out Uri absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp))
            {
                if (!absolute.AbsoluteUri.StartsWith(baseUri.AbsoluteUri, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"'{p}' is not on this connection's API ({baseUri.AbsoluteUri}); the connection's token is sent only there. Give a path relative to it.", nameof(path));
                }

                p = absolute.AbsoluteUri.Substring(baseUri.AbsoluteUri.Length);
            }

            p = p.TrimStart('/');
            // Docs write Zoom paths with the version ("/v2/users"); the base URI already ends with it.
            string basePath = baseUri.AbsolutePath.Trim('/');
            if (basePath.Length > 0 && p.StartsWith(basePath + "/", StringComparison.OrdinalIgnoreCase)) p = p.Substring(basePath.Length + 1);

            string pathOnly = p.Split('?')[0];
            if (pathOnly.Split('/').Any(s => s == ".." || s == "." ) || pathOnly.Contains("\\"))
            {
                throw new ArgumentException($"'{path}' has '.' or '..' segments; give the endpoint's own path.", nameof(path));
            }

            return p;
        }
    }
}
