using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace ZoomHubPS.Core.Tests.Conventions
{
    /// <summary>
    /// Error ids are public API (scripts catch them): each one is a constant in ErrorIds, documented in
    /// about_ZoomHubPS_ErrorIds, and every ErrorRecord is built by the one factory.
    /// </summary>
    public class ErrorIdTests
    {
        private static string RepoRoot()
        {
            for (DirectoryInfo d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "ZoomHubPS.sln"))) return d.FullName;
            }

            throw new InvalidOperationException("The repository root (ZoomHubPS.sln) is not above " + AppContext.BaseDirectory);
        }

        private static string[] DeclaredIds()
        {
            Assembly cmdlets = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "ZoomHubPS.dll"));
            Type ids = cmdlets.GetType("ZoomHubPS.Infrastructure.ErrorIds", throwOnError: true);
            return ids.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (string)f.GetRawConstantValue())
                .ToArray();
        }

        [Fact]
        public void EveryErrorIdIsItsOwnNameAndIsDocumented()
        {
            string[] ids = DeclaredIds();
            Assert.True(ids.Length > 30, "ErrorIds lists the module's ids");
            Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
            string doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "about_ZoomHubPS_ErrorIds.md"));
            string[] undocumented = ids.Where(id => !Regex.IsMatch(doc, @"\|\s*" + Regex.Escape(id) + @"\s*\|")).ToArray();
            Assert.True(undocumented.Length == 0, "Not documented in about_ZoomHubPS_ErrorIds.md: " + string.Join(", ", undocumented));
        }

        [Fact]
        public void EveryErrorRecordIsBuiltByTheFactoryWithAnIdFromErrorIds()
        {
            string src = Path.Combine(RepoRoot(), "src", "ZoomHubPS");
            string[] outside = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith("ErrorRecordFactory.cs", StringComparison.Ordinal))
                .Where(f => File.ReadAllText(f).Contains("new ErrorRecord("))
                .Select(f => f.Substring(src.Length + 1))
                .ToArray();
            Assert.True(outside.Length == 0, "ErrorRecords built outside ErrorRecordFactory: " + string.Join(", ", outside));

            string[] literals = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith("ErrorIds.cs", StringComparison.Ordinal))
                .SelectMany(f => Regex.Matches(File.ReadAllText(f), "\"([A-Za-z]+)\"").Cast<Match>().Select(m => m.Groups[1].Value))
                .Intersect(DeclaredIds(), StringComparer.Ordinal)
                .ToArray();
            Assert.True(literals.Length == 0, "Error ids written as string literals instead of ErrorIds constants: " + string.Join(", ", literals));
        }
    }
}
