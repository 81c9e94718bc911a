using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>
    /// Property routes (FACTS §2.6) of contacts and of marketing events (<see cref="PropertyObject"/>): create (201/409), batch create
    /// (201/207), read, update, archive; the groups are <see cref="PropertyGroupRoutes"/>.
    /// </summary>
    internal static class PropertyRoutes
    {
        internal const string Read = "crm.schemas.contacts.read";
        internal const string Write = "crm.schemas.contacts.write";

        internal static void Register(HubSpotRouter router)
        {
            foreach (PropertyObject o in new[] { PropertyObject.Contacts, PropertyObject.MarketingEvents })
            {
                foreach (string path in o.Paths)
                {
                    Register(router, o, "/crm/v3/properties/" + path);
                }
            }
        }

        private static void Register(HubSpotRouter router, PropertyObject o, string b)
        {
            HubSpotState s = router.State;
            router.Get(b, o.ReadScope, (r, app) => List(s, o, r));
            router.Post(b, o.WriteScope, (r, app) => o.RefuseWrite(s) ?? CreateOne(s, o, r));
            router.Post(b + "/batch/create", o.WriteScope, (r, app) => o.RefuseWrite(s) ?? BatchCreate(s, o, r));
            PropertyGroupRoutes.Register(router, o, b);
            router.Get(b + "/{propertyName}", o.ReadScope, (r, app) => GetOne(s, o, r));
            router.Patch(b + "/{propertyName}", o.WriteScope, (r, app) => o.RefuseWrite(s) ?? Update(s, o, r));
            router.Delete(b + "/{propertyName}", o.WriteScope, (r, app) => o.RefuseWrite(s) ?? Archive(s, o, r));
        }

        /// <summary>HubSpot's Property JSON with every documented field.</summary>
        internal static JsonObject ToJson(HubSpotProperty p)
        {
            var options = new JsonArray();
            foreach (HubSpotPropertyOption o in p.Options)
            {
                var option = new JsonObject { ["label"] = o.Label, ["value"] = o.Value, ["displayOrder"] = o.DisplayOrder, ["hidden"] = o.Hidden };
                if (o.Description != null)
                {
                    option["description"] = o.Description;
                }

                options.Add(option);
            }

            var obj = new JsonObject
            {
                ["updatedAt"] = HubSpotJson.Iso(p.UpdatedAt),
                ["createdAt"] = HubSpotJson.Iso(p.CreatedAt),
                ["name"] = p.Name,
                ["label"] = p.Label,
                ["type"] = p.Type,
                ["fieldType"] = p.FieldType,
                ["description"] = p.Description ?? string.Empty,
                ["groupName"] = p.GroupName,
                ["options"] = options,
                ["displayOrder"] = p.DisplayOrder,
                ["calculated"] = p.Calculated,
                ["externalOptions"] = false,
                ["hasUniqueValue"] = p.HasUniqueValue,
                ["hidden"] = p.Hidden,
                ["hubspotDefined"] = p.HubSpotDefined,
                ["modificationMetadata"] = new JsonObject
                {
                    ["archivable"] = !p.HubSpotDefined,
                    ["readOnlyDefinition"] = p.HubSpotDefined,
                    ["readOnlyValue"] = p.ReadOnlyValue,
                    ["readOnlyOptions"] = p.HubSpotDefined,
                },
                ["formField"] = p.FormField,
                ["dataSensitivity"] = p.DataSensitivity,
                ["archived"] = p.Archived,
            };
            if (p.Type == "number")
            {
                obj["showCurrencySymbol"] = p.NumberDisplayHint == "currency";
                obj["numberDisplayHint"] = p.NumberDisplayHint ?? "unformatted";
            }

            if (p.TextDisplayHint != null)
            {
                obj["textDisplayHint"] = p.TextDisplayHint;
            }

            if (p.Archived)
            {
                obj["archivedAt"] = HubSpotJson.Iso(p.ArchivedAt);
            }

            return obj;
        }

        private static SandboxResponse List(HubSpotState state, PropertyObject o, SandboxRequest request)
        {
            bool archived = HubSpotJson.ArchivedQuery(request);
            List<string> only = HubSpotJson.QueryList(request, "properties");
            var results = new JsonArray();
            foreach (HubSpotProperty p in o.Catalog(state).All.Where(p => p.Archived == archived))
            {
                if (only.Count == 0 || only.Contains(p.Name))
                {
                    results.Add(ToJson(p));
                }
            }

            return SandboxResponse.Json(HttpStatusCode.OK, new JsonObject { ["results"] = results });
        }

        private static SandboxResponse GetOne(HubSpotState state, PropertyObject o, SandboxRequest request)
        {
            HubSpotProperty p = o.Catalog(state).FindAny(request.RouteValue("propertyName"));
            if (p == null || p.Archived != HubSpotJson.ArchivedQuery(request))
            {
                return HubSpotJson.NotFound("Unable to find property " + request.RouteValue("propertyName") + " for object type " + o.Name + ".");
            }

            return SandboxResponse.Json(HttpStatusCode.OK, ToJson(p));
        }

        private static SandboxResponse CreateOne(HubSpotState state, PropertyObject o, SandboxRequest request)
        {
            SandboxResponse error = TryCreate(state, o, request.Json(), out HubSpotProperty created);
            return error ?? SandboxResponse.Json(HttpStatusCode.Created, ToJson(created));
        }

        private static SandboxResponse BatchCreate(HubSpotState state, PropertyObject o, SandboxRequest request)
        {
            DateTimeOffset started = state.Now;
            if (!HubSpotJson.TryReadInputs(request, ContactBatchRoutes.MaxInputs, out JsonArray inputs, out SandboxResponse error))
            {
                return error;
            }

            var results = new JsonArray();
            var errors = new List<JsonObject>();
            foreach (JsonNode input in inputs)
            {
                SandboxResponse failed = TryCreate(state, o, input, out HubSpotProperty created);
                if (failed == null)
                {
                    results.Add(ToJson(created));
                    continue;
                }

                JsonNode body = JsonNode.Parse(failed.Body);
                string name = HubSpotJson.Str(input, "name") ?? string.Empty;
                errors.Add(HubSpotJson.BatchError(HubSpotJson.Str(body, "category"), HubSpotJson.Str(body, "message"), new[] { name }));
            }

            return HubSpotJson.Batch(HttpStatusCode.Created, started, state.Now, results, errors);
        }

        /// <summary>Validates a PropertyCreate body and adds the property; returns the error response, or null when created.</summary>
        private static SandboxResponse TryCreate(HubSpotState state, PropertyObject o, JsonNode body, out HubSpotProperty created)
        {
            created = null;
            string name = HubSpotJson.Str(body, "name");
            string label = HubSpotJson.Str(body, "label");
            string type = HubSpotJson.Str(body, "type");
            string fieldType = HubSpotJson.Str(body, "fieldType");
            string groupName = HubSpotJson.Str(body, "groupName");
            var missing = new List<string>();
            if (string.IsNullOrEmpty(name)) missing.Add("name");
            if (string.IsNullOrEmpty(label)) missing.Add("label");
            if (string.IsNullOrEmpty(type)) missing.Add("type");
            if (string.IsNullOrEmpty(fieldType)) missing.Add("fieldType");
            if (string.IsNullOrEmpty(groupName)) missing.Add("groupName");
            if (missing.Count > 0)
            {
                return HubSpotJson.BadRequest("Invalid input JSON: missing required field(s) " + string.Join(", ", missing) + ".");
            }

            if (!PropertyCatalog.IsValidName(name))
            {
                return HubSpotJson.BadRequest("Property name '" + name + "' is invalid: use lower-case letters, digits and underscores, starting with a letter (at most 100 characters).");
            }

            HubSpotProperty existing = o.Catalog(state).FindAny(name);
            if (existing != null && !existing.Archived)
            {
                // FACTS §2.6: 409 OBJECT_ALREADY_EXISTS; the wording is unconfirmed.
                return HubSpotJson.Error(HttpStatusCode.Conflict, HubSpotJson.ObjectAlreadyExists, "Property named '" + name + "' already exists.");
            }

            if (Array.IndexOf(PropertyCatalog.Types, type) < 0)
            {
                return HubSpotJson.BadRequest("Invalid type '" + type + "'. Allowed: " + string.Join(", ", PropertyCatalog.Types) + ".");
            }

            if (Array.IndexOf(PropertyCatalog.FieldTypes, fieldType) < 0)
            {
                return HubSpotJson.BadRequest("Invalid fieldType '" + fieldType + "'. Allowed: " + string.Join(", ", PropertyCatalog.FieldTypes) + ".");
            }

            if (!PropertyCatalog.IsValidPair(type, fieldType))
            {
                return HubSpotJson.BadRequest("fieldType '" + fieldType + "' is not valid for a property of type '" + type + "'.");
            }

            if (o.Catalog(state).FindGroup(groupName) == null)
            {
                return HubSpotJson.BadRequest("Property group '" + groupName + "' does not exist.");
            }

            if (!TryReadOptions(body?["options"], type, out List<HubSpotPropertyOption> options, out SandboxResponse error))
            {
                return error;
            }

            DateTimeOffset now = state.Now;
            created = new HubSpotProperty
            {
                Name = name,
                Label = label,
                Type = type,
                FieldType = fieldType,
                GroupName = groupName,
                Description = HubSpotJson.Str(body, "description") ?? string.Empty,
                DisplayOrder = int.TryParse(HubSpotJson.Str(body, "displayOrder"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int order) ? order : -1,
                HasUniqueValue = Bool(body, "hasUniqueValue"),
                Hidden = Bool(body, "hidden"),
                FormField = Bool(body, "formField"),
                NumberDisplayHint = HubSpotJson.Str(body, "numberDisplayHint"),
                TextDisplayHint = HubSpotJson.Str(body, "textDisplayHint"),
                DataSensitivity = HubSpotJson.Str(body, "dataSensitivity") ?? "non_sensitive",
                Options = options,
                CreatedAt = now,
                UpdatedAt = now,
            };
            o.Catalog(state).Add(created);
            return null;
        }

        private static bool TryReadOptions(JsonNode node, string type, out List<HubSpotPropertyOption> options, out SandboxResponse error)
        {
            options = new List<HubSpotPropertyOption>();
            error = null;
            if (node is JsonArray array)
            {
                foreach (JsonNode o in array)
                {
                    string value = HubSpotJson.Str(o, "value");
                    string label = HubSpotJson.Str(o, "label");
                    if (string.IsNullOrEmpty(value) || string.IsNullOrEmpty(label))
                    {
                        error = HubSpotJson.BadRequest("Every option needs a label and a value.");
                        return false;
                    }

                    if (options.Any(x => x.Value == value))
                    {
                        error = HubSpotJson.BadRequest("Option values must be unique; '" + value + "' appears twice.");
                        return false;
                    }

                    options.Add(new HubSpotPropertyOption
                    {
                        Label = label,
                        Value = value,
                        Hidden = Bool(o, "hidden"),
                        DisplayOrder = int.TryParse(HubSpotJson.Str(o, "displayOrder"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int d) ? d : options.Count,
                        Description = HubSpotJson.Str(o, "description"),
                    });
                }
            }

            if (type == "bool" && options.Count == 0)
            {
                options.Add(new HubSpotPropertyOption { Label = "Yes", Value = "true", DisplayOrder = 0 });
                options.Add(new HubSpotPropertyOption { Label = "No", Value = "false", DisplayOrder = 1 });
            }

            if (type == "enumeration" && options.Count == 0)
            {
                error = HubSpotJson.BadRequest("Enumeration properties need at least one option.");
                return false;
            }

            return true;
        }

        private static SandboxResponse Update(HubSpotState state, PropertyObject o, SandboxRequest request)
        {
            HubSpotProperty p = o.Catalog(state).Find(request.RouteValue("propertyName"));
            if (p == null)
            {
                return HubSpotJson.NotFound("Unable to find property " + request.RouteValue("propertyName") + " for object type " + o.Name + ".");
            }

            if (p.HubSpotDefined)
            {
                return HubSpotJson.BadRequest("Property " + p.Name + " is defined by HubSpot and cannot be changed.");
            }

            JsonNode body = request.Json() ?? new JsonObject();
            string type = HubSpotJson.Str(body, "type") ?? p.Type;
            string fieldType = HubSpotJson.Str(body, "fieldType") ?? p.FieldType;
            if (!PropertyCatalog.IsValidPair(type, fieldType))
            {
                return HubSpotJson.BadRequest("fieldType '" + fieldType + "' is not valid for a property of type '" + type + "'.");
            }

            string groupName = HubSpotJson.Str(body, "groupName") ?? p.GroupName;
            if (o.Catalog(state).FindGroup(groupName) == null)
            {
                return HubSpotJson.BadRequest("Property group '" + groupName + "' does not exist.");
            }

            List<HubSpotPropertyOption> options = p.Options;
            if (body["options"] != null && !TryReadOptions(body["options"], type, out options, out SandboxResponse error))
            {
                return error;
            }

            p.Type = type;
            p.FieldType = fieldType;
            p.GroupName = groupName;
            p.Options = options;
            p.Label = HubSpotJson.Str(body, "label") ?? p.Label;
            p.Description = HubSpotJson.Str(body, "description") ?? p.Description;
            p.NumberDisplayHint = HubSpotJson.Str(body, "numberDisplayHint") ?? p.NumberDisplayHint;
            if (int.TryParse(HubSpotJson.Str(body, "displayOrder"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int order))
            {
                p.DisplayOrder = order;
            }

            if (body["hidden"] != null)
            {
                p.Hidden = Bool(body, "hidden");
            }

            if (body["formField"] != null)
            {
                p.FormField = Bool(body, "formField");
            }

            p.UpdatedAt = state.Now;
            return SandboxResponse.Json(HttpStatusCode.OK, ToJson(p));
        }

        private static SandboxResponse Archive(HubSpotState state, PropertyObject o, SandboxRequest request)
        {
            HubSpotProperty p = o.Catalog(state).Find(request.RouteValue("propertyName"));
            if (p == null)
            {
                return HubSpotJson.NotFound("Unable to find property " + request.RouteValue("propertyName") + " for object type " + o.Name + ".");
            }

            if (p.HubSpotDefined)
            {
                return HubSpotJson.BadRequest("Property " + p.Name + " is defined by HubSpot and cannot be archived.");
            }

            p.Archived = true;
            p.ArchivedAt = state.Now;
            p.UpdatedAt = state.Now;
            return SandboxResponse.Empty(HttpStatusCode.NoContent);
        }

        internal static bool Bool(JsonNode obj, string name)
            => string.Equals(HubSpotJson.Str(obj, name), "true", StringComparison.OrdinalIgnoreCase);
    }
}
