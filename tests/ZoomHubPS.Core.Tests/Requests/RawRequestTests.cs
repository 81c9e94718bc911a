using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.Requests;
using ZoomHubPS.Sandbox.Faults;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests.Requests
{
    /// <summary>Any endpoint through the connection: paging on both APIs, 429s honoured, paths and secrets kept in bounds.</summary>
    public class RawRequestTests
    {
        private static readonly GeneratorOptions Thousand = new GeneratorOptions { Registrants = 1000, ExistingContactShare = 1.0 };

        private static Task<CoreTestHost> HostAsync(FaultRule fault = null)
            => CoreTestHost.CreateAsync(ScenarioGenerator.Generate(Thousand), o => { if (fault != null) o.Faults = new FaultOptions().Add(fault); });

        private static ZoomHubRequest Get(ApiKind api, string path, params (string, string)[] query)
        {
            var r = new ZoomHubRequest(api, "GET", path);
            foreach (var (k, v) in query) r.Query.Add(new KeyValuePair<string, string>(k, v));
            return r;
        }

        private static Task<List<object>> AllAsync(CoreTestHost host, ZoomHubRequest request)
            => CoreTestHost.RunAdvancingAsync(host.Clock, () => host.Connection.Requests.ListAll(request).ToListAsync(), TimeSpan.FromMilliseconds(200));

        private static string Field(object item, string name) => ((IDictionary)item)[name] as string;

        [Fact]
        public async Task ZoomListingOfAThousandRegistrantsIsFollowedPageByPageThroughA429()
        {
            using CoreTestHost host = await HostAsync(FaultRule.For("GET /v2/webinars/{webinarId}/registrants").TooManyRequests(TimeSpan.FromSeconds(2)).Times(1));
            List<object> items = await AllAsync(host, Get(ApiKind.Zoom, "/v2/webinars/" + Thousand.PastWebinarId + "/registrants", ("page_size", "300")));

            Assert.Equal(1000, items.Count);
            Assert.Equal(1000, items.Select(i => Field(i, "id")).Distinct().Count());
            var entries = host.Sandbox.Journal.Entries.Where(e => e.Route == "/v2/webinars/{webinarId}/registrants").ToList();
            Assert.Equal(new[] { 429, 200, 200, 200, 200 }, entries.Select(e => e.Status).ToArray()); // the 429 waited out, then 4 pages
            Assert.True(entries[1].At - entries[0].At >= TimeSpan.FromSeconds(2), "Retry-After honoured on the connection's clock");
        }

        [Fact]
        public async Task HubSpotListingOfAThousandContactsFollowsPagingNextAfterThroughA429()
        {
            using CoreTestHost host = await HostAsync(FaultRule.For("GET /crm/v3/objects/contacts").TooManyRequests(TimeSpan.FromSeconds(1)).Times(1));
            List<object> items = await AllAsync(host, Get(ApiKind.HubSpot, "crm/v3/objects/contacts", ("limit", "100"), ("properties", "email")));

            Assert.Equal(1000, items.Count);
            Assert.Equal(1000, items.Select(i => ((IDictionary)((IDictionary)i)["properties"])["email"] as string).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Equal(11, host.Sandbox.Journal.Count("GET", "/crm/v3/objects/contacts")); // one 429, ten pages of 100
        }

        [Fact]
        public async Task MaxItemsStopsReadingPagesOnceEnoughItemsAreOut()
        {
            using CoreTestHost host = await HostAsync();
            List<object> first = await host.Connection.Requests.ListAll(Get(ApiKind.Zoom, "webinars/" + Thousand.PastWebinarId + "/registrants", ("page_size", "300")), new ListOptions { MaxItems = 10 }).ToListAsync();
            Assert.Equal(10, first.Count);
            Assert.Equal(1, host.Sandbox.Journal.Count("GET", "/v2/webinars/{webinarId}/registrants"));
        }

        [Fact]
        public async Task AHubSpotSearchPutsTheCursorInTheBody()
        {
            using CoreTestHost host = await HostAsync();
            var search = new ZoomHubRequest(ApiKind.HubSpot, "POST", "crm/v3/objects/contacts/search")
            {
                Body = "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"email\",\"operator\":\"HAS_PROPERTY\"}]}],\"properties\":[\"email\"],\"limit\":200}",
            };
            List<object> items = await AllAsync(host, search);
            Assert.Equal(1000, items.Count);
            Assert.Equal(5, host.Sandbox.Journal.Count("POST", "/crm/v3/objects/contacts/search"));
        }

        [Fact]
        public async Task OneRequestAnswersPlainValuesAndAnEmptyBodyAnswersNull()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo");
            var webinar = (IDictionary)await host.Connection.Requests.SendAsync(Get(ApiKind.Zoom, "webinars/81234567890"));
            Assert.Equal(81234567890L, webinar["id"]);
            Assert.Equal("Quarterly product update", webinar["topic"]);
            Assert.IsType<List<object>>(((IDictionary)await host.Connection.Requests.SendAsync(Get(ApiKind.Zoom, "webinars/81234567890/polls")))["polls"]);

            var approve = new ZoomHubRequest(ApiKind.Zoom, "PUT", "webinars/81234567890/registrants/status")
            {
                Body = new Dictionary<string, object> { ["action"] = "approve", ["registrants"] = new List<object> { new Dictionary<string, object> { ["email"] = "priyanka.das@contoso.example.org" } } },
            };
            Assert.Null(await host.Connection.Requests.SendAsync(approve));
            Assert.Equal("approved", host.Sandbox.Zoom.Registrant(81234567890, "priyanka.das@contoso.example.org").Status);
        }

        [Fact]
        public async Task FailuresAreTheModulesOwnException()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo");
            var ex = await Assert.ThrowsAsync<ZoomHubApiException>(() => host.Connection.Requests.SendAsync(Get(ApiKind.Zoom, "webinars/89999999999")));
            Assert.Equal((ErrorKind.NotFound, 3001), (ex.Kind, ex.ZoomCode));
        }

        [Theory]
        [InlineData("https://evil.example.net/v2/users")]
        [InlineData("webinars/../../oauth/token")]
        [InlineData("   ")]
        public async Task PathsOffTheConnectionsApiAreRefusedBeforeAnyRequest(string path)
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo");
            await Assert.ThrowsAsync<ArgumentException>(() => host.Connection.Requests.SendAsync(new ZoomHubRequest(ApiKind.Zoom, "GET", path)));
            Assert.Equal(0, host.Sandbox.Journal.Total);
        }

        [Fact]
        public async Task AnAbsoluteUriOnTheConnectionsOwnBaseIsAccepted()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo");
            var me = (IDictionary)await host.Connection.Requests.SendAsync(Get(ApiKind.Zoom, Sandbox.ZoomHubSandbox.InProcessZoomApiUri + "users/maya.chen@northwind.example.com"));
            Assert.Equal("Maya", me["first_name"]);
        }

        [Fact]
        public async Task SecretsInTheQueryNeverReachTheRequestLog()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo");
            var lines = new List<string>();
            using (RequestLog.BeginScope(e => lines.Add(e.ToString())))
            {
                await host.Connection.Requests.SendAsync(Get(ApiKind.HubSpot, "crm/v3/objects/contacts", ("hapikey", "dev-key-123"), ("limit", "1")));
                var ex = await Assert.ThrowsAsync<ZoomHubApiException>(() => host.Connection.Requests.SendAsync(Get(ApiKind.HubSpot, "crm/v3/objects/nothing-here", ("access_token", "abc.def"))));
                Assert.DoesNotContain("abc.def", ex.Message + ex.Path);
            }

            Assert.NotEmpty(lines);
            Assert.All(lines, l => Assert.DoesNotContain("dev-key-123", l));
            Assert.All(lines, l => Assert.DoesNotContain("abc.def", l));
            Assert.Contains(lines, l => l.Contains("hapikey=***"));
        }

        [Fact]
        public async Task AGetWithABodyAndANonObjectSearchBodyAreRefused()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo");
            await Assert.ThrowsAsync<ArgumentException>(() => host.Connection.Requests.SendAsync(new ZoomHubRequest(ApiKind.Zoom, "GET", "users") { Body = "{}" }));
            Assert.Throws<ArgumentException>(() => host.Connection.Requests.ListAll(new ZoomHubRequest(ApiKind.HubSpot, "POST", "crm/v3/objects/contacts/search") { Body = "[1]" }));
            Assert.Throws<ArgumentException>(() => host.Connection.Requests.ListAll(new ZoomHubRequest(ApiKind.HubSpot, "POST", "crm/v3/objects/contacts/search") { Body = "{not json" }));
        }
    }
}
