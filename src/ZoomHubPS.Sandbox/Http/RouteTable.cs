using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace ZoomHubPS.Sandbox.Http
{
    /// <summary>All routes of the twin. Each API module registers its routes here.</summary>
    public sealed class RouteTable
    {
        private readonly List<SandboxRoute> _routes = new List<SandboxRoute>();

        /// <summary>Every registered route.</summary>
        public IReadOnlyList<SandboxRoute> Routes => _routes;

        /// <summary>Adds a route.</summary>
        public SandboxRoute Add(SandboxApi api, HttpMethod method, string template, string bucket, bool isWrite, Func<SandboxRequest, SandboxResponse> handle)
        {
            var route = new SandboxRoute(api, method, template, bucket, isWrite, handle);
            _routes.Add(route);
            return route;
        }

        /// <summary>Finds the most specific route for a method and raw path; <paramref name="pathExists"/> tells a 405 from a 404.</summary>
        public SandboxRoute Match(HttpMethod method, string rawPath, out Dictionary<string, string> values, out bool pathExists)
        {
            string[] segments = rawPath.Trim('/').Split('/');
            pathExists = false;
            values = null;
            SandboxRoute best = null;
            foreach (SandboxRoute route in _routes.OrderByDescending(r => r.LiteralCount))
            {
                if (!route.TryMatch(segments, out Dictionary<string, string> found))
                {
                    continue;
                }

                pathExists = true;
                if (route.Method.Method.Equals(method.Method, StringComparison.OrdinalIgnoreCase))
                {
                    best = route;
                    values = found;
                    break;
                }
            }

            return best;
        }
    }
}
