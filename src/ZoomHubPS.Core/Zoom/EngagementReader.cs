using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ZoomHubPS.Core.Zoom
{
    /// <summary>
    /// Reads the poll answers and Q&amp;A of one instance the way a sync would: the report route first (it gives emails,
    /// names, question status and who answered), the past-webinar route when the report is unavailable
    /// (<see cref="ZoomReports.IsUnavailable"/>). Poll titles come from the webinar's poll definitions, read once per listing.
    /// The routes are not paged, so each listing is one page: one request (two with the definitions, three on fallback).
    /// </summary>
    public static class EngagementReader
    {
        /// <summary>Every answer to every poll of the instance (the latest instance when <paramref name="instanceUuid"/> is null).</summary>
        /// <param name="zoom">The Zoom client.</param>
        /// <param name="webinarId">The webinar.</param>
        /// <param name="instanceUuid">The instance; null = the latest.</param>
        /// <param name="preferReport">Read the report first (default); false = the past-webinar route only.</param>
        /// <param name="onFallback">Hears Zoom's reason when the report could not be used.</param>
        /// <param name="options">MaxItems for -First.</param>
        /// <param name="cancellationToken">Cancels the listing.</param>
        /// <param name="withPollTitles">Read the poll definitions for the titles (one request more; false: titles stay empty).</param>
        public static Pageable<ZoomPollAnswer> PollAnswers(ZoomClient zoom, long webinarId, string instanceUuid = null, bool preferReport = true,
            Action<string> onFallback = null, ListOptions options = null, CancellationToken cancellationToken = default, bool withPollTitles = true)
        {
            if (zoom == null) throw new ArgumentNullException(nameof(zoom));
            return new Pageable<ZoomPollAnswer>(async (token, ct) =>
            {
                IReadOnlyDictionary<string, ZoomPoll> polls = withPollTitles ? await PollsByIdAsync(zoom, webinarId, ct).ConfigureAwait(false) : null;
                return await ReportOrPastAsync(
                    () => zoom.Polls.ListReportAnswers(webinarId, instanceUuid, polls, null, ct),
                    () => zoom.Polls.ListPastAnswers(webinarId, instanceUuid, polls, null, ct),
                    preferReport, onFallback, ct).ConfigureAwait(false);
            }, options?.MaxItems, listCancellation: cancellationToken);
        }

        /// <summary>Every question asked in Q&amp;A in the instance, answered or not.</summary>
        /// <param name="zoom">The Zoom client.</param>
        /// <param name="webinarId">The webinar.</param>
        /// <param name="instanceUuid">The instance; null = the latest.</param>
        /// <param name="preferReport">Read the report first (default); false = the past-webinar route only.</param>
        /// <param name="onFallback">Hears Zoom's reason when the report could not be used.</param>
        /// <param name="options">MaxItems for -First.</param>
        /// <param name="cancellationToken">Cancels the listing.</param>
        public static Pageable<ZoomQaQuestion> Questions(ZoomClient zoom, long webinarId, string instanceUuid = null, bool preferReport = true,
            Action<string> onFallback = null, ListOptions options = null, CancellationToken cancellationToken = default)
        {
            if (zoom == null) throw new ArgumentNullException(nameof(zoom));
            return new Pageable<ZoomQaQuestion>((token, ct) => ReportOrPastAsync(
                () => zoom.QandA.ListReportQuestions(webinarId, instanceUuid, null, ct),
                () => zoom.QandA.ListPastQuestions(webinarId, instanceUuid, null, ct),
                preferReport, onFallback, ct), options?.MaxItems, listCancellation: cancellationToken);
        }

        private static async Task<Page<T>> ReportOrPastAsync<T>(Func<Pageable<T>> report, Func<Pageable<T>> past, bool preferReport, Action<string> onFallback, CancellationToken ct)
        {
            if (preferReport)
            {
                try
                {
                    return await OnlyPageAsync(report(), ct).ConfigureAwait(false);
                }
                catch (ZoomHubApiException ex) when (ZoomReports.IsUnavailable(ex))
                {
                    onFallback?.Invoke(ex.VendorMessage);
                }
            }

            return await OnlyPageAsync(past(), ct).ConfigureAwait(false);
        }

        private static async Task<Page<T>> OnlyPageAsync<T>(Pageable<T> listing, CancellationToken ct)
        {
            var items = new List<T>();
            await listing.ForEachPageAsync(page =>
            {
                items.AddRange(page.Items);
                return true;
            }, ct).ConfigureAwait(false);
            return new Page<T>(items, null);
        }

        // Titles are a convenience: polls switched off (4400), a deleted webinar or a missing scope leave them empty.
        private static async Task<IReadOnlyDictionary<string, ZoomPoll>> PollsByIdAsync(ZoomClient zoom, long webinarId, CancellationToken ct)
        {
            try
            {
                IReadOnlyList<ZoomPoll> polls = await zoom.Polls.ListAsync(webinarId, ct).ConfigureAwait(false);
                return polls.Where(p => !string.IsNullOrEmpty(p.Id)).GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            }
            catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.NotFound || ex.Kind == ErrorKind.Validation || ex.Kind == ErrorKind.PermissionDenied)
            {
                return new Dictionary<string, ZoomPoll>(StringComparer.Ordinal);
            }
        }
    }
}
