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
    /// Contact batch routes (upsert, read, create, update, archive): at most 100 inputs, 200/201 when every input worked,
    /// 207 with <c>errors</c>/<c>numErrors</c> when some failed, 400 for problems of the whole request (unknown property,
    /// two inputs for one record, too many inputs). FACTS §2.3/§2.4.
    /// </summary>
    internal static class ContactBatchRoutes
    {
        internal const int MaxInputs = 100;
        internal const int MaxHistoryInputs = 50;

        internal static void Register(HubSpotRouter router)
        {
            string b = ContactRoutes.Base + "/batch/";
            router.Post(b + "upsert", ContactRoutes.Write, (r, app) => Upsert(router.State, r));
            router.Post(b + "read", ContactRoutes.Read, (r, app) => Read(router.State, r), isWrite: false);
            router.Post(b + "create", ContactRoutes.Write, (r, app) => Create(router.State, r));
            router.Post(b + "update", ContactRoutes.Write, (r, app) => Update(router.State, r));
            router.Post(b + "archive", ContactRoutes.Write, (r, app) => Archive(router.State, r));
        }

        private static SandboxResponse Upsert(HubSpotState state, SandboxRequest request)
        {
            DateTimeOffset started = state.Now;
            if (!HubSpotJson.TryReadInputs(request, MaxInputs, out JsonArray inputs, out SandboxResponse error))
            {
                return error;
            }

            var plans = new List<(JsonNode Input, string Id, string IdProperty, HubSpotContact Target, ContactWrite Write)>();
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            var duplicates = new List<string>();
            var unknown = new List<PropertyProblem>();
            foreach (JsonNode input in inputs)
            {
                string id = HubSpotJson.Str(input, "id");
                string idProperty = HubSpotJson.Str(input, "idProperty") ?? "hs_object_id";
                if ((error = ContactRoutes.CheckIdProperty(state, idProperty)) != null)
                {
                    return error;
                }

                HubSpotContact target = id == null ? null : ContactRoutes.Lookup(state, id, idProperty, archived: false);
                ContactWrite write = ContactWrite.Read(state.Properties, input?["properties"]);
                unknown.AddRange(write.Unknown);

                // Two inputs for one record (the same contact, or the same new email) are refused as a whole (FACTS §2.4).
                string key = target != null ? "id:" + target.Id.ToString(CultureInfo.InvariantCulture) : "new:" + idProperty + ":" + (id ?? string.Empty).Trim().ToLowerInvariant();
                if (seen.ContainsKey(key))
                {
                    duplicates.Add(id);
                }
                else
                {
                    seen[key] = id;
                }

                plans.Add((input, id, idProperty, target, write));
            }

            if (unknown.Count > 0)
            {
                return ContactWrite.Reject(unknown);
            }

            if (duplicates.Count > 0)
            {
                return DuplicateIds(duplicates);
            }

            var results = new JsonArray();
            var errors = new List<JsonObject>();
            foreach (var plan in plans)
            {
                ContactWrite write = plan.Write;
                if (plan.IdProperty == "email")
                {
                    if (!PropertyCatalog.IsValidEmail(plan.Id?.Trim()))
                    {
                        errors.Add(ContactWrite.BatchError(plan.Id, new[] { new PropertyProblem("email", "INVALID_EMAIL", "Email address " + plan.Id + " is invalid") }));
                        continue;
                    }

                    // The upsert key decides the email; a different email in properties would silently move the record.
                    if (write.Values.TryGetValue("email", out string written) && !string.Equals(written, plan.Id.Trim(), StringComparison.OrdinalIgnoreCase))
                    {
                        errors.Add(ContactWrite.BatchError(plan.Id, new[] { new PropertyProblem("email", "INVALID_EMAIL", "properties.email (" + written + ") must match the upsert id " + plan.Id) }));
                        continue;
                    }
                }

                if (write.Invalid.Count > 0)
                {
                    errors.Add(ContactWrite.BatchError(plan.Id, write.Invalid));
                    continue;
                }

                if (plan.Target != null)
                {
                    // A secondary-email match updates the contact without touching its primary email.
                    if (plan.IdProperty == "email")
                    {
                        write.Values.Remove("email");
                    }
                    else if (write.Values.TryGetValue("email", out string newEmail) && ContactRoutes.EmailOwner(state, newEmail, plan.Target) is HubSpotContact owner)
                    {
                        errors.Add(HubSpotJson.BatchError(HubSpotJson.Conflict, ContactRoutes.ConflictMessage(owner), new[] { plan.Id }));
                        continue;
                    }

                    state.Contacts.Update(plan.Target, write.Values, state.Now);
                    results.Add(Upserted(plan.Target, write, isNew: false));
                    continue;
                }

                if (plan.IdProperty == "hs_object_id" || string.IsNullOrEmpty(plan.Id))
                {
                    errors.Add(HubSpotJson.BatchError(HubSpotJson.ObjectNotFound, "Object not found. objectId: " + plan.Id, new[] { plan.Id ?? string.Empty }));
                    continue;
                }

                // Archived contacts are invisible to idProperty lookups, so their email gets a brand-new record (FACTS §2.4).
                write.Values[plan.IdProperty] = plan.IdProperty == "email" ? plan.Id.Trim().ToLowerInvariant() : plan.Id;
                HubSpotContact created = state.Contacts.Create(write.Values, state.Now);
                results.Add(Upserted(created, write, isNew: true));
            }

            return HubSpotJson.Batch(HttpStatusCode.OK, started, state.Now, results, errors);
        }

        private static JsonObject Upserted(HubSpotContact contact, ContactWrite write, bool isNew)
        {
            JsonObject obj = ContactJson.ToJson(contact, ContactJson.WriteSelection(write.Values.Keys));
            obj["new"] = isNew;
            return obj;
        }

        private static SandboxResponse Read(HubSpotState state, SandboxRequest request)
        {
            DateTimeOffset started = state.Now;
            if (!HubSpotJson.TryReadInputs(request, MaxInputs, out JsonArray inputs, out SandboxResponse error))
            {
                return error;
            }

            JsonNode body = request.Json();
            List<string> history = HubSpotJson.StringList(body["propertiesWithHistory"]) ?? new List<string>();
            if (history.Count > 0 && inputs.Count > MaxHistoryInputs)
            {
                return HubSpotJson.BadRequest("The maximum number of inputs supported in a batch request for property histories is 50");
            }

            string idProperty = HubSpotJson.Str(body, "idProperty");
            if (idProperty != null && idProperty != "hs_object_id" && (error = ContactRoutes.CheckIdProperty(state, idProperty)) != null)
            {
                return error;
            }

            bool archived = HubSpotJson.ArchivedQuery(request);
            List<string> names = ContactJson.Selection(HubSpotJson.StringList(body["properties"]), state.Properties);
            history = history.Where(n => state.Properties.Find(n) != null).ToList();
            var results = new JsonArray();
            var returned = new HashSet<long>();
            var missing = new List<string>();
            foreach (JsonNode input in inputs)
            {
                string id = HubSpotJson.Str(input, "id");
                HubSpotContact contact = id == null ? null : ContactRoutes.Lookup(state, id, idProperty, archived);
                if (contact == null)
                {
                    missing.Add(id ?? string.Empty);
                }
                else if (returned.Add(contact.Id))
                {
                    results.Add(ContactJson.ToJson(contact, names, history));
                }
            }

            var errors = new List<JsonObject>();
            if (missing.Count > 0)
            {
                errors.Add(HubSpotJson.BatchError(HubSpotJson.ObjectNotFound,
                    "Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.", missing));
            }

            return HubSpotJson.Batch(HttpStatusCode.OK, started, state.Now, results, errors);
        }

        private static SandboxResponse Create(HubSpotState state, SandboxRequest request)
        {
            DateTimeOffset started = state.Now;
            if (!HubSpotJson.TryReadInputs(request, MaxInputs, out JsonArray inputs, out SandboxResponse error))
            {
                return error;
            }

            var writes = new List<ContactWrite>();
            var emails = new HashSet<string>(StringComparer.Ordinal);
            var duplicates = new List<string>();
            foreach (JsonNode input in inputs)
            {
                ContactWrite write = ContactWrite.Read(state.Properties, input?["properties"]);
                if (write.Unknown.Count > 0)
                {
                    return ContactWrite.Reject(write.Unknown);
                }

                if (write.Values.TryGetValue("email", out string email) && email.Length > 0)
                {
                    // An existing email fails the whole batch with 409, as a single create does (FACTS §2.4).
                    HubSpotContact owner = ContactRoutes.EmailOwner(state, email, null);
                    if (owner != null)
                    {
                        return ContactRoutes.ConflictResponse(owner);
                    }

                    if (!emails.Add(email))
                    {
                        duplicates.Add(email);
                    }
                }

                writes.Add(write);
            }

            if (duplicates.Count > 0)
            {
                return DuplicateIds(duplicates);
            }

            var results = new JsonArray();
            var errors = new List<JsonObject>();
            foreach (ContactWrite write in writes)
            {
                if (write.Invalid.Count > 0)
                {
                    write.Values.TryGetValue("email", out string email);
                    errors.Add(ContactWrite.BatchError(email, write.Invalid));
                    continue;
                }

                HubSpotContact created = state.Contacts.Create(write.Values, state.Now);
                results.Add(ContactJson.ToJson(created, ContactJson.WriteSelection(write.Values.Keys)));
            }

            return HubSpotJson.Batch(HttpStatusCode.Created, started, state.Now, results, errors);
        }

        private static SandboxResponse Update(HubSpotState state, SandboxRequest request)
        {
            DateTimeOffset started = state.Now;
            if (!HubSpotJson.TryReadInputs(request, MaxInputs, out JsonArray inputs, out SandboxResponse error))
            {
                return error;
            }

            var plans = new List<(string Id, HubSpotContact Target, ContactWrite Write)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var duplicates = new List<string>();
            foreach (JsonNode input in inputs)
            {
                string id = HubSpotJson.Str(input, "id");
                string idProperty = HubSpotJson.Str(input, "idProperty");
                if ((error = ContactRoutes.CheckIdProperty(state, idProperty)) != null)
                {
                    return error;
                }

                ContactWrite write = ContactWrite.Read(state.Properties, input?["properties"]);
                if (write.Unknown.Count > 0)
                {
                    return ContactWrite.Reject(write.Unknown);
                }

                HubSpotContact target = id == null ? null : ContactRoutes.Lookup(state, id, idProperty, archived: false);
                string key = target != null ? target.Id.ToString(CultureInfo.InvariantCulture) : "?" + id;
                if (!seen.Add(key))
                {
                    duplicates.Add(id);
                }

                plans.Add((id, target, write));
            }

            if (duplicates.Count > 0)
            {
                return DuplicateIds(duplicates);
            }

            var results = new JsonArray();
            var errors = new List<JsonObject>();
            foreach (var plan in plans)
            {
                if (plan.Target == null)
                {
                    errors.Add(HubSpotJson.BatchError(HubSpotJson.ObjectNotFound, "Object not found. objectId: " + plan.Id, new[] { plan.Id ?? string.Empty }));
                    continue;
                }

                if (plan.Write.Invalid.Count > 0)
                {
                    errors.Add(ContactWrite.BatchError(plan.Id, plan.Write.Invalid));
                    continue;
                }

                if (plan.Write.Values.TryGetValue("email", out string email) && ContactRoutes.EmailOwner(state, email, plan.Target) is HubSpotContact owner)
                {
                    errors.Add(HubSpotJson.BatchError(HubSpotJson.Conflict, ContactRoutes.ConflictMessage(owner), new[] { plan.Id }));
                    continue;
                }

                state.Contacts.Update(plan.Target, plan.Write.Values, state.Now);
                results.Add(ContactJson.ToJson(plan.Target, ContactJson.WriteSelection(plan.Write.Values.Keys)));
            }

            return HubSpotJson.Batch(HttpStatusCode.OK, started, state.Now, results, errors);
        }

        private static SandboxResponse Archive(HubSpotState state, SandboxRequest request)
        {
            if (!HubSpotJson.TryReadInputs(request, MaxInputs, out JsonArray inputs, out SandboxResponse error))
            {
                return error;
            }

            foreach (JsonNode input in inputs)
            {
                HubSpotContact contact = state.Contacts.ById(HubSpotJson.Str(input, "id"));
                if (contact != null)
                {
                    state.Contacts.Archive(contact, state.Now);
                }
            }

            return SandboxResponse.Empty(HttpStatusCode.NoContent);
        }

        // Message follows HubSpot's batch wording; the exact text for upsert is unconfirmed (FACTS §2.4).
        private static SandboxResponse DuplicateIds(IEnumerable<string> ids)
            => HubSpotJson.BadRequest("Duplicate IDs found in batch input: [" + string.Join(", ", ids) + "]. IDs must be unique");
    }
}
