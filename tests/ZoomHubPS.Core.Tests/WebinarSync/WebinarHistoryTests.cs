using System.Linq;
using Xunit;
using ZoomHubPS.Core.WebinarSync;

namespace ZoomHubPS.Core.Tests.WebinarSync
{
    public class WebinarHistoryTests
    {
        private static HistoryEntry E(long webinar, long start, long regAt, long secs, long duration, string rk = "W", string url = null, string topic = null)
            => new HistoryEntry { WebinarId = webinar, StartUnix = start, Registration = RegistrationKey.Parse(rk), RegisteredAtUnix = regAt, AttendedSeconds = secs, DurationSeconds = duration, JoinUrl = url, Topic = topic };

        [Fact]
        public void RoundTripsAndIsDeterministic()
        {
            var h = new WebinarHistory();
            h.Replace(E(2, 200, 150, 600, 1200, url: "https://zoom.example/w/2?tk=a|b;c", topic: "Q&A; 100% | live"));
            h.Replace(E(1, 100, 90, 0, 0));
            string text = h.Serialize();
            Assert.StartsWith("v2;", text);
            Assert.Equal(text, WebinarHistory.Parse(text).Serialize());
            Assert.Equal("https://zoom.example/w/2?tk=a|b;c", WebinarHistory.Parse(text).Find(2, 200).JoinUrl);
            Assert.Equal("Q&A; 100% | live", WebinarHistory.Parse(text).Find(2, 200).Topic);
        }

        [Fact]
        public void CountsRegistrationsOncePerWebinarOrOccurrenceAndAveragesOverAttendedOnly()
        {
            var h = new WebinarHistory();
            h.Replace(E(9, 100, 50, 3600, 3600));           // recurring, registered once for all occurrences
            h.Replace(E(9, 200, 50, 0, 0));                 // same registration, a no-show
            h.Replace(E(7, 300, 250, 1800, 3600, "O:o1"));  // per-occurrence registrations count each
            h.Replace(E(7, 400, 260, 900, 3600, "O:o2", "https://zoom.example/latest", "Latest"));
            HistoryAggregates a = h.Aggregates();
            Assert.Equal(3, a.Registrations);
            Assert.Equal(3, a.Attended);
            Assert.Equal(58.3, a.AveragePercent);          // (100 + 50 + 25) / 3, no-show not counted
            Assert.Equal("https://zoom.example/latest", a.LastRegisteredJoinUrl);
            Assert.Equal("Latest", a.LastRegisteredTopic);
            Assert.Equal(400, a.LastRegisteredStart.Value.ToUnixTimeSeconds());
        }

        [Fact]
        public void OneRegistrationForAWebinarHeldTwiceNamesItsLatestSlotAsTheLastRegisteredWebinar()
        {
            var h = new WebinarHistory();
            h.Replace(E(5, 300, 50, 0, 0, "W", "https://zoom.example/w5", "Twice"));
            h.Replace(E(5, 100, 50, 0, 0, "W", "https://zoom.example/w5", "Twice"));
            HistoryAggregates a = h.Aggregates();
            Assert.Equal(1, a.Registrations);
            Assert.Equal("Twice", a.LastRegisteredTopic);
            Assert.Equal(300, a.LastRegisteredStart.Value.ToUnixTimeSeconds());
        }

        [Fact]
        public void TheLastRecordingIsTheLatestSlotWithOne()
        {
            var h = new WebinarHistory();
            HistoryEntry first = E(1, 100, 50, 600, 3600);
            first.RecordingUrl = "https://zoom.example/rec/share/first";
            HistoryEntry later = E(2, 200, 60, 0, 0); // registered, no recording (yet)
            h.Replace(first);
            h.Replace(later);
            HistoryAggregates a = WebinarHistory.Parse(h.Serialize()).Aggregates();
            Assert.Equal("https://zoom.example/rec/share/first", a.LastRecordingUrl);
            Assert.Equal(100, a.LastRecordingAt.Value.ToUnixTimeSeconds());
        }

        [Fact]
        public void TheAverageIsOfExactPercentsRoundedOnceAtTheEnd()
        {
            // 100 % and 66.67 %: the mean is 83.33 → 83.3. Rounding each first (100 + 66.7) / 2 = 83.35 would give 83.4.
            var h = new WebinarHistory();
            h.Replace(E(1, 100, 0, 3600, 3600));
            h.Replace(E(2, 200, 0, 2400, 3600));
            Assert.Equal(83.3, h.Aggregates().AveragePercent);
            Assert.Equal(83.3, WebinarHistory.Parse(h.Serialize()).Aggregates().AveragePercent);
        }

