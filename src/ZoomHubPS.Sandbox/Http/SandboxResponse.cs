using System;
using System.Collections.Generic;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZoomHubPS.Sandbox.Http
{
    /// <summary>What a route (or a limit, fault or auth check) answers.</summary>
    public sealed class SandboxResponse
    {
        /// <summary>HTTP status code.</summary>
        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        /// <summary>Body text (JSON unless <see cref="ContentType"/> says otherwise); null for no body.</summary>
        public string Body { get; set; }

        /// <summary>Content type of <see cref="Body"/>.</summary>
        public string ContentType { get; set; } = "application/json;charset=utf-8";

        /// <summary>Response headers.</summary>
        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Set by faults: the handler throws instead of answering (connection reset or timeout).</summary>
        public Exception Throw { get; set; }

        private static readonly JsonSerializerOptions Compact = new JsonSerializerOptions { WriteIndented = false };

        /// <summary>A JSON response from a node.</summary>
        public static SandboxResponse Json(HttpStatusCode status, JsonNode body)
            => new SandboxResponse { Status = status, Body = body?.ToJsonString(Compact) };

        /// <summary>A JSON response from any serializable object (anonymous types welcome).</summary>
        public static SandboxResponse Json(HttpStatusCode status, object body)
            => new SandboxResponse { Status = status, Body = body == null ? null : JsonSerializer.Serialize(body, Compact) };

        /// <summary>An empty response (e.g. 204).</summary>
        public static SandboxResponse Empty(HttpStatusCode status) => new SandboxResponse { Status = status, Body = null };

        /// <summary>Zoom's error body <c>{"code":…,"message":…}</c>.</summary>
        public static SandboxResponse ZoomError(HttpStatusCode status, int code, string message)
            => Json(status, new JsonObject { ["code"] = code, ["message"] = message });

        /// <summary>HubSpot's standard error body.</summary>
        public static SandboxResponse HubSpotError(HttpStatusCode status, string category, string message, JsonObject extra = null)
        {
            var body = new JsonObject
            {
                ["status"] = "error",
                ["message"] = message,
                ["correlationId"] = Guid.NewGuid().ToString(),
                ["category"] = category,
            };
            if (extra != null)
            {
                foreach (var pair in extra)
                {
                    body[pair.Key] = pair.Value?.DeepClone();
                }
            }

            return Json(status, body);
        }
    }
}
