using System;
using System.Net.Http;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// Registers Zoom API routes so that every handler runs under the twin's lock and every answer carries
    /// Zoom's <c>x-zm-trackingid</c> header. Buckets are the "Rate Limit Label" of each endpoint (FACTS §1.3/§1.10).
    /// </summary>
    internal sealed class ZoomRoutes
    {
        internal const string Light = "Light";
        internal const string Medium = "Medium";
        internal const string Heavy = "Heavy";

        /// <summary>Per-minute limits (Dashboard lists), sharing the Heavy daily cap.</summary>
        internal const string ResourceIntensive = "ResourceIntensive";

        private readonly RouteTable _routes;
        private readonly ZoomState _state;

        internal ZoomRoutes(RouteTable routes, ZoomState state)
        {
            _routes = routes;
            _state = state;
        }

        internal SandboxRoute Get(string template, string bucket, Func<SandboxRequest, SandboxResponse> handle)
            => Add(HttpMethod.Get, template, bucket, false, handle);

        internal void Post(string template, string bucket, Func<SandboxRequest, SandboxResponse> handle)
            => Add(HttpMethod.Post, template, bucket, true, handle);

        internal void Put(string template, string bucket, Func<SandboxRequest, SandboxResponse> handle)
            => Add(HttpMethod.Put, template, bucket, true, handle);

        internal void Delete(string template, string bucket, Func<SandboxRequest, SandboxResponse> handle)
            => Add(HttpMethod.Delete, template, bucket, true, handle);

        private SandboxRoute Add(HttpMethod method, string template, string bucket, bool isWrite, Func<SandboxRequest, SandboxResponse> handle)
        {
            return _routes.Add(SandboxApi.Zoom, method, template, bucket, isWrite, request =>
            {
                SandboxResponse response;
                lock (_state.Gate)
                {
                    response = handle(request);
                }

                response.Headers["x-zm-trackingid"] = "v=2.0;clid=us06;rid=WEB_" + _state.Context.NewId(32);
                return response;
            });
        }
    }
}
