using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Webinars;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// Decides which instance a sync target means and everything fixed about it (<see cref="InstanceContext"/>): the
    /// past instance (a given UUID, else the latest; a webinar not held yet means its registrations), its scheduled
    /// slot, its actual length, and whether registrations count per occurrence.
    /// </summary>
    internal sealed class InstanceResolver
    {
        private readonly ZoomHubConnection _api;
        private readonly SyncSession _session;

        public InstanceResolver(ZoomHubConnection api, SyncSession session)
        {
            _api = api;
            _session = session;
        }

        /// <param name="occurrenceRules">Read the per-occurrence registrations (the sync needs them; an attendance report does not).</param>
        public async Task<InstanceContext> ResolveAsync(ZoomWebinar webinar, string instanceUuid, CancellationToken ct, bool occurrenceRules = true)
        {
            IReadOnlyList<ZoomPastInstance> instances = await _session.PastInstancesAsync(webinar.Id, ct).ConfigureAwait(false);
            ZoomPastInstance chosen = Choose(webinar, instanceUuid, instances);
            string account = WebinarEvent.ExternalAccountId(_api);
            if (chosen == null)
            {
                // Not held yet: registrations only, under the slot people register for now.
                DateTimeOffset now = _api.ServiceTime.GetUtcNow();
                ZoomOccurrence next = WebinarSchedule.NextOccurrence(webinar, now);
                DateTimeOffset start = next?.StartTime ?? webinar.StartTime ?? now;
                InstanceDuration scheduled = WebinarSchedule.DurationOf(webinar, next, null);
                return new InstanceContext(webinar, null, false, start, start, scheduled, next, occurrenceRules ? await OccurrenceRulesAsync(webinar, next, ct).ConfigureAwait(false) : null, account);
            }

            ScheduledSlot slot = WebinarSchedule.SlotOf(webinar, chosen, instances);
            ZoomWebinarReport report = await ReportAsync(webinar.Id, chosen.Uuid, ct).ConfigureAwait(false);
            InstanceDuration duration = WebinarSchedule.DurationOf(webinar, slot.Occurrence, report);
            return new InstanceContext(webinar, chosen.Uuid, true, chosen.StartTime, slot.Start, duration, slot.Occurrence,
                occurrenceRules ? await OccurrenceRulesAsync(webinar, slot.Occurrence, ct).ConfigureAwait(false) : null, account);
        }

        private static ZoomPastInstance Choose(ZoomWebinar webinar, string instanceUuid, IReadOnlyList<ZoomPastInstance> instances)
        {
            // A webinar object piped in carries the webinar's own UUID, which is not a past instance: treat it as "the
            // latest instance" (or, for a webinar not held yet, its registrations).
            string uuid = instanceUuid == webinar.Uuid && instances.All(i => i.Uuid != instanceUuid) ? null : instanceUuid;
            if (uuid == null) return instances.OrderBy(i => i.StartTime).LastOrDefault();
            ZoomPastInstance chosen = instances.FirstOrDefault(i => i.Uuid == uuid);
            if (chosen != null) return chosen;
            throw new ZoomHubApiException(new ApiFailure
            {
                Api = ApiKind.Zoom, Kind = ErrorKind.NotFound, StatusCode = System.Net.HttpStatusCode.NotFound,
                VendorCode = ZoomErrorCodes.WebinarNotFound.ToString(System.Globalization.CultureInfo.InvariantCulture),
                VendorMessage = $"Webinar {webinar.Id} has no past instance '{instanceUuid}'.", Method = "GET", Path = "past_webinars/" + webinar.Id + "/instances",
            });
        }

        private async Task<ZoomWebinarReport> ReportAsync(long webinarId, string uuid, CancellationToken ct)
        {
            try
            {
                return await _api.Zoom.PastWebinars.GetReportAsync(webinarId, uuid, ct).ConfigureAwait(false);
            }
            catch (ZoomHubApiException ex) when (ZoomReports.IsUnavailable(ex))
            {
                return null; // older than 6 months, or no report scope: the schedule stands in
            }
        }

        // Registration counts once per webinar, or once per occurrence when people register per occurrence (recurring
        // webinars with registration_type 2 or 3).
        private Task<OccurrenceRegistrations> OccurrenceRulesAsync(ZoomWebinar webinar, ZoomOccurrence occurrence, CancellationToken ct)
        {
            bool perOccurrence = webinar.IsRecurring && occurrence != null && (webinar.Settings?.RegistrationType ?? 1) != 1;
            return perOccurrence ? _session.OccurrenceRegistrationsAsync(webinar, ct) : Task.FromResult<OccurrenceRegistrations>(null);
        }
    }
}
