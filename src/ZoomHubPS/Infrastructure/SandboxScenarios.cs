using System;
using System.IO;
using ZoomHubPS.Commands;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Infrastructure
{
    /// <summary>Reads a cmdlet's -Scenario (Connect-ZoomHub -Sandbox, Start-ZoomHubSandbox) the one way both do.</summary>
    internal static class SandboxScenarios
    {
        /// <summary>
        /// A built-in scenario by name or a scenario file by path. A name or file the loader refuses ends the command with
        /// ZoomHubInvalidScenario and the loader's own message, which names the file, the line and the JSON path.
        /// </summary>
        public static Scenario Load(string nameOrPath)
        {
            try
            {
                return ScenarioLoader.Load(nameOrPath);
            }
            catch (Exception ex) when (ex is InvalidDataException || ex is FileNotFoundException || ex is ArgumentException)
            {
                throw new TerminatingErrorException(ErrorRecordFactory.InvalidScenario(ex, nameOrPath));
            }
        }
    }
}
