using System.Collections.Generic;
using ZoomHubPS.Core.Attendance;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// Who the sync leaves out, and why — every rule in one place. Rules that need no HubSpot data run before the
    /// contacts are read (no read is spent on them); the others after.
    /// </summary>
    internal sealed class SkipRules
    {
        private readonly SyncOptions _options;
        private readonly ISet<string> _accountUsers;

        /// <param name="accountUsers">Emails of the connected Zoom account's users (empty with IncludeAccountUsers).</param>
        public SkipRules(SyncOptions options, ISet<string> accountUsers)
        {
            _options = options;
            _accountUsers = accountUsers;
        }

        /// <summary>Whether the rule for pending registrants must wait for the attendance (a pending person who attended is synced).</summary>
        public static bool NeedsAttendance(SyncPerson person) => person.State == RegistrantStatus.Pending;

        /// <summary>The reason to skip before reading HubSpot, or null. <paramref name="attendance"/> matters only for pending registrants.</summary>
        public string BeforeRead(SyncPerson person, WebinarAttendance attendance)
        {
            if (!EmailRules.IsValid(person.Email)) return SkipReasons.InvalidEmail;
            if (_accountUsers.Contains(person.Email)) return SkipReasons.AccountUser;

            // A pending registration is reported, not counted and not written — unless the person attended anyway.
            if (person.State == RegistrantStatus.Pending && attendance == null) return SkipReasons.Pending;
            return null;
        }

        /// <summary>Whether an unknown email is worth the archived-contact check (excluded domains are skipped anyway).</summary>
        public bool MayCreate(SyncPerson person) => person.Contact == null && !EmailRules.InDomains(person.Email, _options.ExcludeContactDomains);

        /// <summary>The reason to skip once the contact is known, or null.</summary>
        public string AfterRead(SyncPerson person)
        {
            if (person.Contact != null) return null; // existing contacts always get the activity
            if (EmailRules.InDomains(person.Email, _options.ExcludeContactDomains)) return SkipReasons.ExcludedDomain;
            if (person.Deleted && !_options.RecreateDeletedContacts) return SkipReasons.DeletedContact;
            return null;
        }

        /// <summary>The host's domain is excluded: the whole webinar is skipped.</summary>
        public static bool ExcludesHost(ZoomWebinar webinar, SyncOptions options) => EmailRules.InDomains(webinar.HostEmail, options.ExcludeHostDomains);
    }
}
