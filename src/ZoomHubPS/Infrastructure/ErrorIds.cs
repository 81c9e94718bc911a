namespace ZoomHubPS.Infrastructure
{
    /// <summary>
    /// Every error id the module writes, in one place. Error ids are public API: scripts catch them
    /// (<c>$err.FullyQualifiedErrorId -like 'ZoomWebinarNotFound,*'</c>) and tests assert them, so an id never changes
    /// meaning. Each one is documented in docs/about_ZoomHubPS_ErrorIds.md; a test enumerates this class and checks that.
    /// </summary>
    internal static class ErrorIds
    {
        // Invocation level: connection, parameters, schema.
        public const string ZoomHubNotConnected = nameof(ZoomHubNotConnected);
        public const string ZoomHubConnectionClosed = nameof(ZoomHubConnectionClosed);
        public const string ZoomHubInvalidArgument = nameof(ZoomHubInvalidArgument);
        public const string ZoomHubInvalidWebinarId = nameof(ZoomHubInvalidWebinarId);
        public const string ZoomHubInvalidOperation = nameof(ZoomHubInvalidOperation);
        public const string ZoomHubUnexpectedError = nameof(ZoomHubUnexpectedError);
        public const string ZoomHubOperationStopped = nameof(ZoomHubOperationStopped);
        public const string ZoomHubTimeout = nameof(ZoomHubTimeout);
        public const string ZoomHubNetworkError = nameof(ZoomHubNetworkError);
        public const string ZoomHubSchemaMissing = nameof(ZoomHubSchemaMissing);
        public const string ZoomHubSchemaConflict = nameof(ZoomHubSchemaConflict);
        public const string ZoomHubTimelineTemplatesMissing = nameof(ZoomHubTimelineTemplatesMissing);

        // Connect-ZoomHub: which side could not be validated.
        public const string ZoomConnectFailed = nameof(ZoomConnectFailed);
        public const string HubSpotConnectFailed = nameof(HubSpotConnectFailed);

        // Zoom API failures, by kind.
        public const string ZoomNotFound = nameof(ZoomNotFound);
        public const string ZoomAuthenticationFailed = nameof(ZoomAuthenticationFailed);
        public const string ZoomPermissionDenied = nameof(ZoomPermissionDenied);
        public const string ZoomRateLimited = nameof(ZoomRateLimited);
        public const string ZoomDailyLimitExceeded = nameof(ZoomDailyLimitExceeded);
        public const string ZoomValidationFailed = nameof(ZoomValidationFailed);
        public const string ZoomConflict = nameof(ZoomConflict);
        public const string ZoomServerError = nameof(ZoomServerError);
        public const string ZoomTimeout = nameof(ZoomTimeout);
        public const string ZoomNetworkError = nameof(ZoomNetworkError);
        public const string ZoomRequestFailed = nameof(ZoomRequestFailed);

        // Zoom objects that were not found (more specific than ZoomNotFound).
        public const string ZoomWebinarNotFound = nameof(ZoomWebinarNotFound);
        public const string ZoomUserNotFound = nameof(ZoomUserNotFound);
        public const string ZoomRecordingNotFound = nameof(ZoomRecordingNotFound);

        // Recording downloads and transcripts.
        public const string ZoomTranscriptNotAvailable = nameof(ZoomTranscriptNotAvailable);
        public const string ZoomRecordingDownloadRefused = nameof(ZoomRecordingDownloadRefused);

        // Registration.
        public const string ZoomRegistrationFailed = nameof(ZoomRegistrationFailed);
        public const string ZoomRegistrationQuestionsMissing = nameof(ZoomRegistrationQuestionsMissing);
        public const string ZoomRegistrationNotPossible = nameof(ZoomRegistrationNotPossible);

        // Registrant lifecycle: approve, deny, cancel, remove.
        public const string ZoomRegistrantChangeFailed = nameof(ZoomRegistrantChangeFailed);

        // HubSpot API failures, by kind.
        public const string HubSpotNotFound = nameof(HubSpotNotFound);
        public const string HubSpotAuthenticationFailed = nameof(HubSpotAuthenticationFailed);
        public const string HubSpotPermissionDenied = nameof(HubSpotPermissionDenied);
        public const string HubSpotRateLimited = nameof(HubSpotRateLimited);
        public const string HubSpotDailyLimitExceeded = nameof(HubSpotDailyLimitExceeded);
        public const string HubSpotValidationFailed = nameof(HubSpotValidationFailed);
        public const string HubSpotConflict = nameof(HubSpotConflict);
        public const string HubSpotServerError = nameof(HubSpotServerError);
        public const string HubSpotTimeout = nameof(HubSpotTimeout);
        public const string HubSpotNetworkError = nameof(HubSpotNetworkError);
        public const string HubSpotRequestFailed = nameof(HubSpotRequestFailed);

        // HubSpot objects that were not found.
        public const string HubSpotContactNotFound = nameof(HubSpotContactNotFound);
        public const string HubSpotListNotFound = nameof(HubSpotListNotFound);

        // Saved sync settings (Get/New/Set-ZoomHubSyncSetting…, and runs that read them).
        public const string ZoomHubInvalidSyncSetting = nameof(ZoomHubInvalidSyncSetting);
        public const string ZoomHubSyncSettingNotFound = nameof(ZoomHubSyncSettingNotFound);
        public const string ZoomHubSyncSettingExists = nameof(ZoomHubSyncSettingExists);
        public const string ZoomHubSyncSettingFileError = nameof(ZoomHubSyncSettingFileError);
    }
}
