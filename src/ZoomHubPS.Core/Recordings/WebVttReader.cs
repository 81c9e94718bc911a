using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace ZoomHubPS.Core.Recordings
{
    /// <summary>
    /// Reads a WebVTT transcript as Zoom writes it (FACTS §B): <c>WEBVTT</c>, then cues of a number, a
    /// <c>HH:MM:SS.mmm --> HH:MM:SS.mmm</c> line and text whose first line starts with the speaker's display name and a
    /// colon; a long cue wraps onto more lines without the name. Cues without a name (<c>[crosstalk]</c>), cues without a
    /// number, <c>NOTE</c>/<c>STYLE</c>/<c>REGION</c> blocks, cue settings, <c>MM:SS.mmm</c> times and WebVTT voice tags
    /// (<c>&lt;v Name&gt;</c>) are read too. Streams: one cue at a time.
    /// </summary>
    public static class WebVttReader
    {
        private static readonly Regex Timing = new Regex(@"^\s*(?<start>(\d+:)?\d{2}:\d{2}[.,]\d{3})\s+-->\s+(?<end>(\d+:)?\d{2}:\d{2}[.,]\d{3})", RegexOptions.CultureInvariant);

        // "Name: text" — a name has no colon and is not a bracketed sound ("[crosstalk]"); at most 80 characters.
        private static readonly Regex SpeakerPrefix = new Regex(@"^(?<name>[^:\[\]<>]{1,80}?):\s+(?<text>.*)$", RegexOptions.CultureInvariant);
        private static readonly Regex Voice = new Regex(@"^<v(\.[^ >]+)*\s+(?<name>[^>]+)>(?<text>.*?)(</v>)?$", RegexOptions.CultureInvariant);
        private static readonly Regex Tags = new Regex(@"</?[a-zA-Z][^>]*>", RegexOptions.CultureInvariant);

        /// <summary>Whether <paramref name="text"/> begins like a WebVTT file (after an optional byte-order mark).</summary>
        public static bool LooksLikeWebVtt(string text)
        {
            string t = (text ?? string.Empty).TrimStart('\uFEFF');
            return t.StartsWith("WEBVTT", StringComparison.Ordinal) && (t.Length == 6 || char.IsWhiteSpace(t[6]));
        }

        /// <summary>The cues of a WebVTT text.</summary>
        public static IEnumerable<TranscriptCue> Read(string text) => Read(new StringReader(text ?? string.Empty));

        /// <summary>The cues read from <paramref name="reader"/>, one at a time; throws <see cref="FormatException"/> when it is not WebVTT.</summary>
        public static IEnumerable<TranscriptCue> Read(TextReader reader)
        {
            string first = reader.ReadLine();
            if (first == null || !LooksLikeWebVtt(first)) throw new FormatException("Not a WebVTT file: it does not start with 'WEBVTT'.");

            int index = 0;
            var block = new List<string>();
            for (string line = reader.ReadLine(); ; line = reader.ReadLine())
            {
                if (line != null && line.Trim().Length > 0)
                {
                    block.Add(line);
                    continue;
                }

                TranscriptCue cue = block.Count == 0 ? null : Cue(block, index + 1);
                block.Clear();
                if (cue != null)
                {
                    index++;
                    yield return cue;
                }

                if (line == null) yield break;
            }
        }

        // One block: [identifier] timing text…; anything without a timing line (the header's metadata, NOTE, STYLE,
        // REGION) is not a cue.
        private static TranscriptCue Cue(List<string> block, int index)
        {
            int timing = block.FindIndex(l => Timing.IsMatch(l));
            if (timing < 0 || timing > 1) return null;
            Match m = Timing.Match(block[timing]);
            var lines = block.GetRange(timing + 1, block.Count - timing - 1);
            string speaker = null;
            if (lines.Count > 0)
            {
                Match voice = Voice.Match(lines[0].Trim());
                Match prefix = voice.Success ? voice : SpeakerPrefix.Match(lines[0].Trim());
                if (prefix.Success)
                {
                    speaker = prefix.Groups["name"].Value.Trim();
                    lines[0] = prefix.Groups["text"].Value;
                }
            }

            var text = new StringBuilder();
            foreach (string l in lines)
            {
                string clean = Tags.Replace(l, string.Empty).Trim();
                if (clean.Length == 0) continue;
                if (text.Length > 0) text.Append(' ');
                text.Append(clean);
            }

            return new TranscriptCue
            {
                Index = index,
                Start = Offset(m.Groups["start"].Value),
                End = Offset(m.Groups["end"].Value),
                Speaker = string.IsNullOrEmpty(speaker) ? null : System.Net.WebUtility.HtmlDecode(speaker),
                Text = System.Net.WebUtility.HtmlDecode(text.ToString()),
            };
        }

        private static TimeSpan Offset(string value)
        {
            string[] parts = value.Replace(',', '.').Split(':');
            int hours = parts.Length == 3 ? int.Parse(parts[0], CultureInfo.InvariantCulture) : 0;
            int minutes = int.Parse(parts[parts.Length - 2], CultureInfo.InvariantCulture);
            double seconds = double.Parse(parts[parts.Length - 1], NumberStyles.Float, CultureInfo.InvariantCulture);
            return new TimeSpan(0, hours, minutes, 0) + TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
        }
    }
}
