using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.WebinarSync;

namespace ZoomHubPS.Core.Tests.WebinarSync
{
    /// <summary>Instances synced at the same time share one read of what they all need (schema, webinar, templates).</summary>
    public class SharedReadsTests
    {
        [Fact]
        public async Task CallersAskingAtTheSameMomentShareOneRead()
        {
            var reads = new SharedReads<long, string>();
            var answer = new TaskCompletionSource<string>();
            int started = 0;
            Task<Task<string>>[] callers = Enumerable.Range(0, 32)
                .Select(_ => Task.Run(() => Task.FromResult(reads.Get(7, () => { Interlocked.Increment(ref started); return answer.Task; }))))
                .ToArray();
            Task<string>[] asked = await Task.WhenAll(callers);
            answer.SetResult("webinar 7");

            Assert.Equal(1, started);
            Assert.All(await Task.WhenAll(asked), a => Assert.Equal("webinar 7", a));
        }

        [Fact]
        public async Task AFailedOrCancelledReadIsReadAgainNextTime()
        {
            var reads = new SharedReads<string, int>(StringComparer.Ordinal);
            int started = 0;
            await Assert.ThrowsAsync<InvalidOperationException>(() => reads.Get("schema", () => { started++; return Task.FromException<int>(new InvalidOperationException("lost reply")); }));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reads.Get("schema", () => { started++; return Task.FromCanceled<int>(new CancellationToken(true)); }));
            Assert.Equal(3, await reads.Get("schema", () => { started++; return Task.FromResult(3); }));
            Assert.Equal(3, await reads.Get("schema", () => { started++; return Task.FromResult(99); }));
            Assert.Equal(3, started);
        }
    }
}
