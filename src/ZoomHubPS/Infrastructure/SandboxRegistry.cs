using System.Runtime.CompilerServices;
using ZoomHubPS.Core;
using ZoomHubPS.Sandbox;

namespace ZoomHubPS.Infrastructure
{
    /// <summary>Keeps an in-process sandbox alive exactly as long as the connection that uses it.</summary>
    internal static class SandboxRegistry
    {
        private static readonly ConditionalWeakTable<ZoomHubConnection, ZoomHubSandbox> Sandboxes = new ConditionalWeakTable<ZoomHubConnection, ZoomHubSandbox>();

        public static void Attach(ZoomHubConnection connection, ZoomHubSandbox sandbox) => Sandboxes.Add(connection, sandbox);

        public static ZoomHubSandbox Find(ZoomHubConnection connection)
            => connection != null && Sandboxes.TryGetValue(connection, out ZoomHubSandbox sandbox) ? sandbox : null;

        public static void Detach(ZoomHubConnection connection)
        {
            if (connection != null && Sandboxes.TryGetValue(connection, out ZoomHubSandbox sandbox))
            {
                Sandboxes.Remove(connection);
                sandbox.Dispose();
            }
        }
    }
}
