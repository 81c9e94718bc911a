using System;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>Formats, errors and paging shared by the Zoom routes.</summary>
    internal static class ZoomApiHelpers
    {
        internal const int DefaultPageSize = 30;

        /// <summary>Zoom's date-time format: UTC, seconds, trailing Z.</summary>
        internal static string Date(DateTimeOffset value)
            => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        /// <summary>HTTP 400 code 300 "Validation Failed." with one entry per field.</summary>
        internal static SandboxResponse Validation(params string[] fieldThenMessage)
        {
            var errors = new JsonArray();
            for (int i = 0; i + 1 < fieldThenMessage.Length; i += 2)
            {
                errors.Add(new JsonObject { ["field"] = fieldThenMessage[i], ["message"] = fieldThenMessage[i + 1] });
            }

            return Validation(errors);
        }

        /// <summary>HTTP 400 code 300 "Validation Failed." with <paramref name="errors"/> (<c>[{field, message}]</c>).</summary>
        internal static SandboxResponse Validation(JsonArray errors)
            => SandboxResponse.Json(HttpStatusCode.BadRequest, new JsonObject { ["code"] = 300, ["message"] = "Validation Failed.", ["errors"] = errors });

        internal static SandboxResponse InvalidWebinarId() => SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 300, "Invalid webinar ID.");

        internal static SandboxResponse WebinarNotFound(string id) => SandboxResponse.ZoomError(HttpStatusCode.NotFound, 3001, "Webinar does not exist: " + id + ".");

        /// <summary>The error for a webinar reference that did not resolve.</summary>
        internal static SandboxResponse RefError(ZoomWebinarRef reference)
            => reference.Result == ZoomRefResult.InvalidId ? InvalidWebinarId() : WebinarNotFound(reference.Raw);

        /// <summary>
        /// Reads <c>page_size</c> and <c>next_page_token</c>. A page size above <paramref name="maxPageSize"/> (or below 1)
        /// is a validation error; an unknown, expired (15 sandbox minutes) or foreign token is 400 code 300.
        /// </summary>
        internal static bool TryReadPage(SandboxRequest request, ZoomState state, string listKey, int maxPageSize,
            out int pageSize, out int offset, out SandboxResponse error)
        {
            pageSize = DefaultPageSize;
            offset = 0;
            error = null;
            string size = request.QueryValue("page_size");
            if (!string.IsNullOrEmpty(size))
            {
                if (!int.TryParse(size, NumberStyles.Integer, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > maxPageSize)
                {
                    error = Validation("page_size", "page_size must be between 1 and " + maxPageSize.ToString(CultureInfo.InvariantCulture) + ".");
                    return false;
                }
            }

            string token = request.QueryValue("next_page_token");
            if (!string.IsNullOrEmpty(token) && !state.PageTokens.TryResolve(token, listKey, state.Now, out offset))
            {
                error = SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 300, "The next page token is invalid or expired.");
                return false;
            }

            return true;
        }

        /// <summary>Adds the list envelope (<c>page_count, page_number, page_size, total_records, next_page_token</c>).</summary>
        internal static JsonObject Envelope(ZoomState state, string listKey, int total, int pageSize, int offset, bool withPageNumber = true)
        {
            int pageCount = total == 0 ? 0 : (total + pageSize - 1) / pageSize;
            int next = offset + pageSize;
            var body = new JsonObject { ["page_count"] = pageCount };
            if (withPageNumber)
            {
                // Deprecated by Zoom but still sent; the page this answer is.
                body["page_number"] = offset / pageSize + 1;
            }

            body["page_size"] = pageSize;
            body["total_records"] = total;
            body["next_page_token"] = next < total ? state.PageTokens.Issue(listKey, next, state.Now, state.Context) : string.Empty;
            return body;
        }
    }
}
