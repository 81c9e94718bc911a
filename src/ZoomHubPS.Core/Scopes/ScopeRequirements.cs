using System.Collections.Generic;
using System.Linq;

namespace ZoomHubPS.Core.Scopes
{
    /// <summary>One scope a feature needs on one API: any of <see cref="AnyOf"/> will do (granular, user-level or classic).</summary>
    public sealed class ScopeRequirement
    {
        internal ScopeRequirement(string feature, ApiKind api, params string[] anyOf)
        {
            Feature = feature;
            Api = api;
            AnyOf = anyOf;
        }

        /// <summary>The cmdlet (or option) that needs the scope, e.g. "Sync-ZoomWebinarToHubSpot".</summary>
        public string Feature { get; }

        /// <summary>Which service grants it.</summary>
        public ApiKind Api { get; }

        /// <summary>Scopes that satisfy the requirement; the first is the one to grant (the current granular name).</summary>
        public IReadOnlyList<string> AnyOf { get; }

        /// <summary>Whether <paramref name="granted"/> holds one of <see cref="AnyOf"/>.</summary>
        public bool IsMetBy(ICollection<string> granted) => AnyOf.Any(granted.Contains);
    }

    /// <summary>
    /// What each feature needs, per API (FACTS §E): the scope names the endpoints it calls list. Zoom accepts a granular
    /// admin scope, its user-level twin, or the classic macro scope; HubSpot names one scope per object and access.
    /// Optional reads with a fallback (the participant report) are not required.
    /// </summary>
    public static class ScopeRequirements
    {
        internal const string Sync = "Sync-ZoomWebinarToHubSpot";
        internal const string Register = "Add-ZoomWebinarRegistrant";
        internal const string RegisterContacts = "Add-HubSpotContactToWebinar";
        internal const string Schema = "Initialize-ZoomHubSchema";
        internal const string Contacts = "Get-HubSpotContact";
        internal const string AllWebinars = "Get-ZoomWebinar -All";
        internal const string Recordings = "Get-ZoomWebinarRecording";

        /// <summary>Every requirement, grouped by feature in the order users meet them.</summary>
        public static IReadOnlyList<ScopeRequirement> All { get; } = Build();

        private static IReadOnlyList<ScopeRequirement> Build()
        {
            var list = new List<ScopeRequirement>();
            void Zoom(string feature, string granular, string classic) => list.Add(new ScopeRequirement(feature, ApiKind.Zoom, granular + ":admin", granular, classic + ":admin", classic));
            void HubSpot(string feature, params string[] scopes)
            {
                foreach (string s in scopes) list.Add(new ScopeRequirement(feature, ApiKind.HubSpot, s));
            }

            foreach (string feature in new[] { Sync, Register, RegisterContacts })
            {
                Zoom(feature, "webinar:read:webinar", "webinar:read");
                Zoom(feature, "webinar:read:list_registrants", "webinar:read");
            }

            Zoom(Sync, "webinar:read:list_past_instances", "webinar:read");
            Zoom(Sync, "webinar:read:list_past_participants", "webinar:read");
            Zoom(Sync, "user:read:list_users", "user:read");
            HubSpot(Sync, "crm.objects.contacts.read", "crm.objects.contacts.write", "crm.schemas.contacts.read", "crm.objects.marketing_events.read", "crm.objects.marketing_events.write");

            foreach (string feature in new[] { Register, RegisterContacts })
            {
                Zoom(feature, "webinar:read:list_registration_questions", "webinar:read");
                Zoom(feature, "webinar:read:list_panelists", "webinar:read");
                Zoom(feature, "webinar:write:registrant", "webinar:write");
                Zoom(feature, "webinar:write:batch_registrants", "webinar:write");
            }

            HubSpot(RegisterContacts, "crm.objects.contacts.read", "crm.objects.contacts.write", "crm.objects.marketing_events.read", "crm.objects.marketing_events.write");
            HubSpot(Schema, "crm.schemas.contacts.read", "crm.schemas.contacts.write");
            HubSpot(Contacts, "crm.objects.contacts.read", "crm.schemas.contacts.read");
            Zoom(AllWebinars, "user:read:list_users", "user:read");
            Zoom(AllWebinars, "webinar:read:list_webinars", "webinar:read");
            Zoom(Recordings, "cloud_recording:read:list_recording_files", "recording:read");
            return list;
        }
    }
}