        [Fact]
        public void VersionOneLedgersStillReadWithTheirPercents()
        {
            // Written by earlier versions: percent × 10 in the fifth field, and a v1 rollup (percent × 10 sum).
            WebinarHistory h = WebinarHistory.Parse("v1;R|2|2|1500|40|60|https://zoom.example/old;1@100|W|90|600|667|https://zoom.example/1");
            HistoryAggregates a = h.Aggregates();
            Assert.Equal(3, a.Registrations);
            Assert.Equal(3, a.Attended);
            Assert.Equal(72.2, a.AveragePercent); // (150 + 66.7) / 3
            Assert.Equal("https://zoom.example/1", a.LastRegisteredJoinUrl);
            Assert.Equal(a.AveragePercent, WebinarHistory.Parse(h.Serialize()).Aggregates().AveragePercent);
        }

        [Fact]
        public void ReplacingAnEntryKeepsTheAggregatesRight()
        {
            var h = new WebinarHistory();
            h.Replace(E(1, 100, 50, 600, 3000));
            h.Replace(E(1, 100, 0, 600, 3000)); // registration denied later
            Assert.Equal(0, h.Aggregates().Registrations);
            Assert.Equal(1, h.Aggregates().Attended);
        }

        [Fact]
        public void ToleratesGarbageAndKeepsUnknownParts()
        {
            WebinarHistory h = WebinarHistory.Parse("v2;nonsense;1@100|W|50|60|100|;x|y");
            Assert.Single(h.Entries);
            Assert.Contains("nonsense", h.Serialize());
        }

        [Fact]
        public void FoldsTheOldestWebinarsNearTheLimitAndTheTotalsStillAddUp()
        {
            var h = new WebinarHistory();
            string url = "https://us06web.zoom.us/w/" + new string('9', 11) + "?tk=" + new string('x', 80);
            for (int i = 0; i < 600; i++) h.Replace(E(1000 + i, 10_000 + i, 5_000 + i, i % 2 == 0 ? 600 : 0, i % 2 == 0 ? 700 + i : 0, url: url, topic: "Webinar " + i));
            HistoryAggregates before = h.Aggregates();
            string text = h.Serialize();
            Assert.True(text.Length <= WebinarHistory.FoldThreshold);
            HistoryAggregates after = WebinarHistory.Parse(text).Aggregates();
            Assert.Equal(before.Registrations, after.Registrations);
            Assert.Equal(before.Attended, after.Attended);
            Assert.Equal(before.AveragePercent, after.AveragePercent);
            Assert.Equal(before.LastRegisteredJoinUrl, after.LastRegisteredJoinUrl);
            Assert.Equal(before.LastRegisteredTopic, after.LastRegisteredTopic);
            Assert.True(WebinarHistory.Parse(text).RollupRegistrations > 0);
        }

        [Fact]
        public void PollAndQuestionCountsRoundTripSumAndMarkTheLatestSlots()
        {
            var h = new WebinarHistory();
            HistoryEntry older = E(1, 100, 50, 600, 3600);
            older.PollAnswers = 2;
            older.Questions = 1;
            HistoryEntry newer = E(2, 200, 60, 600, 3600);
            newer.PollAnswers = 1;
            newer.Questions = 0;
            HistoryEntry unread = E(3, 300, 70, 600, 3600); // a webinar synced without polls and Q&A
            h.Replace(older);
            h.Replace(newer);
            h.Replace(unread);

            string text = h.Serialize();
            Assert.Contains("|2|1", text);
            Assert.Equal(text, WebinarHistory.Parse(text).Serialize());
            Assert.Equal(8, unread.Serialize().Count(c => c == '|')); // entries without them keep the earlier form
            HistoryAggregates a = WebinarHistory.Parse(text).Aggregates();
            Assert.Equal((3, 1), (a.PollAnswers, a.Questions));
            Assert.Equal((200L, 100L), (a.LastPollSlot, a.LastQuestionSlot));

            Assert.Null(WebinarHistory.Parse(unread.Serialize()).Aggregates().PollAnswers); // never read: unknown, not 0
        }

        [Fact]
        public void FoldedWebinarsKeepTheirPollAndQuestionCounts()
        {
            var h = new WebinarHistory();
            string url = "https://us06web.zoom.us/w/" + new string('9', 11) + "?tk=" + new string('x', 80);
            for (int i = 0; i < 600; i++)
            {
                HistoryEntry e = E(1000 + i, 10_000 + i, 5_000 + i, 600, 700, url: url, topic: "Webinar " + i);
                e.PollAnswers = i % 3;
                e.Questions = i % 2;
                h.Replace(e);
            }

            HistoryAggregates before = h.Aggregates();
            string text = h.Serialize();
            WebinarHistory folded = WebinarHistory.Parse(text);
            Assert.True(folded.RollupRegistrations > 0);
            HistoryAggregates after = folded.Aggregates();
            Assert.Equal((before.PollAnswers, before.Questions), (after.PollAnswers, after.Questions));
            Assert.Equal((before.LastPollSlot, before.LastQuestionSlot), (after.LastPollSlot, after.LastQuestionSlot));
            Assert.Equal(text, folded.Serialize());
        }
    }
}
