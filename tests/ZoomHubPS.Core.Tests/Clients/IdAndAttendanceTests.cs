using System;
using System.Linq;
using Xunit;
using ZoomHubPS.Core.Attendance;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.Tests.Clients
{
    public class ZoomIdsTests
    {
        [Theory]
        [InlineData("812 3456 7890", 81234567890)]
        [InlineData("812-3456-7890", 81234567890)]
        [InlineData(" 81234567890 ", 81234567890)]
        public void NormalisesWebinarIdsAsPeopleTypeThem(string input, long expected)
            => Assert.Equal(expected, ZoomIds.NormalizeWebinarId(input));

        [Theory]
        [InlineData("abc")]
        [InlineData("812.3456.7890")]
        [InlineData("12345")]
        [InlineData("")]
        public void RejectsAnythingElseNamingTheInput(string input)
        {
            var ex = Assert.Throws<InvalidWebinarIdException>(() => ZoomIds.NormalizeWebinarId(input));
            Assert.Contains("'" + input + "'", ex.Message);
            Assert.Equal(input, ex.Text);
        }

        [Theory]
        [InlineData("m3WqMkvuRXyYqH+eKWhk9w==", "m3WqMkvuRXyYqH%2BeKWhk9w%3D%3D")]
        [InlineData("/ajXp112QmuoKj4854875==", "%252FajXp112QmuoKj4854875%253D%253D")]
        [InlineData("ab//cd==", "ab%252F%252Fcd%253D%253D")]
        public void EncodesInstanceUuidsOnceOrTwiceAsZoomRequires(string uuid, string expected)
            => Assert.Equal(expected, ZoomIds.EncodeInstanceUuid(uuid));
    }

    public class AttendanceCalculatorTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 6, 10, 16, 0, 0, TimeSpan.Zero);

        private static ZoomParticipant Row(string email, int joinMin, int leaveMin, string registrantId = null, string name = "P")
            => new ZoomParticipant { UserEmail = email, JoinTime = T0.AddMinutes(joinMin), LeaveTime = T0.AddMinutes(leaveMin), Duration = (leaveMin - joinMin) * 60, RegistrantId = registrantId, Name = name };

        [Fact]
        public void CountsOverlappingSessionsOnceAndSumsRejoins()
        {
            var calc = new AttendanceCalculator(TimeSpan.FromMinutes(60));
            calc.Add(Row("Ana@Example.org", 0, 30));
            calc.Add(Row("ana@example.org", 20, 40)); // second device overlapping 20–30
            calc.Add(Row("ana@example.org", 50, 55)); // rejoin
            WebinarAttendance a = calc.Get("ana@example.org");
            Assert.Equal(45 * 60, a.AttendedSeconds);
            Assert.Equal(75.0, a.Percent);
            Assert.Equal(3, a.Sessions);
            Assert.Equal(T0, a.FirstJoin);
            Assert.Equal(T0.AddMinutes(55), a.LastLeave);
        }

        [Fact]
        public void CapsThePercentAt100()
        {
            var calc = new AttendanceCalculator(TimeSpan.FromMinutes(30));
            calc.Add(Row("a@example.org", -5, 40));
            Assert.Equal(100.0, calc.Get("a@example.org").Percent);
        }

        [Fact]
        public void GivesGuestRowsTheirRegistrantsEmail()
        {
            var calc = new AttendanceCalculator(TimeSpan.FromMinutes(60), id => id == "R1" ? "li.wei@example.com" : null);
            calc.Add(Row("", 0, 10, "R1"));
            calc.Add(Row("", 0, 10, "R2"));
            Assert.Equal(600, calc.Get("li.wei@example.com").AttendedSeconds);
            Assert.True(calc.Get("li.wei@example.com").EmailFromRegistrant);
            Assert.Equal(1, calc.PendingGuestRows);
            Assert.True(calc.ResolveRegistrant("R2", "late@example.com"));
            Assert.Equal(600, calc.Get("late@example.com").AttendedSeconds);
        }

        [Fact]
        public void ReportsRowsWithNoEmailInsteadOfDroppingThem()
        {
            var calc = new AttendanceCalculator(TimeSpan.FromMinutes(60));
            calc.Add(Row("", 0, 10));
            Assert.Single(calc.RowsWithoutEmail);
            Assert.Empty(calc.Results());
        }

        [Fact]
        public void CountsZeroDurationRowsAsSessionsWithNoTime()
        {
            var calc = new AttendanceCalculator(TimeSpan.FromMinutes(60));
            calc.Add(Row("z@example.org", 10, 10));
            WebinarAttendance z = calc.Get("z@example.org");
            Assert.Equal(0, z.AttendedSeconds);
            Assert.Equal(1, z.Sessions);
        }
    }
}
