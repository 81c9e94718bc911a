using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>Formats, error bodies and batch envelopes shared by every HubSpot route.</summary>
    internal static class HubSpotJson
    {
        internal const string ValidationError = "VALIDATION_ERROR";
        internal const string ObjectNotFound = "OBJECT_NOT_FOUND";
        internal const string Conflict = "CONFLICT";
        internal const string ObjectAlreadyExists = "OBJECT_ALREADY_EXISTS";

        /// <summary>HubSpot's date-time format: UTC with milliseconds, e.g. <c>2025-06-11T09:00:00.380Z</c>.</summary>
        internal static string Iso(DateTimeOffset value)
            => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        internal static string Iso(DateTimeOffset? value) => value.HasValue ? Iso(value.Value) : null;

        internal static long Millis(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

        /// <summary>Parses an ISO 8601 date-time or a ms-epoch number (as text).</summary>
        internal static bool TryParseInstant(string text, out DateTimeOffset value)
        {
            value = default;
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long ms))
            {
                try
                {
                    value = DateTimeOffset.FromUnixTimeMilliseconds(ms);
                    return true;
                }
                catch (ArgumentOutOfRangeException)
                {
                    return false;
                }
            }

            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
        }

        /// <summary>A JSON scalar as the text HubSpot would store (numbers and booleans become strings; null stays null).</summary>
        internal static string Scalar(JsonNode node)
        {
            if (node == null)
            {
                return null;
            }

            if (node is JsonValue value)
            {
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String: return value.GetValue<string>();
                    case JsonValueKind.True: return "true";
                    case JsonValueKind.False: return "false";
                    case JsonValueKind.Number: return value.ToJsonString();
                    case JsonValueKind.Null: return null;
                }
            }

            return node.ToJsonString();
        }

        /// <summary>A string member of an object, or null (numbers are accepted and turned into text).</summary>
        internal static string Str(JsonNode obj, string name) => obj is JsonObject o && o.TryGetPropertyValue(name, out JsonNode v) ? Scalar(v) : null;

        /// <summary>A HubSpot error response (status, message, correlationId, category, and any extra members).</summary>
        internal static SandboxResponse Error(HttpStatusCode status, string category, string message, string subCategory = null,
            JsonObject context = null, JsonArray errors = null, JsonObject links = null)
        {
            var extra = new JsonObject();
            if (subCategory != null)
            {
                extra["subCategory"] = subCategory;
            }

            if (context != null)
            {
                extra["context"] = context;
            }

            if (errors != null)
            {
                extra["errors"] = errors;
            }

            if (links != null)
            {
                extra["links"] = links;
            }

            return SandboxResponse.HubSpotError(status, category, message, extra);
        }

        internal static SandboxResponse BadRequest(string message, string subCategory = null, JsonObject context = null, JsonArray errors = null)
            => Error(HttpStatusCode.BadRequest, ValidationError, message, subCategory, context, errors);

        internal static SandboxResponse NotFound(string message = "resource not found")
            => Error(HttpStatusCode.NotFound, ObjectNotFound, message);

        /// <summary>One entry of a batch response's <c>errors</c> array (HubSpot's StandardError).</summary>
        internal static JsonObject BatchError(string category, string message, IEnumerable<string> ids = null, JsonArray details = null, string subCategory = null)
        {
            var context = new JsonObject();
            if (ids != null)
            {
                var array = new JsonArray();
                foreach (string id in ids)
                {
                    array.Add(id);
                }

                context["ids"] = array;
            }

            var error = new JsonObject
            {
                ["status"] = "error",
                ["category"] = category,
                ["message"] = message,
                ["context"] = context,
                ["errors"] = details ?? new JsonArray(),
                ["links"] = new JsonObject(),
            };
            if (subCategory != null)
            {
                error["subCategory"] = subCategory;
            }

            return error;
        }

        /// <summary>
        /// A batch response: <paramref name="successStatus"/> (200, or 201 for creates) when nothing failed, otherwise 207 with
        /// <c>errors</c> and <c>numErrors</c>. Always <c>status</c> COMPLETE, <c>startedAt</c>, <c>completedAt</c>.
        /// </summary>
        internal static SandboxResponse Batch(HttpStatusCode successStatus, DateTimeOffset startedAt, DateTimeOffset completedAt,
            JsonArray results, IList<JsonObject> errors)
        {
            var body = new JsonObject
            {
                ["status"] = "COMPLETE",
                ["results"] = results,
                ["startedAt"] = Iso(startedAt),
                ["completedAt"] = Iso(completedAt),
            };
            if (errors != null && errors.Count > 0)
            {
                var array = new JsonArray();
                foreach (JsonObject e in errors)
                {
                    array.Add(e);
                }

                body["numErrors"] = errors.Count;
                body["errors"] = array;
                return SandboxResponse.Json((HttpStatusCode)207, body);
            }

            return SandboxResponse.Json(successStatus, body);
        }

        /// <summary>The <c>inputs</c> array of a batch body, or an error response when missing or too long.</summary>
        internal static bool TryReadInputs(SandboxRequest request, int max, out JsonArray inputs, out SandboxResponse error)
        {
            inputs = null;
            error = null;
            JsonNode body = request.Json();
            if (!(body is JsonObject o) || !(o["inputs"] is JsonArray array))
            {
                error = BadRequest("Invalid input JSON on line 1, column 1: Missing required field 'inputs'.");
                return false;
            }

            // The 100 cap is FACTS §2.4 (unconfirmed from a primary page); the message wording is ours.
            if (array.Count > max)
            {
                error = BadRequest("Batch input size is " + array.Count.ToString(CultureInfo.InvariantCulture)
                    + ", which exceeds the maximum of " + max.ToString(CultureInfo.InvariantCulture) + " inputs per request.");
                return false;
            }

            inputs = array;
            return true;
        }

        /// <summary>Reads <c>limit</c> from the query (default, 1..max) or answers 400.</summary>
        internal static bool TryReadLimit(SandboxRequest request, int defaultLimit, int max, out int limit, out SandboxResponse error)
        {
            limit = defaultLimit;
            error = null;
            string text = request.QueryValue("limit");
            if (string.IsNullOrEmpty(text))
            {
                return true;
            }

            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > max)
            {
                error = BadRequest("limit must be between 1 and " + max.ToString(CultureInfo.InvariantCulture) + ".");
                return false;
            }

            return true;
        }

        /// <summary>True for <c>?archived=true</c>.</summary>
        internal static bool ArchivedQuery(SandboxRequest request)
            => string.Equals(request.QueryValue("archived"), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>Comma-separated query list (<c>properties=a,b</c> or repeated names, joined by the pipeline).</summary>
        internal static List<string> QueryList(SandboxRequest request, string name)
        {
            string text = request.QueryValue(name);
            var result = new List<string>();
            if (string.IsNullOrEmpty(text))
            {
                return result;
            }

            foreach (string part in text.Split(','))
            {
                string trimmed = part.Trim();
                if (trimmed.Length > 0)
                {
                    result.Add(trimmed);
                }
            }

            return result;
        }

        /// <summary>A JSON array of strings as a list (null when absent).</summary>
        internal static List<string> StringList(JsonNode node)
        {
            if (!(node is JsonArray array))
            {
                return null;
            }

            var result = new List<string>(array.Count);
            foreach (JsonNode item in array)
            {
                string s = Scalar(item);
                if (!string.IsNullOrEmpty(s))
                {
                    result.Add(s);
                }
            }

            return result;
        }
    }
}
