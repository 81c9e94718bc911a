using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.HubSpot;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// The three timeline event templates (registration, attendance, recording available). HubSpot allows timeline
    /// v3 only to partner apps with an app id; FACTS §3 does not have HubSpot's own template texts, so these are ours.
    /// </summary>
    public static class TimelineTemplates
    {
        /// <summary>Template name of registrations.</summary>
        public const string Registration = "ZoomHubPS: Webinar registration";

        /// <summary>Template name of attendance.</summary>
        public const string Attendance = "ZoomHubPS: Webinar attendance";

        /// <summary>Template name of recordings.</summary>
        public const string Recording = "ZoomHubPS: Recording available";

        /// <summary>The template definitions.</summary>
        public static IReadOnlyList<HubSpotTimelineTemplate> Definitions() => new[]
        {
            new HubSpotTimelineTemplate
            {
                Name = Registration, ObjectType = "contacts",
                HeaderTemplate = "Registered for [{{webinarTopic}}]({{joinUrl}})",
                DetailTemplate = "Webinar {{webinarId}} on {{#formatDate startTime}}{{/formatDate}}",
                Tokens = new List<HubSpotTimelineToken>
                {
                    new HubSpotTimelineToken { Name = "webinarTopic", Label = "Webinar topic", Type = "string" },
                    new HubSpotTimelineToken { Name = "webinarId", Label = "Webinar ID", Type = "string" },
                    new HubSpotTimelineToken { Name = "startTime", Label = "Start time", Type = "date" },
                    new HubSpotTimelineToken { Name = "joinUrl", Label = "Join URL", Type = "string" },
                },
            },
            new HubSpotTimelineTemplate
            {
                Name = Attendance, ObjectType = "contacts",
                HeaderTemplate = "Attended {{webinarTopic}}",
                DetailTemplate = "Joined {{#formatDate joinTime}}{{/formatDate}}, stayed {{durationMinutes}} min ({{percent}} %)",
                Tokens = new List<HubSpotTimelineToken>
                {
                    new HubSpotTimelineToken { Name = "webinarTopic", Label = "Webinar topic", Type = "string" },
                    new HubSpotTimelineToken { Name = "webinarId", Label = "Webinar ID", Type = "string" },
                    new HubSpotTimelineToken { Name = "joinTime", Label = "Join time", Type = "date" },
                    new HubSpotTimelineToken { Name = "durationMinutes", Label = "Minutes attended", Type = "number" },
                    new HubSpotTimelineToken { Name = "percent", Label = "Percent attended", Type = "number" },
                },
            },
            new HubSpotTimelineTemplate
            {
                Name = Recording, ObjectType = "contacts",
                HeaderTemplate = "Recording of [{{webinarTopic}}]({{shareUrl}}) is available",
                DetailTemplate = "Webinar {{webinarId}}",
                Tokens = new List<HubSpotTimelineToken>
                {
                    new HubSpotTimelineToken { Name = "webinarTopic", Label = "Webinar topic", Type = "string" },
                    new HubSpotTimelineToken { Name = "webinarId", Label = "Webinar ID", Type = "string" },
                    new HubSpotTimelineToken { Name = "shareUrl", Label = "Recording link", Type = "string" },
                },
            },
        };

        /// <summary>Creates the missing templates (idempotent, by name) and reports each.</summary>
        public static async Task<IReadOnlyList<SchemaItemResult>> EnsureAsync(ZoomHubConnection connection, long appId, bool whatIf, CancellationToken cancellationToken = default)
        {
            var existing = (await connection.HubSpot.Timeline.ListTemplatesAsync(appId, cancellationToken).ConfigureAwait(false)).Select(t => t.Name).ToList();
            var results = new List<SchemaItemResult>();
            foreach (HubSpotTimelineTemplate t in Definitions())
            {
                if (existing.Contains(t.Name))
                {
                    results.Add(new SchemaItemResult { Kind = "TimelineTemplate", Name = t.Name, Status = "Existing" });
                    continue;
                }

                if (!whatIf) await connection.HubSpot.Timeline.CreateTemplateAsync(appId, t, cancellationToken).ConfigureAwait(false);
                results.Add(new SchemaItemResult { Kind = "TimelineTemplate", Name = t.Name, Status = whatIf ? "WouldCreate" : "Created" });
            }

            return results;
        }

        /// <summary>Template ids by name; throws naming the missing ones.</summary>
        public static async Task<IReadOnlyDictionary<string, string>> ResolveAsync(ZoomHubConnection connection, long appId, CancellationToken cancellationToken = default)
        {
            var byName = (await connection.HubSpot.Timeline.ListTemplatesAsync(appId, cancellationToken).ConfigureAwait(false))
                .GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
            string[] missing = Definitions().Select(d => d.Name).Where(n => !byName.ContainsKey(n)).ToArray();
            if (missing.Length > 0)
            {
                throw new ZoomHubTimelineTemplatesMissingException(appId, missing);
            }

            return byName;
        }

        /// <summary>
        /// A short, stable name for a set of template ids ("t" + their ids): the ledger keeps it per entry, so events are
        /// written once per template set — after templates are first enabled, or replaced, a sync writes them again.
        /// </summary>
        internal static string Signature(IReadOnlyDictionary<string, string> templates)
            => "t" + string.Join(".", Definitions().Select(d => templates.TryGetValue(d.Name, out string id) ? id : "0"));
    }
}
