using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using ZoomHubPS.Core;

namespace ZoomHubPS.Infrastructure
{
    /// <summary>
    /// The session default connection, one per runspace (not per process): <c>ForEach-Object -Parallel</c>
    /// and runspace pools do not share it by accident; they pass <c>-Connection</c> explicitly.
    /// </summary>
    internal static class ConnectionStore
    {
        private sealed class Holder
        {
            public ZoomHubConnection Connection;
        }

        private static readonly ConditionalWeakTable<Runspace, Holder> Defaults = new ConditionalWeakTable<Runspace, Holder>();
        private static readonly Holder NoRunspace = new Holder();

        // The runspace is captured on the pipeline thread by the cmdlet: async work runs on pool threads, where
        // Runspace.DefaultRunspace is not set.
        private static Holder For(Runspace runspace)
            => runspace == null ? NoRunspace : Defaults.GetValue(runspace, _ => new Holder());

        /// <summary>The default connection of <paramref name="runspace"/>, or null.</summary>
        public static ZoomHubConnection Default(Runspace runspace) => For(runspace).Connection;

        /// <summary>Makes <paramref name="connection"/> the default and returns the one it replaced.</summary>
        public static ZoomHubConnection SetDefault(Runspace runspace, ZoomHubConnection connection)
        {
            Holder holder = For(runspace);
            ZoomHubConnection previous = holder.Connection;
            holder.Connection = connection;
            return previous;
        }

        /// <summary>Clears the default when it is <paramref name="connection"/> (or any, when null).</summary>
        public static void ClearDefault(Runspace runspace, ZoomHubConnection connection = null)
        {
            Holder holder = For(runspace);
            if (connection == null || ReferenceEquals(holder.Connection, connection))
            {
                holder.Connection = null;
            }
        }
    }
}
