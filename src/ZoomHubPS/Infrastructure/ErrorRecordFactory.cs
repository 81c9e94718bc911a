using System;
using System.Globalization;
using System.Management.Automation;
using System.Net.Http;
using ZoomHubPS.Core;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Recordings;
using ZoomHubPS.Core.RegistrantLifecycle;
using ZoomHubPS.Core.Settings;
using ZoomHubPS.Core.WebinarRegistration;

namespace ZoomHubPS.Infrastructure
{
    /// <summary>
    /// The one place where exceptions become ErrorRecords: a stable error id (<see cref="ErrorIds"/>: public API that
    /// users catch and tests assert), a category, the user's input as target, a message that names the operation and
    /// the status, the API's own text, and what to do next in ErrorDetails.
    /// </summary>
    internal static class ErrorRecordFactory
    {
        /// <summary>Builds the record for <paramref name="exception"/>.</summary>
        /// <param name="exception">What went wrong.</param>
        /// <param name="target">The user's input the error is about (webinar id, email, the cmdlet for invocation errors).</param>
        /// <param name="notFoundId">A more specific id for a 404 (e.g. <see cref="ErrorIds.ZoomWebinarNotFound"/>); null keeps the generic one.</param>
        /// <param name="context">What the cmdlet was doing, for the message (e.g. "Syncing webinar 812…, instance …").</param>
        public static ErrorRecord Create(Exception exception, object target, string notFoundId = null, string context = null)
        {
            exception = Unwrap(exception);
            switch (exception)
            {
                case ZoomHubApiException api:
                    return FromApi(api, target, notFoundId, context);
                case ZoomHubConnectException connect:
                    return WithDetails(
                        new ErrorRecord(connect, connect.Side == ApiKind.Zoom ? ErrorIds.ZoomConnectFailed : ErrorIds.HubSpotConnectFailed, ConnectCategory(connect.Reason), target),
                        connect.Message,
                        ConnectAction(connect));
                case ZoomHubSchemaMissingException schema:
                    return WithDetails(new ErrorRecord(schema, ErrorIds.ZoomHubSchemaMissing, ErrorCategory.ObjectNotFound, target), schema.Message,
                        "Run Initialize-ZoomHubSchema (with the same -PropertyName map), then run the sync again.");
                case ZoomHubTimelineTemplatesMissingException templates:
                    return WithDetails(new ErrorRecord(templates, ErrorIds.ZoomHubTimelineTemplatesMissing, ErrorCategory.ObjectNotFound, target ?? templates.AppId), templates.Message,
                        $"Run Initialize-ZoomHubSchema -TimelineAppId {templates.AppId.ToString(CultureInfo.InvariantCulture)}, or leave -TimelineAppId out.");
                case RegistrationQuestionsMissingException questions:
                    return WithDetails(new ErrorRecord(questions, ErrorIds.ZoomRegistrationQuestionsMissing, ErrorCategory.InvalidData, target ?? questions.WebinarId), questions.Message,
                        "Add the answers to the input, or map them with -QuestionMap.");
                case RegistrationNotPossibleException notPossible:
                    return WithDetails(new ErrorRecord(notPossible, ErrorIds.ZoomRegistrationNotPossible, ErrorCategory.InvalidOperation, target ?? notPossible.WebinarId), notPossible.Message, null);
                case ZoomHubTranscriptUnavailableException transcript:
                    return Transcript(transcript, target);
                case HubSpotListNotFoundException list:
                    return WithDetails(new ErrorRecord(list, ErrorIds.HubSpotListNotFound, ErrorCategory.ObjectNotFound, target ?? (object)list.ListId ?? list.ListName), list.Message,
                        "Check the list's id (the number in its HubSpot URL) or its exact name.");
                case InvalidSyncSettingsException settings:
                    return InvalidSyncSettings(settings, target, null);
                case OperationCanceledException _:
                    return new ErrorRecord(exception, ErrorIds.ZoomHubOperationStopped, ErrorCategory.OperationStopped, target);
                case TimeoutException _:
                    return new ErrorRecord(exception, ErrorIds.ZoomHubTimeout, ErrorCategory.OperationTimeout, target);
                case HttpRequestException _:
                    return new ErrorRecord(exception, ErrorIds.ZoomHubNetworkError, ErrorCategory.ConnectionError, target);
                case InvalidWebinarIdException webinarId:
                    return new ErrorRecord(webinarId, ErrorIds.ZoomHubInvalidWebinarId, ErrorCategory.InvalidArgument, target ?? webinarId.Text);
                case ArgumentException _:
                    return new ErrorRecord(exception, ErrorIds.ZoomHubInvalidArgument, ErrorCategory.InvalidArgument, target);
                case InvalidOperationException _:
                    return new ErrorRecord(exception, ErrorIds.ZoomHubInvalidOperation, ErrorCategory.InvalidOperation, target);
                default:
                    return new ErrorRecord(exception, ErrorIds.ZoomHubUnexpectedError, ErrorCategory.NotSpecified, target);
            }
        }

