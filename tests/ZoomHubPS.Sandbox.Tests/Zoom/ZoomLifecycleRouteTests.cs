using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace ZoomHubPS.Sandbox.Tests.Zoom
{
    /// <summary>Removing registrants and registering denied people again, as the Meetings spec and Zoom's KB describe.</summary>
    public class ZoomLifecycleRouteTests
    {
        private const string Quarterly = "webinars/81234567890";

        [Fact]
        public async Task Delete_Answers204_ThenTheRegistrantIsGone_AndAgainIs400Code3000()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var gone = await zoom.DeleteAsync(Quarterly + "/registrants/Zx9aaB7cQyKq-1UuVvWwXx");
            Assert.Equal(204, (int)gone.StatusCode);
            Assert.Null(host.Sandbox.Zoom.Registrant(81234567890, "li.wei@fabrikam.example.com"));
            Assert.Equal(404, (await SandboxTestHost.GetAsync(zoom, Quarterly + "/registrants/Zx9aaB7cQyKq-1UuVvWwXx")).Status);

            var again = await zoom.DeleteAsync(Quarterly + "/registrants/Zx9aaB7cQyKq-1UuVvWwXx");
            var body = await SandboxTestHost.ReadJsonAsync(again);
            Assert.Equal((400, 3000), ((int)again.StatusCode, body["code"].GetValue<int>()));
            Assert.Equal("Registrant Zx9aaB7cQyKq-1UuVvWwXx was not found.", body["message"].GetValue<string>());
        }

        [Fact]
        public async Task Delete_RefusesWebinarsWithoutRegistration_AndUnknownWebinars()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var off = await SandboxTestHost.ReadJsonAsync(await zoom.DeleteAsync("webinars/84567890123/registrants/x"));
            Assert.Equal(3000, off["code"].GetValue<int>());
            var missing = await zoom.DeleteAsync("webinars/89999999999/registrants/x");
            Assert.Equal(404, (int)missing.StatusCode);
            Assert.Equal(3001, (await SandboxTestHost.ReadJsonAsync(missing))["code"].GetValue<int>());
        }

        [Fact]
        public async Task Delete_WithAnOccurrence_RemovesOnlyThatOccurrenceOfAChosenOccurrencesRegistration()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            // Diego registered for two occurrences of the onboarding clinic.
            Assert.Equal(204, (int)(await zoom.DeleteAsync("webinars/82345678901/registrants/DaTwOoCcUrReNcEs000001?occurrence_id=1794322800000")).StatusCode);
            Assert.Equal(new[] { "1794927600000" }, host.Sandbox.Zoom.Registrant(82345678901, "diego.alvarez@fabrikam.example.com").OccurrenceIds.ToArray());
            Assert.Equal(204, (int)(await zoom.DeleteAsync("webinars/82345678901/registrants/DaTwOoCcUrReNcEs000001?occurrence_id=1794927600000")).StatusCode);
            Assert.Null(host.Sandbox.Zoom.Registrant(82345678901, "diego.alvarez@fabrikam.example.com"));
        }

        [Fact]
        public async Task ACancelledPersonCannotRegisterAgain_ButARemovedOneCan_AndApprovalLetsTheCancelledOneBackIn()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            const string Roundtable = "webinars/86789012345";
            const string Yuki = "yuki.tanaka@tailspin.example.net";
            var cancel = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Put, Roundtable + "/registrants/status",
                new { action = "cancel", registrants = new[] { new { email = Yuki } } });
            Assert.Equal(204, cancel.Status);

            var refused = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, Roundtable + "/registrants", new { email = Yuki, first_name = "Yuki", last_name = "Tanaka" });
            Assert.Equal((400, 3000), (refused.Status, refused.Body["code"].GetValue<int>()));
            Assert.Contains("cannot register again", refused.Body["message"].GetValue<string>());
            Assert.Equal("denied", host.Sandbox.Zoom.Registrant(86789012345, Yuki).Status);

            var approve = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Put, Roundtable + "/registrants/status",
                new { action = "approve", registrants = new[] { new { email = Yuki } } });
            Assert.Equal(204, approve.Status);
            Assert.Equal("approved", host.Sandbox.Zoom.Registrant(86789012345, Yuki).Status);

            // A removed registration is gone from every list: the person registers anew, with a new registrant id.
            string oldId = host.Sandbox.Zoom.Registrant(86789012345, Yuki).Id;
            Assert.Equal(204, (int)(await zoom.DeleteAsync(Roundtable + "/registrants/" + oldId)).StatusCode);
            var fresh = await SandboxTestHost.SendJsonAsync(zoom, HttpMethod.Post, Roundtable + "/registrants", new { email = Yuki, first_name = "Yuki", last_name = "Tanaka" });
            Assert.Equal(201, fresh.Status);
            Assert.NotEqual(oldId, fresh.Body["registrant_id"].GetValue<string>());
            Assert.Equal("pending", host.Sandbox.Zoom.Registrant(86789012345, Yuki).Status); // manual approval webinar
        }
    }
}
