using System;
using System.Linq;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// When a webinar expires, stops being listed and is deleted, and how far back past instances and reports reach: the
    /// one place the twin's routes ask, so every route ages data the same way (rules and sources: <see cref="ZoomRulesSeed"/>,
    /// docs/api-facts-additions.md).
    /// </summary>
    internal static class ZoomWebinarLifecycle
    {
        /// <summary>
        /// Zoom has no schedule for a recurring webinar without a fixed time (type 6); its ID follows the recurring-meeting
        /// rule instead and expires a year after it was last started (or created). Unconfirmed for webinars.
        /// </summary>
        private static readonly TimeSpan NoFixedTimeLifetime = TimeSpan.FromDays(365);

        /// <summary>
        /// When the webinar ID expires: the scheduled end (of the last available occurrence for recurring webinars), or the
        /// end of its last instance when that is later (a session that overran).
        /// </summary>
        internal static DateTimeOffset ExpiresAt(ZoomWebinar w)
        {
            DateTimeOffset lastHeldEnd = w.InstanceList.Count == 0 ? DateTimeOffset.MinValue : w.InstanceList.Max(i => i.EndTime);
            if (w.Type == 6)
            {
                DateTimeOffset lastStart = w.InstanceList.Count == 0 ? w.CreatedAt : w.InstanceList.Max(i => i.StartTime);
                return Later(lastStart, w.CreatedAt) + NoFixedTimeLifetime;
            }

            return Later(w.EndTime, lastHeldEnd);
        }

        /// <summary>When the webinar is deleted: <c>deleted_days_after_end</c> after expiry or the last edit, whichever is later.</summary>
        internal static DateTimeOffset DeletedAt(ZoomWebinar w, ZoomRulesSeed rules)
            => Later(ExpiresAt(w), w.UpdatedAt ?? DateTimeOffset.MinValue).AddDays(rules.DeletedDaysAfterEnd);

        /// <summary>Whether <c>GET /webinars/{id}</c> answers 404 code 3001 because Zoom deleted the webinar.</summary>
        internal static bool IsDeleted(ZoomWebinar w, ZoomRulesSeed rules, DateTimeOffset now) => now >= DeletedAt(w, rules);

        /// <summary>Whether <c>GET /users/{id}/webinars?type=scheduled</c> still lists the webinar.</summary>
        internal static bool IsListedAsScheduled(ZoomWebinar w, ZoomRulesSeed rules, DateTimeOffset now)
            => now < ExpiresAt(w).AddDays(rules.ListedDaysAfterEnd) && !IsDeleted(w, rules, now);

        /// <summary>Whether <c>type=upcoming</c> lists the webinar: it (or an occurrence) is live or still to come.</summary>
        internal static bool IsListedAsUpcoming(ZoomWebinar w, DateTimeOffset now) => w.EndTime > now;

        /// <summary>Whether <c>GET /past_webinars/{id}/instances</c> still lists an instance.</summary>
        internal static bool IsPastInstanceKept(ZoomInstance i, ZoomRulesSeed rules, DateTimeOffset now)
            => i.StartTime >= now.AddMonths(-rules.PastInstancesMonths);

        /// <summary>The oldest instant the report routes serve (instances that started earlier are out of reach).</summary>
        internal static DateTimeOffset ReportHorizon(ZoomRulesSeed rules, DateTimeOffset now) => now.AddMonths(-rules.ReportMonths);

        private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    }
}
