using System;
using System.Linq;
using Xunit;
using ZoomHubPS.Core.Recordings;

namespace ZoomHubPS.Core.Tests.Recordings
{
    /// <summary>Zoom's WebVTT transcripts (FACTS §B), read into cues: multi-line cues, speakers, unicode, cues without a speaker.</summary>
    public class WebVttReaderTests
    {
        // Zoom's format: number, timing, "Name: text"; a long cue wraps onto a line without the name.
        private const string Zoom = "WEBVTT\n\n"
            + "1\n00:00:03.120 --> 00:00:07.480\nMaya Chen: Welcome to the onboarding clinic, everyone.\n\n"
            + "2\n00:05:10.000 --> 00:05:16.250\nDiego Álvarez: ¿Se puede importar desde un CSV con acentos?\nSorry, in English: can we import a CSV with accents?\n\n"
            + "3\n00:12:40.500 --> 00:12:44.000\n[crosstalk]\n\n"
            + "4\n01:02:45.100 --> 01:02:50.900\nLi Wei: 谢谢, that answers my question too.\n";

        [Fact]
        public void ReadsSpeakersTimesAndTextOfEveryCue()
        {
            TranscriptCue[] cues = WebVttReader.Read(Zoom).ToArray();

            Assert.Equal(new[] { 1, 2, 3, 4 }, cues.Select(c => c.Index));
            Assert.Equal(TimeSpan.FromMilliseconds(3120), cues[0].Start);
            Assert.Equal(TimeSpan.FromMilliseconds(7480), cues[0].End);
            Assert.Equal("Maya Chen", cues[0].Speaker);
            Assert.Equal("Welcome to the onboarding clinic, everyone.", cues[0].Text);
            Assert.Equal(new TimeSpan(0, 1, 2, 50, 900), cues[3].End);
        }

        [Fact]
        public void AWrappedCueIsOneCueWhoseSecondLineIsTextEvenWithAColon()
        {
            TranscriptCue cue = WebVttReader.Read(Zoom).ElementAt(1);
            Assert.Equal("Diego Álvarez", cue.Speaker);
            Assert.Equal("¿Se puede importar desde un CSV con acentos? Sorry, in English: can we import a CSV with accents?", cue.Text);
        }

        [Fact]
        public void ACueWithoutASpeakerKeepsItsTextAndHasNoSpeaker()
        {
            TranscriptCue cue = WebVttReader.Read(Zoom).ElementAt(2);
            Assert.Null(cue.Speaker);
            Assert.Equal("[crosstalk]", cue.Text);
        }

        [Fact]
        public void UnicodeNamesAndTextSurvive()
        {
            TranscriptCue cue = WebVttReader.Read(Zoom).Last();
            Assert.Equal("Li Wei", cue.Speaker);
            Assert.Equal("谢谢, that answers my question too.", cue.Text);
            Assert.Equal("[01:02:45] Li Wei: 谢谢, that answers my question too.", cue.ToString());
        }

        [Fact]
        public void ToleratesWhatOtherWebVttWritersDo()
        {
            // A byte-order mark, CRLF, a header with text, NOTE and STYLE blocks, cues without numbers, MM:SS times,
            // cue settings, voice tags and markup.
            string vtt = "\uFEFFWEBVTT - exported\r\nKind: captions\r\n\r\nNOTE written by hand\r\nsecond note line\r\n\r\nSTYLE\r\n::cue { color: lime }\r\n\r\n"
                + "00:01.000 --> 00:04.000 align:start\r\n<v Ana Ruiz>Hello <b>there</b></v>\r\n\r\n"
                + "intro\r\n00:00:05.000 --> 00:00:06.500\r\nJust text &amp; more\r\n";
            TranscriptCue[] cues = WebVttReader.Read(vtt).ToArray();

            Assert.Equal(2, cues.Length);
            Assert.Equal("Ana Ruiz", cues[0].Speaker);
            Assert.Equal("Hello there", cues[0].Text);
            Assert.Equal(TimeSpan.FromSeconds(1), cues[0].Start);
            Assert.Null(cues[1].Speaker);
            Assert.Equal("Just text & more", cues[1].Text);
            Assert.Equal(2, cues[1].Index);
        }

        [Fact]
        public void TextThatIsNotWebVttIsRefused()
        {
            Assert.False(WebVttReader.LooksLikeWebVtt("<!DOCTYPE html><html>"));
            Assert.False(WebVttReader.LooksLikeWebVtt("WEBVTTX"));
            Assert.True(WebVttReader.LooksLikeWebVtt("\uFEFFWEBVTT\n"));
            Assert.Throws<FormatException>(() => WebVttReader.Read("<html></html>").ToList());
        }
    }
}
