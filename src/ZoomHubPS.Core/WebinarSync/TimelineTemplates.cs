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
                DetailTemplate = "Webinar {{webinarId}} on {{#formatDate startTime}}{{/formatDate}}; registered {{#formatDate registeredAt}}{{/formatDate}}",
                Tokens = Tokens(("webinarTopic", "Webinar topic", "string"), ("webinarId", "Webinar ID", "string"), ("startTime", "Start time", "date"),
                    ("joinUrl", "Join URL", "string"), ("registeredAt", "Registered at", "date")),
            },
            new HubSpotTimelineTemplate
            {
                Name = Attendance, ObjectType = "contacts",
                HeaderTemplate = "Attended {{webinarTopic}}",
                DetailTemplate = "Webinar {{webinarId}} on {{#formatDate webinarDate}}{{/formatDate}}: joined {{#formatDate joinTime}}{{/formatDate}}, "
                    + "left {{#formatDate leaveTime}}{{/formatDate}}, {{sessions}} session(s), {{durationMinutes}} min ({{percent}} %)",
                Tokens = Tokens(("webinarTopic", "Webinar topic", "string"), ("webinarId", "Webinar ID", "string"), ("webinarDate", "Webinar date", "date"),
                    ("joinTime", "Join time", "date"), ("leaveTime", "Leave time", "date"), ("sessions", "Sessions", "number"),
                    ("durationMinutes", "Minutes attended", "number"), ("percent", "Percent attended", "number")),
            },
            new HubSpotTimelineTemplate
            {
                Name = Recording, ObjectType = "contacts",
                HeaderTemplate = "Recording of [{{webinarTopic}}]({{shareUrl}}) is available",
                DetailTemplate = "Webinar {{webinarId}} of {{#formatDate startTime}}{{/formatDate}}",
                Tokens = Tokens(("webinarTopic", "Webinar topic", "string"), ("webinarId", "Webinar ID", "string"), ("startTime", "Start time", "date"),
                    ("shareUrl", "Recording link", "string")),
            },
        };

        /// <summary>
        /// Creates the missing templates and updates (PUT, same id) those whose tokens or texts differ from these
        /// definitions — a template is never created twice; reports each (Created, Updated, Existing, WouldCreate, WouldUpdate).
        /// </summary>
        public static async Task<IReadOnlyList<SchemaItemResult>> EnsureAsync(ZoomHubConnection connection, long appId, bool whatIf, CancellationToken cancellationToken = default)
        {
            var existing = (await connection.HubSpot.Timeline.ListTemplatesAsync(appId, cancellationToken).ConfigureAwait(false))
                .GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var results = new List<SchemaItemResult>();
            foreach (HubSpotTimelineTemplate wanted in Definitions())
            {
                string status;
                if (!existing.TryGetValue(wanted.Name, out HubSpotTimelineTemplate have))
                {
                    if (!whatIf) await connection.HubSpot.Timeline.CreateTemplateAsync(appId, wanted, cancellationToken).ConfigureAwait(false);
                    status = whatIf ? "WouldCreate" : "Created";
                }
                else if (Differs(have, wanted))
                {
                    wanted.Id = have.Id;
                    if (!whatIf) await connection.HubSpot.Timeline.UpdateTemplateAsync(appId, wanted, cancellationToken).ConfigureAwait(false);
                    status = whatIf ? "WouldUpdate" : "Updated";
                }
                else
                {
                    status = "Existing";
                }

                results.Add(new SchemaItemResult { Kind = "TimelineTemplate", Name = wanted.Name, Status = status, Message = have != null && status != "Existing" ? Change(have, wanted) : null });
            }

            return results;
        }

        /// <summary>The app's templates (ids and the tokens each defines); throws naming the missing ones.</summary>
        public static async Task<TimelineTemplateSet> ResolveAsync(ZoomHubConnection connection, long appId, CancellationToken cancellationToken = default)
        {
            var byName = (await connection.HubSpot.Timeline.ListTemplatesAsync(appId, cancellationToken).ConfigureAwait(false))
                .GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            string[] missing = Definitions().Select(d => d.Name).Where(n => !byName.ContainsKey(n)).ToArray();
            if (missing.Length > 0)
            {
                throw new ZoomHubTimelineTemplatesMissingException(appId, missing);
            }

            return new TimelineTemplateSet(byName);
        }

        /// <summary>
        /// A short, stable name for a set of template ids ("t" + their ids): the ledger keeps it per entry, so events are
        /// written once per template set — after templates are first enabled, or replaced, a sync writes them again.
        /// </summary>
        internal static string Signature(IReadOnlyDictionary<string, string> templateIds)
            => "t" + string.Join(".", Definitions().Select(d => templateIds.TryGetValue(d.Name, out string id) ? id : "0"));

        private static List<HubSpotTimelineToken> Tokens(params (string Name, string Label, string Type)[] tokens)
            => tokens.Select(t => new HubSpotTimelineToken { Name = t.Name, Label = t.Label, Type = t.Type }).ToList();

        private static string TokenKey(HubSpotTimelineToken t) => t.Name + ":" + t.Type + ":" + t.Label;

        private static bool Differs(HubSpotTimelineTemplate have, HubSpotTimelineTemplate wanted)
            => have.HeaderTemplate != wanted.HeaderTemplate || have.DetailTemplate != wanted.DetailTemplate
               || !new HashSet<string>((have.Tokens ?? new List<HubSpotTimelineToken>()).Select(TokenKey), StringComparer.Ordinal).SetEquals(wanted.Tokens.Select(TokenKey));

        private static string Change(HubSpotTimelineTemplate have, HubSpotTimelineTemplate wanted)
        {
            var old = new HashSet<string>((have.Tokens ?? new List<HubSpotTimelineToken>()).Select(t => t.Name), StringComparer.Ordinal);
            string[] added = wanted.Tokens.Select(t => t.Name).Where(n => !old.Contains(n)).ToArray();
            string[] removed = old.Where(n => wanted.Tokens.All(t => t.Name != n)).ToArray();
            var parts = new List<string>();
            if (added.Length > 0) parts.Add("new tokens: " + string.Join(", ", added));
            if (removed.Length > 0) parts.Add("removed tokens: " + string.Join(", ", removed));
            if (parts.Count == 0) parts.Add("texts or labels changed");
            return string.Join("; ", parts) + ".";
        }
    }

    /// <summary>An app's ZoomHubPS templates as HubSpot holds them: their ids and the tokens each defines.</summary>
    public sealed class TimelineTemplateSet
    {
        private readonly IReadOnlyDictionary<string, HubSpotTimelineTemplate> _byName;

        internal TimelineTemplateSet(IReadOnlyDictionary<string, HubSpotTimelineTemplate> byName)
        {
            _byName = byName;
            Ids = byName.ToDictionary(p => p.Key, p => p.Value.Id, StringComparer.Ordinal);
        }

        /// <summary>Template ids by name.</summary>
        public IReadOnlyDictionary<string, string> Ids { get; }

        /// <summary>Whether the template named <paramref name="templateName"/> defines the token (an event may carry only those).</summary>
        public bool Defines(string templateName, string token)
            => _byName.TryGetValue(templateName, out HubSpotTimelineTemplate t) && (t.Tokens ?? new List<HubSpotTimelineToken>()).Any(x => x.Name == token);
    }
}
