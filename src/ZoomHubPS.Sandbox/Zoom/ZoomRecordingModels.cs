using System;
using System.Collections.Generic;
using System.Linq;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// A cloud recording of an instance. A transcript can lag behind the recording (Zoom finishes it later and sends
    /// its own <c>recording.transcript_completed</c> webhook), so the TRANSCRIPT file may not be listed yet.
    /// </summary>
    public sealed class ZoomRecording
    {
        /// <summary>Share link.</summary>
        public string ShareUrl { get; internal set; }

        /// <summary>Passcode of the recording ("" when it has none).</summary>
        public string Password { get; internal set; }

        /// <summary>Passcode to splice into play and share links as <c>?pwd=</c> ("" when the recording has no passcode).</summary>
        public string RecordingPlayPasscode { get; internal set; }

        /// <summary>Whether the recording asks for a passcode.</summary>
        public bool IsPasscodeProtected => !string.IsNullOrEmpty(Password);

        /// <summary>
        /// Every download answers 200 with an HTML page instead of the file (as Zoom does when the caller may not
        /// download, e.g. a role without "View the recording content").
        /// </summary>
        public bool DownloadRefused { get; internal set; }

        /// <summary>The transcript is not ready and will not be until <see cref="TranscriptReadyAt"/> (never, when that is null).</summary>
        public bool TranscriptPending { get; internal set; }

        /// <summary>When a pending transcript appears (sandbox time); null with <see cref="TranscriptPending"/> means not yet.</summary>
        public DateTimeOffset? TranscriptReadyAt { get; internal set; }

        /// <summary>Every file, including a transcript that is not listed yet.</summary>
        public IReadOnlyList<ZoomRecordingFile> Files => FileList;

        internal List<ZoomRecordingFile> FileList { get; } = new List<ZoomRecordingFile>();

        /// <summary>Whether the transcript files (TRANSCRIPT, CC) are listed at <paramref name="now"/>.</summary>
        public bool TranscriptReady(DateTimeOffset now)
            => !TranscriptPending || (TranscriptReadyAt.HasValue && TranscriptReadyAt.Value <= now);

        /// <summary>The files the API lists at <paramref name="now"/>.</summary>
        public IReadOnlyList<ZoomRecordingFile> FilesAt(DateTimeOffset now)
            => FileList.Where(f => !f.IsTranscript || TranscriptReady(now)).ToList();
    }

    /// <summary>One recording file.</summary>
    public sealed class ZoomRecordingFile
    {
        /// <summary>File id (absent from the API for CC and TIMELINE files).</summary>
        public string Id { get; internal set; }

        /// <summary>MP4 | M4A | CHAT | TRANSCRIPT | CSV | TB | CC | CHAT_MESSAGE | SUMMARY | TIMELINE.</summary>
        public string FileType { get; internal set; }

        /// <summary>MP4 | M4A | TXT | VTT | CSV | JSON | JPG, as the file type implies.</summary>
        public string FileExtension => ZoomRecordingFileTypes.Of(FileType).Extension;

        /// <summary>e.g. shared_screen_with_speaker_view, audio_transcript, chat_file (null for CC and TIMELINE).</summary>
        public string RecordingType { get; internal set; }

        /// <summary>Bytes: the real length of text files; as the scenario says for media.</summary>
        public long FileSize { get; internal set; }

        /// <summary>Start.</summary>
        public DateTimeOffset RecordingStart { get; internal set; }

        /// <summary>End.</summary>
        public DateTimeOffset RecordingEnd { get; internal set; }

        /// <summary>The file's bytes as text (VTT, chat TXT, CSV, JSON); null for media, which serve a short placeholder.</summary>
        public string Content { get; internal set; }

        /// <summary>TRANSCRIPT or CC: held back while the recording's transcript is pending.</summary>
        public bool IsTranscript => FileType == "TRANSCRIPT" || FileType == "CC";

        /// <summary>CC and TIMELINE entries lack id, status, file_size, recording_type and play_url (Zoom spec).</summary>
        public bool HasFileDetails => FileType != "CC" && FileType != "TIMELINE";

        /// <summary>Opaque last segment of the file's <c>download_url</c> (<c>/rec/download/{key}</c>).</summary>
        internal string DownloadKey { get; set; }

        /// <summary>Opaque segment of the file host's URL the download redirects to.</summary>
        internal string ReplayKey { get; set; }

        /// <summary>Name the file host serves it under, as the web portal names downloads (e.g. <c>GMT20261117-150001_Recording.transcript.vtt</c>).</summary>
        internal string FileName { get; set; }
    }

    /// <summary>What each recording file type is: its extension, default recording_type, MIME type and file-name suffix.</summary>
    internal sealed class ZoomRecordingFileTypes
    {
        private static readonly Dictionary<string, ZoomRecordingFileTypes> Types = new Dictionary<string, ZoomRecordingFileTypes>(StringComparer.Ordinal)
        {
            ["MP4"] = new ZoomRecordingFileTypes("MP4", "shared_screen_with_speaker_view", "video/mp4", ".mp4"),
            ["M4A"] = new ZoomRecordingFileTypes("M4A", "audio_only", "audio/mp4", ".m4a"),
            ["CHAT"] = new ZoomRecordingFileTypes("TXT", "chat_file", "text/plain; charset=utf-8", ".chat.txt"),
            ["CHAT_MESSAGE"] = new ZoomRecordingFileTypes("TXT", "chat_file", "text/plain; charset=utf-8", ".chat_message.txt"),
            ["TRANSCRIPT"] = new ZoomRecordingFileTypes("VTT", "audio_transcript", "text/vtt; charset=utf-8", ".transcript.vtt"),
            ["CC"] = new ZoomRecordingFileTypes("VTT", null, "text/vtt; charset=utf-8", ".cc.vtt"),
            ["CSV"] = new ZoomRecordingFileTypes("CSV", "poll", "text/csv; charset=utf-8", ".poll.csv"),
            ["TIMELINE"] = new ZoomRecordingFileTypes("JSON", null, "application/json; charset=utf-8", ".timeline.json"),
            ["TB"] = new ZoomRecordingFileTypes("JPG", "thumbnail", "image/jpeg", ".jpg"),
            ["SUMMARY"] = new ZoomRecordingFileTypes("JSON", "summary", "application/json; charset=utf-8", ".summary.json"),
        };

        /// <summary>The spec's <c>recording_type</c> enum.</summary>
        internal static readonly string[] RecordingTypes =
        {
            "shared_screen_with_speaker_view(CC)", "shared_screen_with_speaker_view", "shared_screen_with_gallery_view", "active_speaker",
            "gallery_view", "shared_screen", "audio_only", "audio_transcript", "chat_file", "poll", "host_video", "closed_caption", "timeline",
            "thumbnail", "audio_interpretation", "summary", "summary_next_steps", "summary_smart_chapters", "sign_interpretation", "production_studio",
        };

        private ZoomRecordingFileTypes(string extension, string recordingType, string contentType, string suffix)
        {
            Extension = extension;
            DefaultRecordingType = recordingType;
            ContentType = contentType;
            Suffix = suffix;
        }

        internal string Extension { get; }

        internal string DefaultRecordingType { get; }

        internal string ContentType { get; }

        internal string Suffix { get; }

        internal static IEnumerable<string> Names => Types.Keys;

        internal static bool IsKnown(string fileType) => fileType != null && Types.ContainsKey(fileType);

        internal static ZoomRecordingFileTypes Of(string fileType) => Types[fileType];
    }
}
