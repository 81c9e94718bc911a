using System;
using System.Linq;
using System.Reflection;
using Xunit;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Core.WebinarSync;

namespace ZoomHubPS.Core.Tests.WebinarSync
{
    /// <summary>The output models' public shape is flat (Export-Csv writes one plain value per property).</summary>
    public class SyncResultShapeTests
    {
        [Theory]
        [InlineData(typeof(SyncResult))]
        [InlineData(typeof(PersonSyncRecord))]
        [InlineData(typeof(RegistrationResult))]
        public void EveryPublicPropertyIsAPlainValue(Type type)
        {
            foreach (PropertyInfo p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Type t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
                Assert.True(t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(DateTimeOffset) || t == typeof(double),
                    $"{type.Name}.{p.Name} is a {p.PropertyType.Name}: it would export as a type name");
            }
        }

        [Fact]
        public void SkipsAndParticipationsCountedByTheEngineReadAsColumns()
        {
            var r = new SyncResult { Duration = TimeSpan.FromMilliseconds(1234) };
            r.Count(new PersonSyncRecord { Outcome = SyncOutcome.Skipped, Reason = SkipReasons.NoEmail });
            r.Count(new PersonSyncRecord { Outcome = SyncOutcome.Skipped, Reason = SkipReasons.NoEmail });
            r.Count(new PersonSyncRecord { Outcome = SyncOutcome.Skipped, Reason = SkipReasons.Pending });
            r.Count(new PersonSyncRecord { Outcome = SyncOutcome.Created });
            r.AddParticipations("register", 3);
            r.AddParticipations("attend", 2);
            r.AddParticipations("register", 1);

            Assert.Equal(3, r.Skipped);
            Assert.Equal(2, r.SkippedNoEmail);
            Assert.Equal(1, r.SkippedPending);
            Assert.Equal(0, r.SkippedAccountUser);
            Assert.Equal(4, r.RegisterParticipations);
            Assert.Equal(2, r.AttendParticipations);
            Assert.Equal(0, r.CancelParticipations);
            Assert.Equal(1.2, r.DurationSeconds);
            Assert.Equal(1, r.Created);
        }

        [Fact]
        public void ARegistrationResultCarriesItsInputWithoutExportingIt()
        {
            var input = new object();
            var r = new RegistrationResult { Input = input };
            Assert.Same(input, r.GetInput());
            r.SetInput("other");
            Assert.Equal("other", r.GetInput());
            Assert.DoesNotContain(typeof(RegistrationResult).GetProperties(), p => p.Name == "Input");
        }
    }
}
