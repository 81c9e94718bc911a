using System;

namespace ZoomHubPS.Core.Recordings
{
    /// <summary>Why a transcript could not be read (<see cref="ZoomHubTranscriptUnavailableException.Reason"/>).</summary>
    public enum TranscriptProblem
    {
        /// <summary>The recording lists no transcript: not finished yet, or audio transcripts are off for the account.</summary>
        NotListed,

        /// <summary>Zoom answered the download with its HTML refusal page (only the host may download).</summary>
        DownloadRefused,

        /// <summary>The download did not return a WebVTT file.</summary>
        NotWebVtt,
    }

    /// <summary>A transcript that cannot be read, with the reason; one per instance, never one per cue.</summary>
    public sealed class ZoomHubTranscriptUnavailableException : InvalidOperationException
    {
        /// <summary>Creates the exception.</summary>
        public ZoomHubTranscriptUnavailableException(TranscriptProblem reason, long webinarId, string instanceUuid, string message)
            : base(message)
        {
            Reason = reason;
            WebinarId = webinarId;
            InstanceUuid = instanceUuid;
        }

        /// <summary>What went wrong.</summary>
        public TranscriptProblem Reason { get; }

        /// <summary>The webinar.</summary>
        public long WebinarId { get; }

        /// <summary>The instance (null: the latest).</summary>
        public string InstanceUuid { get; }
    }
}
