using System;
using System.Collections.Generic;
using ZoomHubPS.Core.HubSpot;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// The contact properties a ledger stands for: the ledger itself and every aggregate, formatted for HubSpot. The
    /// sync and the registration write-back both write exactly this, so a contact reads the same whichever wrote last.
    /// </summary>
    internal static class ContactAggregates
    {
        public static Dictionary<string, string> Properties(WebinarHistory history, SyncPropertyNames names)
        {
            HistoryAggregates agg = history.Aggregates();
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [names.History] = history.Serialize(),
                [names.RegistrationCount] = HubSpotValues.Number(agg.Registrations),
                [names.AttendanceCount] = HubSpotValues.Number(agg.Attended),
                [names.AverageAttendancePercent] = HubSpotValues.OneDecimal(agg.AveragePercent),
                [names.LastRegisteredWebinarUrl] = agg.LastRegisteredJoinUrl ?? string.Empty,
                [names.LastRegisteredWebinarName] = agg.LastRegisteredTopic ?? string.Empty,
                [names.LastRegisteredWebinarAt] = HubSpotValues.DateTime(agg.LastRegisteredStart),
                [names.LastAttendedAt] = HubSpotValues.DateTime(agg.LastAttendedAt),
                [names.LastRecordingUrl] = agg.LastRecordingUrl ?? string.Empty,
                [names.LastRecordingAt] = HubSpotValues.DateTime(agg.LastRecordingAt),
                [names.PollAnswerCount] = agg.PollAnswers is int answers ? HubSpotValues.Number(answers) : string.Empty,
                [names.QuestionCount] = agg.Questions is int questions ? HubSpotValues.Number(questions) : string.Empty,
            };
        }

        /// <summary>
        /// The latest-webinar texts of polls and Q&amp;A, added when <paramref name="entry"/>'s slot is the contact's latest
        /// with answers (or questions) in <paramref name="history"/>: a backfill of an older webinar never replaces them.
        /// The texts are not in the ledger, so only the sync that read them writes them.
        /// </summary>
        public static void AddEngagementTexts(Dictionary<string, string> properties, WebinarHistory history, HistoryEntry entry, PersonEngagement engagement, SyncPropertyNames names)
        {
            properties.Remove(names.LastPollAnswers);
            properties.Remove(names.LastQuestions);
            if (engagement == null || entry == null) return;
            HistoryAggregates agg = history.Aggregates();
            if (engagement.PollAnswers > 0 && entry.StartUnix >= agg.LastPollSlot) properties[names.LastPollAnswers] = engagement.AnswersText;
            if (engagement.Questions > 0 && entry.StartUnix >= agg.LastQuestionSlot) properties[names.LastQuestions] = engagement.QuestionsText;
        }

        /// <summary>Whether <paramref name="contact"/> already shows <paramref name="properties"/>, in whatever form HubSpot stored them (<see cref="HubSpotValues.Same"/>).</summary>
        public static bool Shows(HubSpotObject contact, IReadOnlyDictionary<string, string> properties)
        {
            if (contact == null) return false;
            foreach (KeyValuePair<string, string> p in properties)
            {
                if (!HubSpotValues.Same(contact.Get(p.Key), p.Value)) return false;
            }

            return true;
        }
    }
}
