using System.Linq;
using Xunit;
using ZoomHubPS.Core.WebinarSync;

namespace ZoomHubPS.Core.Tests.WebinarSync
{
    public class WebinarHistoryTests
    {
        private static HistoryEntry E(long webinar, long start, long regAt, long secs, int pct10, string rk = "W", string url = null)
            => new HistoryEntry { WebinarId = webinar, StartUnix = start, RegistrationKey = rk, RegisteredAtUnix = regAt, AttendedSeconds = secs, PercentTenths = pct10, JoinUrl = url };

        [Fact]
        public void RoundTripsAndIsDeterministic()
        {
            var h = new WebinarHistory();
            h.Replace(E(2, 200, 150, 600, 500, url: "https://zoom.example/w/2?tk=a|b;c"));
            h.Replace(E(1, 100, 90, 0, 0));
            string text = h.Serialize();
            Assert.Equal(text, WebinarHistory.Parse(text).Serialize());
            Assert.Equal("https://zoom.example/w/2?tk=a|b;c", WebinarHistory.Parse(text).Find(2, 200).JoinUrl);
        }

        [Fact]
        public void CountsRegistrationsOncePerWebinarOrOccurrenceAndAveragesOverAttendedOnly()
        {
            var h = new WebinarHistory();
            h.Replace(E(9, 100, 50, 3600, 1000));           // recurring, registered once for all occurrences
            h.Replace(E(9, 200, 50, 0, 0));                 // same registration, a no-show
            h.Replace(E(7, 300, 250, 1800, 500, "O:o1"));   // per-occurrence registrations count each
            h.Replace(E(7, 400, 260, 900, 250, "O:o2", "https://zoom.example/latest"));
            HistoryAggregates a = h.Aggregates();
            Assert.Equal(3, a.Registrations);
            Assert.Equal(3, a.Attended);
            Assert.Equal(58.3, a.AveragePercent);          // (100 + 50 + 25) / 3, no-show not counted
            Assert.Equal("https://zoom.example/latest", a.LastRegisteredJoinUrl);
        }

        [Fact]
        public void ReplacingAnEntryKeepsTheAggregatesRight()
        {
            var h = new WebinarHistory();
            h.Replace(E(1, 100, 50, 600, 200));
            h.Replace(E(1, 100, 0, 600, 200)); // registration denied later
            Assert.Equal(0, h.Aggregates().Registrations);
            Assert.Equal(1, h.Aggregates().Attended);
        }

        [Fact]
        public void ToleratesGarbageAndKeepsUnknownParts()
        {
            WebinarHistory h = WebinarHistory.Parse("v1;nonsense;1@100|W|50|60|100|;x|y");
            Assert.Single(h.Entries);
            Assert.Contains("nonsense", h.Serialize());
        }

        [Fact]
        public void FoldsTheOldestWebinarsNearTheLimitAndTheTotalsStillAddUp()
        {
            var h = new WebinarHistory();
            string url = "https://us06web.zoom.us/w/" + new string('9', 11) + "?tk=" + new string('x', 80);
            for (int i = 0; i < 600; i++) h.Replace(E(1000 + i, 10_000 + i, 5_000 + i, i % 2 == 0 ? 600 : 0, i % 2 == 0 ? 500 : 0, url: url));
            HistoryAggregates before = h.Aggregates();
            string text = h.Serialize();
            Assert.True(text.Length <= WebinarHistory.FoldThreshold);
            HistoryAggregates after = WebinarHistory.Parse(text).Aggregates();
            Assert.Equal(before.Registrations, after.Registrations);
            Assert.Equal(before.Attended, after.Attended);
            Assert.Equal(before.AveragePercent, after.AveragePercent);
            Assert.Equal(before.LastRegisteredJoinUrl, after.LastRegisteredJoinUrl);
            Assert.True(WebinarHistory.Parse(text).RollupRegistrations > 0);
        }
    }
}
