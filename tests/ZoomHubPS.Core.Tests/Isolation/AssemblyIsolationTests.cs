using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace ZoomHubPS.Core.Tests.Isolation
{
    /// <summary>
    /// The cmdlet assembly loads in PowerShell's default context. If it referenced an isolated dependency
    /// (System.Text.Json, Polly, Microsoft.Extensions.*…), PowerShell would try to bind it there and fail, or bind
    /// someone else's copy. So it may reference only the framework, PowerShell and our own assemblies.
    /// </summary>
    public class AssemblyIsolationTests
    {
        private static readonly string[] Allowed =
        {
            "netstandard", "mscorlib", "System.Management.Automation", "ZoomHubPS.Core", "ZoomHubPS.Sandbox",
        };

        private static AssemblyName[] CmdletAssemblyReferences()
        {
            // Read as metadata only: loading a cmdlet type would need System.Management.Automation at run time.
            string path = Path.Combine(AppContext.BaseDirectory, "ZoomHubPS.dll");
            Assert.True(File.Exists(path), $"ZoomHubPS.dll was not copied next to the tests ({path}).");
            return Assembly.LoadFrom(path).GetReferencedAssemblies();
        }

        [Fact]
        public void TheCmdletAssemblyReferencesNoIsolatedDependency()
        {
            string[] unexpected = CmdletAssemblyReferences()
                .Select(r => r.Name)
                .Where(n => !Allowed.Contains(n, StringComparer.Ordinal))
                .ToArray();

            Assert.True(unexpected.Length == 0, "The cmdlet assembly references isolated dependencies: " + string.Join(", ", unexpected));
        }

        [Theory]
        [InlineData("System.Text.Json")]
        [InlineData("Polly.Core")]
        [InlineData("Microsoft.Extensions.Http")]
        [InlineData("Microsoft.Bcl.AsyncInterfaces")]
        [InlineData("System.Threading.RateLimiting")]
        public void TheCmdletAssemblyDoesNotReference(string dependency)
        {
            Assert.DoesNotContain(CmdletAssemblyReferences(), r => r.Name == dependency);
        }

        [Fact]
        public void TheCoreReferencesNoPowerShell()
        {
            AssemblyName[] references = typeof(ZoomHubConnection).Assembly.GetReferencedAssemblies();
            Assert.DoesNotContain(references, r => r.Name == "System.Management.Automation");
        }
    }
}
