using System;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>How a <c>{webinarId}</c> path value resolved.</summary>
    internal enum ZoomRefResult
    {
        Found,
        InvalidId,
        NotFound,
    }

    /// <summary>
    /// A <c>{webinarId}</c>/<c>{meetingId}</c> path value resolved to a webinar and (for UUIDs, or IDs on the past
    /// endpoints) an instance. Implements Zoom's UUID rule: a UUID that starts with "/" or contains "//" must be
    /// URL-encoded twice, so the value arrives here (decoded once by the router) still percent-encoded and is
    /// decoded a second time.
    /// </summary>
    internal sealed class ZoomWebinarRef
    {
        internal string Raw { get; private set; }
        internal ZoomRefResult Result { get; private set; }
        internal ZoomWebinar Webinar { get; private set; }
        internal ZoomInstance Instance { get; private set; }
        internal bool IsUuid { get; private set; }

        /// <summary>Resolves a path value. With an ID, <see cref="Instance"/> is the latest past instance (or null).</summary>
        internal static ZoomWebinarRef Resolve(ZoomState state, string value)
        {
            var result = new ZoomWebinarRef { Raw = value ?? string.Empty, Result = ZoomRefResult.NotFound };
            string id = value ?? string.Empty;
            if (id.IndexOf('%') >= 0)
            {
                // Base64 UUIDs never contain '%', so a '%' left after the router's decoding means the client encoded twice.
                id = Uri.UnescapeDataString(id);
                result.Raw = id;
            }
            else if (id.StartsWith("/", StringComparison.Ordinal) || id.Contains("//"))
            {
                // Encoded only once: the real API's front end decodes %2F and the path no longer points at the webinar.
                // Answer "not found" so clients that forget the double encoding fail here as they would against Zoom.
                return result;
            }

            if (id.Length > 0 && IsDigits(id))
            {
                if (!long.TryParse(id, out long numeric) || !state.WebinarsById.TryGetValue(numeric, out ZoomWebinar webinar))
                {
                    return result;
                }

                result.Webinar = webinar;
                result.Instance = webinar.InstanceList.Count == 0 ? null : webinar.InstanceList[webinar.InstanceList.Count - 1];
                result.Result = ZoomRefResult.Found;
                return result;
            }

            if (state.ByUuid.TryGetValue(id, out var pair))
            {
                result.Webinar = pair.Key;
                result.Instance = pair.Value;
                result.IsUuid = true;
                result.Result = ZoomRefResult.Found;
                return result;
            }

            result.Result = LooksLikeUuid(id) ? ZoomRefResult.NotFound : ZoomRefResult.InvalidId;
            return result;
        }

        private static bool IsDigits(string s)
        {
            foreach (char c in s)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool LooksLikeUuid(string s)
        {
            if (s.Length < 20 || s.Length > 32)
            {
                return false;
            }

            foreach (char c in s)
            {
                if (!(char.IsLetterOrDigit(c) || c == '+' || c == '/' || c == '=' || c == '-' || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
