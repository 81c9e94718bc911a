using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.RegistrantLifecycle
{
    /// <summary>
    /// Who is registered for a webinar (or one occurrence) and with which status: the three status listings read once, 300
    /// per page, kept as id / email / status only. Lets a change name "already in that state" and "not found" without a
    /// request per person, and find the id of a person given by email.
    /// </summary>
    internal sealed class RegistrantDirectory
    {
        private static readonly RegistrantStatus[] Statuses = { RegistrantStatus.Approved, RegistrantStatus.Pending, RegistrantStatus.Denied };

        private readonly Dictionary<string, Entry> _byId = new Dictionary<string, Entry>(StringComparer.Ordinal);
        private readonly Dictionary<string, Entry> _byEmail = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);

        /// <summary>One registrant.</summary>
        internal sealed class Entry
        {
            public string Id;
            public string Email;
            public string Status;
        }

        public static async Task<RegistrantDirectory> ReadAsync(ZoomClient zoom, long webinarId, string occurrenceId, CancellationToken ct)
        {
            var directory = new RegistrantDirectory();
            foreach (RegistrantStatus status in Statuses)
            {
                await zoom.Registrants.List(webinarId, status, occurrenceId).ForEachAsync(r =>
                {
                    directory.Add(new Entry { Id = r.Id, Email = r.Email, Status = r.Status ?? status.ToString().ToLowerInvariant() });
                    return true;
                }, ct).ConfigureAwait(false);
            }

            return directory;
        }

        /// <summary>The registrant a target names: by id first, else by email; null when the webinar has none.</summary>
        public Entry Find(RegistrantTarget target)
        {
            if (target.RegistrantId != null) return _byId.TryGetValue(target.RegistrantId, out Entry byId) ? byId : null;
            return target.Email != null && _byEmail.TryGetValue(target.Email, out Entry byEmail) ? byEmail : null;
        }

        private void Add(Entry e)
        {
            if (!string.IsNullOrEmpty(e.Id)) _byId[e.Id] = e;
            if (!string.IsNullOrEmpty(e.Email)) _byEmail[e.Email] = e;
        }
    }
}
