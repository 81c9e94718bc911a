using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ZoomHubPS.Core
{
    /// <summary>Fetches one page given the previous page's continuation token (null for the first page).</summary>
    public delegate Task<Page<T>> PageFetcher<T>(string continuationToken, CancellationToken cancellationToken);

    /// <summary>
    /// A listing that streams page by page: only one page is held at a time. Its public methods use no
    /// dependency types, so the cmdlet assembly can call them (IAsyncEnumerable is for Core-internal use).
    /// </summary>
    public class Pageable<T>
    {
        private readonly PageFetcher<T> _fetch;
        private readonly long? _maxItems;
        private readonly Func<T, string> _key;
        private readonly Func<Exception, bool> _isExpiredToken;
        private readonly CancellationToken _listCancellation;

        /// <summary>Creates a listing.</summary>
        /// <param name="fetch">Fetches a page.</param>
        /// <param name="maxItems">Stop after this many items.</param>
        /// <param name="key">Identity of an item; with <paramref name="isExpiredToken"/>, lets the listing restart without duplicates.</param>
        /// <param name="isExpiredToken">Recognises an expired continuation token (Zoom's expire after 15 minutes).</param>
        /// <param name="listCancellation">The token given to the list method; honoured together with the one given to ForEach*.</param>
        public Pageable(PageFetcher<T> fetch, long? maxItems = null, Func<T, string> key = null, Func<Exception, bool> isExpiredToken = null, CancellationToken listCancellation = default)
        {
            _listCancellation = listCancellation;
            _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
            _maxItems = maxItems;
            _key = key;
            _isExpiredToken = isExpiredToken;
        }

        /// <summary>For mocking.</summary>
        protected Pageable()
        {
        }

        /// <summary>Total reported by the service on the first page (after the first page was read).</summary>
        public long? TotalCount { get; private set; }

        /// <summary>Calls <paramref name="onPage"/> per page as pages arrive; return false to stop.</summary>
        public virtual Task ForEachPageAsync(Func<Page<T>, bool> onPage, CancellationToken cancellationToken = default)
            => ForEachPageAsync((page, ct) => Task.FromResult(onPage(page)), cancellationToken);

        /// <summary>Awaits <paramref name="onPage"/> per page before reading the next one (back-pressure); return false to stop.</summary>
        public virtual async Task ForEachPageAsync(Func<Page<T>, CancellationToken, Task<bool>> onPage, CancellationToken cancellationToken = default)
        {
            if (_listCancellation.CanBeCanceled && _listCancellation != cancellationToken)
            {
                using (CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(_listCancellation, cancellationToken))
                {
                    await PagesAsync(onPage, linked.Token).ConfigureAwait(false);
                    return;
                }
            }

            await PagesAsync(onPage, cancellationToken).ConfigureAwait(false);
        }

        private async Task PagesAsync(Func<Page<T>, CancellationToken, Task<bool>> onPage, CancellationToken cancellationToken)
        {
            string token = null;
            long yielded = 0;
            HashSet<string> seen = _key != null && _isExpiredToken != null ? new HashSet<string>(StringComparer.Ordinal) : null;
            bool restarted = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Page<T> page;
                try
                {
                    page = await _fetch(token, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (token != null && _isExpiredToken != null && _isExpiredToken(ex) && !restarted)
                {
                    // The token expired mid-listing: list again from the start and skip what was already delivered.
                    restarted = true;
                    token = null;
                    continue;
                }

                if (TotalCount == null)
                {
                    TotalCount = page.TotalCount;
                }

                List<T> items = Fresh(page.Items, seen, ref yielded);
                if (items.Count > 0 || page.ContinuationToken == null)
                {
                    if (!await onPage(new Page<T>(items, page.ContinuationToken, page.TotalCount), cancellationToken).ConfigureAwait(false))
                    {
                        return;
                    }
                }

                if (page.ContinuationToken == null || (_maxItems.HasValue && yielded >= _maxItems.Value))
                {
                    return;
                }

                restarted = false;
                token = page.ContinuationToken;
            }
        }

        // The page's items within MaxItems, less those a restarted listing delivered already.
        private List<T> Fresh(IReadOnlyList<T> pageItems, HashSet<string> seen, ref long yielded)
        {
            var items = new List<T>(pageItems.Count);
            foreach (T item in pageItems)
            {
                if (_maxItems.HasValue && yielded >= _maxItems.Value) break;
                string k = seen == null ? null : _key(item);
                if (k != null && !seen.Add(k)) continue;
                items.Add(item);
                yielded++;
            }

            return items;
        }

        /// <summary>Calls <paramref name="onItem"/> per item as pages arrive; return false to stop early.</summary>
        public virtual Task ForEachAsync(Func<T, bool> onItem, CancellationToken cancellationToken = default)
        {
            return ForEachPageAsync(page =>
            {
                foreach (T item in page.Items)
                {
                    if (!onItem(item))
                    {
                        return false;
                    }
                }

                return true;
            }, cancellationToken);
        }

        /// <summary>Reads every item into a list (use only for small listings).</summary>
        public virtual async Task<List<T>> ToListAsync(CancellationToken cancellationToken = default)
        {
            var all = new List<T>();
            await ForEachAsync(i =>
            {
                all.Add(i);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            return all;
        }
    }
}
