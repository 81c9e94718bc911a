using System;
using System.Linq;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.Recordings
{
    /// <summary>Whether the sync knows an instance's recording.</summary>
    public enum RecordingState
    {
        /// <summary>Not read (recordings off, an excluded host, an instance not held, or the read failed): what HubSpot holds stays as it is.</summary>
        NotRead,

        /// <summary>Zoom has no recording of the instance (404, code 3301).</summary>
        NoRecording,

        /// <summary>Read: share URL, start and length are known.</summary>
        Available,
    }

    /// <summary>Why a recording was not read or has no transcript (the values of <see cref="InstanceRecording.Reason"/>).</summary>
    public static class RecordingReasons
    {
        /// <summary>Recordings are not synced for this run (no -IncludeRecording, or the saved settings turn them off).</summary>
        public const string RecordingsOff = "RecordingsOff";

        /// <summary>The host's domain is in the recording exclusions.</summary>
        public const string ExcludedDomain = "ExcludedRecordingDomain";

        /// <summary>The webinar has not been held yet.</summary>
        public const string NotHeld = "NotHeld";

        /// <summary>Zoom has no recording of the instance.</summary>
        public const string NoRecording = "NoRecording";

        /// <summary>Zoom did not answer the read (missing scope, an error after retries): tried again next run.</summary>
        public const string Unavailable = "Unavailable";
    }

    /// <summary>
    /// What the sync knows of one instance's cloud recording: read once per instance (one request), then written to the
    /// instance's marketing event, into each registrant's and attendee's ledger entry, and into the "recording available"
    /// timeline event.
    /// </summary>
    public sealed class InstanceRecording
    {
        private InstanceRecording(RecordingState state, string reason, string message)
        {
            State = state;
            Reason = reason;
            Message = message;
        }

        /// <summary>Known, known to be absent, or not read.</summary>
        public RecordingState State { get; }

        /// <summary>A <see cref="RecordingReasons"/> value when there is no recording to write, else null.</summary>
        public string Reason { get; }

        /// <summary>What to tell the user (why nothing was read, a passcode, a transcript not ready yet); null when all is plain.</summary>
        public string Message { get; }

        /// <summary>The recording as Zoom answered it (null unless <see cref="RecordingState.Available"/>).</summary>
        public ZoomRecording Recording { get; private set; }

        /// <summary>The share link marketers send.</summary>
        public string ShareUrl => Recording?.ShareUrl;

        /// <summary>When the recording starts: its earliest file, else the recording's start time.</summary>
        public DateTimeOffset? Start { get; private set; }

        /// <summary>Whole minutes from the earliest file's start to the latest file's end (else Zoom's duration).</summary>
        public int DurationMinutes { get; private set; }

        /// <summary>The share link needs the recording's passcode to play.</summary>
        public bool PasscodeProtected => !string.IsNullOrEmpty(Recording?.Password);

        /// <summary>The transcript file (TRANSCRIPT), once Zoom lists it; null while it is not ready or when there is none.</summary>
        public ZoomRecordingFile Transcript => Recording?.RecordingFiles?.FirstOrDefault(f => string.Equals(f.FileType, "TRANSCRIPT", StringComparison.OrdinalIgnoreCase));

        /// <summary>The transcript's download link (for Get-ZoomWebinarTranscript; opening it needs a Zoom sign-in), or null.</summary>
        public string TranscriptUrl => Transcript?.DownloadUrl;

        internal static InstanceRecording NotRead(string reason, string message = null) => new InstanceRecording(RecordingState.NotRead, reason, message);

        internal static InstanceRecording None() => new InstanceRecording(RecordingState.NoRecording, RecordingReasons.NoRecording, "Zoom has no cloud recording of this instance.");

        internal static InstanceRecording Of(ZoomRecording recording)
        {
            var files = (recording.RecordingFiles ?? new System.Collections.Generic.List<ZoomRecordingFile>()).Where(f => f.RecordingStart.HasValue && f.RecordingEnd.HasValue).ToList();
            DateTimeOffset? start = files.Count > 0 ? files.Min(f => f.RecordingStart.Value) : recording.StartTime;
            int minutes = files.Count > 0 ? (int)Math.Round((files.Max(f => f.RecordingEnd.Value) - files.Min(f => f.RecordingStart.Value)).TotalMinutes) : recording.Duration;
            bool transcript = (recording.RecordingFiles ?? new System.Collections.Generic.List<ZoomRecordingFile>()).Any(f => string.Equals(f.FileType, "TRANSCRIPT", StringComparison.OrdinalIgnoreCase));
            string message = null;
            if (!string.IsNullOrEmpty(recording.Password)) message = "The recording has a passcode: people opening the share link are asked for it.";
            if (!transcript) message = (message == null ? string.Empty : message + " ") + "Zoom lists no transcript yet (it appears when Zoom has finished it, if audio transcripts are on).";
            return new InstanceRecording(RecordingState.Available, null, message) { Recording = recording, Start = start, DurationMinutes = Math.Max(0, minutes) };
        }
    }
}
