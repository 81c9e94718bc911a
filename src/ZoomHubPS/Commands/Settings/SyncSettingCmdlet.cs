using System;
using System.IO;
using System.Management.Automation;
using System.Text;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// Base of the sync-setting cmdlets: reading and writing the settings file, turning validation failures into the
    /// module's error records, and writing the result as an object or as JSON. These cmdlets touch no API, so they
    /// derive from PSCmdlet directly and run on the pipeline thread.
    /// </summary>
    public abstract class SyncSettingCmdlet : PSCmdlet
    {
        // UTF-8 without a byte-order mark: what Azure Automation, git and every JSON tool expect.
        private static readonly Encoding FileEncoding = new UTF8Encoding(false);

        /// <summary>The file-system path of <paramref name="path"/>, relative to the current PowerShell location.</summary>
        protected string ResolvePath(string path) => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

        /// <summary>Reads and validates a settings file; any failure ends the command with an error naming the file.</summary>
        protected SyncSettings ReadFile(string path)
        {
            try
            {
                return SyncSettingsInput.ReadFile(path, ResolvePath(path));
            }
            catch (TerminatingErrorException t)
            {
                throw Terminate(t.ErrorRecord);
            }
        }

        /// <summary>Settings from the pipeline or a parameter (object, JSON text or document-shaped object).</summary>
        protected SyncSettings FromInput(object input)
            => Validated(() => SyncSettingsInput.From(input), input, input is string || (input as PSObject)?.BaseObject is string ? "the JSON text" : "the object");

        /// <summary>Builds a changed draft; a parameter value that breaks a rule ends the command as a bad argument.</summary>
        protected SyncSettings Build(SyncSettingsBuilder draft)
        {
            try
            {
                return draft.Build();
            }
            catch (InvalidSyncSettingsException ex)
            {
                throw Terminate(ErrorRecordFactory.InvalidArgument(ErrorIds.ZoomHubInvalidArgument, "A parameter value cannot be saved in the sync settings: " + ex.Message, ex.Value));
            }
        }

        /// <summary>
        /// Saves the settings (after ShouldProcess, so -WhatIf writes nothing); returns whether the file was written.
        /// With <paramref name="refuseExisting"/> an existing file is an error instead of being replaced.
        /// </summary>
        protected bool WriteFile(SyncSettings settings, string path, bool refuseExisting, string existsAction = null)
        {
            string fullPath = ResolvePath(path);
            if (refuseExisting && File.Exists(fullPath))
            {
                throw Terminate(ErrorRecordFactory.SyncSettingsExists(path, fullPath, existsAction));
            }

            if (!ShouldProcess(fullPath, "Save ZoomHubPS sync settings"))
            {
                return false;
            }

            try
            {
                File.WriteAllText(fullPath, settings.ToJson() + "\n", FileEncoding);
                WriteVerbose($"Saved the sync settings to '{fullPath}'.");
                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
            {
                throw Terminate(ErrorRecordFactory.SyncSettingsFileFailed(ex, path, writing: true));
            }
        }

        /// <summary>
        /// The Set/Remove pattern: take the settings from <paramref name="input"/> (the pipeline) or else the file at
        /// <paramref name="path"/>, apply <paramref name="change"/>, validate, save to <paramref name="path"/> when given,
        /// and write the result: always without -Path (there is nowhere else for it to go), with -Path only for
        /// -PassThru or -AsJson.
        /// </summary>
        protected void ChangeSettings(object input, string path, bool passThru, bool asJson, Action<SyncSettingsBuilder, SyncSettings> change)
        {
            if (input == null && path == null)
            {
                throw InvalidArgument(ErrorIds.ZoomHubInvalidArgument,
                    "Give the settings to change: pipe them (Get-ZoomHubSyncSetting -Path settings.json | " + MyInvocation.MyCommand.Name + " …) or name their file with -Path.", null);
            }

            SyncSettings current = input != null ? FromInput(input) : ReadFile(path);
            SyncSettingsBuilder draft = current.ToBuilder();
            change(draft, current);
            SyncSettings changed = Build(draft);
            if (path != null)
            {
                WriteFile(changed, path, refuseExisting: false);
                if (!passThru && !asJson) return;
            }

            WriteSettings(changed, asJson);
        }

        /// <summary>Writes the settings, or their document when <paramref name="asJson"/>.</summary>
        protected void WriteSettings(SyncSettings settings, bool asJson) => WriteObject(asJson ? (object)settings.ToJson() : settings);

        /// <summary>Whether the parameter was given on the command line.</summary>
        protected bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);

        /// <summary>A webinar id as typed ("812 3456 7890"), or the end of the command naming it.</summary>
        protected long NormalizeWebinarId(string text)
        {
            try
            {
                return ZoomIds.NormalizeWebinarId(text);
            }
            catch (ArgumentException ex)
            {
                throw InvalidArgument(ErrorIds.ZoomHubInvalidWebinarId, ex.Message, text);
            }
        }

        /// <summary>Ends the command with a bad-argument error.</summary>
        protected Exception InvalidArgument(string errorId, string message, object target)
            => Terminate(ErrorRecordFactory.InvalidArgument(errorId, message, target));

        private SyncSettings Validated(Func<SyncSettings> load, object target, string source)
        {
            try
            {
                return load();
            }
            catch (InvalidSyncSettingsException ex)
            {
                throw Terminate(ErrorRecordFactory.InvalidSyncSettings(ex, target, source));
            }
        }

        // ThrowTerminatingError never returns; returning an exception lets callers write `throw Terminate(...)` so the
        // compiler knows the path ends.
        private Exception Terminate(ErrorRecord record)
        {
            ThrowTerminatingError(record);
            return new InvalidOperationException(record.Exception?.Message);
        }
    }
}
