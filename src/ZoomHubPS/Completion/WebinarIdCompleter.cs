using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Completion
{
    /// <summary>
    /// Completes -WebinarId with the account's webinars (every active host's), matching the typed digits or any word of
    /// the topic: <c>-WebinarId quart&lt;Tab&gt;</c> inserts the id of "Quarterly product update".
    /// </summary>
    public sealed class WebinarIdCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            ZoomHubConnection connection = CompletionSource.Connection(fakeBoundParameters);
            if (connection == null) return Enumerable.Empty<CompletionResult>();
            List<WebinarChoice> webinars = CompletionSource.Get(connection, "webinars", ListAsync) ?? new List<WebinarChoice>();
            string word = CompletionSource.Unquote(wordToComplete);
            string digits = new string(word.Where(char.IsDigit).ToArray());
            bool byId = word.Length > 0 && word.All(c => char.IsDigit(c) || c == ' ' || c == '-');
            return webinars
                .Where(w => word.Length == 0
                    || (byId && w.Id.StartsWith(digits, StringComparison.Ordinal))
                    || (!byId && w.Topic.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0))
                .Select(w => new CompletionResult(w.Id, w.Id + "  " + w.Topic, CompletionResultType.ParameterValue, w.ToolTip))
                .ToList();
        }

        private static async Task<List<WebinarChoice>> ListAsync(ZoomHubConnection connection, CancellationToken ct)
        {
            var choices = new Dictionary<long, WebinarChoice>();
            foreach (ZoomUser host in await connection.Zoom.Users.List(UserStatus.Active).ToListAsync(ct).ConfigureAwait(false))
            {
                foreach (ZoomWebinar w in await connection.Zoom.Webinars.ListByHost(host.Id).ToListAsync(ct).ConfigureAwait(false))
                {
                    choices[w.Id] = new WebinarChoice(w, host.Email);
                }
            }

            return choices.Values.OrderBy(c => c.Start ?? DateTimeOffset.MaxValue).ToList();
        }

        private sealed class WebinarChoice
        {
            public WebinarChoice(ZoomWebinar w, string hostEmail)
            {
                Id = w.Id.ToString(CultureInfo.InvariantCulture);
                Topic = w.Topic ?? string.Empty;
                Start = w.StartTime;
                ToolTip = string.Format(CultureInfo.InvariantCulture, "{0} — {1}{2}, host {3}", Id, Topic,
                    w.StartTime.HasValue ? ", " + w.StartTime.Value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : string.Empty, hostEmail);
            }

            public string Id { get; }

            public string Topic { get; }

            public DateTimeOffset? Start { get; }

            public string ToolTip { get; }
        }
    }
}
