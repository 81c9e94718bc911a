namespace ZoomHubPS.Commands
{
    /// <summary>
    /// What the registration cmdlets hand the engine as an input's "original": the user's object plus its position in
    /// the call. The engine copies it onto the result; the cmdlet reads the position back and restores the object, so
    /// results can be released in input order even when the same email (or object) comes twice.
    /// </summary>
    internal sealed class RegistrationTicket
    {
        public RegistrationTicket(int index, object original)
        {
            Index = index;
            Original = original;
        }

        /// <summary>1-based position in the call's input.</summary>
        public int Index { get; }

        /// <summary>The user's own input object.</summary>
        public object Original { get; }
    }
}
