using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Http;

namespace ZoomHubPS.Core.Zoom
{
    /// <summary>What happens to registrants after they registered: status changes and removal.</summary>
    public partial class ZoomRegistrantsClient
    {
        /// <summary>Zoom's maximum of registrants per <c>PUT …/registrants/status</c> call (Meetings spec: <c>maximum: 30</c>).</summary>
        public const int StatusBatchSize = 30;

        /// <summary>
        /// PUT /webinars/{webinarId}/registrants/status[?occurrence_id=] — approve, deny or cancel 1 to 30 registrants (by id,
        /// with the email alongside); 204. Medium. Cancel and deny both leave the registrant <c>denied</c>.
        /// </summary>
        /// <remarks>
        /// Not marked NotIdempotent: setting a state twice ends in the same state. A retry after a lost reply does spend one
        /// more of the registrant's 10 status updates a day.
        /// </remarks>
        public virtual async Task UpdateStatusAsync(long webinarId, RegistrantAction action, IReadOnlyList<ZoomRegistrant> registrants, string occurrenceId, CancellationToken cancellationToken = default)
        {
            if (registrants == null || registrants.Count == 0 || registrants.Count > StatusBatchSize)
            {
                throw new ArgumentOutOfRangeException(nameof(registrants), registrants?.Count ?? 0, "A Zoom status update takes 1 to 30 registrants.");
            }

            var body = new StatusUpdateRequest
            {
                Action = action.ToString().ToLowerInvariant(),
                Registrants = registrants.Select(r => new StatusUpdateItem { Id = r.Id, Email = r.Email }).ToList(),
            };
            string path = Query(ZoomRoutes.RegistrantStatus(webinarId), ("occurrence_id", occurrenceId));
            using (await Api.SendRawAsync(HttpMethod.Put, path, body, RateCategory.Medium, cancellationToken).ConfigureAwait(false))
            {
            }
        }

        /// <summary>
        /// DELETE /webinars/{webinarId}/registrants/{registrantId}[?occurrence_id=] — one registrant per call (there is no batch
        /// route); 204. Light. An unknown registrant is 400 code 3000 ("Registrant … was not found.").
        /// </summary>
        public virtual async Task DeleteAsync(long webinarId, string registrantId, string occurrenceId = null, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrEmpty(registrantId)) throw new ArgumentException("A registrant id is required.", nameof(registrantId));
            var request = new ApiRequest(HttpMethod.Delete, Query(ZoomRoutes.Registrant(webinarId, registrantId), ("occurrence_id", occurrenceId)), RateCategory.Light);
            using (await Api.SendRawAsync(request, cancellationToken).ConfigureAwait(false))
            {
            }
        }
    }
}
