using System.Net;
using ZoomHubPS.Sandbox.Http;
using static ZoomHubPS.Sandbox.Zoom.ZoomApiHelpers;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// <c>DELETE /webinars/{webinarId}/registrants/{registrantId}[?occurrence_id=]</c> (Light, 204). The only removal route:
    /// Zoom has no batch delete for webinar registrants. A removed person may register again (unlike a cancelled one).
    /// </summary>
    internal sealed class ZoomRegistrantDeleteRoute
    {
        private readonly ZoomState _state;

        internal ZoomRegistrantDeleteRoute(ZoomState state)
        {
            _state = state;
        }

        internal void Register(ZoomRoutes routes)
            => routes.Delete("/v2/webinars/{webinarId}/registrants/{registrantId}", ZoomRoutes.Light, Delete);

        private SandboxResponse Delete(SandboxRequest request)
        {
            ZoomWebinarRef reference = ZoomWebinarRef.Resolve(_state, request.RouteValue("webinarId"));
            if (reference.Result != ZoomRefResult.Found)
            {
                return RefError(reference);
            }

            ZoomWebinar webinar = reference.Webinar;
            if (webinar.ApprovalType == 2)
            {
                return SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 3000, "Registration has not been enabled for this webinar: " + webinar.Id + ".");
            }

            string registrantId = request.RouteValue("registrantId");
            if (!webinar.RegistrantsById.TryGetValue(registrantId ?? string.Empty, out ZoomRegistrant registrant))
            {
                return SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 3000, "Registrant " + registrantId + " was not found.");
            }

            // With an occurrence, a registration for chosen occurrences loses that one; the registrant goes when none is left.
            // How Zoom treats an occurrence of an all-occurrences registration is unconfirmed: the twin removes the registration.
            string occurrenceId = request.QueryValue("occurrence_id");
            if (!string.IsNullOrEmpty(occurrenceId) && registrant.OccurrenceIdList.Count > 1 && registrant.OccurrenceIdList.Contains(occurrenceId))
            {
                registrant.OccurrenceIdList.Remove(occurrenceId);
            }
            else if (string.IsNullOrEmpty(occurrenceId) || registrant.IsFor(occurrenceId))
            {
                Remove(webinar, registrant);
            }
            else
            {
                return SandboxResponse.ZoomError(HttpStatusCode.BadRequest, 3000, "Registrant " + registrantId + " was not found.");
            }

            return SandboxResponse.Empty(HttpStatusCode.NoContent);
        }

        // The inverse of ZoomState.AddRegistrant: the list and both lookups.
        private static void Remove(ZoomWebinar webinar, ZoomRegistrant registrant)
        {
            webinar.RegistrantList.Remove(registrant);
            webinar.RegistrantsById.Remove(registrant.Id);
            if (!string.IsNullOrEmpty(registrant.Email))
            {
                webinar.RegistrantsByEmail.Remove(registrant.Email);
            }
        }
    }
}
