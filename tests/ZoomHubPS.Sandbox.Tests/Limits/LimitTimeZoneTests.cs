using System;
using Xunit;
using ZoomHubPS.Sandbox.Limits;

namespace ZoomHubPS.Sandbox.Tests.Limits
{
    public class LimitTimeZoneTests
    {
        [Fact]
        public void ThePortalTimeZoneNamesWhereTheHubSpotDayEnds()
        {
            LimitOptions o = LimitOptions.For("Pro", "Starter", "America/New_York");
            Assert.Equal(100, o.HubSpotPerTenSeconds);
            Assert.Equal(TimeSpan.FromHours(-5), o.HubSpotTimeZone.GetUtcOffset(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("UTC")]
        [InlineData("Nowhere/Atlantis")]
        public void NoOrAnUnknownTimeZoneMeansUtc(string zone)
        {
            Assert.Same(TimeZoneInfo.Utc, LimitOptions.For("Pro", "Professional", zone).HubSpotTimeZone);
        }
    }
}
