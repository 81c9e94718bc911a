using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Core.Zoom;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Bench
{
    /// <summary>What a per-record baseline run measured.</summary>
    public sealed class BaselineFigures
    {
        /// <summary>People the sync baseline processed.</summary>
        public int SyncSample { get; set; }

        /// <summary>Time for them.</summary>
        public double SyncSampleSeconds { get; set; }

        /// <summary>Requests it sent.</summary>
        public int SyncSampleRequests { get; set; }

        /// <summary>Single adds the registration baseline made.</summary>
        public int RegistrationSample { get; set; }

        /// <summary>Time for them.</summary>
        public double RegistrationSampleSeconds { get; set; }

        /// <summary>Sync time projected linearly to <paramref name="size"/> people.</summary>
        public double ProjectedSync(int size) => SyncSample == 0 ? 0 : SyncSampleSeconds / SyncSample * size;

        /// <summary>Registration time projected linearly to <paramref name="size"/> people.</summary>
        public double ProjectedRegistration(int size) => RegistrationSample == 0 ? 0 : RegistrationSampleSeconds / RegistrationSample * size;
    }

    /// <summary>
    /// The work done the way per-record tools do it, one request at a time, against a fresh sandbox with the same
    /// limits and latency: per person, look the contact up by email, create or update it (one contact per request),
    /// and record each of its participations (register; attend when attended) with its own request; per registrant
    /// of a registration, one single add. Run on a sample and projected linearly: the per-person cost does not change
    /// with the size (one request at a time never reaches the limits).
    /// </summary>
    public static class PerRecordBaseline
    {
        /// <summary>Runs the sample against a fresh sandbox of <paramref name="size"/> registrants.</summary>
        public static async Task<BaselineFigures> RunAsync(int size, BenchOptions options, int sample, CancellationToken ct)
        {
            var figures = new BaselineFigures();
            using (BenchTwin twin = await BenchTwin.StartAsync(size, options, ct).ConfigureAwait(false))
            {
                SizePlan plan = twin.Plan;
                ZoomHubConnection api = twin.Connection;
                await new SchemaInitializer(api).InitializeAsync(new SyncPropertyNames(), false, ct).ConfigureAwait(false);
                string account = api.Info?.ZoomAccountId ?? "zoom";
                string eventId = "baseline-" + plan.PastWebinarId;
                await api.HubSpot.MarketingEvents.UpsertAsync(new[]
                {
                    new HubSpotMarketingEvent { ExternalAccountId = account, ExternalEventId = eventId, EventName = plan.PastTopic, EventType = "WEBINAR", EventOrganizer = "Zoom", StartDateTime = plan.PastStart, EndDateTime = plan.PastStart?.AddMinutes(plan.PastDurationMinutes) },
                }, ct).ConfigureAwait(false);

                // The sample and who of it attended, before the clock starts. The sandbox process knows who attended
                // (RequestMinimum.Attendees), as a per-record tool would look the person up in the participant list it
                // read: that listing costs it the same one request per 300 rows as the module, so it is left out of both
                // the sample and the projection (under 1 % of the requests).
                List<ZoomRegistrant> registrants = await api.Zoom.Registrants.List(plan.PastWebinarId, RegistrantStatus.Approved, null, new ListOptions { MaxItems = sample }).ToListAsync(ct).ConfigureAwait(false);
                HashSet<string> attended = await twin.AttendedAsync(registrants.Select(r => r.Email).Where(e => e != null), ct).ConfigureAwait(false);
                await twin.ClearJournalAsync(ct).ConfigureAwait(false);

                var watch = Stopwatch.StartNew();
                foreach (ZoomRegistrant r in registrants)
                {
                    HubSpotObject contact = await api.HubSpot.Contacts.GetAsync(r.Email, "email", new[] { "email", "firstname", "lastname" }, false, ct).ConfigureAwait(false);
                    var props = new Dictionary<string, string> { ["firstname"] = r.FirstName ?? string.Empty, ["lastname"] = r.LastName ?? string.Empty, ["zoomhub_webinar_registration_count"] = "1" };
                    if (contact == null)
                    {
                        props["email"] = r.Email.ToLowerInvariant();
                        await api.HubSpot.Contacts.BatchCreateAsync(new[] { props }, ct).ConfigureAwait(false);
                    }
                    else
                    {
                        await api.HubSpot.Contacts.BatchUpdateAsync(new[] { new HubSpotObjectInput { Id = contact.Id, Properties = props } }, ct).ConfigureAwait(false);
                    }

                    await Participation(api, eventId, account, ParticipationState.Register, r.Email, ct).ConfigureAwait(false);
                    if (attended.Contains(r.Email))
                    {
                        await Participation(api, eventId, account, ParticipationState.Attend, r.Email, ct).ConfigureAwait(false);
                    }
                }

                figures.SyncSample = registrants.Count;
                figures.SyncSampleSeconds = watch.Elapsed.TotalSeconds;
                figures.SyncSampleRequests = (await twin.JournalAsync(ct).ConfigureAwait(false)).Where(e => e.Api != "ZoomOAuth").Sum(e => e.Count);

                watch.Restart();
                for (int i = 0; i < sample; i++)
                {
                    await api.Zoom.Registrants.AddAsync(plan.UpcomingWebinarId, new ZoomRegistrantRequest { Email = $"single{i}@bench.example.com", FirstName = "Single", LastName = "P" + i }, null, ct).ConfigureAwait(false);
                }

                figures.RegistrationSample = sample;
                figures.RegistrationSampleSeconds = watch.Elapsed.TotalSeconds;
            }

            return figures;
        }

        private static Task Participation(ZoomHubConnection api, string eventId, string account, ParticipationState state, string email, CancellationToken ct)
            => api.HubSpot.MarketingEvents.RecordAsync(eventId, account, state, new[] { new HubSpotParticipationInput { Email = email, InteractionDateTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() } }, true, ct);
    }
}