        /// <summary>
        /// The terminating error for a cmdlet that needs a connection and has none. <paramref name="otherDefaults"/> &gt; 1:
        /// other runspaces have different defaults, so this one (a parallel or thread-job runspace) cannot pick one.
        /// </summary>
        public static ErrorRecord NotConnected(object target, int otherDefaults = 0)
        {
            string message = otherDefaults > 1
                ? $"No ZoomHub connection in this runspace, and {otherDefaults.ToString(CultureInfo.InvariantCulture)} other runspaces have different default connections, so none is chosen for you. Pass the one to use: -Connection $using:c (ForEach-Object -Parallel, Start-ThreadJob) or -Connection $c."
                : "No ZoomHub connection. Run Connect-ZoomHub first (or Connect-ZoomHub -Sandbox to try the module without an account), or pass -Connection (in ForEach-Object -Parallel or Start-ThreadJob: -Connection $using:c).";
            var ex = new InvalidOperationException(message);
            return WithDetails(new ErrorRecord(ex, ErrorIds.ZoomHubNotConnected, ErrorCategory.ConnectionError, target), ex.Message,
                "Run Connect-ZoomHub, or pass -Connection with a connection from Connect-ZoomHub -PassThru ($using:c inside parallel runspaces).");
        }

        /// <summary>The terminating error for a connection that Disconnect-ZoomHub closed.</summary>
        public static ErrorRecord ConnectionClosed(ZoomHubConnection connection, object target)
        {
            var ex = new InvalidOperationException($"This connection ({connection}) was closed by Disconnect-ZoomHub and cannot be used again. Run Connect-ZoomHub for a new one.");
            return WithDetails(new ErrorRecord(ex, ErrorIds.ZoomHubConnectionClosed, ErrorCategory.ConnectionError, target ?? connection), ex.Message,
                "Run Connect-ZoomHub (-PassThru for a connection to pass with -Connection).");
        }

        /// <summary>A validation error for bad input: <paramref name="message"/> names the input and the fix.</summary>
        public static ErrorRecord InvalidArgument(string errorId, string message, object target)
            => new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);

        /// <summary>
        /// One pipeline input the cmdlet cannot use (a string where a person is expected, an object without an Email
        /// property, an email that is only white space): non-terminating, the input as target, a message that names it
        /// and the fix (<see cref="InputText"/>).
        /// </summary>
        public static ErrorRecord InvalidInput(string message, object target)
            => WithDetails(new ErrorRecord(new ArgumentException(message), ErrorIds.ZoomHubInvalidInput, ErrorCategory.InvalidArgument, target), message, null);

        /// <summary>
        /// A sandbox scenario the loader refused: an unknown name, a missing file, or a file that is not a scenario. The
        /// loader's message names the file, the line and the JSON path.
        /// </summary>
        public static ErrorRecord InvalidScenario(Exception exception, string nameOrPath)
        {
            ErrorCategory category = exception is System.IO.FileNotFoundException ? ErrorCategory.ObjectNotFound
                : exception is ArgumentException ? ErrorCategory.InvalidArgument : ErrorCategory.InvalidData;
            return WithDetails(new ErrorRecord(exception, ErrorIds.ZoomHubInvalidScenario, category, nameOrPath), exception.Message,
                "Fix the scenario file (see about_ZoomHubPS_Sandbox_Scenarios for the format), or pass a built-in scenario: demo, business, empty.");
        }

