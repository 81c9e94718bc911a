using System;
using System.Collections.Generic;
using System.Linq;
using ZoomHubPS.Core.HubSpot;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// The people of one batch whose write HubSpot refused, with its message. Calls that carry several batches mark
    /// their people from other threads, so it is locked. A refused person gets none of the later writes (their ledger is
    /// not advanced, so the next run tries again).
    /// </summary>
    internal sealed class BatchFailures
    {
        private readonly Dictionary<string, string> _messages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public bool Has(string email)
        {
            lock (_messages) return _messages.ContainsKey(email);
        }

        public string MessageOf(string email)
        {
            lock (_messages) return _messages.TryGetValue(email, out string m) ? m : null;
        }

        /// <summary>Marks one person.</summary>
        public void Set(string email, string message)
        {
            lock (_messages) _messages[email] = message;
        }

        /// <summary>The plans still worth writing.</summary>
        public List<PersonPlan> Remaining(IEnumerable<PersonPlan> plans) => plans.Where(p => !Has(p.Person.Email)).ToList();

        /// <summary>
        /// Marks the people a batch answer's errors name (by email or contact id); an error HubSpot does not attribute
        /// marks everyone in the call, since nobody in it is known to be written.
        /// </summary>
        public void Mark(IEnumerable<HubSpotBatchError> errors, IReadOnlyCollection<SyncPerson> people)
        {
            foreach (HubSpotBatchError e in errors ?? Enumerable.Empty<HubSpotBatchError>())
            {
                string message = e.Message + (e.Errors != null && e.Errors.Count > 0 ? " " + string.Join("; ", e.Errors.Select(x => x.Message)) : string.Empty);
                var ids = new HashSet<string>(e.Ids, StringComparer.OrdinalIgnoreCase);
                List<SyncPerson> hit = people.Where(p => ids.Contains(p.Email) || (p.Contact != null && ids.Contains(p.Contact.Id)) || (p.ContactId != null && ids.Contains(p.ContactId))).ToList();
                if (hit.Count == 0) hit = people.ToList();
                foreach (SyncPerson p in hit) Set(p.Email, message);
            }
        }
    }
}
