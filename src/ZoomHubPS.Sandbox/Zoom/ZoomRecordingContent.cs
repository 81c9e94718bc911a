using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// The text of recording files a scenario does not spell out, made from the instance's participants and times:
    /// a WebVTT transcript in Zoom's shape (FACTS §B: cue number, <c>HH:MM:SS.mmm --> HH:MM:SS.mmm</c>,
    /// <c>Name: text</c>, blank line; consecutive cues of one speaker; a cue of two lines), a chat log, a poll CSV and a
    /// timeline JSON. Deterministic without the twin's random source, so seeding them shifts no generated id.
    /// </summary>
    internal static class ZoomRecordingContent
    {
        private static readonly string[] Lines =
        {
            "Welcome, everyone, and thanks for joining.",
            "We will take questions at the end, so keep them coming in the Q&A.",
            "Let me share my screen.",
            "Can everyone see the slides?",
            "Yes, they look good from here.",
            "The first thing we changed this quarter is the onboarding checklist.",
            "How does that work for teams that already started?",
            "Existing teams keep their progress; the new steps appear as optional.",
            "That helps a lot, thank you.",
            "Next up is reporting.",
            "Could you show the export again?",
            "Sure, it is under Settings, then Export.",
            "We are almost out of time.",
            "Thanks again, the recording will be shared after the session.",
        };

        /// <summary>A transcript of the instance: about one cue per five minutes (6 to 24), the host opening and closing.</summary>
        internal static string Transcript(string hostName, IReadOnlyList<ZoomParticipant> participants, DateTimeOffset start, DateTimeOffset end)
        {
            List<ZoomParticipant> speakers = Speakers(participants, hostName);
            double span = Math.Max(60, (end - start).TotalSeconds);
            int count = Math.Max(6, Math.Min(24, (int)(span / 300)));
            var vtt = new StringBuilder("WEBVTT\n\n");
            for (int k = 0; k < count; k++)
            {
                double from = 2.35 + k * (span - 10) / count;
                double to = from + 3.2 + (k % 4) * 0.9;
                string speaker = SpeakerAt(k, count, start.AddSeconds(from), speakers, hostName);
                string text = k == 0 ? Lines[0] : k == count - 1 ? Lines[Lines.Length - 1] : Lines[1 + (k - 1) % (Lines.Length - 2)];
                if (k == 3)
                {
                    // Zoom wraps long cues onto a second line without repeating the name.
                    text += "\nIf not, tell me in the chat.";
                }

                vtt.Append((k + 1).ToString(CultureInfo.InvariantCulture)).Append('\n')
                    .Append(CueTime(from)).Append(" --> ").Append(CueTime(to)).Append('\n')
                    .Append(speaker).Append(": ").Append(text).Append("\n\n");
            }

            return vtt.ToString();
        }

        /// <summary>The in-meeting chat as the TXT Zoom saves: <c>HH:MM:SS From  Name  to  Everyone:</c> then the tab-indented message.</summary>
        internal static string Chat(string hostName, IReadOnlyList<ZoomParticipant> participants, DateTimeOffset start)
        {
            var text = new StringBuilder();
            text.Append("00:01:05 From  ").Append(hostName).Append("  to  Everyone:\n\tWelcome! Questions go in the Q&A.\n");
            // Each of the first speakers says hello two minutes after joining (or after the start, when they came early).
            foreach (ZoomParticipant p in Speakers(participants, hostName).Take(3).OrderBy(p => p.JoinTime))
            {
                TimeSpan at = (p.JoinTime > start ? p.JoinTime - start : TimeSpan.Zero) + TimeSpan.FromMinutes(2);
                text.Append(Clock(at)).Append(" From  ").Append(p.Name).Append("  to  Everyone:\n\tHello from ")
                    .Append(p.Name.Split(' ')[0]).Append(".\n");
            }

            return text.ToString();
        }

        /// <summary>A small poll report.</summary>
        internal static string PollCsv(IReadOnlyList<ZoomParticipant> participants, DateTimeOffset start)
        {
            var csv = new StringBuilder("#,User Name,Email Address,Submitted Date and Time,Question,Answer\n");
            int n = 0;
            foreach (ZoomParticipant p in participants.Where(p => !string.IsNullOrEmpty(p.Name)).GroupBy(p => p.Name).Select(g => g.First()).Take(3))
            {
                n++;
                csv.Append(n.ToString(CultureInfo.InvariantCulture)).Append(',').Append(p.Name).Append(',').Append(p.UserEmail).Append(',')
                    .Append(start.AddMinutes(20).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
                    .Append(",How useful was this session?,").Append(n % 2 == 0 ? "Very useful" : "Useful").Append('\n');
            }

            return csv.ToString();
        }

        /// <summary>Who was speaking when, as the TIMELINE JSON lists it.</summary>
        internal static string Timeline(string hostName, IReadOnlyList<ZoomParticipant> participants, DateTimeOffset start, DateTimeOffset end)
        {
            List<ZoomParticipant> speakers = Speakers(participants, hostName);
            var entries = new List<string>();
            double span = Math.Max(60, (end - start).TotalSeconds);
            for (int k = 0; k < 4; k++)
            {
                double at = 2.35 + k * span / 4;
                string name = SpeakerAt(k, 4, start.AddSeconds(at), speakers, hostName);
                entries.Add("{\"ts\":\"" + CueTime(at) + "\",\"users\":[{\"username\":\"" + Escape(name) + "\",\"multiple_people\":false}]}");
            }

            return "{\"timeline\":[" + string.Join(",", entries) + "]}";
        }

        /// <summary>What a media file serves: a short placeholder (the listing's file_size stays the scenario's).</summary>
        internal static string Placeholder(ZoomRecordingFile file)
            => "ZoomHubPS sandbox placeholder for the " + file.FileType + " file " + (file.Id ?? file.FileName) + ".\n";

        /// <summary><c>HH:MM:SS.mmm</c> from seconds after the recording started.</summary>
        internal static string CueTime(double seconds)
        {
            var t = TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
            return ((int)t.TotalHours).ToString("00", CultureInfo.InvariantCulture) + ":" + t.Minutes.ToString("00", CultureInfo.InvariantCulture) + ":"
                + t.Seconds.ToString("00", CultureInfo.InvariantCulture) + "." + t.Milliseconds.ToString("000", CultureInfo.InvariantCulture);
        }

        private static string Clock(TimeSpan t)
            => ((int)t.TotalHours).ToString("00", CultureInfo.InvariantCulture) + ":" + t.Minutes.ToString("00", CultureInfo.InvariantCulture) + ":"
                + t.Seconds.ToString("00", CultureInfo.InvariantCulture);

        // Named participants other than the host, first session of each, in join order.
        private static List<ZoomParticipant> Speakers(IReadOnlyList<ZoomParticipant> participants, string hostName)
            => participants.Where(p => !string.IsNullOrEmpty(p.Name) && p.Name != hostName)
                .OrderBy(p => p.JoinTime)
                .GroupBy(p => p.Name)
                .Select(g => g.First())
                .ToList();

        // The host opens (two cues in a row) and closes; in between, speakers take turns while they are in the session.
        private static string SpeakerAt(int k, int count, DateTimeOffset at, List<ZoomParticipant> speakers, string hostName)
        {
            if (k < 2 || k == count - 1 || speakers.Count == 0)
            {
                return hostName;
            }

            for (int tries = 0; tries < speakers.Count; tries++)
            {
                ZoomParticipant p = speakers[(k + tries) % speakers.Count];
                if (p.JoinTime <= at && at < p.LeaveTime)
                {
                    return p.Name;
                }
            }

            return hostName;
        }

        private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
    }
}
