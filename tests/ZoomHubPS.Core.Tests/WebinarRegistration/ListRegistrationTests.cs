using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Sandbox;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests.WebinarRegistration
{
    /// <summary>
    /// "Register everyone in a HubSpot list": a list's members stream as contacts (memberships 250 per page, batch reads
    /// of 100), 1,000 members go through Zoom's batch route, and a re-run registers only the members who joined since.
    /// </summary>
    public class ListRegistrationTests
    {
        private const long Upcoming = 89100000002; // the generator's upcoming type-5 webinar, registration on, no registrants
        private const string ListId = "9001";

        private static Task<CoreTestHost> GeneratedAsync(int members)
            => CoreTestHost.CreateAsync(ScenarioGenerator.Generate(new GeneratorOptions { Registrants = 10, ListMembers = members, Seed = 5 }));

        private static int Count(CoreTestHost host, string route) => host.Sandbox.Journal.CountsByRoute().TryGetValue(route, out int n) ? n : 0;

        // Adds new contacts to a MANUAL list through the twin's own lists API.
        private static async Task JoinAsync(CoreTestHost host, string listId, params string[] emails)
        {
            var ids = emails.Select(e => host.Sandbox.HubSpot.AddContact(new Dictionary<string, string> { ["email"] = e, ["firstname"] = "New", ["lastname"] = "Member" }).Id.ToString()).ToList();
            using var http = new HttpClient(host.Sandbox.CreateHandler()) { BaseAddress = ZoomHubSandbox.InProcessHubSpotUri };
            var request = new HttpRequestMessage(HttpMethod.Put, "crm/v3/lists/" + listId + "/memberships/add")
            {
                Content = new StringContent("[" + string.Join(",", ids.Select(i => "\"" + i + "\"")) + "]", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.Sandbox.Credentials.HubSpotToken);
            (await http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        [Fact]
        public async Task AThousandMembersAreRegisteredThroughTheBatchRouteWithTheFewestReads()
        {
            using CoreTestHost host = await GeneratedAsync(1000);
            host.Sandbox.Journal.Clear();
            var results = new List<RegistrationResult>();
            ListRegistrationSummary summary = await new ListRegistration(host.Connection).RegisterAsync(ListId, null, Upcoming, new RegistrationOptions(), results.Add);

            Assert.Equal(1000, summary.Members);
            Assert.Equal(1000, summary.Registered);
            Assert.Equal(1000, results.Count(r => r.Status == RegistrationStatus.Registered));
            Assert.Equal(1000, host.Sandbox.Zoom.Registrants(Upcoming).Count);

            Assert.Equal(34, Count(host, "POST /v2/webinars/{webinarId}/batch_registrants")); // ⌈1000 / 30⌉
            Assert.Equal(0, Count(host, "POST /v2/webinars/{webinarId}/registrants"));
            Assert.Equal(4, Count(host, "GET /crm/v3/lists/{listId}/memberships"));           // ⌈1000 / 250⌉
            Assert.Equal(10, Count(host, "POST /crm/v3/objects/contacts/batch/read"));        // ⌈1000 / 100⌉, no write-back asked
            Assert.Equal(0, host.Sandbox.Journal.Entries.Count(e => e.Route.StartsWith("/crm/v3/objects/contacts/{", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task ARerunRegistersOnlyTheMembersWhoJoinedTheListSince()
        {
            using CoreTestHost host = await GeneratedAsync(1000);
            var registration = new ListRegistration(host.Connection);
            await registration.RegisterAsync(ListId, null, Upcoming, new RegistrationOptions());
            await JoinAsync(host, ListId, "late.one@example.org", "late.two@example.org", "late.three@example.org");
            host.Sandbox.Journal.Clear();

            var results = new List<RegistrationResult>();
            ListRegistrationSummary again = await registration.RegisterAsync(ListId, null, Upcoming, new RegistrationOptions(), results.Add);

            Assert.Equal(1003, again.Members);
            Assert.Equal(3, again.Registered);
            Assert.Equal(1000, again.AlreadyRegistered);
            Assert.Equal(new[] { "late.one@example.org", "late.three@example.org", "late.two@example.org" },
                results.Where(r => r.Status == RegistrationStatus.Registered).Select(r => r.Email).OrderBy(e => e));
            Assert.Equal(1, Count(host, "POST /v2/webinars/{webinarId}/batch_registrants"));
            Assert.Equal(0, Count(host, "POST /v2/webinars/{webinarId}/registrants"));
        }

        [Fact]
        public async Task ASavedRuleNamesItsListWithoutCaseAndWritesTheJoinLinksBack()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo");
            await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false);
            // The demo's list 44 "Fabrikam at launch"; the roundtable takes registrations with no extra questions.
            var rule = new RegistrationRule(null, "FABRIKAM AT LAUNCH", 86789012345);
            var results = new List<RegistrationResult>();
            ListRegistrationSummary summary = await new ListRegistration(host.Connection).RegisterAsync(rule, null, results.Add);

            Assert.Equal("44", summary.ListId);
            Assert.True(summary.Members > 0);
            Assert.Equal(summary.Members, results.Count);
            foreach (RegistrationResult r in results.Where(r => r.Status == RegistrationStatus.Registered))
            {
                Assert.Equal(r.JoinUrl, host.Sandbox.HubSpot.ContactByEmail(r.Email).Get("zoomhub_last_registered_webinar_url"));
                Assert.Equal("Executive roundtable", host.Sandbox.HubSpot.ContactByEmail(r.Email).Get("zoomhub_last_registered_webinar_name"));
            }
        }

        [Fact]
        public async Task AnUnknownListStopsBeforeAnyZoomRequest()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo");
            var registration = new ListRegistration(host.Connection);
            var byId = await Assert.ThrowsAsync<HubSpotListNotFoundException>(() => registration.RegisterAsync("999999", null, 86789012345));
            Assert.Contains("ILS", byId.Message);
            await Assert.ThrowsAsync<HubSpotListNotFoundException>(() => registration.RegisterAsync(null, "No such list", 86789012345));
            Assert.Equal(0, host.Sandbox.Journal.CountApi("Zoom"));
        }

        [Fact]
        public async Task ListContactsStreamsMembersInPagesAndFirstReadsOnlyWhatItNeeds()
        {
            using CoreTestHost host = await GeneratedAsync(600);
            host.Sandbox.Journal.Clear();
            var pages = new List<int>();
            await host.Connection.HubSpot.Lists.ListContacts(ListId, new[] { "email" }).ForEachPageAsync(p =>
            {
                pages.Add(p.Items.Count);
                return true;
            });
            Assert.Equal(new[] { 200, 300, 100 }, pages); // whole hundreds per read; the last page takes the rest
            Assert.Equal(6, Count(host, "POST /crm/v3/objects/contacts/batch/read")); // ⌈600 / 100⌉

            host.Sandbox.Journal.Clear();
            List<HubSpotObject> five = await host.Connection.HubSpot.Lists.ListContacts(ListId, new[] { "email" }, new ListOptions { MaxItems = 5 }).ToListAsync();
            Assert.Equal(5, five.Count);
            Assert.Equal(1, Count(host, "GET /crm/v3/lists/{listId}/memberships"));
            Assert.Equal(1, Count(host, "POST /crm/v3/objects/contacts/batch/read"));
            Assert.Contains(host.Sandbox.Journal.Entries, e => e.PathAndQuery.Contains("limit=5"));
        }
    }
}
