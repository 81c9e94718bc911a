using System;
using System.Collections.Generic;
using System.Linq;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarRegistration
{
    /// <summary>What the webinar looked like before any write: its form, its panelists, who is registered already.</summary>
    internal sealed class RegistrationContext
    {
        public RegistrationContext(ZoomWebinar webinar, RegistrationForm form, ISet<string> panelists, IDictionary<string, ZoomRegistrant> registered)
        {
            Webinar = webinar;
            Form = form;
            Panelists = panelists;
            Registered = registered;
        }

        public ZoomWebinar Webinar { get; }

        public RegistrationForm Form { get; }

        public ISet<string> Panelists { get; }

        /// <summary>Registrants of every status, by email.</summary>
        public IDictionary<string, ZoomRegistrant> Registered { get; }

        /// <summary>Zoom's batch route: type-5 webinars whose form asks nothing beyond names.</summary>
        public bool UsesBatches => Webinar.Type == 5 && !Form.NeedsExtraAnswers;

        /// <summary>Places left (null = no cap): the webinar's capacity less the approved and pending registrants.</summary>
        public int? Room
        {
            get
            {
                int cap = Webinar.Settings?.RegistrantsRestrictNumber ?? 0;
                if (cap <= 0) return null;
                int taken = Registered.Values.Count(r => r.Status == "approved" || r.Status == "pending");
                return Math.Max(0, cap - taken);
            }
        }
    }

    /// <summary>
    /// Decides every input that needs no add request — invalid, duplicate, host, panelist, excluded, already
    /// registered, missing answers — in input order. Pure: the rules are tested without a sandbox.
    /// </summary>
    internal static class RegistrationTriage
    {
        /// <summary>One result per input, in input order; the inputs still to add are returned with their results.</summary>
        public static IReadOnlyList<(RegistrationInput Input, RegistrationResult Result)> Decide(
            RegistrationContext context, IReadOnlyList<RegistrationInput> inputs, RegistrationOptions options, List<RegistrationResult> results)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var toAdd = new List<(RegistrationInput, RegistrationResult)>();
            foreach (RegistrationInput input in inputs)
            {
                string email = input.Email;
                var result = new RegistrationResult
                {
                    Input = input.Original, Email = email, WebinarId = context.Webinar.Id, OccurrenceId = options.OccurrenceId, ContactId = input.ContactId, WhatIf = options.WhatIf,
                };
                results.Add(result);
                if (!Decided(context, input, options, result, seen)) toAdd.Add((input, result));
            }

            // With -WhatIf, say what Zoom would refuse for capacity: the places run out in input order.
            int? room = context.Room;
            if (options.WhatIf && room.HasValue)
            {
                foreach (var (_, result) in toAdd.Skip(room.Value))
                {
                    result.Skip(RegistrationReasons.Full, $"Webinar {context.Webinar.Id} would be full: Zoom refuses registrations beyond its capacity of {context.Webinar.Settings.RegistrantsRestrictNumber} (3043).");
                }

                return toAdd.Take(room.Value).ToList();
            }

            return toAdd;
        }

        private static bool Decided(RegistrationContext context, RegistrationInput input, RegistrationOptions options, RegistrationResult result, HashSet<string> seen)
        {
            string email = input.Email;
            if (!EmailRules.IsValid(email)) return result.Fail(RegistrationReasons.InvalidEmail, null, InvalidEmailMessage(email));
            if (!seen.Add(email)) return result.Skip(RegistrationReasons.DuplicateInput, "The same email appears earlier in the input.");
            if (string.Equals(email, context.Webinar.HostEmail, StringComparison.OrdinalIgnoreCase)) return result.Skip(RegistrationReasons.Host, "The webinar's host cannot register (Zoom 3027).");
            if (context.Panelists.Contains(email)) return result.Skip(RegistrationReasons.Panelist, "Panelists are invited, not registered (Zoom 3000).");
            if (EmailRules.InDomains(email, options.ExcludeDomains)) return result.Skip(RegistrationReasons.Excluded, "The email's domain is excluded.");
            if (context.Registered.TryGetValue(email, out ZoomRegistrant existing) && existing.Status == "denied")
            {
                // Zoom keeps denied and cancelled people on the webinar's denied list and does not register them again.
                result.RegistrantId = existing.Id;
                return result.Skip(RegistrationReasons.Denied, "Denied or cancelled for this webinar: Zoom keeps them on its denied list and does not register them again. Approve them instead: Set-ZoomWebinarRegistrantStatus -WebinarId " + context.Webinar.Id + " -Email " + email + " -Action Approve.");
            }

            if (existing != null)
            {
                result.Status = RegistrationStatus.AlreadyRegistered;
                result.RegistrantId = existing.Id;
                result.JoinUrl = existing.JoinUrl;
                result.Message = existing.Status == "approved" ? null : "Registered with status " + existing.Status + " (waiting for the host's approval).";
                return true;
            }

            if (string.IsNullOrEmpty(input.FirstName)) return result.Fail(RegistrationReasons.MissingFirstName, null, "Zoom requires a first name; the input has none (FirstName, first_name or firstname).");
            IReadOnlyList<string> empty = context.Form.EmptyRequired(input);
            if (empty.Count > 0)
            {
                return result.Fail(RegistrationReasons.MissingAnswer, null,
                    $"The webinar requires {string.Join(", ", empty.Select(q => "'" + q + "'"))}, which this input leaves empty. Not sent to Zoom (a refused registration spends one of the person's registrations for the day).");
            }

            return false;
        }

        private static string InvalidEmailMessage(string email)
            => string.IsNullOrWhiteSpace(email)
                ? "The input has no email: give an Email (or email, EmailAddress, user_email) property. A CSV separated by ';' needs Import-Csv -Delimiter ';'."
                : $"'{email}' is not an email address.";
    }
}
