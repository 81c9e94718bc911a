using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ZoomHubPS.Core.WebinarSync;
using ZoomHubPS.Sandbox;
using ZoomHubPS.Sandbox.HubSpot;

namespace ZoomHubPS.Core.Tests.Reliability
{
    /// <summary>
    /// The final state of a twin as one canonical text, so two runs compare with one Assert.Equal: HubSpot contacts with
    /// every stored property, marketing events with their fields, custom properties and participations (with theirs),
    /// timeline events, and the Zoom registrants. Records are keyed by what a user sees (emails, external ids), never
    /// by the ids a twin hands out, which differ when requests arrive in another order.
    /// </summary>
    internal static class StateDump
    {
        /// <summary>The whole state, one line per record, sorted.</summary>
        /// <param name="maskRegistrationClock">
        /// Blank the times the registration write-back takes from the client's clock (the ledger's registered-at and the
        /// register participation's interaction time): a run whose retries moved the fake clock stamps them later.
        /// </param>
        public static string Of(ZoomHubSandbox sandbox, bool maskRegistrationClock = false)
        {
            var lines = new List<string>();
            Dictionary<long, string> emails = sandbox.HubSpot.Contacts.ToDictionary(c => c.Id, c => c.Email ?? "#" + c.Id.ToString(CultureInfo.InvariantCulture));
            var names = new SyncPropertyNames();
            foreach (HubSpotContact c in sandbox.HubSpot.Contacts.Where(c => c.MergedInto == null))
            {
                IEnumerable<string> props = c.Properties.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => p.Key + "=" + (p.Key == names.History && maskRegistrationClock ? MaskLedger(p.Value) : p.Value));
                lines.Add("contact " + emails[c.Id] + (c.Archived ? " (archived)" : string.Empty) + " " + string.Join(" ", props));
            }

            foreach (HubSpotMarketingEvent e in sandbox.HubSpot.MarketingEvents)
            {
                string key = e.ExternalAccountId + "/" + e.ExternalEventId;
                lines.Add(string.Join("|", "event " + key, e.EventName, e.EventOrganizer, e.EventType, e.EventDescription, e.EventUrl, Iso(e.StartDateTime), Iso(e.EndDateTime),
                    "cancelled=" + e.EventCancelled, "completed=" + e.EventCompleted, string.Join(",", e.CustomProperties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value))));
                foreach (HubSpotParticipation p in e.Participations)
                {
                    string at = maskRegistrationClock && p.State == "register" ? "t" : p.InteractionDateTime.ToString(CultureInfo.InvariantCulture);
                    lines.Add($"participation {key} {Email(emails, p.ContactId)} {p.State} {at} " + string.Join(",", p.Properties.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => x.Key + "=" + x.Value)));
                }
            }

            Dictionary<string, string> templates = sandbox.HubSpot.TimelineTemplates.ToDictionary(t => t.Id, t => t.Name);
            foreach (HubSpotTimelineEvent t in sandbox.HubSpot.TimelineEvents)
            {
                string template = templates.TryGetValue(t.EventTemplateId, out string n) ? n : t.EventTemplateId;
                lines.Add($"timeline {template} {t.Id} {Email(emails, t.ObjectId)} {Iso(t.Timestamp)} " + string.Join(",", t.Tokens.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => x.Key + "=" + x.Value)));
            }

            foreach (var w in sandbox.Zoom.Webinars)
            {
                foreach (var r in sandbox.Zoom.Registrants(w.Id))
                {
                    lines.Add(string.Join("|", "registrant " + w.Id.ToString(CultureInfo.InvariantCulture), r.Email?.ToLowerInvariant(), r.Status, r.FirstName, r.LastName,
                        string.Join(",", r.Fields.Where(f => !string.IsNullOrEmpty(f.Value)).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value)),
                        string.Join(",", r.CustomQuestions.Select(q => q.Key + "=" + q.Value)), string.Join(",", r.OccurrenceIds)));
                }
            }

            // Join links are random per twin: each one stands for its registrant, which also checks that HubSpot holds Zoom's link.
            var links = sandbox.Zoom.Webinars.SelectMany(w => sandbox.Zoom.Registrants(w.Id).Where(r => !string.IsNullOrEmpty(r.JoinUrl))
                .Select(r => (r.JoinUrl, Name: "<join " + w.Id.ToString(CultureInfo.InvariantCulture) + " " + r.Email?.ToLowerInvariant() + ">"))).ToList();
            for (int i = 0; i < lines.Count; i++)
            {
                foreach (var (url, name) in links)
                {
                    if (lines[i].IndexOf(url, StringComparison.Ordinal) >= 0) lines[i] = lines[i].Replace(url, name);
                }
            }

            lines.Sort(StringComparer.Ordinal);
            return string.Join("\n", lines);
        }

        /// <summary>The first line where two dumps differ, for a failure message that says what is wrong.</summary>
        public static string FirstDifference(string expected, string actual)
        {
            string[] a = expected.Split('\n'), b = actual.Split('\n');
            var onlyExpected = a.Except(b).Take(2).Select(Short).ToList();
            var onlyActual = b.Except(a).Take(2).Select(Short).ToList();
            return "missing: " + (onlyExpected.Count == 0 ? "-" : string.Join(" || ", onlyExpected)) + "\n  extra: " + (onlyActual.Count == 0 ? "-" : string.Join(" || ", onlyActual));
        }

        private static string Short(string line) => line.Length > 400 ? line.Substring(0, 400) + "…" : line;

        private static string Email(Dictionary<long, string> emails, long contactId)
            => emails.TryGetValue(contactId, out string e) ? e : "#" + contactId.ToString(CultureInfo.InvariantCulture);

        private static string Iso(DateTimeOffset? at) => at?.UtcDateTime.ToString("o", CultureInfo.InvariantCulture) ?? "-";

        private static string MaskLedger(string value)
        {
            WebinarHistory history = WebinarHistory.Parse(value);
            return string.Join(";", history.Entries.Select(e =>
            {
                e.RegisteredAtUnix = e.RegisteredAtUnix > 0 ? 1 : 0; // a parsed copy: the twin's value is untouched
                return e.Serialize();
            }));
        }
    }
}
