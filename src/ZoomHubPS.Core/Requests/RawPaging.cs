using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace ZoomHubPS.Core.Requests
{
    /// <summary>
    /// How a listing of each API continues: Zoom answers <c>next_page_token</c> and takes it back as a query parameter (GET);
    /// HubSpot answers <c>paging.next.after</c> and takes it back as the <c>after</c> query parameter (GET) or body field
    /// (POST …/search). The items are HubSpot's <c>results</c>, or Zoom's one array of the envelope (<c>users</c>,
    /// <c>registrants</c>, <c>participants</c>…).
    /// </summary>
    internal sealed class RawPaging
    {
        private readonly ApiKind _api;
        private readonly bool _inBody;

        private RawPaging(ApiKind api, bool inBody)
        {
            _api = api;
            _inBody = inBody;
        }

        /// <summary>The name of the continuation parameter.</summary>
        public string TokenName => _api == ApiKind.Zoom ? "next_page_token" : "after";

        public static RawPaging For(ZoomHubRequest request, object body)
        {
            if (request.Api == ApiKind.Zoom && !request.IsRead)
            {
                throw new ArgumentException("Zoom lists are GET requests: -All follows next_page_token on GET only.", nameof(request));
            }

            bool inBody = !request.IsRead;
            if (inBody && !(body is IDictionary))
            {
                throw new ArgumentException("-All on a HubSpot POST (…/search) needs a JSON object body: the 'after' cursor goes into it.", nameof(request));
            }

            return new RawPaging(request.Api, inBody);
        }

        /// <summary>The query for the page after <paramref name="token"/> (the user's own cursor on the first page).</summary>
        public IEnumerable<KeyValuePair<string, string>> QueryFor(IEnumerable<KeyValuePair<string, string>> query, string token)
        {
            if (token == null || _inBody) return query;
            return query.Where(q => !string.Equals(q.Key, TokenName, StringComparison.Ordinal)).Concat(new[] { new KeyValuePair<string, string>(TokenName, token) });
        }

        /// <summary>The body for the page after <paramref name="token"/>: a copy of the user's object with <c>after</c> set.</summary>
        public object BodyFor(object body, string token)
        {
            if (token == null || !_inBody) return body;
            var copy = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (DictionaryEntry e in (IDictionary)body) copy[Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture)] = e.Value;
            copy[TokenName] = token;
            return copy;
        }

        /// <summary>The items of one answer and the token of the next page (null on the last).</summary>
        public Page<object> PageOf(object answer)
        {
            if (!(answer is IDictionary envelope)) return new Page<object>(answer == null ? new object[0] : new[] { answer }, null);
            string next = _api == ApiKind.Zoom ? envelope["next_page_token"] as string : ((envelope["paging"] as IDictionary)?["next"] as IDictionary)?["after"] as string;
            IList items = (_api == ApiKind.HubSpot ? envelope["results"] as IList : null) ?? FirstArray(envelope);
            if (items == null) return new Page<object>(new[] { answer }, null);
            return new Page<object>(items.Cast<object>().ToList(), string.IsNullOrEmpty(next) ? null : next, Total(envelope));
        }

        /// <summary>An item's identity for restarting an expired Zoom listing without duplicates: a hash of its JSON.</summary>
        public static string KeyOf(object item)
        {
            // FNV-1a over the serialized item: 16 characters per item instead of the item itself.
            ulong hash = 14695981039346656037;
            foreach (byte b in JsonPlain.ToUtf8(item))
            {
                hash ^= b;
                hash *= 1099511628211;
            }

            return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        }

        private static IList FirstArray(IDictionary envelope)
        {
            foreach (DictionaryEntry e in envelope)
            {
                if (e.Value is IList list) return list;
            }

            return null;
        }

        private static long? Total(IDictionary envelope)
        {
            object t = envelope["total_records"] ?? envelope["total"];
            return t is long l ? l : (long?)null;
        }
    }
}
