using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using ZoomHubPS.Core;

namespace ZoomHubPS.Infrastructure
{
    /// <summary>
    /// The default connection of each runspace, and every connection Connect-ZoomHub opened in this process.
    /// </summary>
    /// <remarks>
    /// Each runspace has its own default, so two scripts in one process (runspace pools, hosted PowerShell) never swap
    /// accounts by accident. A runspace without a default of its own (<c>ForEach-Object -Parallel</c>,
    /// <c>Start-ThreadJob</c>) reaches the process's default: the connection that is the default of the other open
    /// runspaces, when it is the same everywhere. When several runspaces have different defaults the choice would be a
    /// guess, so there is none and the error says to pass <c>-Connection $using:c</c>.
    /// </remarks>
    internal static class ConnectionStore
    {
        private sealed class Slot
        {
            public WeakReference<Runspace> Runspace;
            public ZoomHubConnection Connection;
        }

        private static readonly object Gate = new object();
        private static readonly List<Slot> Defaults = new List<Slot>();
        private static readonly List<ZoomHubConnection> Opened = new List<ZoomHubConnection>();

        /// <summary>The default of <paramref name="runspace"/>, else the process default, or null.</summary>
        public static ZoomHubConnection Default(Runspace runspace) => Default(runspace, out _);

        /// <summary>As <see cref="Default(Runspace)"/>; <paramref name="otherDefaults"/> counts the distinct defaults of other runspaces when none could be chosen.</summary>
        public static ZoomHubConnection Default(Runspace runspace, out int otherDefaults)
        {
            lock (Gate)
            {
                Prune();
                otherDefaults = 0;
                ZoomHubConnection own = Find(runspace)?.Connection;
                if (own != null) return own;
                List<ZoomHubConnection> others = Defaults.Select(d => d.Connection).Distinct().ToList();
                if (others.Count == 1) return others[0];
                otherDefaults = others.Count;
                return null;
            }
        }

        /// <summary>The default of <paramref name="runspace"/> itself (no process fallback), or null.</summary>
        public static ZoomHubConnection OwnDefault(Runspace runspace)
        {
            lock (Gate)
            {
                Prune();
                return Find(runspace)?.Connection;
            }
        }

        /// <summary>Records a new connection and makes it the default of <paramref name="runspace"/>; returns the one it replaced.</summary>
        public static ZoomHubConnection SetDefault(Runspace runspace, ZoomHubConnection connection)
        {
            lock (Gate)
            {
                Prune();
                if (!Opened.Contains(connection)) Opened.Add(connection);
                Slot slot = Find(runspace);
                if (slot == null)
                {
                    Defaults.Add(new Slot { Runspace = new WeakReference<Runspace>(runspace), Connection = connection });
                    return null;
                }

                ZoomHubConnection previous = slot.Connection;
                slot.Connection = connection;
                return previous;
            }
        }

        /// <summary>Forgets <paramref name="connection"/> everywhere: no longer a default of any runspace, no longer listed.</summary>
        public static void Forget(ZoomHubConnection connection)
        {
            lock (Gate)
            {
                Defaults.RemoveAll(d => ReferenceEquals(d.Connection, connection));
                Opened.Remove(connection);
            }
        }

        /// <summary>Whether <paramref name="connection"/> is the default <paramref name="runspace"/> would use.</summary>
        public static bool IsDefault(Runspace runspace, ZoomHubConnection connection) => ReferenceEquals(Default(runspace), connection);

        /// <summary>Every open connection of the process, oldest first.</summary>
        public static IReadOnlyList<ZoomHubConnection> Available()
        {
            lock (Gate)
            {
                Prune();
                return Opened.ToList();
            }
        }

        private static Slot Find(Runspace runspace)
            => runspace == null ? null : Defaults.FirstOrDefault(d => d.Runspace.TryGetTarget(out Runspace r) && ReferenceEquals(r, runspace));

        // Closed connections and runspaces that are gone (collected, closed, broken) hold no default.
        private static void Prune()
        {
            Opened.RemoveAll(c => c.IsClosed);
            Defaults.RemoveAll(d => d.Connection.IsClosed || !d.Runspace.TryGetTarget(out Runspace r) || IsGone(r));
        }

        private static bool IsGone(Runspace runspace)
        {
            RunspaceState state = runspace.RunspaceStateInfo.State;
            return state == RunspaceState.Closed || state == RunspaceState.Closing || state == RunspaceState.Broken;
        }
    }
}
