using System;

namespace ZoomHubPS.Core.Settings
{
    /// <summary>
    /// A settings document (or a value given for one) that cannot be used. <see cref="Path"/> is the JSON path of the bad
    /// key and <see cref="Value"/> the value found there, so a runbook's error says exactly what to fix.
    /// </summary>
    public sealed class InvalidSyncSettingsException : FormatException
    {
        /// <summary>Creates the exception; the message is "<paramref name="path"/>: <paramref name="problem"/>".</summary>
        public InvalidSyncSettingsException(string path, string value, string problem, Exception innerException = null)
            : base(path + ": " + problem, innerException)
        {
            Path = path;
            Value = value;
            Problem = problem;
        }

        /// <summary>JSON path of the bad key, e.g. <c>$.exclusions.hostDomains[1]</c> (<c>$</c> for the whole document).</summary>
        public string Path { get; }

        /// <summary>The value found at <see cref="Path"/> as JSON text (shortened), or null when the key is missing.</summary>
        public string Value { get; }

        /// <summary>What is wrong and what is allowed, without the path.</summary>
        public string Problem { get; }
    }
}
