using System.Management.Automation;

namespace ZoomHubPS.Loading
{
    /// <summary>Hooks dependency resolution when the module is imported and unhooks it on removal.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <inheritdoc />
        public void OnImport() => DependencyLoader.Register();

        /// <inheritdoc />
        public void OnRemove(PSModuleInfo psModuleInfo) => DependencyLoader.Unregister();
    }
}
