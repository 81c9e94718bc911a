using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ZoomHubPS.Core.Zoom
{
    internal abstract class ZoomPageEnvelope
    {
        [JsonPropertyName("next_page_token")] public string NextPageToken { get; set; }
        [JsonPropertyName("total_records")] public long? TotalRecords { get; set; }
    }

    internal sealed class UsersEnvelope : ZoomPageEnvelope
    {
        [JsonPropertyName("users")] public List<ZoomUser> Users { get; set; } = new List<ZoomUser>();
    }

    internal sealed class WebinarsEnvelope : ZoomPageEnvelope
    {
        [JsonPropertyName("webinars")] public List<ZoomWebinar> Webinars { get; set; } = new List<ZoomWebinar>();
    }

    internal sealed class RegistrantsEnvelope : ZoomPageEnvelope
    {
        [JsonPropertyName("registrants")] public List<ZoomRegistrant> Registrants { get; set; } = new List<ZoomRegistrant>();
    }

    internal sealed class ParticipantsEnvelope : ZoomPageEnvelope
    {
        [JsonPropertyName("participants")] public List<ZoomParticipant> Participants { get; set; } = new List<ZoomParticipant>();
    }

    internal sealed class InstancesEnvelope
    {
        [JsonPropertyName("webinars")] public List<ZoomPastInstance> Webinars { get; set; } = new List<ZoomPastInstance>();
    }

    internal sealed class PanelistsEnvelope
    {
        [JsonPropertyName("panelists")] public List<ZoomPanelist> Panelists { get; set; } = new List<ZoomPanelist>();
    }

    internal sealed class BatchRegistrantsRequest
    {
        [JsonPropertyName("auto_approve")] public bool AutoApprove { get; set; }
        [JsonPropertyName("registrants")] public List<ZoomBatchRegistrant> Registrants { get; set; }
    }

    internal sealed class BatchRegistrantsResponse
    {
        [JsonPropertyName("registrants")] public List<ZoomBatchRegistered> Registrants { get; set; } = new List<ZoomBatchRegistered>();
    }

    internal sealed class StatusUpdateRequest
    {
        [JsonPropertyName("action")] public string Action { get; set; }
        [JsonPropertyName("registrants")] public List<StatusUpdateItem> Registrants { get; set; }
    }

    internal sealed class StatusUpdateItem
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("email")] public string Email { get; set; }
    }
}
