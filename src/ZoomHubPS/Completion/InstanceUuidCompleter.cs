using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Completion
{
    /// <summary>Completes -InstanceUuid with the past instances of the -WebinarId already on the command line, newest first.</summary>
    public sealed class InstanceUuidCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            ZoomHubConnection connection = CompletionSource.Connection(fakeBoundParameters);
            object value = fakeBoundParameters?.Contains("WebinarId") == true ? fakeBoundParameters["WebinarId"] : null;
            if (value is PSObject ps) value = ps.BaseObject;
            if (value is object[] many && many.Length == 1) value = many[0];
            if (connection == null || !ZoomIds.TryNormalizeWebinarId(value?.ToString(), out long webinarId)) return Enumerable.Empty<CompletionResult>();

            IReadOnlyList<ZoomPastInstance> instances = CompletionSource.Get(connection, "instances:" + webinarId.ToString(CultureInfo.InvariantCulture),
                (c, ct) => c.Zoom.PastWebinars.ListInstancesAsync(webinarId, ct)) ?? new List<ZoomPastInstance>();
            string word = CompletionSource.Unquote(wordToComplete);
            return instances
                .Where(i => i.Uuid != null && i.Uuid.StartsWith(word, StringComparison.Ordinal))
                .OrderByDescending(i => i.StartTime)
                .Select(i =>
                {
                    string when = i.StartTime.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
                    return new CompletionResult(CompletionSource.Quote(i.Uuid), when + "  " + i.Uuid, CompletionResultType.ParameterValue, "Instance of webinar " + webinarId.ToString(CultureInfo.InvariantCulture) + " that started " + when);
                })
                .ToList();
        }
    }
}
