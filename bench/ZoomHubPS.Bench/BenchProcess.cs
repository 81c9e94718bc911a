using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace ZoomHubPS.Bench
{
    /// <summary>Starts this bench executable again (a sandbox server or a size's client process).</summary>
    internal static class BenchProcess
    {
        /// <summary>
        /// A start for this executable with <paramref name="arguments"/>: the apphost directly, or <c>dotnet bench.dll</c>
        /// when this process runs as a dll under the dotnet host.
        /// </summary>
        public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
        {
            string self = Environment.ProcessPath ?? throw new InvalidOperationException("The bench cannot find its own executable.");
            var psi = new ProcessStartInfo { UseShellExecute = false };
            string name = Path.GetFileNameWithoutExtension(self);
            if (string.Equals(name, "dotnet", StringComparison.OrdinalIgnoreCase))
            {
                psi.FileName = self;
                psi.ArgumentList.Add(typeof(BenchProcess).Assembly.Location);
            }
            else
            {
                psi.FileName = self;
            }

            foreach (string a in arguments) psi.ArgumentList.Add(a);
            return psi;
        }
    }
}
