using System.Collections.Generic;

namespace ZoomHubPS.Core
{
    /// <summary>One page of a listing.</summary>
    public sealed class Page<T>
    {
        /// <summary>Creates a page.</summary>
        public Page(IReadOnlyList<T> items, string continuationToken, long? totalCount = null)
        {
            Items = items ?? new T[0];
            ContinuationToken = string.IsNullOrEmpty(continuationToken) ? null : continuationToken;
            TotalCount = totalCount;
        }

        /// <summary>Items of this page.</summary>
        public IReadOnlyList<T> Items { get; }

        /// <summary>Token for the next page; null on the last page.</summary>
        public string ContinuationToken { get; }

        /// <summary>Total items the service reports, when it does.</summary>
        public long? TotalCount { get; }
    }
}
