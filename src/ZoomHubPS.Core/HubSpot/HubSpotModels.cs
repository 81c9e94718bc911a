using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

// HubSpot models: JSON names as in HubSpot's v3 APIs (FACTS §2, §6). Property values are strings, as HubSpot sends them.
namespace ZoomHubPS.Core.HubSpot
{
    /// <summary>A CRM object (contact) as HubSpot returns it.</summary>
    public sealed class HubSpotObject
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("properties")] public Dictionary<string, string> Properties { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("updatedAt")] public DateTimeOffset? UpdatedAt { get; set; }
        [JsonPropertyName("archived")] public bool Archived { get; set; }
        [JsonPropertyName("archivedAt")] public DateTimeOffset? ArchivedAt { get; set; }
        /// <summary>Upsert only: true when the upsert created the record.</summary>
        [JsonPropertyName("new")] public bool? New { get; set; }

        /// <summary>A property value, or null.</summary>
        public string Get(string name) => Properties != null && Properties.TryGetValue(name, out string v) ? v : null;

        /// <summary>The primary email.</summary>
        [JsonIgnore] public string Email => Get("email");
    }

    /// <summary>One failure inside a batch (207) answer.</summary>
    public sealed class HubSpotBatchError
    {
        [JsonPropertyName("status")] public string Status { get; set; }
        [JsonPropertyName("category")] public string Category { get; set; }
        [JsonPropertyName("subCategory")] public string SubCategory { get; set; }
        [JsonPropertyName("message")] public string Message { get; set; }
        [JsonPropertyName("context")] public Dictionary<string, List<string>> Context { get; set; }
        [JsonPropertyName("errors")] public List<HubSpotErrorDetail> Errors { get; set; }

        /// <summary>The inputs (ids, emails) the error is about, from its context.</summary>
        [JsonIgnore]
        public IEnumerable<string> Ids
        {
            get
            {
                if (Context == null) yield break;
                foreach (var pair in Context)
                {
                    foreach (string v in pair.Value ?? new List<string>()) yield return v;
                }
            }
        }
    }

    /// <summary>Detail line of an error.</summary>
    public sealed class HubSpotErrorDetail
    {
        [JsonPropertyName("message")] public string Message { get; set; }
        [JsonPropertyName("code")] public string Code { get; set; }
        [JsonPropertyName("in")] public string In { get; set; }
    }

    /// <summary>Combined answer of one or several batch calls.</summary>
    public sealed class HubSpotBatchResult<T>
    {
        [JsonPropertyName("status")] public string Status { get; set; }
        [JsonPropertyName("results")] public List<T> Results { get; set; } = new List<T>();
        [JsonPropertyName("errors")] public List<HubSpotBatchError> Errors { get; set; } = new List<HubSpotBatchError>();
        [JsonPropertyName("numErrors")] public int NumErrors { get; set; }
    }

    /// <summary>Input of a batch upsert/update.</summary>
    public sealed class HubSpotObjectInput
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("idProperty")] public string IdProperty { get; set; }
        [JsonPropertyName("properties")] public Dictionary<string, string> Properties { get; set; } = new Dictionary<string, string>();
    }

    /// <summary>A search request (filterGroups OR together; filters inside a group AND together).</summary>
    public sealed class HubSpotSearchRequest
    {
        [JsonPropertyName("filterGroups")] public List<HubSpotFilterGroup> FilterGroups { get; set; } = new List<HubSpotFilterGroup>();
        [JsonPropertyName("sorts")] public List<string> Sorts { get; set; }
        [JsonPropertyName("query")] public string Query { get; set; }
        [JsonPropertyName("properties")] public List<string> Properties { get; set; }
        [JsonPropertyName("limit")] public int Limit { get; set; } = 200;
        [JsonPropertyName("after")] public string After { get; set; }
    }

    /// <summary>A group of filters (AND).</summary>
    public sealed class HubSpotFilterGroup
    {
        [JsonPropertyName("filters")] public List<HubSpotFilter> Filters { get; set; } = new List<HubSpotFilter>();
    }

    /// <summary>One search filter.</summary>
    public sealed class HubSpotFilter
    {
        [JsonPropertyName("propertyName")] public string PropertyName { get; set; }
        /// <summary>EQ, NEQ, LT, LTE, GT, GTE, BETWEEN, IN, NOT_IN, HAS_PROPERTY, NOT_HAS_PROPERTY, CONTAINS_TOKEN, NOT_CONTAINS_TOKEN.</summary>
        [JsonPropertyName("operator")] public string Operator { get; set; }
        [JsonPropertyName("value")] public string Value { get; set; }
        [JsonPropertyName("highValue")] public string HighValue { get; set; }
        [JsonPropertyName("values")] public List<string> Values { get; set; }
    }

    /// <summary>A contact property definition.</summary>
    public sealed class HubSpotProperty
    {
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("label")] public string Label { get; set; }
        /// <summary>string, number, date, datetime, enumeration, bool, phone_number.</summary>
        [JsonPropertyName("type")] public string Type { get; set; }
        [JsonPropertyName("fieldType")] public string FieldType { get; set; }
        [JsonPropertyName("groupName")] public string GroupName { get; set; }
        [JsonPropertyName("description")] public string Description { get; set; }
        [JsonPropertyName("hidden")] public bool Hidden { get; set; }
        [JsonPropertyName("formField")] public bool? FormField { get; set; }
        [JsonPropertyName("displayOrder")] public int? DisplayOrder { get; set; }
        [JsonPropertyName("hubspotDefined")] public bool? HubSpotDefined { get; set; }
        [JsonPropertyName("archived")] public bool? Archived { get; set; }
        [JsonPropertyName("options")] public List<HubSpotPropertyOption> Options { get; set; }
    }

    /// <summary>An enumeration option.</summary>
    public sealed class HubSpotPropertyOption
    {
        [JsonPropertyName("label")] public string Label { get; set; }
        [JsonPropertyName("value")] public string Value { get; set; }
        [JsonPropertyName("displayOrder")] public int? DisplayOrder { get; set; }
        [JsonPropertyName("hidden")] public bool Hidden { get; set; }
    }

    /// <summary>A property group.</summary>
    public sealed class HubSpotPropertyGroup
    {
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("label")] public string Label { get; set; }
        [JsonPropertyName("displayOrder")] public int DisplayOrder { get; set; } = -1;
        [JsonPropertyName("archived")] public bool? Archived { get; set; }
    }

    /// <summary>A marketing event (create/upsert body and answer).</summary>
    public sealed class HubSpotMarketingEvent
    {
        [JsonPropertyName("objectId")] public string ObjectId { get; set; }
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("externalAccountId")] public string ExternalAccountId { get; set; }
        [JsonPropertyName("externalEventId")] public string ExternalEventId { get; set; }
        [JsonPropertyName("eventName")] public string EventName { get; set; }
        [JsonPropertyName("eventType")] public string EventType { get; set; }
        [JsonPropertyName("eventOrganizer")] public string EventOrganizer { get; set; }
        [JsonPropertyName("eventDescription")] public string EventDescription { get; set; }
        [JsonPropertyName("eventUrl")] public string EventUrl { get; set; }
        [JsonPropertyName("startDateTime")] public DateTimeOffset? StartDateTime { get; set; }
        [JsonPropertyName("endDateTime")] public DateTimeOffset? EndDateTime { get; set; }
        [JsonPropertyName("eventCancelled")] public bool? EventCancelled { get; set; }
        [JsonPropertyName("eventCompleted")] public bool? EventCompleted { get; set; }
        [JsonPropertyName("customProperties")] public List<HubSpotEventProperty> CustomProperties { get; set; } = new List<HubSpotEventProperty>();
    }

    /// <summary>A custom property of a marketing event.</summary>
    public sealed class HubSpotEventProperty
    {
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("value")] public string Value { get; set; }
    }

    /// <summary>Participation state of a marketing-event attendance call.</summary>
    public enum ParticipationState
    {
        /// <summary>register.</summary>
        Register,

        /// <summary>attend (with joinedAt/leftAt).</summary>
        Attend,

        /// <summary>cancel.</summary>
        Cancel,
    }

    /// <summary>One participation input (by contact id or by email).</summary>
    public sealed class HubSpotParticipationInput
    {
        /// <summary>Contact id (attendance/…/create).</summary>
        [JsonPropertyName("vid")] public long? ContactId { get; set; }

        /// <summary>Email (attendance/…/email-create: creates missing contacts).</summary>
        [JsonPropertyName("email")] public string Email { get; set; }

        /// <summary>When it happened, ms since the epoch.</summary>
        [JsonPropertyName("interactionDateTime")] public long InteractionDateTime { get; set; }

        /// <summary>For attend: joinedAt / leftAt (ISO).</summary>
        [JsonPropertyName("properties")] public Dictionary<string, string> Properties { get; set; }

        /// <summary>email-create only: properties of contacts it creates.</summary>
        [JsonPropertyName("contactProperties")] public Dictionary<string, string> ContactProperties { get; set; }
    }

    /// <summary>Participation counters of an event.</summary>
    public sealed class HubSpotParticipationCounters
    {
        [JsonPropertyName("attended")] public int Attended { get; set; }
        [JsonPropertyName("cancelled")] public int Cancelled { get; set; }
        [JsonPropertyName("noShows")] public int NoShows { get; set; }
        [JsonPropertyName("registered")] public int Registered { get; set; }
    }

    /// <summary>One participation of a breakdown.</summary>
    public sealed class HubSpotParticipationBreakdown
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonPropertyName("properties")] public HubSpotParticipationProperties Properties { get; set; }
    }

    /// <summary>What HubSpot says about one participation (FACTS §6, participations breakdown).</summary>
    public sealed class HubSpotParticipationProperties
    {
        /// <summary>REGISTERED, ATTENDED, CANCELLED, …</summary>
        [JsonPropertyName("attendanceState")] public string AttendanceState { get; set; }

        /// <summary>When it happened.</summary>
        [JsonPropertyName("occurredAt")] public DateTimeOffset? OccurredAt { get; set; }

        /// <summary>Seconds attended (attend, after the event is completed).</summary>
        [JsonPropertyName("attendanceDurationSeconds")] public long? AttendanceDurationSeconds { get; set; }

        /// <summary>Percent attended (attend, after the event is completed).</summary>
        [JsonPropertyName("attendancePercentage")] public double? AttendancePercentage { get; set; }
    }

    /// <summary>Account details (GET /account-info/v3/details).</summary>
    public sealed class HubSpotAccountDetails
    {
        [JsonPropertyName("portalId")] public long PortalId { get; set; }
        [JsonPropertyName("timeZone")] public string TimeZone { get; set; }
        [JsonPropertyName("utcOffsetMilliseconds")] public long? UtcOffsetMilliseconds { get; set; }
        [JsonPropertyName("companyCurrency")] public string CompanyCurrency { get; set; }
        [JsonPropertyName("uiDomain")] public string UiDomain { get; set; }
        [JsonPropertyName("dataHostingLocation")] public string DataHostingLocation { get; set; }
    }

    /// <summary>What a private-app token is (FACTS §E): its portal, app, the user who made it, and its scopes.</summary>
    public sealed class HubSpotAccessTokenInfo
    {
        [JsonPropertyName("userId")] public long? UserId { get; set; }
        [JsonPropertyName("hubId")] public long? HubId { get; set; }
        [JsonPropertyName("appId")] public long? AppId { get; set; }
        [JsonPropertyName("scopes")] public List<string> Scopes { get; set; }
    }

    /// <summary>Daily usage of private apps.</summary>
    public sealed class HubSpotDailyUsage
    {
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("usageLimit")] public long UsageLimit { get; set; }
        [JsonPropertyName("currentUsage")] public long CurrentUsage { get; set; }
        [JsonPropertyName("resetsAt")] public DateTimeOffset? ResetsAt { get; set; }
    }

    /// <summary>A timeline event template.</summary>
    public sealed class HubSpotTimelineTemplate
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("objectType")] public string ObjectType { get; set; } = "contacts";
        [JsonPropertyName("headerTemplate")] public string HeaderTemplate { get; set; }
        [JsonPropertyName("detailTemplate")] public string DetailTemplate { get; set; }
        [JsonPropertyName("tokens")] public List<HubSpotTimelineToken> Tokens { get; set; } = new List<HubSpotTimelineToken>();
    }

    /// <summary>A template token.</summary>
    public sealed class HubSpotTimelineToken
    {
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("label")] public string Label { get; set; }
        /// <summary>date | enumeration | number | string.</summary>
        [JsonPropertyName("type")] public string Type { get; set; }

        /// <summary>Options of an enumeration token; the spec requires the field on every token (empty otherwise).</summary>
        [JsonPropertyName("options")] public List<HubSpotTimelineTokenOption> Options { get; set; } = new List<HubSpotTimelineTokenOption>();
    }

    /// <summary>An option of an enumeration token.</summary>
    public sealed class HubSpotTimelineTokenOption
    {
        [JsonPropertyName("value")] public string Value { get; set; }
        [JsonPropertyName("label")] public string Label { get; set; }
    }

    /// <summary>A timeline event.</summary>
    public sealed class HubSpotTimelineEvent
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("eventTemplateId")] public string EventTemplateId { get; set; }
        [JsonPropertyName("email")] public string Email { get; set; }
        [JsonPropertyName("objectId")] public string ObjectId { get; set; }
        [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; set; }
        [JsonPropertyName("tokens")] public Dictionary<string, string> Tokens { get; set; } = new Dictionary<string, string>();
    }
}
