using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.Scopes;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Core.Tests.Connections
{
    /// <summary>What each cmdlet lacks, from the scopes both sides granted (FACTS §E).</summary>
    public class ScopeReportTests
    {
        [Fact]
        public void AReadOnlyHubSpotTokenLacksTheWritesOfTheSyncAndTheSchema()
        {
            ScopeReport report = ScopeReport.Check(null, new[] { "crm.objects.contacts.read" });

            Assert.Null(report.Zoom);
            Assert.Contains(report.Missing, m => m.ToString() == "Sync-ZoomWebinarToHubSpot: HubSpot crm.objects.contacts.write");
            Assert.Contains(report.Missing, m => m.ToString() == "Initialize-ZoomHubSchema: HubSpot crm.schemas.contacts.write");
            Assert.DoesNotContain(report.Missing, m => m.Scope == "crm.objects.contacts.read");
            Assert.All(report.Missing, m => Assert.Equal(ApiKind.HubSpot, m.Api));
        }

        [Fact]
        public void ZoomAcceptsGranularUserLevelAndClassicForms()
        {
            Assert.Empty(ScopeReport.Check("webinar:read:admin webinar:write:admin user:read:admin recording:read:admin", null).Missing);
            Assert.Empty(ScopeReport.Check("webinar:read webinar:write user:read recording:read", null).Missing);
            ScopeReport readOnly = ScopeReport.Check("webinar:read:admin user:read:admin", null);
            Assert.Equal(new[] { "Add-HubSpotContactToWebinar", "Add-ZoomWebinarRegistrant", "Get-ZoomWebinarRecording" }, readOnly.Missing.Select(m => m.Feature).Distinct().OrderBy(f => f));
            Assert.Contains(readOnly.Missing, m => m.Scope == "webinar:write:registrant:admin");
        }

        [Fact]
        public void UnknownScopesReportNothingMissing()
        {
            ScopeReport report = ScopeReport.Check(null, null);
            Assert.Empty(report.Missing);
            Assert.Empty(report.Warnings());
        }

        [Fact]
        public void TheWarningNamesEachCmdletAndItsScopesOncePerApi()
        {
            var warnings = ScopeReport.Check("webinar:read:admin user:read:admin", new[] { "crm.objects.contacts.read" }).Warnings();

            Assert.Equal(2, warnings.Count);
            string hubSpot = warnings.Single(w => w.StartsWith("The HubSpot token"));
            Assert.Contains("Initialize-ZoomHubSchema (crm.schemas.contacts.read, crm.schemas.contacts.write)", hubSpot);
            Assert.Contains("reconnect", hubSpot);
            Assert.StartsWith("The Zoom app lacks scopes these cmdlets need: Add-ZoomWebinarRegistrant (webinar:write:registrant:admin, webinar:write:batch_registrants:admin)", warnings.Single(w => w.StartsWith("The Zoom app")));
        }

        [Fact]
        public async Task ConnectReadsBothSidesScopesFromTheTwin()
        {
            Scenario scenario = ScenarioLoader.Load("demo");
            scenario.HubSpot.Scopes = new System.Collections.Generic.List<string> { "crm.objects.contacts.read" };
            scenario.Zoom.Scopes = new System.Collections.Generic.List<string> { "webinar:read:admin", "user:read:admin" };
            using CoreTestHost host = await CoreTestHost.CreateAsync(scenario);

            Assert.Equal(new[] { "crm.objects.contacts.read" }, host.Connection.Scopes.HubSpot);
            Assert.Equal(new[] { "webinar:read:admin", "user:read:admin" }, host.Connection.Scopes.Zoom);
            Assert.Contains("Sync-ZoomWebinarToHubSpot: HubSpot crm.objects.contacts.write", host.Connection.Info.MissingScopes);
            Assert.Equal("crm.objects.contacts.read", host.Connection.Info.HubSpotScopes);
        }

        [Fact]
        public async Task AMissingScopeErrorNamesTheScopesThatWouldDo()
        {
            Scenario scenario = ScenarioLoader.Load("demo");
            scenario.HubSpot.Scopes = new System.Collections.Generic.List<string> { "crm.objects.contacts.read" };
            using CoreTestHost host = await CoreTestHost.CreateAsync(scenario);

            var ex = await Assert.ThrowsAsync<ZoomHubApiException>(() => host.Connection.HubSpot.Contacts.BatchUpsertAsync(new[]
            {
                new HubSpot.HubSpotObjectInput { Id = "a@example.org", IdProperty = "email", Properties = new System.Collections.Generic.Dictionary<string, string> { ["email"] = "a@example.org" } },
            }));
            Assert.Equal(ErrorKind.PermissionDenied, ex.Kind);
            Assert.Contains("Required (any one): crm.objects.contacts.write.", ex.VendorMessage);
        }

        [Fact]
        public async Task AClosedConnectionSaysSo()
        {
            CoreTestHost host = await CoreTestHost.CreateAsync();
            Assert.False(host.Connection.IsClosed);
            host.Connection.Dispose();
            host.Connection.Dispose();
            Assert.True(host.Connection.IsClosed);
            Assert.True(host.Connection.Info.IsClosed);
            host.Dispose();
        }
    }
}
