using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.WebinarSync;

namespace ZoomHubPS.Core.Tests.WebinarSync
{
    /// <summary>Participations of many batches leave in full calls; each batch learns when all of its own are written.</summary>
    public class BatchPackerTests
    {
        private static IEnumerable<KeyValuePair<TKey, int>> Items<TKey>(TKey key, int from, int count)
            => Enumerable.Range(from, count).Select(i => new KeyValuePair<TKey, int>(key, i));

        [Fact]
        public async Task FullCallsLeaveAtOnceAndTheRestWaitsForFlush()
        {
            var calls = new List<(string Key, int Count)>();
            var packer = new BatchPacker<string, int>(100, 10, (k, items) => { lock (calls) calls.Add((k, items.Count)); return Task.CompletedTask; });

            Task first = packer.AddAsync(Items("attend", 0, 60));
            Assert.False(first.IsCompleted); // 60 of 100: waits for a fuller call
            Task second = packer.AddAsync(Items("attend", 60, 60));
            await first; // the first 100 left: all of batch 1 and 40 of batch 2
            Assert.False(second.IsCompleted);
            Assert.Equal(new[] { ("attend", 100) }, calls);

            packer.Flush();
            await second;
            Assert.Equal(new[] { ("attend", 100), ("attend", 20) }, calls);
            Assert.Equal(2, packer.Calls);
        }

        [Fact]
        public async Task KeysArePackedSeparatelyAndAnEmptyBatchCompletesAtOnce()
        {
            var calls = new List<(string Key, int Count)>();
            var packer = new BatchPacker<string, int>(100, 10, (k, items) => { lock (calls) calls.Add((k, items.Count)); return Task.CompletedTask; });
            Assert.True(packer.AddAsync(Enumerable.Empty<KeyValuePair<string, int>>()).IsCompleted);
            var batches = Enumerable.Range(0, 10).Select(b => packer.AddAsync(Items("register", 0, 100).Concat(Items("attend", 0, 55)))).ToList();
            packer.Flush();
            await Task.WhenAll(batches);
            Assert.Equal(10, calls.Count(c => c.Key == "register"));
            Assert.Equal(new[] { 100, 100, 100, 100, 100, 50 }, calls.Where(c => c.Key == "attend").Select(c => c.Count));
        }

        [Fact]
        public async Task TooManyWaitingBatchesSendThePartialCalls()
        {
            var calls = new List<int>();
            var packer = new BatchPacker<string, int>(100, 3, (k, items) => { lock (calls) calls.Add(items.Count); return Task.CompletedTask; });
            var batches = Enumerable.Range(0, 4).Select(b => packer.AddAsync(Items("cancel", b, 1))).ToList();
            await Task.WhenAll(batches); // the 4th waiting batch is one too many: the partial call left without a flush
            Assert.Equal(new[] { 4 }, calls);
        }

        [Fact]
        public async Task AFailedCallFailsEveryBatchInItAndFailStopsTheRest()
        {
            var boom = new InvalidOperationException("HubSpot said no");
            var packer = new BatchPacker<string, int>(10, 10, (k, items) => k == "bad" ? Task.FromException(boom) : Task.CompletedTask);
            Task a = packer.AddAsync(Items("bad", 0, 6));
            Task b = packer.AddAsync(Items("bad", 6, 6).Concat(Items("good", 0, 3)));
            Assert.Same(boom, await Assert.ThrowsAsync<InvalidOperationException>(() => a));
            Assert.Same(boom, await Assert.ThrowsAsync<InvalidOperationException>(() => b));

            Task waiting = packer.AddAsync(Items("good", 3, 2));
            var stop = new OperationCanceledException("run stopped");
            packer.Fail(stop);
            await Assert.ThrowsAsync<OperationCanceledException>(() => waiting);
            await Assert.ThrowsAsync<OperationCanceledException>(() => packer.AddAsync(Items("good", 9, 1)));
            packer.Flush(); // nothing is sent after Fail
            Assert.Equal(1, packer.Calls);
        }
    
        [Fact]
        public async Task ByArrivalsAPartialCallLeavesWhenNoAnnouncedBatchIsStillToCome()
        {
            // The contact creation: batches of 90 new contacts each wait for the next running batch, not for a flush.
            var calls = new List<int>();
            var packer = new BatchPacker<bool, int>(100, int.MaxValue, (k, items) => { lock (calls) calls.Add(items.Count); return Task.CompletedTask; });
            packer.PackByArrivals(() => false);
            PackerArrival a = packer.Expect(), b = packer.Expect(), c = packer.Expect();
            Task first = packer.AddAsync(Items(true, 0, 90), a);
            Assert.False(first.IsCompleted); // b and c may still bring items
            Task second = packer.AddAsync(Items(true, 90, 90), b);
            await first;
            Assert.Equal(new[] { 100 }, calls);
            Assert.False(second.IsCompleted); // 80 left, c still to come
            c.Dispose(); // c had nothing for this step (or failed): nobody is left to come
            await second;
            Assert.Equal(new[] { 100, 80 }, calls);

            // Handing items over settles the arrival: disposing it afterwards changes nothing.
            a.Dispose();
            b.Dispose();
            PackerArrival d = packer.Expect();
            await packer.AddAsync(Items(true, 0, 5), d); // the only running batch: its partial call leaves at once
            Assert.Equal(new[] { 100, 80, 5 }, calls);
        }

        [Fact]
        public async Task ByArrivalsAPartialCallWaitsWhileAnotherBatchMayStartAndLeavesOnRecheck()
        {
            var calls = new List<int>();
            bool moreMayStart = true;
            var packer = new BatchPacker<bool, int>(100, int.MaxValue, (k, items) => { lock (calls) calls.Add(items.Count); return Task.CompletedTask; });
            packer.PackByArrivals(() => moreMayStart);
            Task only = packer.AddAsync(Items(true, 0, 30), packer.Expect());
            Assert.False(only.IsCompleted); // a free slot and people left: the next batch may bring 70 more
            packer.Recheck();
            Assert.False(only.IsCompleted);
            moreMayStart = false; // the people ran out (or the slots are all taken)
            packer.Recheck();
            await only;
            Assert.Equal(new[] { 30 }, calls);
        }

        [Fact]
        public async Task ByArrivalsFailReleasesTheWaitingBatches()
        {
            var packer = new BatchPacker<bool, int>(100, int.MaxValue, (k, items) => Task.CompletedTask);
            packer.PackByArrivals(() => false);
            PackerArrival later = packer.Expect();
            Task waiting = packer.AddAsync(Items(true, 0, 10), packer.Expect());
            packer.Fail(new OperationCanceledException("run stopped"));
            await Assert.ThrowsAsync<OperationCanceledException>(() => waiting);
            later.Dispose(); // nothing is sent after Fail
            Assert.Equal(0, packer.Calls);
        }
}
}
