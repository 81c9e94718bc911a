namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// Zoom's email display rule (since 2022-03-01, FACTS §1.2) where the spec applies it to polls and Q&amp;A (the past-webinar
    /// routes and the Q&amp;A report): the email of someone outside the host's account is blank, unless they typed it into
    /// the webinar's registration. The poll report documents the email without that caveat and shows it.
    /// </summary>
    internal static class ZoomEmailDisplay
    {
        internal static string Shown(ZoomState state, ZoomWebinar webinar, string email)
        {
            if (string.IsNullOrEmpty(email)) return string.Empty;
            return state.IsInternal(email) || webinar.RegistrantsByEmail.ContainsKey(email) ? email : string.Empty;
        }
    }
}
