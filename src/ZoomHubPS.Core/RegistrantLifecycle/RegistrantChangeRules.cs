using System.Collections.Generic;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.RegistrantLifecycle
{
    /// <summary>
    /// The rules of a registrant change, without HTTP: which status a change leads to, which inputs need no request
    /// (already in that state, duplicates, unknown people), and what a refusal from Zoom means for one row.
    /// </summary>
    internal static class RegistrantChangeRules
    {
        /// <summary>Zoom's status after <paramref name="change"/>: cancel and deny both end "denied" (the denied/blocked list).</summary>
        public static string StatusAfter(RegistrantChange change)
        {
            switch (change)
            {
                case RegistrantChange.Approve: return "approved";
                case RegistrantChange.Remove: return "removed";
                default: return "denied";
            }
        }

        /// <summary>The API action of a status change.</summary>
        public static RegistrantAction ActionOf(RegistrantChange change)
        {
            switch (change)
            {
                case RegistrantChange.Approve: return RegistrantAction.Approve;
                case RegistrantChange.Deny: return RegistrantAction.Deny;
                default: return RegistrantAction.Cancel;
            }
        }

        /// <summary>
        /// Fills <paramref name="result"/> from the directory entry and decides it when no request is needed; returns true
        /// when the row must go to Zoom. <paramref name="seenIds"/> collects the registrants already handled in this call.
        /// </summary>
        public static bool NeedsRequest(RegistrantChangeResult result, RegistrantTarget target, RegistrantDirectory.Entry found, bool directoryRead, ISet<string> seenIds)
        {
            if (target.RegistrantId == null && target.Email == null)
            {
                Decide(result, RegistrantChangeOutcome.Failed, RegistrantChangeReasons.NoIdentity, "The input has neither a registrant id nor an email.");
                return false;
            }

            if (found != null)
            {
                result.RegistrantId = found.Id;
                result.Email = result.Email ?? found.Email;
                result.PreviousStatus = found.Status;
                result.Status = found.Status;
            }
            else if (directoryRead)
            {
                Decide(result, RegistrantChangeOutcome.NotFound, RegistrantChangeReasons.NotFound, "The webinar has no registrant " + (target.RegistrantId ?? target.Email) + ".");
                return false;
            }

            if (result.RegistrantId != null && !seenIds.Add(result.RegistrantId))
            {
                Decide(result, RegistrantChangeOutcome.Unchanged, RegistrantChangeReasons.DuplicateInput, "The same registrant appears earlier in the input.");
                return false;
            }

            if (found != null && result.Change != RegistrantChange.Remove && found.Status == StatusAfter(result.Change))
            {
                Decide(result, RegistrantChangeOutcome.Unchanged, RegistrantChangeReasons.AlreadyInState, "Already " + found.Status + ".");
                return false;
            }

            return true;
        }

        /// <summary>Zoom applied the change to this row.</summary>
        public static void Applied(RegistrantChangeResult result, bool whatIf)
        {
            result.Outcome = RegistrantChangeOutcome.Changed;
            result.Status = StatusAfter(result.Change);
            result.WhatIf = whatIf;
        }

        /// <summary>Zoom refused the row (or its batch): the reason a user can act on, with Zoom's own code and words.</summary>
        public static void Refused(RegistrantChangeResult result, ZoomHubApiException error)
        {
            string reason;
            if (error.Kind == ErrorKind.RateLimited) reason = error.IsDaily ? RegistrantChangeReasons.DailyLimit : RegistrantChangeReasons.RateLimited;
            else if (error.ZoomCode == ZoomErrorCodes.RegistrantCapacityReached) reason = RegistrantChangeReasons.WebinarFull;
            else reason = RegistrantChangeReasons.ZoomError;
            Decide(result, RegistrantChangeOutcome.Failed, reason, error.VendorMessage);
            result.ZoomCode = error.ZoomCode ?? (error.StatusCode.HasValue ? (int?)(int)error.StatusCode.Value : null);
        }

        public static void Decide(RegistrantChangeResult result, RegistrantChangeOutcome outcome, string reason, string message)
        {
            result.Outcome = outcome;
            result.Reason = reason;
            result.Message = message;
        }
    }
}
