using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace ZoomHubPS.Core.Tests.Connections
{
    /// <summary>-Debug's HTTP detail: allow-listed headers only, never a credential or a body.</summary>
    public class RequestLogDetailTests
    {
        [Fact]
        public async Task DetailIsWrittenOnlyWhenAskedForAndHoldsNoSecret()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync();
            var plain = new List<RequestLogEntry>();
            using (RequestLog.BeginScope(plain.Add))
            {
                await host.Connection.Zoom.Webinars.GetAsync(81234567890);
            }

            var detailed = new List<RequestLogEntry>();
            using (RequestLog.BeginScope(detailed.Add, withHttpDetail: true))
            {
                await host.Connection.HubSpot.Account.GetAccessTokenInfoAsync(CoreTestHost.Secure(host.Sandbox.Credentials.HubSpotToken));
                await host.Connection.Zoom.Webinars.GetAsync(81234567890);
            }

            Assert.Null(Assert.Single(plain).HttpDetail);
            Assert.Equal(2, detailed.Count);
            string hubSpot = detailed[0].ToDebugString();
            Assert.Contains("HubSpot POST /oauth/v2/private-apps/get/access-token-info -> 200", hubSpot);
            Assert.Contains("Authorization: Bearer (hidden)", hubSpot);
            Assert.Contains("X-HubSpot-Correlation-Id: ", hubSpot);
            Assert.DoesNotContain(host.Sandbox.Credentials.HubSpotToken, hubSpot);
            Assert.DoesNotContain("tokenKey", hubSpot);
            string zoom = detailed[1].ToDebugString();
            Assert.Contains("x-zm-trackingid: ", zoom);
            Assert.DoesNotContain("eyJ", zoom);
        }
    }
}
