namespace ZoomHubPS.Core
{
    /// <summary>Paging options of every list method.</summary>
    public sealed class ListOptions
    {
        /// <summary>Items per request; null = the API's maximum (Zoom lists 300, users 2000, HubSpot 100, search 200).</summary>
        public int? PageSize { get; set; }

        /// <summary>Stop after this many items (e.g. -First); null = all.</summary>
        public long? MaxItems { get; set; }

        internal int PageSizeOr(int max) => PageSize.HasValue && PageSize.Value > 0 && PageSize.Value < max ? PageSize.Value : max;
    }
}
