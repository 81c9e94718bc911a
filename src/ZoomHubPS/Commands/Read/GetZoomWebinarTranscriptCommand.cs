using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.Recordings;
using ZoomHubPS.Core.Zoom;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Downloads the transcript (WebVTT) of a webinar instance's cloud recording and streams its cues: start, end, speaker, text.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ZoomWebinarTranscript", DefaultParameterSetName = InstanceSet, HelpUri = HelpLinks.Base + "Get-ZoomWebinarTranscript.md")]
    [OutputType(typeof(TranscriptCue), typeof(string))]
    public sealed class GetZoomWebinarTranscriptCommand : ConnectedCmdlet
    {
        private const string InstanceSet = "Instance";
        private const string RecordingSet = nameof(Recording);

        #region Parameters

        /// <summary>Webinar id; spaces and dashes are accepted. Binds from Id / WebinarId of piped instances and webinars.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = InstanceSet)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string WebinarId { get; set; }

        /// <summary>Instance UUID from Get-ZoomWebinarInstance; without it, the latest instance.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = InstanceSet)]
        [Alias("Uuid")]
        public string InstanceUuid { get; set; }

        /// <summary>A recording from Get-ZoomWebinarRecording (its transcript is downloaded without reading the recording again).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RecordingSet)]
        [ValidateNotNull]
        public ZoomRecording Recording { get; set; }

        /// <summary>Write the WebVTT file as one string instead of cue objects.</summary>
        [Parameter]
        public SwitchParameter AsText { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc />
        protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
        {
            object target = Recording != null ? (object)Recording.Uuid : InstanceUuid ?? WebinarId;
            var reader = new TranscriptReader(Api);
            WebinarTranscript transcript;
            try
            {
                if (ParameterSetName == RecordingSet)
                {
                    transcript = await reader.ReadAsync(Recording, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    transcript = await reader.ReadAsync(WebinarIdOf(WebinarId), string.IsNullOrEmpty(InstanceUuid) ? null : InstanceUuid, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (System.Exception ex) when (ex is System.InvalidOperationException || ex is System.ArgumentException)
            {
                // One error for this input: no transcript yet, a refused download, not a webinar id, a download link off
                // Zoom's hosts, a redirect to plain HTTP.
                WriteItemError(ex, target);
                return;
            }
            catch (ZoomHubApiException ex)
            {
                WriteItemError(ex, target, ex.ZoomCode == ZoomErrorCodes.NoRecording ? ErrorIds.ZoomRecordingNotFound : ErrorIds.ZoomWebinarNotFound);
                return;
            }

            if (AsText)
            {
                WriteObject(transcript.Text);
                return;
            }

            foreach (TranscriptCue cue in transcript.Cues()) WriteObject(cue);
        }

        #endregion
    }
}
