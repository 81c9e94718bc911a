using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace ZoomHubPS.Loading
{
    /// <summary>
    /// Loads the module's dependencies (ZoomHubPS.Core, ZoomHubPS.Sandbox, System.Text.Json, Polly,
    /// Microsoft.Extensions.*) from the <c>Dependencies/</c> folder without ever competing with the
    /// versions PowerShell, Az or Microsoft.Graph already loaded.
    /// </summary>
    /// <remarks>
    /// Why: PowerShell 7.6 already carries System.Text.Json 10.0.0.0 in its default load context, and any
    /// request for a higher version there fails with FileLoadException (0x80131040). Other modules may
    /// have loaded their own Polly or Microsoft.Extensions.* first. So our copies never go through the
    /// default context:
    /// <list type="bullet">
    /// <item>On PowerShell 7 (.NET Core) they load into one private, named AssemblyLoadContext. The
    /// module targets netstandard2.0, where AssemblyLoadContext does not exist, so the context is created
    /// and wired through reflection (the class is concrete and public since .NET Core 3.0).</item>
    /// <item>On Windows PowerShell 5.1 (.NET Framework) there are no load contexts; AssemblyResolve plus
    /// <see cref="Assembly.LoadFrom(string)"/> gives the load-from context, which is isolated enough
    /// there (never LoadFile: it breaks type identity between our own assemblies).</item>
    /// </list>
    /// Framework facades (System.Memory, System.Buffers, System.Runtime.CompilerServices.Unsafe…) are left
    /// to the runtime on PowerShell 7: the private context falls back to the default context first, and the
    /// runtime's versions (10.0) satisfy every request for them. Only when the runtime cannot satisfy a
    /// request (a name it lacks, or a higher version than it has) does our copy load.
    /// </remarks>
    internal static class DependencyLoader
    {
        internal const string ContextName = "ZoomHubPS";

        private static readonly object Gate = new object();
        private static string _dependencyFolder;
        private static HashSet<string> _shippedNames;
        private static object _isolatedContext;          // System.Runtime.Loader.AssemblyLoadContext on .NET Core
        private static MethodInfo _loadFromAssemblyPath; // AssemblyLoadContext.LoadFromAssemblyPath(string)
        private static bool _hooked;

        /// <summary>The folder our dependencies ship in (…/ZoomHubPS/Dependencies).</summary>
        internal static string DependencyFolder => _dependencyFolder;

        /// <summary>Whether we run on .NET Core (PowerShell 7) rather than .NET Framework (5.1).</summary>
        internal static bool IsCoreClr { get; } = Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: false) != null
            || typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext", throwOnError: false) != null;

        internal static void Register()
        {
            lock (Gate)
            {
                if (_hooked)
                {
                    return;
                }

                string moduleFolder = Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location);
                _dependencyFolder = Path.Combine(moduleFolder, "Dependencies");
                _shippedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                if (Directory.Exists(_dependencyFolder))
                {
                    foreach (string file in Directory.GetFiles(_dependencyFolder, "*.dll"))
                    {
                        _shippedNames.Add(Path.GetFileNameWithoutExtension(file));
                    }
                }

                AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
                _hooked = true;
            }
        }

        internal static void Unregister()
        {
            lock (Gate)
            {
                if (!_hooked)
                {
                    return;
                }

                AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;
                _hooked = false;
            }
        }

        // Fires in the default context (cmdlet assembly → ZoomHubPS.Core) and, on 5.1, for every
        // dependency of our assemblies. Acts only for names we ship; everything else is someone else's.
        private static Assembly OnAssemblyResolve(object sender, ResolveEventArgs args)
        {
            var requested = new AssemblyName(args.Name);
            if (!IsShipped(requested.Name))
            {
                return null;
            }

            // Act only for requests that come from our own assemblies (or that the runtime does not
            // attribute to anyone, as .NET Core does for the first request from the cmdlet assembly).
            if (args.RequestingAssembly != null && !IsOurs(args.RequestingAssembly))
            {
                return null;
            }

            return LoadShipped(requested);
        }

        private static bool IsOurs(Assembly assembly)
        {
            string name = assembly.GetName().Name;
            return name.StartsWith("ZoomHubPS", StringComparison.OrdinalIgnoreCase)
                || (!assembly.IsDynamic && IsUnder(assembly.Location, _dependencyFolder));
        }

        private static bool IsUnder(string path, string folder)
            => !string.IsNullOrEmpty(path) && path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase);

        private static bool IsShipped(string simpleName) => simpleName != null && _shippedNames != null && _shippedNames.Contains(simpleName);

        private static Assembly LoadShipped(AssemblyName requested)
        {
            string path = Path.Combine(_dependencyFolder, requested.Name + ".dll");
            if (!File.Exists(path))
            {
                return null;
            }

            if (!IsCoreClr)
            {
                return Assembly.LoadFrom(path);
            }

            lock (Gate)
            {
                EnsureIsolatedContext();
                return (Assembly)_loadFromAssemblyPath.Invoke(_isolatedContext, new object[] { path });
            }
        }

        private static void EnsureIsolatedContext()
        {
            if (_isolatedContext != null)
            {
                return;
            }

            Type alcType = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext", throwOnError: true);
            ConstructorInfo ctor = alcType.GetConstructor(new[] { typeof(string), typeof(bool) })
                ?? throw new PlatformNotSupportedException("AssemblyLoadContext(string, bool) was not found on this runtime.");
            object context = ctor.Invoke(new object[] { ContextName, false });
            _loadFromAssemblyPath = alcType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });

            // The private context first asks the default context (the runtime and PowerShell): that is how
            // facades stay the runtime's. What the default context cannot satisfy comes to Resolving,
            // where we load our own copy into the private context.
            EventInfo resolving = alcType.GetEvent("Resolving");
            MethodInfo handler = typeof(DependencyLoader).GetMethod(nameof(OnContextResolving), BindingFlags.NonPublic | BindingFlags.Static);
            Delegate callback = Delegate.CreateDelegate(resolving.EventHandlerType, handler);
            resolving.AddEventHandler(context, callback);
            _isolatedContext = context;

            // Polly, Microsoft.Extensions.* keep one assembly version across many releases (every Polly 8.x is
            // 8.0.0.0). If another module loaded an older 8.x first, the default context would satisfy our request
            // with theirs. So every assembly we ship that the runtime itself does not supply (at our version or
            // higher) is loaded into our context up front, and binds from our context find ours first.
            Dictionary<string, Version> platform = PlatformAssemblies();
            foreach (string file in Directory.GetFiles(_dependencyFolder, "*.dll"))
            {
                string name = Path.GetFileNameWithoutExtension(file);
                Version ours = AssemblyName.GetAssemblyName(file).Version;
                if (platform.TryGetValue(name, out Version runtime) && runtime >= ours)
                {
                    continue; // a framework facade (System.Memory, System.Buffers…): the runtime's copy serves
                }

                _loadFromAssemblyPath.Invoke(context, new object[] { file });
            }
        }

        /// <summary>Assemblies of the running .NET (its trusted platform assemblies), by simple name.</summary>
        private static Dictionary<string, Version> PlatformAssemblies()
        {
            var result = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
            string tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string;
            if (string.IsNullOrEmpty(tpa))
            {
                return result;
            }

            foreach (string path in tpa.Split(Path.PathSeparator))
            {
                try
                {
                    result[Path.GetFileNameWithoutExtension(path)] = AssemblyName.GetAssemblyName(path).Version;
                }
                catch (Exception)
                {
                    // Native or unreadable entries are not ours to care about.
                }
            }

            return result;
        }

        private static Assembly OnContextResolving(object context, AssemblyName requested)
        {
            if (!IsShipped(requested.Name))
            {
                return null;
            }

            string path = Path.Combine(_dependencyFolder, requested.Name + ".dll");
            return File.Exists(path) ? (Assembly)_loadFromAssemblyPath.Invoke(context, new object[] { path }) : null;
        }
    }
}
