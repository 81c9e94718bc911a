using System;

namespace ZoomHubPS.Core.Recordings
{
    /// <summary>One cue of a transcript: who said what, between two offsets from the recording's start.</summary>
    public sealed class TranscriptCue
    {
        /// <summary>The webinar (set when the cue comes from a download).</summary>
        public long WebinarId { get; internal set; }

        /// <summary>The instance UUID (set when the cue comes from a download).</summary>
        public string InstanceUuid { get; internal set; }

        /// <summary>Position in the file, from 1 (Zoom numbers its cues the same way).</summary>
        public int Index { get; internal set; }

        /// <summary>Offset from the recording's start where the cue begins.</summary>
        public TimeSpan Start { get; internal set; }

        /// <summary>Offset from the recording's start where the cue ends.</summary>
        public TimeSpan End { get; internal set; }

        /// <summary>The display name Zoom put before the text ("Ana Ruiz: …"); null for a cue without one ("[crosstalk]").</summary>
        public string Speaker { get; internal set; }

        /// <summary>What was said; the lines of a wrapped cue are joined with a space.</summary>
        public string Text { get; internal set; }

        /// <summary>The cue as a line of a plain transcript: <c>[00:05:10] Diego Álvarez: …</c>.</summary>
        public override string ToString()
            => "[" + Start.ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) + "] " + (Speaker == null ? Text : Speaker + ": " + Text);
    }
}
