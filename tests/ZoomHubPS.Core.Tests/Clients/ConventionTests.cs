using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.Tests.Clients
{
    /// <summary>Conventions every client method follows (Octokit's convention tests, in spirit).</summary>
    public class ConventionTests
    {
        private static MethodInfo[] ClientMethods()
            => typeof(ZoomClient).Assembly.GetExportedTypes()
                .Where(t => t.IsClass && (typeof(ZoomApiClient).IsAssignableFrom(t) || typeof(HubSpotApiClient).IsAssignableFrom(t)) && !t.IsAbstract)
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                .Where(m => !m.IsSpecialName)
                .ToArray();

        [Fact]
        public void ThereAreClientMethodsToCheck() => Assert.True(ClientMethods().Length > 30);

        [Fact]
        public void EveryListMethodTakesListOptionsAndACancellationToken()
        {
            var offenders = ClientMethods()
                .Where(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(Pageable<>))
                .Where(m => !m.GetParameters().Any(p => p.ParameterType == typeof(ListOptions)) || m.GetParameters().Last().ParameterType != typeof(CancellationToken))
                .Select(m => m.DeclaringType.Name + "." + m.Name)
                .ToArray();
            Assert.True(offenders.Length == 0, "List methods without ListOptions/CancellationToken: " + string.Join(", ", offenders));
        }

        [Fact]
        public void EveryAsyncMethodTakesACancellationTokenLastWithADefault()
        {
            var offenders = ClientMethods()
                .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType))
                .Where(m => m.GetParameters().LastOrDefault() is ParameterInfo p ? p.ParameterType != typeof(CancellationToken) || !p.HasDefaultValue : true)
                .Select(m => m.DeclaringType.Name + "." + m.Name)
                .ToArray();
            Assert.True(offenders.Length == 0, "Async methods without a trailing optional CancellationToken: " + string.Join(", ", offenders));
        }

        [Fact]
        public void EveryClientMethodIsVirtualForMocking()
        {
            var offenders = ClientMethods().Where(m => !m.IsVirtual).Select(m => m.DeclaringType.Name + "." + m.Name).ToArray();
            Assert.True(offenders.Length == 0, "Non-virtual client methods: " + string.Join(", ", offenders));
        }
    }
}
