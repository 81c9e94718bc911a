using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Completion
{
    /// <summary>Completes -Scenario: the built-in scenarios (demo, empty), then scenario files (*.json) and folders.</summary>
    public sealed class ScenarioCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string word = CompletionSource.Unquote(wordToComplete);
            var results = new List<CompletionResult>();
            foreach (string name in ScenarioLoader.BuiltInNames.Where(n => n.StartsWith(word, StringComparison.OrdinalIgnoreCase)))
            {
                results.Add(new CompletionResult(name, name, CompletionResultType.ParameterValue, "Built-in sandbox scenario '" + name + "'"));
            }

            // Files: only scenario JSON and folders that may hold some.
            foreach (CompletionResult file in CompletionCompleters.CompleteFilename(wordToComplete) ?? Enumerable.Empty<CompletionResult>())
            {
                if (file.ResultType == CompletionResultType.ProviderContainer || file.ListItemText.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    results.Add(file);
                }
            }

            return results;
        }
    }
}
