using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Sandbox.Faults;

namespace ZoomHubPS.Core.Tests.Reliability
{
    /// <summary>
    /// Initialize-ZoomHubSchema when a create's reply is lost: the retry meets HubSpot's 409 OBJECT_ALREADY_EXISTS for
    /// what the first attempt created. That is success once the definition is checked, and a conflict when it differs.
    /// </summary>
    public class SchemaLostReplyTests
    {
        [Theory]
        [InlineData(1, LostReplyKind.Reset)]       // the group
        [InlineData(1, LostReplyKind.BadGateway)]
        [InlineData(2, LostReplyKind.Reset)]       // the properties' batch create
        [InlineData(2, LostReplyKind.Timeout)]
        public async Task ACreateWhoseReplyWasLostIsCreatedOnceTheRetryFindsItExisting(int write, LostReplyKind kind)
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo");
            host.Sandbox.Faults.Options.LoseReplyOfWrite(write, kind);

            IReadOnlyList<SchemaItemResult> results = await FakeTime.RunAsync(host.Clock, host.Sandbox.Journal, () => new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false));

            Assert.Contains(host.Sandbox.Journal.Entries, e => e.ReplyLost);
            Assert.Contains(host.Sandbox.Journal.Entries, e => e.Status == 409 || e.Route.EndsWith("batch/create", StringComparison.Ordinal) && e.Status == 207);
            Assert.All(results.Where(r => r.Kind == "Group" || r.Kind == "Property"), r => Assert.Equal("Created", r.Status)); // the demo seeds the event properties
            Assert.Empty(await new SchemaInitializer(host.Connection).MissingAsync(new SyncPropertyNames()));
            Assert.All(await new SchemaInitializer(host.Connection).InitializeAsync(new SyncPropertyNames(), false), r => Assert.Equal("Existing", r.Status));
        }

        [Fact]
        public async Task APropertyOfAnotherTypeCreatedMeanwhileIsAConflictNotAFailure()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync("demo");
            var names = new SyncPropertyNames();
            host.Sandbox.Faults.Options.Add(FaultRule.For("POST /crm/v3/properties/contacts/batch/create").Latency(TimeSpan.FromSeconds(5), TimeSpan.Zero));

            IReadOnlyList<SchemaItemResult> results = await FakeTime.RunAsync(host.Clock, host.Sandbox.Journal, async () =>
            {
                Task<IReadOnlyList<SchemaItemResult>> init = new SchemaInitializer(host.Connection).InitializeAsync(names, false);
                while (host.Sandbox.Journal.Count("GET", "/crm/v3/properties/contacts") == 0) await Task.Delay(1);

                // Someone else creates one of the names, as a text property, while the batch create is on its way.
                await host.Connection.HubSpot.Properties.CreateAsync(new HubSpotProperty { Name = names.AttendanceCount, Label = "Theirs", Type = "string", FieldType = "text", GroupName = "contactinformation" });
                return await init;
            });

            SchemaItemResult theirs = results.Single(r => r.Name == names.AttendanceCount);
            Assert.Equal("Conflicting", theirs.Status);
            Assert.Contains("type 'string'", theirs.Message);
            Assert.All(results.Where(r => r.Name != names.AttendanceCount && (r.Kind == "Group" || r.Kind == "Property")), r => Assert.Equal("Created", r.Status));
        }
    }
}
