using System;
using System.Management.Automation;

namespace ZoomHubPS.Infrastructure
{
    /// <summary>
    /// Which diagnostic lines an invocation wants, decided once on the pipeline thread from -Verbose/-Debug/-ErrorAction
    /// and the preference variables.
    /// </summary>
    /// <remarks>
    /// Why: for a compiled cmdlet, <c>-Debug</c> without <c>-Verbose</c> makes PowerShell treat every WriteVerbose as
    /// "Inquire": an interactive host asks "Continue with this operation?" on each request line, and a non-interactive one
    /// throws. So under -Debug alone the verbose lines travel on the debug stream instead (which -Debug sets to Continue),
    /// and the request lines carry their HTTP detail there.
    /// </remarks>
    internal sealed class StreamPreferences
    {
        private StreamPreferences(bool verbose, bool verboseAsDebug, bool debug, bool stopOnError)
        {
            Verbose = verbose;
            VerboseAsDebug = verboseAsDebug;
            Debug = debug;
            StopOnError = stopOnError;
        }

        /// <summary>Nothing asked for (no cmdlet context, e.g. the base writing outside an invocation).</summary>
        public static StreamPreferences Quiet { get; } = new StreamPreferences(false, false, false, false);

        /// <summary>Request lines go to the verbose stream.</summary>
        public bool Verbose { get; }

        /// <summary>-Debug without -Verbose: verbose text is written as debug lines (never as a prompting verbose line).</summary>
        public bool VerboseAsDebug { get; }

        /// <summary>HTTP detail (allow-listed headers) goes to the debug stream.</summary>
        public bool Debug { get; }

        /// <summary>-ErrorAction Stop (or Inquire) or $ErrorActionPreference Stop: per-row errors must be written at once.</summary>
        public bool StopOnError { get; }

        /// <summary>Reads the invocation's switches, then the caller's preference variables.</summary>
        public static StreamPreferences For(PSCmdlet cmdlet)
        {
            bool? verboseSwitch = Switch(cmdlet, "Verbose");
            bool? debugSwitch = Switch(cmdlet, "Debug");
            bool debug = debugSwitch ?? Wants(cmdlet, "DebugPreference");
            bool verboseAsDebug = debugSwitch == true && verboseSwitch == null;
            bool verbose = !verboseAsDebug && (verboseSwitch ?? Wants(cmdlet, "VerbosePreference"));
            ActionPreference errorAction = cmdlet.MyInvocation.BoundParameters.TryGetValue("ErrorAction", out object bound) && bound is ActionPreference a
                ? a
                : Preference(cmdlet, "ErrorActionPreference") ?? ActionPreference.Continue;
            return new StreamPreferences(verbose, verboseAsDebug, debug, errorAction == ActionPreference.Stop || errorAction == ActionPreference.Inquire);
        }

        private static bool? Switch(PSCmdlet cmdlet, string name)
            => cmdlet.MyInvocation.BoundParameters.TryGetValue(name, out object value) && value is SwitchParameter s ? s.IsPresent : (bool?)null;

        private static bool Wants(PSCmdlet cmdlet, string variable)
        {
            ActionPreference? p = Preference(cmdlet, variable);
            return p.HasValue && p.Value != ActionPreference.SilentlyContinue && p.Value != ActionPreference.Ignore;
        }

        private static ActionPreference? Preference(PSCmdlet cmdlet, string variable)
        {
            try
            {
                object value = cmdlet.GetVariableValue(variable);
                if (value is PSObject ps) value = ps.BaseObject;
                if (value is ActionPreference p) return p;
                return value != null && Enum.TryParse(value.ToString(), true, out ActionPreference parsed) ? parsed : (ActionPreference?)null;
            }
            catch (PSInvalidOperationException)
            {
                return null; // no session state (a cmdlet invoked directly from C#)
            }
        }
    }
}
