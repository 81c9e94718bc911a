using System;
using System.Globalization;
using System.Net;
using ZoomHubPS.Sandbox.Http;
using static ZoomHubPS.Sandbox.Zoom.ZoomApiHelpers;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// The <c>from</c>/<c>to</c> query of the Dashboard and report listings: both required, whole UTC days (Zoom "returns
    /// all the meetings from the day range instead of the actual time range"), at most <c>range_days</c> apart, and inside
    /// the listing's reach. A <c>to</c> after today is read as today, and the answer echoes the days it used.
    /// </summary>
    internal sealed class ZoomDateRange
    {
        private static readonly string[] Formats = { "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'" };

        private ZoomDateRange(DateTime from, DateTime to)
        {
            From = from;
            To = to;
        }

        /// <summary>First day (UTC).</summary>
        internal DateTime From { get; }

        /// <summary>Last day (UTC), inclusive.</summary>
        internal DateTime To { get; }

        /// <summary><c>from</c> as the answer echoes it.</summary>
        internal string FromText => Day(From);

        /// <summary><c>to</c> as the answer echoes it.</summary>
        internal string ToText => Day(To);

        /// <summary>Whether <paramref name="instant"/> falls on one of the range's days.</summary>
        internal bool Contains(DateTimeOffset instant)
        {
            DateTime day = instant.UtcDateTime.Date;
            return day >= From && day <= To;
        }

        /// <summary>
        /// Reads and checks the range. <paramref name="monthsBack"/> is how far back the listing reaches; errors are 400
        /// code 300 (the exact wording of the real messages is unconfirmed: docs/api-facts-additions.md).
        /// </summary>
        internal static bool TryRead(SandboxRequest request, ZoomState state, int monthsBack, out ZoomDateRange range, out SandboxResponse error)
            => TryRead(request, state, monthsBack, null, null, out range, out error);

        /// <summary>
        /// The same rules for a listing whose days are optional and whose reach is not stated (<c>GET /users/{userId}/recordings</c>:
        /// "If no value is provided … the default will be current date"): missing days take the defaults.
        /// </summary>
        internal static bool TryReadOptional(SandboxRequest request, ZoomState state, DateTime defaultFrom, DateTime defaultTo, out ZoomDateRange range, out SandboxResponse error)
            => TryRead(request, state, null, defaultFrom, defaultTo, out range, out error);

        private static bool TryRead(SandboxRequest request, ZoomState state, int? monthsBack, DateTime? defaultFrom, DateTime? defaultTo,
            out ZoomDateRange range, out SandboxResponse error)
        {
            range = null;
            if (!TryDay(request, "from", defaultFrom, out DateTime from, out error) || !TryDay(request, "to", defaultTo, out DateTime to, out error))
            {
                return false;
            }

            if (to < from)
            {
                error = Validation("to", "The to date must not be earlier than the from date.");
                return false;
            }

            // The span is that of the days asked for, before a future "to" is cut back to today (the harsher reading).
            if ((to - from).TotalDays > state.Rules.RangeDays)
            {
                error = SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 300,
                    "The date range defined by the from and to parameters should only be one month (at most " + state.Rules.RangeDays.ToString(CultureInfo.InvariantCulture) + " days).");
                return false;
            }

            DateTime today = state.Now.UtcDateTime.Date;
            if (to > today)
            {
                to = today;
            }

            if (monthsBack.HasValue && from < state.Now.AddMonths(-monthsBack.Value).UtcDateTime.Date)
            {
                error = SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 300,
                    "The date range can only be provided for a month that falls within the recent " + monthsBack.Value.ToString(CultureInfo.InvariantCulture) + " months.");
                return false;
            }

            range = new ZoomDateRange(from, to);
            return true;
        }

        private static bool TryDay(SandboxRequest request, string name, DateTime? fallback, out DateTime day, out SandboxResponse error)
        {
            day = default;
            error = null;
            string text = request.QueryValue(name);
            if (string.IsNullOrEmpty(text) && fallback.HasValue)
            {
                day = fallback.Value.Date;
                return true;
            }

            if (string.IsNullOrEmpty(text))
            {
                error = Validation(name, "The " + name + " parameter is required (yyyy-MM-dd).");
                return false;
            }

            if (!DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime parsed))
            {
                error = Validation(name, "Invalid date: " + text + ". Use yyyy-MM-dd.");
                return false;
            }

            day = parsed.Date;
            return true;
        }

        private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
