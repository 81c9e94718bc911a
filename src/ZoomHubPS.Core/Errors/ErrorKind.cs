namespace ZoomHubPS.Core
{
    /// <summary>What kind of failure an API error is, independent of the service.</summary>
    public enum ErrorKind
    {
        /// <summary>Something else.</summary>
        Other,

        /// <summary>404 or the service's "does not exist" codes.</summary>
        NotFound,

        /// <summary>401: bad or expired credentials.</summary>
        Authentication,

        /// <summary>403: missing scope or permission.</summary>
        PermissionDenied,

        /// <summary>429 after the retry budget, or a daily limit.</summary>
        RateLimited,

        /// <summary>400 / 422: the input was rejected.</summary>
        Validation,

        /// <summary>409: the object exists already.</summary>
        Conflict,

        /// <summary>5xx after retries.</summary>
        ServerError,

        /// <summary>No answer in time.</summary>
        Timeout,

        /// <summary>The host could not be reached.</summary>
        Network,
    }

    /// <summary>Why Connect-ZoomHub could not validate a side.</summary>
    public enum ConnectFailureReason
    {
        /// <summary>Another reason (see the message).</summary>
        Other,

        /// <summary>Client id/secret, token or account rejected.</summary>
        InvalidCredentials,

        /// <summary>The app lacks a scope the validation call needs.</summary>
        MissingScope,

        /// <summary>The host did not answer.</summary>
        Unreachable,

        /// <summary>The account id is unknown to the service.</summary>
        InvalidAccount,
    }
}
