using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>
    /// Turns a scenario's <c>recording</c> into the twin's recording: file types paired with their extension and
    /// recording type as Zoom pairs them, text files filled (from the scenario or made from the participants) and
    /// measured, and every file given its download keys.
    /// </summary>
    internal static class ZoomRecordingSeeder
    {
        /// <summary>Builds the recording of <paramref name="instance"/>. Throws <see cref="ArgumentException"/> naming a bad file.</summary>
        internal static ZoomRecording Seed(ZoomState state, ZoomWebinar webinar, ZoomInstance instance, ZoomRecordingSeed r)
        {
            var recording = new ZoomRecording
            {
                ShareUrl = r.ShareUrl ?? ZoomState.WebHost + "/rec/share/" + state.Context.NewId(40),
                Password = r.Password ?? state.Context.NewId(8),
                DownloadRefused = r.DownloadRefused,
                TranscriptPending = r.TranscriptPending || r.TranscriptReadyAt.HasValue,
                TranscriptReadyAt = r.TranscriptReadyAt?.ToUniversalTime(),
            };

            // A recording without a passcode has no play passcode to splice into its links either.
            recording.RecordingPlayPasscode = r.RecordingPlayPasscode ?? (r.Password == string.Empty ? string.Empty : state.Context.NewId(22));
            List<ZoomRecordingFileSeed> files = r.RecordingFiles ?? new List<ZoomRecordingFileSeed>();
            if (files.Count == 0)
            {
                files = new List<ZoomRecordingFileSeed> { new ZoomRecordingFileSeed { FileSize = 183000000 } };
            }

            if (recording.TranscriptPending && !files.Any(f => f.FileType == "TRANSCRIPT"))
            {
                // The transcript will appear later: the twin makes the file it will then list.
                files = files.Concat(new[] { new ZoomRecordingFileSeed { Id = ZoomRecordingStore.DerivedGuid("transcript\n" + instance.Uuid), FileType = "TRANSCRIPT" } }).ToList();
            }

            string hostName = HostName(state, webinar);
            foreach (ZoomRecordingFileSeed f in files)
            {
                ZoomRecordingFile file = SeedFile(state, instance, f, hostName);
                recording.FileList.Add(file);
            }

            instance.Recording = recording;
            foreach (ZoomRecordingFile file in recording.FileList)
            {
                state.Recordings.Add(webinar, instance, file);
            }

            return recording;
        }

        private static ZoomRecordingFile SeedFile(ZoomState state, ZoomInstance instance, ZoomRecordingFileSeed f, string hostName)
        {
            string type = f.FileType ?? "MP4";
            if (!ZoomRecordingFileTypes.IsKnown(type))
            {
                throw new ArgumentException("Scenario: recording file type '" + type + "' of instance " + instance.Uuid + " is not one of "
                    + string.Join(", ", ZoomRecordingFileTypes.Names) + ".");
            }

            if (f.RecordingType != null && Array.IndexOf(ZoomRecordingFileTypes.RecordingTypes, f.RecordingType) < 0)
            {
                throw new ArgumentException("Scenario: recording_type '" + f.RecordingType + "' of instance " + instance.Uuid + " is not a Zoom recording type.");
            }

            var file = new ZoomRecordingFile
            {
                Id = string.IsNullOrEmpty(f.Id) ? state.NewGuid() : f.Id,
                FileType = type,
                RecordingStart = (f.RecordingStart ?? instance.StartTime.AddSeconds(1)).ToUniversalTime(),
                RecordingEnd = (f.RecordingEnd ?? instance.EndTime).ToUniversalTime(),
            };

            // CC and TIMELINE entries carry no recording_type (nor id, status, size, play_url) in Zoom's listing.
            file.RecordingType = file.HasFileDetails ? f.RecordingType ?? ZoomRecordingFileTypes.Of(type).DefaultRecordingType : null;
            file.Content = f.Content ?? Generate(type, hostName, instance, file);
            file.FileSize = file.Content != null ? Encoding.UTF8.GetByteCount(file.Content) : f.FileSize;
            file.FileName = "GMT" + file.RecordingStart.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "_Recording"
                + ZoomRecordingFileTypes.Of(type).Suffix;
            return file;
        }

        private static string Generate(string type, string hostName, ZoomInstance instance, ZoomRecordingFile file)
        {
            switch (type)
            {
                case "TRANSCRIPT":
                case "CC":
                    return ZoomRecordingContent.Transcript(hostName, instance.ParticipantList, file.RecordingStart, file.RecordingEnd);
                case "CHAT":
                case "CHAT_MESSAGE":
                    return ZoomRecordingContent.Chat(hostName, instance.ParticipantList, file.RecordingStart);
                case "CSV":
                    return ZoomRecordingContent.PollCsv(instance.ParticipantList, file.RecordingStart);
                case "TIMELINE":
                    return ZoomRecordingContent.Timeline(hostName, instance.ParticipantList, file.RecordingStart, file.RecordingEnd);
                case "SUMMARY":
                    return "{\"summary_title\":\"Meeting summary\",\"summary_overview\":\"A sandbox summary of the session.\"}";
                default:
                    return null; // media: a placeholder is served
            }
        }

        private static string HostName(ZoomState state, ZoomWebinar webinar)
        {
            ZoomUser host = state.Users.FirstOrDefault(u => u.Id == webinar.HostId);
            string name = host == null ? string.Empty : (host.FirstName + " " + host.LastName).Trim();
            return name.Length == 0 ? "Host" : name;
        }
    }
}
