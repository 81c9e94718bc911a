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

        [Theory]
        [InlineData("{\n  \"zoom\": {\n    \"webinars\": [ { \"id\": 1 \"topic\": \"T\" } ]\n  }\n}", "is not valid JSON at line 3, position 29: '\"' is invalid after a value")]
        [InlineData("{\n  \"zoom\": {\n    \"webinars\": [ { \"id\": 1, \"start_time\": \"soon\" } ]\n  }\n}",
            "line 3, $.zoom.webinars[0].start_time: expected a date-time in ISO 8601 form such as \"2026-11-20T12:00:00Z\"; found the string \"soon\".")]
        [InlineData("{ \"zoom\": { \"webinars\": [ { \"id\": \"81234567890\" } ] } }", "$.zoom.webinars[0].id: expected a whole number; found the string \"81234567890\".")]
        [InlineData("{ \"zoom\": { \"webinars\": { \"id\": 1 } } }", "$.zoom.webinars: expected a list [ … ] whose items are each an object { … } with the fields id, uuid,")]
        [InlineData("{ \"hubspot\": { \"contacts\": [ { \"properties\": { \"email\": 5 } } ] } }", "$.hubspot.contacts[0].properties.email: expected a text value in double quotes; found 5.")]
        [InlineData("{\n  \"now\": \"2026-11-20T12:00:00Z\",\n  \"anchor\": \"tomorrow\"\n}", "line 3, $.anchor: expected \"today\" (move every date so that \"now\" falls on the current UTC date) or \"none\"")]
        [InlineData("{ \"anchor\": \"today\" }", "$.anchor: \"today\" moves the scenario so that its \"now\" falls on the current date, but the scenario has no \"now\"")]
        [InlineData("{ \"zoom\": { \"webinar\": [] } }", "$.zoom has no field 'webinar' (names are case-sensitive). Its fields are: account_id, client_id,")]
        public void AMalformedScenarioFileIsNamedWithItsLinePathAndWhatIsExpected(string json, string says)
        {
            string path = Path.Combine(Path.GetTempPath(), "zoomhub-bad-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, json);
            try
            {
                var ex = Assert.Throws<InvalidDataException>(() => ScenarioLoader.Load(path));
                Assert.StartsWith("Scenario file '" + path + "'", ex.Message);
                Assert.Contains(says, ex.Message);
                Assert.DoesNotContain("System.", ex.Message); // no serializer type names
            }
            finally
            {
                File.Delete(path);
            }
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
