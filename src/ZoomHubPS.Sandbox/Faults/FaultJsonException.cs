using System;

namespace ZoomHubPS.Sandbox.Faults
{
    /// <summary>
    /// Fault JSON that cannot be read: malformed, an unknown key, or a value of the wrong shape. The message says what
    /// was expected; <see cref="KeyPath"/> names the place (<c>$</c>, <c>$.rules[1].kind</c>) so a caller can map it to
    /// its own error id without parsing the message.
    /// </summary>
    public sealed class FaultJsonException : ArgumentException
    {
        /// <summary>Creates the exception for the key at <paramref name="keyPath"/>.</summary>
        public FaultJsonException(string keyPath, string message, Exception innerException = null)
            : base(message, innerException)
        {
            KeyPath = keyPath;
        }

        /// <summary>Where the problem is, as a JSON path: <c>$</c> for the whole document, <c>$.rules[0].times</c> for a key.</summary>
        public string KeyPath { get; }
    }
}
