using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.Recordings
{
    /// <summary>A downloaded transcript: the WebVTT text and its cues.</summary>
    public sealed class WebinarTranscript
    {
        internal WebinarTranscript(ZoomRecording recording, string fileName, string text)
        {
            Recording = recording;
            FileName = fileName;
            Text = text;
        }

        /// <summary>The recording the transcript belongs to.</summary>
        public ZoomRecording Recording { get; }

        /// <summary>The file name the file host gave, if any.</summary>
        public string FileName { get; }

        /// <summary>The WebVTT file as Zoom stores it.</summary>
        public string Text { get; }

        /// <summary>The cues, read one at a time, each naming the webinar and instance.</summary>
        public IEnumerable<TranscriptCue> Cues()
        {
            foreach (TranscriptCue cue in WebVttReader.Read(Text))
            {
                cue.WebinarId = Recording.Id;
                cue.InstanceUuid = Recording.Uuid;
                yield return cue;
            }
        }
    }

    /// <summary>
    /// Downloads an instance's transcript (the recording's TRANSCRIPT file, WebVTT) with the connection's token. A
    /// recording without a transcript, a refused download (Zoom's 200 HTML page) and a file that is not WebVTT end in
    /// one <see cref="ZoomHubTranscriptUnavailableException"/> naming the reason; no recording at all is Zoom's 404 (3301).
    /// </summary>
    public sealed class TranscriptReader
    {
        private readonly ZoomHubConnection _connection;

        /// <summary>Creates a reader over a connection.</summary>
        public TranscriptReader(ZoomHubConnection connection) => _connection = connection ?? throw new ArgumentNullException(nameof(connection));

        /// <summary>The transcript of an instance (null UUID: the latest instance): one recording read, one download.</summary>
        public async Task<WebinarTranscript> ReadAsync(long webinarId, string instanceUuid, CancellationToken cancellationToken = default)
        {
            ZoomRecording recording = await _connection.Zoom.Recordings.GetAsync(webinarId, instanceUuid, cancellationToken).ConfigureAwait(false);
            return await ReadAsync(recording, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The transcript of a recording already read (Get-ZoomWebinarRecording): one download.</summary>
        public async Task<WebinarTranscript> ReadAsync(ZoomRecording recording, CancellationToken cancellationToken = default)
        {
            if (recording == null) throw new ArgumentNullException(nameof(recording));
            InstanceRecording known = InstanceRecording.Of(recording);
            if (known.Transcript == null || string.IsNullOrEmpty(known.TranscriptUrl))
            {
                throw Problem(TranscriptProblem.NotListed, recording,
                    $"The recording of webinar {recording.Id} ({recording.Topic}, {recording.StartTime:u}) lists no transcript yet. Zoom adds it some time after the recording, when audio transcripts are on for the account; try again later.");
            }

            DownloadedFile file;
            try
            {
                file = await _connection.Zoom.Recordings.DownloadAsync(known.TranscriptUrl, cancellationToken).ConfigureAwait(false);
            }
            catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.NotFound)
            {
                throw Problem(TranscriptProblem.NotListed, recording, $"The transcript of webinar {recording.Id} ({recording.Topic}) is listed but not ready to download yet; try again later.");
            }

            if (file.IsRefusalPage)
            {
                throw Problem(TranscriptProblem.DownloadRefused, recording,
                    $"Zoom refused the transcript download of webinar {recording.Id} ({recording.Topic}): it answered with its sign-in page (\"Only the host can download this recording\"). Give the app's role \"View the recording content\", or ask the host.");
            }

            string text = file.Text;
            if (!WebVttReader.LooksLikeWebVtt(text))
            {
                throw Problem(TranscriptProblem.NotWebVtt, recording, $"The transcript download of webinar {recording.Id} returned {file.MediaType ?? "content without a type"}, not a WebVTT file.");
            }

            return new WebinarTranscript(recording, file.FileName, text.TrimStart('\uFEFF'));
        }

        private static ZoomHubTranscriptUnavailableException Problem(TranscriptProblem reason, ZoomRecording recording, string message)
            => new ZoomHubTranscriptUnavailableException(reason, recording.Id, recording.Uuid, message);
    }
}
