using Xunit;
using ZoomHubPS.Core.Settings;

namespace ZoomHubPS.Core.Tests.Settings
{
    /// <summary>Documents the settings tests share, and the assertion every error case uses.</summary>
    internal static class SettingsSamples
    {
        /// <summary>Every key set to something other than its default, written canonically.</summary>
        public static readonly string Full = Lf(@"{
  ""schemaVersion"": 1,
  ""sync"": true,
  ""users"": [
    ""ana@example.com"",
    ""li@example.com""
  ],
  ""syncNewWebinars"": false,
  ""syncRecordings"": true,
  ""userSettings"": {
    ""ana@example.com"": {
      ""syncNewWebinars"": true
    },
    ""li@example.com"": {
      ""syncNewWebinars"": true,
      ""syncRecordings"": false
    }
  },
  ""webinars"": {
    ""81234567890"": {
      ""sync"": false
    },
    ""85512345678"": {
      ""sync"": true,
      ""syncRecordings"": false
    }
  },
  ""exclusions"": {
    ""hostDomains"": [
      ""internal.example.com""
    ],
    ""contactDomains"": [
      ""example.com"",
      ""competitor.example""
    ],
    ""recordingDomains"": [
      ""legal.example.com""
    ]
  },
  ""includeAccountUsers"": true,
  ""matchSecondaryEmail"": true,
  ""recreateDeletedContacts"": true,
  ""syncPollsAndQuestions"": true,
  ""propertyNames"": {
    ""AttendanceCount"": ""zoom_webinar_attendance_count"",
    ""RegistrationCount"": ""zoom_webinar_registration_count""
  },
  ""timelineAppId"": 123456,
  ""lookbackDays"": 14,
  ""registrationRules"": [
    {
      ""listId"": ""42"",
      ""webinarId"": 81234567890
    },
    {
      ""listName"": ""Webinar invitees"",
      ""webinarId"": 85512345678,
      ""occurrenceId"": ""1648194360000""
    }
  ]
}");

        /// <summary>The defaults, written canonically.</summary>
        public static readonly string Defaults = Lf(@"{
  ""schemaVersion"": 1,
  ""sync"": true,
  ""users"": ""All"",
  ""syncNewWebinars"": true,
  ""syncRecordings"": false,
  ""userSettings"": {},
  ""webinars"": {},
  ""exclusions"": {
    ""hostDomains"": [],
    ""contactDomains"": [],
    ""recordingDomains"": []
  },
  ""includeAccountUsers"": false,
  ""matchSecondaryEmail"": false,
  ""recreateDeletedContacts"": false,
  ""syncPollsAndQuestions"": false,
  ""propertyNames"": {},
  ""timelineAppId"": null,
  ""lookbackDays"": 30,
  ""registrationRules"": []
}");

        /// <summary>The text with "\n" line ends whatever the checkout did to this file.</summary>
        public static string Lf(string text) => text.Replace("\r\n", "\n");

        /// <summary>The smallest document: only the version.</summary>
        public static string With(string keys) => "{ \"schemaVersion\": 1, " + keys + " }";

        /// <summary>Parsing <paramref name="json"/> fails at <paramref name="path"/>, naming the value and the problem.</summary>
        public static InvalidSyncSettingsException AssertInvalid(string json, string path, string value, string problemPart)
        {
            var ex = Assert.Throws<InvalidSyncSettingsException>(() => SyncSettings.Parse(json));
            Assert.Equal(path, ex.Path);
            Assert.Equal(value, ex.Value);
            Assert.Contains(problemPart, ex.Problem);
            Assert.StartsWith(path + ": ", ex.Message);
            return ex;
        }
    }
}