        /// <summary>
        /// Saved sync settings that cannot be used: InvalidData, the settings' source (a path, the JSON text, the object)
        /// as target, and a message that names where they came from, the key's JSON path and the value found.
        /// </summary>
        /// <param name="exception">The validation failure (its Path and Value name the key).</param>
        /// <param name="target">The input as the user gave it.</param>
        /// <param name="source">Where the settings came from, for the message (e.g. "'C:\\sync.json'"); null for none.</param>
        public static ErrorRecord InvalidSyncSettings(InvalidSyncSettingsException exception, object target, string source)
        {
            string message = (source == null ? "The sync settings are not valid: " : $"The sync settings in {source} are not valid: ") + exception.Message;
            string action = exception.Path == "$" ? "Fix the document, then load it again (Get-ZoomHubSyncSetting)."
                : $"Fix {exception.Path} (see about_ZoomHubPS_SyncSettings for every key and its values), then load the settings again.";
            return WithDetails(new ErrorRecord(exception, ErrorIds.ZoomHubInvalidSyncSetting, ErrorCategory.InvalidData, target), message, action);
        }

        /// <summary>No sync settings file at <paramref name="fullPath"/> (<paramref name="path"/> as the user gave it).</summary>
        public static ErrorRecord SyncSettingsNotFound(Exception exception, string path, string fullPath)
            => WithDetails(new ErrorRecord(exception, ErrorIds.ZoomHubSyncSettingNotFound, ErrorCategory.ObjectNotFound, path),
                $"No sync settings file at '{fullPath}'.", "Check the path, or create the file with New-ZoomHubSyncSetting -Path.");

        /// <summary>A settings file exists where the command may not replace one.</summary>
        public static ErrorRecord SyncSettingsExists(string path, string fullPath, string recommendedAction)
        {
            var ex = new System.IO.IOException($"'{fullPath}' exists already.");
            return WithDetails(new ErrorRecord(ex, ErrorIds.ZoomHubSyncSettingExists, ErrorCategory.ResourceExists, path), ex.Message, recommendedAction);
        }

        /// <summary>The settings file could not be read or written (permissions, a missing folder…).</summary>
        public static ErrorRecord SyncSettingsFileFailed(Exception exception, string path, bool writing)
            => WithDetails(new ErrorRecord(exception, ErrorIds.ZoomHubSyncSettingFileError, writing ? ErrorCategory.WriteError : ErrorCategory.ReadError, path),
                (writing ? "Could not write the sync settings: " : "Could not read the sync settings: ") + exception.Message, null);

        /// <summary>No HubSpot contact has <paramref name="input"/> (an email or id).</summary>
        public static ErrorRecord ContactNotFound(string input, bool byId = false)
        {
            var ex = new ItemNotFoundException($"No HubSpot contact has the {(byId ? "id" : "email")} '{input}'.");
            return new ErrorRecord(ex, ErrorIds.HubSpotContactNotFound, ErrorCategory.ObjectNotFound, input);
        }

        /// <summary>Zoom refused one registration row; the result carries the reason and code.</summary>
        public static ErrorRecord RegistrationFailed(RegistrationResult result)
        {
            var ex = new InvalidOperationException($"Registering {result.Email} for webinar {result.WebinarId.ToString(CultureInfo.InvariantCulture)} failed ({result.Reason}): {result.Message}");
            return WithDetails(new ErrorRecord(ex, ErrorIds.ZoomRegistrationFailed, ErrorCategory.InvalidResult, result.GetInput() ?? result.Email), ex.Message, null);
        }

        /// <summary>
        /// A saved registration rule that failed in an account-wide run: the cause's own id (HubSpotListNotFound,
        /// ZoomWebinarNotFound, ZoomRegistrationNotPossible, ZoomRegistrationQuestionsMissing, an API failure's id), the
        /// rule as target, and a message that starts with the rule (<c>list 42 -> 81234567890</c>).
        /// </summary>
        public static ErrorRecord RegistrationRuleFailed(Exception exception, RegistrationRule rule)
        {
            exception = Unwrap(exception);
            string context = "Registration rule " + rule;
            bool fromApi = exception is ZoomHubApiException;
            ErrorRecord record = Create(exception, rule, fromApi && ((ZoomHubApiException)exception).Api == ApiKind.Zoom ? ErrorIds.ZoomWebinarNotFound : null, context);
            string message = fromApi ? record.ErrorDetails?.Message ?? context + ": " + exception.Message : context + ": " + (record.ErrorDetails?.Message ?? exception.Message);
            string action = exception is RegistrationQuestionsMissingException
                ? "A rule cannot answer registration questions: make them optional in Zoom, or register the list with Add-HubSpotContactToWebinar -ListId … -QuestionMap and remove the rule."
                : record.ErrorDetails?.RecommendedAction ?? "Fix or remove the rule (Set-ZoomHubSyncSetting -RegistrationRule …), or run once with -SkipRegistrationRules; the other rules and the sync ran.";
            return WithDetails(record, message, action);
        }

