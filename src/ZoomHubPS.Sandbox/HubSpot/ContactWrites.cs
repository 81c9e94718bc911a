using System;
using System.Collections.Generic;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// A <c>properties</c> object of a contact write, checked against the catalog. Unknown (or read-only) names fail the
    /// whole request with 400, as HubSpot does; bad values fail only their own input in a batch (207).
    /// </summary>
    internal sealed class ContactWrite
    {
        internal Dictionary<string, string> Values { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        internal List<PropertyProblem> Unknown { get; } = new List<PropertyProblem>();

        internal List<PropertyProblem> Invalid { get; } = new List<PropertyProblem>();

        internal static ContactWrite Read(PropertyCatalog catalog, JsonNode properties)
        {
            var write = new ContactWrite();
            if (!(properties is JsonObject obj))
            {
                return write;
            }

            foreach (KeyValuePair<string, JsonNode> pair in obj)
            {
                HubSpotProperty property = catalog.Find(pair.Key);
                if (property == null)
                {
                    write.Unknown.Add(new PropertyProblem(pair.Key, "PROPERTY_DOESNT_EXIST", "Property \"" + pair.Key + "\" does not exist"));
                    continue;
                }

                if (property.ReadOnlyValue)
                {
                    write.Unknown.Add(new PropertyProblem(pair.Key, "READ_ONLY_VALUE", "Property \"" + pair.Key + "\" is read-only and cannot be set"));
                    continue;
                }

                if (catalog.TryNormalize(property, pair.Value, out string value, out PropertyProblem problem))
                {
                    write.Values[pair.Key] = value;
                }
                else
                {
                    write.Invalid.Add(problem);
                }
            }

            return write;
        }

        /// <summary>HubSpot's message: "Property values were not valid: [{isValid,message,error,name,…}]".</summary>
        internal static string Message(IEnumerable<PropertyProblem> problems)
        {
            var list = new JsonArray();
            foreach (PropertyProblem p in problems)
            {
                list.Add(new JsonObject
                {
                    ["isValid"] = false,
                    ["message"] = p.Message,
                    ["error"] = p.Code,
                    ["name"] = p.Name,
                    ["localizedErrorMessage"] = p.Message,
                });
            }

            return "Property values were not valid: " + list.ToJsonString();
        }

        /// <summary>The <c>errors</c> detail entries (<c>{message, code, in}</c>) for the same problems.</summary>
        internal static JsonArray Details(IEnumerable<PropertyProblem> problems)
        {
            var details = new JsonArray();
            foreach (PropertyProblem p in problems)
            {
                details.Add(new JsonObject { ["message"] = p.Message, ["code"] = p.Code, ["in"] = p.Name });
            }

            return details;
        }

        /// <summary>400 VALIDATION_ERROR for the whole request.</summary>
        internal static SandboxResponse Reject(IEnumerable<PropertyProblem> problems)
        {
            var list = new List<PropertyProblem>(problems);
            return HubSpotJson.Error(HttpStatusCode.BadRequest, HubSpotJson.ValidationError, Message(list), errors: Details(list));
        }

        /// <summary>A 207 errors[] entry for one failed input (FACTS §4 example shape).</summary>
        internal static JsonObject BatchError(string id, IEnumerable<PropertyProblem> problems)
            => HubSpotJson.BatchError(HubSpotJson.ValidationError, "Property values were not valid", id == null ? null : new[] { id }, Details(problems));
    }
}
