namespace ZoomHubPS.Infrastructure
{
    /// <summary>
    /// Where the module's help lives online (Get-Help -Online): the docs folder of the project repository. One place, so
    /// every cmdlet's HelpUri, the manifest's ProjectUri and the compiled help's links agree (a Pester test checks it).
    /// </summary>
    internal static class HelpLinks
    {
        /// <summary>The project repository (the manifest's ProjectUri).</summary>
        public const string Project = "https://github.com/ZoomHubPS/ZoomHubPS";

        /// <summary>The cmdlet help sources: <c>Base + "&lt;Cmdlet&gt;.md"</c>.</summary>
        public const string Base = Project + "/blob/main/docs/";
    }
}
