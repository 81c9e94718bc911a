using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ZoomHubPS.Core;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Read;

namespace ZoomHubPS.Completion
{
    /// <summary>Completes HubSpot contact property names (internal names, with label and type as the tool tip).</summary>
    public sealed class HubSpotPropertyCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            ZoomHubConnection connection = CompletionSource.Connection(fakeBoundParameters);
            if (connection == null) return Enumerable.Empty<CompletionResult>();

            // The same definitions Get-HubSpotContact reads (one request per connection).
            Dictionary<string, HubSpotProperty> definitions = CompletionSource.Get(connection, "properties", (c, ct) => HubSpotContactView.DefinitionsAsync(c, ct));
            if (definitions == null) return Enumerable.Empty<CompletionResult>();
            string word = CompletionSource.Unquote(wordToComplete);
            return definitions.Values
                .Where(p => p.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase) || (word.Length > 0 && (p.Label ?? string.Empty).IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0))
                .OrderBy(p => p.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .Select(p => new CompletionResult(p.Name, p.Name, CompletionResultType.ParameterValue, p.Name + " — " + (p.Label ?? p.Name) + " (" + p.Type + ")"))
                .ToList();
        }
    }
}
