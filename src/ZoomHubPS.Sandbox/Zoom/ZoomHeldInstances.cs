using System;
using System.Collections.Generic;
using System.Linq;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>One held instance with its webinar and host, as the account-wide listings (Dashboard, reports) see it.</summary>
    internal sealed class ZoomHeldInstance
    {
        internal ZoomWebinar Webinar { get; set; }

        internal ZoomInstance Instance { get; set; }

        /// <summary>The host, or null when the host is no longer a user of the account.</summary>
        internal ZoomUser Host { get; set; }

        internal string HostName => Host == null ? string.Empty : (Host.FirstName + " " + Host.LastName).Trim();

        internal string HostEmail => Host?.Email ?? Webinar.HostEmail;

        internal string HostDept => Host?.Dept ?? string.Empty;
    }

    /// <summary>
    /// The figures the account-wide listings share, computed one way: which instances were held, how many unique people
    /// joined one, and the participant minutes. Webinars deleted by Zoom still appear: reports and the Dashboard keep
    /// their own data, which outlives the webinar object.
    /// </summary>
    internal static class ZoomHeldInstances
    {
        /// <summary>Every instance that has ended by <paramref name="now"/>, oldest first.</summary>
        internal static List<ZoomHeldInstance> Ended(ZoomState state, DateTimeOffset now)
            => state.Webinars
                .SelectMany(w => w.InstanceList.Where(i => i.EndTime <= now).Select(i => new ZoomHeldInstance { Webinar = w, Instance = i, Host = HostOf(state, w) }))
                .OrderBy(h => h.Instance.StartTime)
                .ThenBy(h => h.Webinar.Id)
                .ToList();

        /// <summary>Instances running at <paramref name="now"/> (the Dashboard's <c>type=live</c>).</summary>
        internal static List<ZoomHeldInstance> Live(ZoomState state, DateTimeOffset now)
            => state.Webinars
                .SelectMany(w => w.InstanceList.Where(i => i.StartTime <= now && i.EndTime > now).Select(i => new ZoomHeldInstance { Webinar = w, Instance = i, Host = HostOf(state, w) }))
                .OrderBy(h => h.Instance.StartTime)
                .ToList();

        /// <summary>
        /// People who joined, each counted once however many sessions or devices they used: by email, else by registrant
        /// id, else by display name (what a report can tell apart). Waiting-room rows are not attendance.
        /// </summary>
        internal static int UniqueParticipants(ZoomInstance instance)
            => instance.ParticipantList
                .Where(p => p.Status != "in_waiting_room")
                .Select(PersonKey)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Count();

        /// <summary>Whether <paramref name="email"/> (a user of the account) joined the instance.</summary>
        internal static bool Joined(ZoomInstance instance, string email)
            => instance.ParticipantList.Any(p => string.Equals(p.UserEmail, email, StringComparison.OrdinalIgnoreCase));

        /// <summary>The sum of all participant rows' minutes (the reports' <c>total_minutes</c>).</summary>
        internal static int TotalMinutes(ZoomInstance instance) => (int)Math.Round(instance.ParticipantList.Sum(p => p.Duration) / 60.0);

        /// <summary>Participant rows from the host's own account.</summary>
        internal static int FromAccount(ZoomInstance instance) => instance.ParticipantList.Count(p => p.InternalUser);

        private static ZoomUser HostOf(ZoomState state, ZoomWebinar w)
            => state.Users.FirstOrDefault(u => string.Equals(u.Id, w.HostId, StringComparison.Ordinal)) ?? state.FindUser(w.HostEmail);

        private static string PersonKey(ZoomParticipant p)
            => !string.IsNullOrEmpty(p.UserEmail) ? "e:" + p.UserEmail : !string.IsNullOrEmpty(p.RegistrantId) ? "r:" + p.RegistrantId : "n:" + p.Name;
    }
}
