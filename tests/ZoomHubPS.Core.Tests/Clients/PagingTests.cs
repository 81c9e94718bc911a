using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.Zoom;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests.Clients
{
    public class PagingTests
    {
        private static Scenario Generated(int registrants) => ScenarioGenerator.Generate(new GeneratorOptions { Registrants = registrants, Seed = 7 });

        public class TheRegistrantsListMethod
        {
            [Fact]
            public async Task Reads1000RegistrantsIn4Requests()
            {
                Scenario scenario = Generated(1000);
                using CoreTestHost host = await CoreTestHost.CreateAsync(scenario);
                long id = scenario.Zoom.Webinars[0].Id;
                int approved = host.Sandbox.Zoom.Registrants(id).Count(r => r.Status == "approved");
                List<ZoomRegistrant> all = await host.Connection.Zoom.Registrants.List(id).ToListAsync();
                Assert.Equal(approved, all.Count);
                Assert.Equal((int)Math.Ceiling(approved / 300.0), host.Sandbox.Journal.Count("GET", "/v2/webinars/{webinarId}/registrants"));
                Assert.Equal(all.Count, all.Select(r => r.Id).Distinct().Count());
            }

            [Fact]
            public async Task DeliversTheFirstPageBeforeReadingTheNext()
            {
                Scenario scenario = Generated(1000);
                using CoreTestHost host = await CoreTestHost.CreateAsync(scenario);
                long id = scenario.Zoom.Webinars[0].Id;
                int requestsAtFirstItem = -1;
                await host.Connection.Zoom.Registrants.List(id).ForEachAsync(r =>
                {
                    if (requestsAtFirstItem < 0) requestsAtFirstItem = host.Sandbox.Journal.Total;
                    return true;
                });
                Assert.Equal(1, requestsAtFirstItem);
            }

            [Fact]
            public async Task StopsEarlyWhenAskedToAndReadsNoMorePages()
            {
                Scenario scenario = Generated(1000);
                using CoreTestHost host = await CoreTestHost.CreateAsync(scenario);
                var some = await host.Connection.Zoom.Registrants.List(scenario.Zoom.Webinars[0].Id, options: new ListOptions { MaxItems = 5 }).ToListAsync();
                Assert.Equal(5, some.Count);
                Assert.Equal(1, host.Sandbox.Journal.Total);
            }

            [Fact]
            public async Task RestartsTransparentlyWhenThePageTokenExpiresWithoutDuplicates()
            {
                Scenario scenario = Generated(1000);
                using CoreTestHost host = await CoreTestHost.CreateAsync(scenario);
                long id = scenario.Zoom.Webinars[0].Id;
                var seen = new List<string>();
                int pages = 0;
                await host.Connection.Zoom.Registrants.List(id).ForEachPageAsync(page =>
                {
                    pages++;
                    seen.AddRange(page.Items.Select(r => r.Id));
                    if (pages == 2) host.Clock.Advance(TimeSpan.FromMinutes(16)); // Zoom page tokens live 15 minutes
                    return true;
                });
                int approved = host.Sandbox.Zoom.Registrants(id).Count(r => r.Status == "approved");
                Assert.Equal(approved, seen.Count);
                Assert.Equal(seen.Count, seen.Distinct().Count());
            }
        }

        public class TheContactsBatchReadMethod
        {
            [Fact]
            public async Task Reads2500EmailsIn25BatchRequests()
            {
                using CoreTestHost host = await CoreTestHost.CreateAsync("empty");
                var emails = Enumerable.Range(0, 2500).Select(i => $"person{i}@example.com").ToList();
                var result = await host.Connection.HubSpot.Contacts.BatchReadAsync(emails);
                Assert.Empty(result.Results);
                Assert.Equal(25, host.Sandbox.Journal.Count("POST", "/crm/v3/objects/contacts/batch/read"));
            }

            [Fact]
            public async Task UpsertsInBatchesOf100AndReturnsEveryResult()
            {
                using CoreTestHost host = await CoreTestHost.CreateAsync("empty");
                var inputs = Enumerable.Range(0, 250).Select(i => new HubSpot.HubSpotObjectInput
                {
                    Id = $"p{i}@example.com", IdProperty = "email",
                    Properties = new Dictionary<string, string> { ["email"] = $"p{i}@example.com", ["firstname"] = "P" + i },
                }).ToList();
                var result = await host.Connection.HubSpot.Contacts.BatchUpsertAsync(inputs);
                Assert.Equal(250, result.Results.Count);
                Assert.Equal(3, host.Sandbox.Journal.Count("POST", "/crm/v3/objects/contacts/batch/upsert"));
                Assert.Equal(250, host.Sandbox.HubSpot.ContactCount);
            }
        }
    }
}
