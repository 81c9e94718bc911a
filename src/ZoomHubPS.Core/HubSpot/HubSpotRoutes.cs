using System;
using ZoomHubPS.Core.Http;

namespace ZoomHubPS.Core.HubSpot
{
    /// <summary>Every HubSpot route the module calls, in one place (relative to https://api.hubapi.com/).</summary>
    internal static class HubSpotRoutes
    {
        private const string Contacts = "crm/v3/objects/contacts";
        private const string Lists = "crm/v3/lists";
        private const string Events = "marketing/v3/marketing-events";

        private static string E(string s) => ApiPath.Segment(s);

        public static string ContactsList() => Contacts;                                      // GET /crm/v3/objects/contacts
        public static string Contact(string id) => Contacts + "/" + E(id);                   // GET|PATCH|DELETE /crm/v3/objects/contacts/{contactId}
        public static string ContactsBatch(string op) => Contacts + "/batch/" + op;           // POST /crm/v3/objects/contacts/batch/{read|upsert|create|update|archive}
        public static string ContactsSearch() => Contacts + "/search";                        // POST /crm/v3/objects/contacts/search
        public static string ContactsMerge() => Contacts + "/merge";                          // POST /crm/v3/objects/contacts/merge
        public static string PropertyList(string objectType = "contacts") => "crm/v3/properties/" + E(objectType); // GET|POST /crm/v3/properties/{objectType}
        public static string PropertyBatchCreate(string objectType = "contacts") => PropertyList(objectType) + "/batch/create"; // POST /crm/v3/properties/{objectType}/batch/create
        public static string PropertyGroups(string objectType = "contacts") => PropertyList(objectType) + "/groups";      // GET|POST /crm/v3/properties/{objectType}/groups
        public static string EventsList() => Events;                                          // GET /marketing/v3/marketing-events
        public static string EventsUpsert() => Events + "/events/upsert";                     // POST /marketing/v3/marketing-events/events/upsert
        public static string Event(string externalEventId, string account)                    // GET|PATCH /marketing/v3/marketing-events/events/{externalEventId}?externalAccountId=
            => ApiPath.With(Events + "/events/" + E(externalEventId), ("externalAccountId", account));
        public static string EventComplete(string externalEventId, string account)            // POST …/events/{externalEventId}/complete?externalAccountId=
            => ApiPath.With(Events + "/events/" + E(externalEventId) + "/complete", ("externalAccountId", account));
        public static string EventCancel(string externalEventId, string account)              // POST …/events/{externalEventId}/cancel?externalAccountId=
            => ApiPath.With(Events + "/events/" + E(externalEventId) + "/cancel", ("externalAccountId", account));
        public static string Attendance(string externalEventId, string state, bool byEmail, string account) // POST …/attendance/{externalEventId}/{subscriberState}/create|email-create
            => ApiPath.With(Events + "/attendance/" + E(externalEventId) + "/" + state + "/" + (byEmail ? "email-create" : "create"), ("externalAccountId", account));
        public static string Counters(string account, string externalEventId)                 // GET …/participations/{externalAccountId}/{externalEventId}
            => Events + "/participations/" + E(account) + "/" + E(externalEventId);
        public static string EventBreakdown(string account, string externalEventId)           // GET …/participations/{externalAccountId}/{externalEventId}/breakdown
            => Counters(account, externalEventId) + "/breakdown";
        public static string ContactBreakdown(string contactIdentifier)                       // GET …/participations/contacts/{contactIdentifier}/breakdown
            => Events + "/participations/contacts/" + E(contactIdentifier) + "/breakdown";
        public static string TimelineTemplates(long appId) => "integrators/timeline/v3/" + appId + "/event-templates"; // GET|POST /integrators/timeline/v3/{appId}/event-templates
        public static string TimelineTemplate(long appId, string templateId) => TimelineTemplates(appId) + "/" + E(templateId); // GET|PUT|DELETE …/event-templates/{eventTemplateId}
        public static string TimelineEventsBatch() => "integrators/timeline/v3/events/batch/create";                  // POST /integrators/timeline/v3/events/batch/create
        public static string List(string listId) => Lists + "/" + E(listId);                 // GET /crm/v3/lists/{listId}
        public static string ListByName(string objectTypeId, string name)                      // GET /crm/v3/lists/object-type-id/{objectTypeId}/name/{listName}
            => Lists + "/object-type-id/" + E(objectTypeId) + "/name/" + E(name);
        public static string ListMemberships(string listId) => List(listId) + "/memberships"; // GET /crm/v3/lists/{listId}/memberships
        public static string AccountDetails() => "account-info/v3/details";                  // GET /account-info/v3/details
        public static string AccessTokenInfo() => "oauth/v2/private-apps/get/access-token-info"; // POST /oauth/v2/private-apps/get/access-token-info
        public static string DailyUsage() => "account-info/v3/api-usage/daily/private-apps";  // GET /account-info/v3/api-usage/daily/private-apps
    }
}
