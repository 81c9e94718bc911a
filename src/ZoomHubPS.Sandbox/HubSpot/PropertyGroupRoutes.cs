using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.HubSpot
{
    /// <summary>Property groups of an object type (FACTS §2.6): list, read one, create (201, 409 when the name exists).</summary>
    internal static class PropertyGroupRoutes
    {
        internal static void Register(HubSpotRouter router, PropertyObject o, string b)
        {
            HubSpotState s = router.State;
            router.Get(b + "/groups", o.ReadScope, (r, app) => Groups(s, o, r));
            router.Post(b + "/groups", o.WriteScope, (r, app) => o.RefuseWrite(s) ?? CreateGroup(s, o, r));
            router.Get(b + "/groups/{groupName}", o.ReadScope, (r, app) => GetGroup(s, o, r));
        }

        private static JsonObject GroupJson(HubSpotPropertyGroup g)
            => new JsonObject { ["name"] = g.Name, ["label"] = g.Label, ["displayOrder"] = g.DisplayOrder, ["archived"] = g.Archived };

        private static SandboxResponse Groups(HubSpotState state, PropertyObject o, SandboxRequest request)
        {
            var results = new JsonArray();
            foreach (HubSpotPropertyGroup g in o.Catalog(state).Groups.Where(g => !g.Archived))
            {
                results.Add(GroupJson(g));
            }

            return SandboxResponse.Json(HttpStatusCode.OK, new JsonObject { ["results"] = results });
        }

        private static SandboxResponse GetGroup(HubSpotState state, PropertyObject o, SandboxRequest request)
        {
            HubSpotPropertyGroup g = o.Catalog(state).FindGroup(request.RouteValue("groupName"));
            return g == null
                ? HubSpotJson.NotFound("Unable to find property group " + request.RouteValue("groupName") + " for object type " + o.Name + ".")
                : SandboxResponse.Json(HttpStatusCode.OK, GroupJson(g));
        }

        private static SandboxResponse CreateGroup(HubSpotState state, PropertyObject o, SandboxRequest request)
        {
            JsonNode body = request.Json();
            string name = HubSpotJson.Str(body, "name");
            string label = HubSpotJson.Str(body, "label");
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(label))
            {
                return HubSpotJson.BadRequest("Invalid input JSON: name and label are required.");
            }

            if (!PropertyCatalog.IsValidName(name))
            {
                return HubSpotJson.BadRequest("Property group name '" + name + "' is invalid: use lower-case letters, digits and underscores, starting with a letter.");
            }

            if (o.Catalog(state).FindGroup(name) != null)
            {
                return HubSpotJson.Error(HttpStatusCode.Conflict, HubSpotJson.ObjectAlreadyExists, "Property group named '" + name + "' already exists.");
            }

            var group = new HubSpotPropertyGroup
            {
                Name = name,
                Label = label,
                DisplayOrder = int.TryParse(HubSpotJson.Str(body, "displayOrder"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int order) ? order : -1,
            };
            o.Catalog(state).AddGroup(group);
            return SandboxResponse.Json(HttpStatusCode.Created, GroupJson(group));
        }
    }
}