        /// <summary>A transcript that cannot be read: not listed yet (or not a WebVTT file), or a download Zoom refused.</summary>
        private static ErrorRecord Transcript(ZoomHubTranscriptUnavailableException ex, object target)
        {
            bool refused = ex.Reason == TranscriptProblem.DownloadRefused;
            var record = new ErrorRecord(ex, refused ? ErrorIds.ZoomRecordingDownloadRefused : ErrorIds.ZoomTranscriptNotAvailable,
                refused ? ErrorCategory.PermissionDenied : ErrorCategory.ResourceUnavailable, target ?? (object)ex.InstanceUuid ?? ex.WebinarId);
            string action = refused
                ? "Give the Server-to-Server app's role the \"View the recording content\" permission, or download the file as the host."
                : ex.Reason == TranscriptProblem.NotListed ? "Run again later: Zoom lists the transcript once it has finished it (audio transcripts must be on)." : null;
            return WithDetails(record, ex.Message, action);
        }

        /// <summary>Zoom refused to change one registrant (status or removal); the result carries the reason and code.</summary>
        public static ErrorRecord RegistrantChangeFailed(RegistrantChangeResult result)
        {
            string who = result.Email ?? result.RegistrantId ?? "(no id or email)";
            var ex = new InvalidOperationException($"{result.Change} of registrant {who} of webinar {result.WebinarId.ToString(CultureInfo.InvariantCulture)} failed ({result.Reason}): {result.Message}");
            ErrorCategory category;
            switch (result.Reason)
            {
                case RegistrantChangeReasons.DailyLimit:
                case RegistrantChangeReasons.RateLimited: category = ErrorCategory.LimitsExceeded; break;
                case RegistrantChangeReasons.WebinarFull: category = ErrorCategory.QuotaExceeded; break;
                case RegistrantChangeReasons.NoIdentity: category = ErrorCategory.InvalidArgument; break;
                default: category = ErrorCategory.InvalidResult; break;
            }

            string action = result.Reason == RegistrantChangeReasons.DailyLimit ? "Zoom allows 10 status updates per registrant a day; run again after 00:00 UTC (re-running is safe)." : null;
            return WithDetails(new ErrorRecord(ex, ErrorIds.ZoomRegistrantChangeFailed, category, result.Input ?? who), ex.Message, action);
        }

        /// <summary>A property the module needs exists with another definition.</summary>
        public static ErrorRecord SchemaConflict(string propertyName, string message)
            => WithDetails(new ErrorRecord(new InvalidOperationException(message), ErrorIds.ZoomHubSchemaConflict, ErrorCategory.InvalidData, propertyName), message,
                "Map the module's property to another name with -PropertyName, or change the existing property in HubSpot.");

