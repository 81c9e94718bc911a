using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ZoomHubPS.Core.Http;

namespace ZoomHubPS.Core.Tests.Clients
{
    public class RateBucketTests
    {
        [Fact]
        public async Task AdmitsThePermitsAtOnceAndHoldsTheRestUntilTheWindowMoves()
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
            var bucket = new RateBucket("Zoom/Medium", 20, TimeSpan.FromSeconds(1), clock);
            Task[] waits = Enumerable.Range(0, 25).Select(_ => bucket.WaitAsync(CancellationToken.None)).ToArray();
            await Task.Delay(20);
            Assert.Equal(20, waits.Count(t => t.IsCompleted));
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAll(waits).WaitAsync(TimeSpan.FromSeconds(5));
        }

        [Fact]
        public async Task NeverAdmitsMoreThanThePermitsInAnyWindow()
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
            var bucket = new RateBucket("HubSpot/Standard", 10, TimeSpan.FromSeconds(10), clock);
            var starts = new System.Collections.Concurrent.ConcurrentBag<DateTimeOffset>();
            Task all = Task.WhenAll(Enumerable.Range(0, 35).Select(async _ =>
            {
                await bucket.WaitAsync(CancellationToken.None);
                starts.Add(clock.GetUtcNow());
            }));
            for (int i = 0; i < 400 && !all.IsCompleted; i++)
            {
                await Task.Delay(1);
                clock.Advance(TimeSpan.FromMilliseconds(250));
            }

            await all;
            var sorted = starts.OrderBy(t => t).ToArray();
            for (int i = 10; i < sorted.Length; i++)
            {
                Assert.True(sorted[i] - sorted[i - 10] >= TimeSpan.FromSeconds(10), "more than 10 starts within 10 s");
            }
        }

        [Fact]
        public async Task WaitsAreCancellable()
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
            var bucket = new RateBucket("x", 1, TimeSpan.FromMinutes(1), clock);
            await bucket.WaitAsync(CancellationToken.None);
            using var cts = new CancellationTokenSource();
            Task second = bucket.WaitAsync(cts.Token);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        }
    }
}
