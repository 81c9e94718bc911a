using System;
using System.IO;
using Xunit;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Tests.Scenarios
{
    public class ScenarioLoaderTests
    {
        [Fact]
        public void BuiltInNames_ListDemoAndEmpty()
        {
            Assert.Contains("demo", ScenarioLoader.BuiltInNames);
            Assert.Contains("empty", ScenarioLoader.BuiltInNames);
        }

        [Fact]
        public void Load_ByName_IsCaseInsensitive()
        {
            Scenario s = ScenarioLoader.Load("DEMO");
            Assert.Equal("demo", s.Name);
            Assert.Equal(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero), s.Now);
        }

        [Fact]
        public void Load_ByPath_NamesScenarioAfterFile()
        {
            string path = Path.Combine(Path.GetTempPath(), "zoomhub-scenario-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, "{ // comments are allowed\n \"zoom\": { \"webinars\": [ { \"id\": 1, \"topic\": \"T\" } ] }, }");
            try
            {
                Scenario s = ScenarioLoader.Load(path);
                Assert.Equal(Path.GetFileNameWithoutExtension(path), s.Name);
                Assert.Single(s.Zoom.Webinars);
                Assert.Equal(60, s.Zoom.Webinars[0].Duration);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Load_UnknownName_ListsBuiltIns()
        {
            var ex = Assert.Throws<ArgumentException>(() => ScenarioLoader.Load("demmo"));
            Assert.Contains("'demmo'", ex.Message);
            Assert.Contains("demo", ex.Message.Replace("'demmo'", ""));
            Assert.Contains("empty", ex.Message);
        }

        [Fact]
        public void Load_MissingFile_IsFileNotFound()
        {
            var ex = Assert.Throws<FileNotFoundException>(() => ScenarioLoader.Load("./nowhere/scenario.json"));
            Assert.Contains("./nowhere/scenario.json", ex.Message);
            Assert.Contains("demo", ex.Message);
        }

        [Fact]
        public void Parse_UnknownField_IsInvalidData()
        {
            var ex = Assert.Throws<InvalidDataException>(() => ScenarioLoader.Parse("{ \"zoom\": { \"webinar\": [] } }", "typo"));
            Assert.Contains("typo", ex.Message);
        }

        [Fact]
        public void Seed_RejectsInconsistentScenario()
        {
            Scenario s = ScenarioLoader.Parse("{ \"zoom\": { \"webinars\": [ { \"id\": 5, \"instances\": [ { \"start_time\": \"2026-01-01T00:00:00Z\", \"participants\": [ { \"name\": \"X\", \"registrant_email\": \"nobody@example.com\" } ] } ] } ] } }");
            var ex = Assert.Throws<ArgumentException>(() => SandboxTestHost.Create(s));
            Assert.Contains("nobody@example.com", ex.Message);
        }

        [Fact]
        public void ToJson_RoundTrips()
        {
            Scenario demo = ScenarioLoader.Load("demo");
            Scenario again = ScenarioLoader.Parse(ScenarioLoader.ToJson(demo));
            Assert.Equal(demo.Zoom.Webinars.Count, again.Zoom.Webinars.Count);
            Assert.Equal(demo.HubSpot.Contacts.Count, again.HubSpot.Contacts.Count);
        }
    }
}