        private static ErrorRecord FromApi(ZoomHubApiException api, object target, string notFoundId, string context)
        {
            bool zoom = api.Api == ApiKind.Zoom;
            string id;
            ErrorCategory category;
            string action = null;
            switch (api.Kind)
            {
                case ErrorKind.NotFound:
                    id = notFoundId ?? Pick(zoom, ErrorIds.ZoomNotFound, ErrorIds.HubSpotNotFound);
                    category = ErrorCategory.ObjectNotFound;
                    action = "Check the id; for Zoom past webinars, reports keep data for 6 months.";
                    break;
                case ErrorKind.Authentication:
                    id = Pick(zoom, ErrorIds.ZoomAuthenticationFailed, ErrorIds.HubSpotAuthenticationFailed);
                    category = ErrorCategory.AuthenticationError;
                    action = "Run Connect-ZoomHub again with valid credentials.";
                    break;
                case ErrorKind.PermissionDenied:
                    id = Pick(zoom, ErrorIds.ZoomPermissionDenied, ErrorIds.HubSpotPermissionDenied);
                    category = ErrorCategory.PermissionDenied;
                    action = "Grant the app the scope this operation needs, then reconnect.";
                    break;
                case ErrorKind.RateLimited:
                    id = api.IsDaily ? Pick(zoom, ErrorIds.ZoomDailyLimitExceeded, ErrorIds.HubSpotDailyLimitExceeded) : Pick(zoom, ErrorIds.ZoomRateLimited, ErrorIds.HubSpotRateLimited);
                    category = ErrorCategory.LimitsExceeded;
                    action = api.IsDaily && api.ResetsAt.HasValue
                        ? "The daily limit resets at " + api.ResetsAt.Value.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture) + "; run again after that (re-running is safe)."
                        : "The limit stayed closed for longer than the retry time budget (Connect-ZoomHub -RetryTimeBudget); run again (re-running is safe).";
                    break;
                case ErrorKind.Validation:
                    id = Pick(zoom, ErrorIds.ZoomValidationFailed, ErrorIds.HubSpotValidationFailed);
                    category = ErrorCategory.InvalidData;
                    break;
                case ErrorKind.Conflict:
                    id = Pick(zoom, ErrorIds.ZoomConflict, ErrorIds.HubSpotConflict);
                    category = ErrorCategory.ResourceExists;
                    break;
                case ErrorKind.ServerError:
                    id = Pick(zoom, ErrorIds.ZoomServerError, ErrorIds.HubSpotServerError);
                    category = ErrorCategory.ResourceUnavailable;
                    action = "The service failed after retries; run again later (re-running is safe).";
                    break;
                case ErrorKind.Timeout:
                    id = Pick(zoom, ErrorIds.ZoomTimeout, ErrorIds.HubSpotTimeout);
                    category = ErrorCategory.OperationTimeout;
                    action = "Run again later (re-running is safe), or allow more time with Connect-ZoomHub -RequestTimeout.";
                    break;
                case ErrorKind.Network:
                    id = Pick(zoom, ErrorIds.ZoomNetworkError, ErrorIds.HubSpotNetworkError);
                    category = ErrorCategory.ConnectionError;
                    action = "Check the network and run again (re-running is safe).";
                    break;
                default:
                    id = Pick(zoom, ErrorIds.ZoomRequestFailed, ErrorIds.HubSpotRequestFailed);
                    category = ErrorCategory.NotSpecified;
                    break;
            }

            // The shown message: what the cmdlet was doing, the request and its status, then the service's own words.
            string message = string.IsNullOrEmpty(context) ? api.Message : context + ": " + api.Message;
            return WithDetails(new ErrorRecord(api, id, category, target), message, action);
        }

        private static string Pick(bool zoom, string zoomId, string hubSpotId) => zoom ? zoomId : hubSpotId;

        private static ErrorCategory ConnectCategory(ConnectFailureReason reason)
        {
            switch (reason)
            {
                case ConnectFailureReason.InvalidCredentials: return ErrorCategory.AuthenticationError;
                case ConnectFailureReason.MissingScope: return ErrorCategory.PermissionDenied;
                case ConnectFailureReason.Unreachable: return ErrorCategory.ConnectionError;
                case ConnectFailureReason.InvalidAccount: return ErrorCategory.InvalidArgument;
                default: return ErrorCategory.OpenError;
            }
        }

        private static string ConnectAction(ZoomHubConnectException connect)
        {
            switch (connect.Reason)
            {
                case ConnectFailureReason.InvalidCredentials:
                    return connect.Side == ApiKind.Zoom
                        ? "Check the Server-to-Server OAuth app's account id, client id and client secret in the Zoom Marketplace."
                        : "Check the HubSpot private-app / service-key token.";
                case ConnectFailureReason.MissingScope:
                    return "Add the missing scopes to the app, then reconnect.";
                case ConnectFailureReason.Unreachable:
                    return "Check the network and the base URIs (-ZoomApiUri, -ZoomOAuthUri, -HubSpotUri).";
                default:
                    return null;
            }
        }

        private static ErrorRecord WithDetails(ErrorRecord record, string message, string recommendedAction)
        {
            if (!string.IsNullOrEmpty(message))
            {
                record.ErrorDetails = new ErrorDetails(message);
                if (!string.IsNullOrEmpty(recommendedAction))
                {
                    record.ErrorDetails.RecommendedAction = recommendedAction;
                }
            }

            return record;
        }

        private static Exception Unwrap(Exception exception)
        {
            while (exception is AggregateException agg && agg.InnerExceptions.Count == 1)
            {
                exception = agg.InnerException;
            }

            return exception;
        }
    }
}
