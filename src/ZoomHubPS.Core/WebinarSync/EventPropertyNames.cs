using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core.HubSpot;
using ZoomHubPS.Core.Recordings;

namespace ZoomHubPS.Core.WebinarSync
{
    /// <summary>
    /// The recording properties of a marketing event: which of them HubSpot defines (read once per engine), and the
    /// values an instance's recording gives them. HubSpot drops unknown names silently (FACTS §D), so only defined
    /// names are sent, and the missing ones are named for the user.
    /// </summary>
    internal sealed class EventPropertyNames
    {
        private readonly SyncPropertyNames _names;
        private readonly HashSet<string> _defined;

        private EventPropertyNames(SyncPropertyNames names, HashSet<string> defined, string problem)
        {
            _names = names;
            _defined = defined;
            Missing = names.EventDefinitions().Select(d => d.Name).Where(n => !defined.Contains(n)).ToList();
            Problem = problem;
        }

        /// <summary>The sync's event properties HubSpot does not define (not written).</summary>
        public IReadOnlyList<string> Missing { get; }

        /// <summary>Why the definitions could not be read (then none is written), or null.</summary>
        public string Problem { get; }

        public static async Task<EventPropertyNames> ReadAsync(ZoomHubConnection api, SyncPropertyNames names, CancellationToken ct)
        {
            try
            {
                IReadOnlyList<HubSpotProperty> defined = await api.HubSpot.EventProperties.ListAsync(ct).ConfigureAwait(false);
                return new EventPropertyNames(names, new HashSet<string>(defined.Select(p => p.Name), StringComparer.OrdinalIgnoreCase), null);
            }
            catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.PermissionDenied || ex.Kind == ErrorKind.NotFound)
            {
                return new EventPropertyNames(names, new HashSet<string>(StringComparer.OrdinalIgnoreCase), "The marketing-event property definitions could not be read: " + ex.Message);
            }
        }

        /// <summary>The event's values for a read recording (none for a recording not read or absent: the event keeps what it has).</summary>
        public IReadOnlyList<HubSpotEventProperty> For(InstanceRecording recording)
        {
            if (recording == null || recording.State != RecordingState.Available) return new HubSpotEventProperty[0];
            var values = new List<HubSpotEventProperty>();
            Add(values, _names.EventRecordingUrl, recording.ShareUrl);
            Add(values, _names.EventRecordingStart, recording.Start.HasValue ? HubSpotValues.DateTime(recording.Start) : null);
            Add(values, _names.EventRecordingDurationMinutes, HubSpotValues.Number(recording.DurationMinutes));
            Add(values, _names.EventTranscriptUrl, recording.TranscriptUrl);
            return values;
        }

        /// <summary>What the user should know: properties to create in HubSpot, or why none could be checked.</summary>
        public string Note()
        {
            if (Problem != null) return Problem;
            return Missing.Count == 0 ? null
                : "Not written to the marketing event (HubSpot does not define them): " + string.Join(", ", Missing) + ". Run Initialize-ZoomHubSchema, or create them under Settings > Properties > Marketing event properties.";
        }

        private void Add(List<HubSpotEventProperty> values, string name, string value)
        {
            if (!string.IsNullOrEmpty(value) && _defined.Contains(name)) values.Add(new HubSpotEventProperty { Name = name, Value = value });
        }
    }
}
