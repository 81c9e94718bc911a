using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Attendance;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// Every person of an instance exactly once, in batches of HubSpot's batch size: registrants of every status, page
    /// by page (a page is handed on before the next is read), then the attendees who did not register. Each registrant
    /// also tells the attendance its email, so guest rows without one are matched.
    /// </summary>
    internal sealed class PeopleStream
    {
        private static readonly RegistrantStatus[] Statuses = { RegistrantStatus.Approved, RegistrantStatus.Denied, RegistrantStatus.Pending };

        private readonly ZoomClient _zoom;
        private readonly InstanceContext _instance;
        private readonly InstanceAttendance _attendance;
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public PeopleStream(ZoomClient zoom, InstanceContext instance, InstanceAttendance attendance)
        {
            _zoom = zoom;
            _instance = instance;
            _attendance = attendance;
        }

        /// <summary>Hands each batch to <paramref name="onBatch"/>, awaiting it (back-pressure) before filling the next.</summary>
        public async Task ForEachBatchAsync(Func<List<SyncPerson>, Task> onBatch, CancellationToken ct)
        {
            var batch = new List<SyncPerson>(HubSpotClient.BatchSize);
            async Task Add(SyncPerson person)
            {
                batch.Add(person);
                if (batch.Count < HubSpotClient.BatchSize) return;
                List<SyncPerson> full = batch;
                batch = new List<SyncPerson>(HubSpotClient.BatchSize);
                await onBatch(full).ConfigureAwait(false);
            }

            foreach (RegistrantStatus status in Statuses)
            {
                await _zoom.Registrants.List(_instance.WebinarId, status, _instance.RegistrantListingOccurrenceId).ForEachPageAsync(async (page, token) =>
                {
                    foreach (ZoomRegistrant r in page.Items)
                    {
                        if (string.IsNullOrWhiteSpace(r.Email)) continue;
                        _attendance.SawRegistrant(r);
                        string email = r.Email.Trim();
                        if (_seen.Add(email)) await Add(new SyncPerson(email, r.FirstName, r.LastName, r)).ConfigureAwait(false);
                    }

                    return true;
                }, ct).ConfigureAwait(false);
            }

            // Guests: attendees who were not registrants (every registrant has been seen, so unresolved rows are final).
            await _attendance.Completed.ConfigureAwait(false);
            foreach (WebinarAttendance a in _attendance.CloseAndList())
            {
                if (_seen.Add(a.Email)) await Add(SyncPerson.Guest(a)).ConfigureAwait(false);
            }

            if (batch.Count > 0) await onBatch(batch).ConfigureAwait(false);
        }
    }
}
