using System;
using System.Text.Json.Serialization;

// Scenario keys for account-wide discovery: the features that gate APIs and the age rules of Zoom's webinar data.
// Sources and the reasoning behind each default: docs/api-facts-additions.md ("Webinar expiry", "Dashboard", "Reports").
namespace ZoomHubPS.Sandbox.Scenarios
{
    /// <summary>Account features that gate APIs, whatever scopes the app has.</summary>
    public sealed class ZoomFeaturesSeed
    {
        /// <summary>
        /// The Dashboard feature is on. <c>GET /metrics/webinars</c> works only with it on a Business (or higher) plan;
        /// otherwise Zoom answers 400 code 200. Default off, as on most accounts.
        /// </summary>
        [JsonPropertyName("dashboard")] public bool Dashboard { get; set; }
    }

    /// <summary>
    /// How long Zoom lists, serves and reports a webinar. Where Zoom's window is not confirmed, each default is the harsh
    /// reading (the shortest window a real account may give), so a client tested here does not lean on a listing a real
    /// account might not give. Every value is a setting: a scenario may loosen it to show something else.
    /// </summary>
    public sealed class ZoomRulesSeed
    {
        /// <summary>
        /// Days <c>GET /users/{id}/webinars?type=scheduled</c> keeps listing a webinar after it expired (its scheduled end,
        /// or the end of its last occurrence or instance). Zoom: "Webinar IDs will expire … past the webinar's scheduled
        /// end-time" and the list "only returns a user's unexpired webinars". Default 0.
        /// </summary>
        [JsonPropertyName("listed_days_after_end")] public int ListedDaysAfterEnd { get; set; }

        /// <summary>
        /// Days after expiry or the last edit (whichever is later) after which the webinar is deleted:
        /// <c>GET /webinars/{id}</c> answers 404 code 3001. Zoom: "Webinars are deleted 90 days after the scheduled end
        /// time or last modification." Default 90.
        /// </summary>
        [JsonPropertyName("deleted_days_after_end")] public int DeletedDaysAfterEnd { get; set; } = 90;

        /// <summary>
        /// Months <c>GET /past_webinars/{id}/instances</c> lists an instance (unstated for webinars; the meetings twin
        /// says 15 months). Default 15.
        /// </summary>
        [JsonPropertyName("past_instances_months")] public int PastInstancesMonths { get; set; } = 15;

        /// <summary>Months the report routes reach back (documented: the past six months). Default 6.</summary>
        [JsonPropertyName("report_months")] public int ReportMonths { get; set; } = 6;

        /// <summary>Months the Dashboard reaches back (unstated for webinars; the meetings dashboard says six). Default 6.</summary>
        [JsonPropertyName("dashboard_months")] public int DashboardMonths { get; set; } = 6;

        /// <summary>
        /// Longest <c>from</c>…<c>to</c> span, in days, of one Dashboard or report listing call ("one month" in Zoom's
        /// words; the shortest month-like reading is 30 days, as <c>/report/cloud_recording</c> states). Default 30.
        /// </summary>
        [JsonPropertyName("range_days")] public int RangeDays { get; set; } = 30;

        /// <summary>Throws <see cref="ArgumentException"/> naming the first value that cannot be a window.</summary>
        internal void Validate()
        {
            Check(ListedDaysAfterEnd, "listed_days_after_end", 0);
            Check(DeletedDaysAfterEnd, "deleted_days_after_end", 0);
            Check(PastInstancesMonths, "past_instances_months", 1);
            Check(ReportMonths, "report_months", 1);
            Check(DashboardMonths, "dashboard_months", 1);
            Check(RangeDays, "range_days", 1);
        }

        private static void Check(int value, string name, int minimum)
        {
            if (value < minimum)
            {
                throw new ArgumentException("Scenario: zoom.rules." + name + " must be at least " + minimum + " (it is " + value + ").");
            }
        }
    }
}
