using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Sandbox.Tests.Zoom
{
    /// <summary>
    /// The report listings that name past webinars on a Pro plan: GET /report/users/{userId}/meetings and
    /// GET /report/history_meetings (both Heavy, one month per call, within the past six months).
    /// </summary>
    public class ZoomReportListTests
    {
        private const string Maya = "maya.chen@northwind.example.com";
        private const string Omar = "omar.haddad@northwind.example.com";
        private const string November = "from=2026-10-21&to=2026-11-20";
        private const string October = "from=2026-10-01&to=2026-10-31";

        private static async Task<JsonNode> MeetingsAsync(HttpClient zoom, string user, string query)
            => (await SandboxTestHost.GetAsync(zoom, "report/users/" + user + "/meetings?" + query)).Body;

        private static long[] Ids(JsonNode body, string list = "meetings", string id = "id")
            => body[list].AsArray().Select(m => (long)m[id]).ToArray();

        [Fact]
        public async Task AHostsReportListsTheirWebinarInstancesOnAProPlan()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            JsonNode body = await MeetingsAsync(zoom, Maya, November);
            Assert.Equal("2026-10-21", (string)body["from"]);
            Assert.Equal("2026-11-20", (string)body["to"]);
            Assert.Equal(5, (int)body["total_records"]);
            Assert.Equal(new[] { 82345678901, 81234567890, 82345678901, 81234567890, 82345678901 }, Ids(body));
            Assert.Equal(new[] { "from", "meetings", "next_page_token", "page_count", "page_number", "page_size", "to", "total_records" },
                body.AsObject().Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());

            JsonObject first = body["meetings"][1].AsObject();
            Assert.Equal("/ajXp112QmuoKj4854875==", (string)first["uuid"]);
            Assert.Equal(5, (int)first["type"]);
            Assert.Equal("Quarterly product update", (string)first["topic"]);
            Assert.Equal("Maya Chen", (string)first["user_name"]);
            Assert.Equal(Maya, (string)first["user_email"]);
            Assert.Equal("2026-11-05T16:00:00Z", (string)first["start_time"]);
            Assert.Equal("2026-11-05T17:02:00Z", (string)first["end_time"]);
            Assert.Equal(62, (int)first["duration"]);
            Assert.Equal(11, (int)first["participants_count"]); // 14 rows: a rejoin, a second device, a waiting-room row
            Assert.Equal(9, (int)body["meetings"][0]["type"]);
        }

        [Fact]
        public async Task TheExpiredWebinarIsInItsHostsReportOfTheMonthItWasHeld()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            JsonObject expired = (await MeetingsAsync(zoom, Omar, October))["meetings"].AsArray().Single().AsObject();
            Assert.Equal(80123456789, (long)expired["id"]);
            Assert.Equal("pQ4r+ExpiredWebinar0Kw==", (string)expired["uuid"]);
            Assert.Equal(3, (int)expired["participants_count"]);
            Assert.Equal(58, (int)expired["duration"]);
            Assert.Empty((await MeetingsAsync(zoom, Maya, October))["meetings"].AsArray());
        }

        [Fact]
        public async Task OnlyInstancesWithTwoOrMoreUniqueParticipantsArePastTheRestArePastOne()
        {
            ZoomWebinarSeed alone = ZoomExpiryTests.Held(81000000001, 3);
            alone.Instances[0].Participants.RemoveAt(1); // the host only
            ZoomWebinarSeed twoDevices = ZoomExpiryTests.Held(81000000002, 4);
            ZoomParticipantSeed hostRow = twoDevices.Instances[0].Participants[0];
            twoDevices.Instances[0].Participants[1] = new ZoomParticipantSeed { Name = "Hana (phone)", UserEmail = hostRow.UserEmail, JoinTime = hostRow.JoinTime, LeaveTime = hostRow.LeaveTime };
            ZoomWebinarSeed two = ZoomExpiryTests.Held(81000000003, 5);
            using var host = SandboxTestHost.Create(ZoomExpiryTests.Account(null, alone, twoDevices, two));
            HttpClient zoom = await host.ZoomClientAsync();

            Assert.Equal(new[] { 81000000003L }, Ids(await MeetingsAsync(zoom, "host@example.com", November)));
            Assert.Equal(new[] { 81000000003L }, Ids(await MeetingsAsync(zoom, "host@example.com", "type=past&" + November)));
            Assert.Equal(new[] { 81000000002L, 81000000001L }, Ids(await MeetingsAsync(zoom, "host@example.com", "type=pastOne&" + November)));
        }

        [Fact]
        public async Task PastJoinedAddsWebinarsTheUserJoinedAsAParticipant()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Empty(Ids(await MeetingsAsync(zoom, Omar, November)));
            JsonNode joined = await MeetingsAsync(zoom, Omar, "type=pastJoined&" + November);
            Assert.Equal(new[] { "/ajXp112QmuoKj4854875==" }, joined["meetings"].AsArray().Select(m => (string)m["uuid"]).ToArray());
        }

        [Fact]
        public async Task OneCallCoversAtMostAMonthOfThePastSixMonths()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var tooLong = await SandboxTestHost.GetAsync(zoom, "report/users/" + Maya + "/meetings?from=2026-09-01&to=2026-11-20");
            Assert.Equal(400, tooLong.Status);
            Assert.Equal(300, (int)tooLong.Body["code"]);

            // The April webinar is out of the report's reach however it is asked for.
            var april = await SandboxTestHost.GetAsync(zoom, "report/users/" + Maya + "/meetings?from=2026-04-01&to=2026-04-30");
            Assert.Equal(400, april.Status);
            Assert.Contains("6 months", (string)april.Body["message"]);

            var missing = await SandboxTestHost.GetAsync(zoom, "report/users/" + Maya + "/meetings?to=2026-11-20");
            Assert.Equal("from", (string)missing.Body["errors"][0]["field"]);
            Assert.Equal(400, (await SandboxTestHost.GetAsync(zoom, "report/users/" + Maya + "/meetings?type=upcoming&" + November)).Status);
        }

        [Fact]
        public async Task AnUnknownUserIs404Code1001()
        {
            using var host = SandboxTestHost.Create("demo");
            var (status, body, _) = await SandboxTestHost.GetAsync(await host.ZoomClientAsync(), "report/users/nobody@example.com/meetings?" + November);
            Assert.Equal(404, status);
            Assert.Equal("{\"code\":1001,\"message\":\"User nobody@example.com not exist or not belong to this account.\"}", body.ToJsonString());
        }

        [Fact]
        public async Task HistoryListsTheAccountsWebinarsAsTypeWebinar()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var (status, body, _) = await SandboxTestHost.GetAsync(zoom, "report/history_meetings?meeting_type=webinar&date_type=start_time&" + October);
            Assert.Equal(200, status);
            Assert.Equal(new[] { "history_meetings", "next_page_token", "page_size" }, body.AsObject().Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());
            JsonObject item = body["history_meetings"].AsArray().Single().AsObject();
            Assert.Equal("pQ4r+ExpiredWebinar0Kw==", (string)item["meeting_uuid"]);
            Assert.Equal(80123456789, (long)item["meeting_id"]);
            Assert.Equal("Webinar", (string)item["type"]);
            Assert.Equal("Omar Haddad", (string)item["host_display_name"]);
            Assert.Equal(Omar, (string)item["host_email"]);
            Assert.Equal(3, (int)item["participants"]);
            Assert.Equal(58, (int)item["duration"]);
            Assert.True((bool)item["feature_used"]["registration"]);

            JsonNode november = (await SandboxTestHost.GetAsync(zoom, "report/history_meetings?meeting_type=webinar&" + November)).Body;
            Assert.Equal(6, november["history_meetings"].AsArray().Count); // every host's, the agency-run one too
            Assert.Empty((await SandboxTestHost.GetAsync(zoom, "report/history_meetings?meeting_type=meeting&" + November)).Body["history_meetings"].AsArray());
            Assert.Equal(new[] { 85678901234L }, Ids((await SandboxTestHost.GetAsync(zoom, "report/history_meetings?search_key=holiday&" + November)).Body, "history_meetings", "meeting_id"));
        }

        [Fact]
        public async Task HistoryCanSelectByEndTimeAndPages()
        {
            ZoomWebinarSeed overMidnight = ZoomExpiryTests.Held(81000000001, 10, minutes: 90); // moved below: 23:30 on the 9th to 01:00 on the 10th
            overMidnight.StartTime = overMidnight.Instances[0].StartTime = new DateTimeOffset(2026, 11, 9, 23, 30, 0, TimeSpan.Zero);
            foreach (ZoomParticipantSeed p in overMidnight.Instances[0].Participants)
            {
                p.JoinTime = overMidnight.StartTime.Value;
                p.LeaveTime = overMidnight.StartTime.Value.AddMinutes(80);
            }

            using var host = SandboxTestHost.Create(ZoomExpiryTests.Account(null, overMidnight, ZoomExpiryTests.Held(81000000002, 3), ZoomExpiryTests.Held(81000000003, 2)));
            HttpClient zoom = await host.ZoomClientAsync();
            Assert.Empty((await SandboxTestHost.GetAsync(zoom, "report/history_meetings?from=2026-11-10&to=2026-11-10")).Body["history_meetings"].AsArray());
            Assert.Single((await SandboxTestHost.GetAsync(zoom, "report/history_meetings?date_type=end_time&from=2026-11-10&to=2026-11-10")).Body["history_meetings"].AsArray());

            var seen = new List<long>();
            string token = "";
            do
            {
                JsonNode page = (await SandboxTestHost.GetAsync(zoom, "report/history_meetings?page_size=2&" + November + "&next_page_token=" + token)).Body;
                seen.AddRange(Ids(page, "history_meetings", "meeting_id"));
                token = (string)page["next_page_token"];
            }
            while (token.Length > 0);

            Assert.Equal(new[] { 81000000001L, 81000000002L, 81000000003L }, seen.ToArray());
        }

        [Fact]
        public async Task HistoryRefusesUnknownChoicesAndGroupsItCannotSee()
        {
            using var host = SandboxTestHost.Create("demo");
            HttpClient zoom = await host.ZoomClientAsync();
            var badType = await SandboxTestHost.GetAsync(zoom, "report/history_meetings?meeting_type=webinars&" + November);
            Assert.Equal("{\"code\":300,\"message\":\"Invalid parameter: meeting_type.\"}", badType.Body.ToJsonString());
            var group = await SandboxTestHost.GetAsync(zoom, "report/history_meetings?group_id=TaVA8QKik_1233&" + November);
            Assert.Equal(403, group.Status);
            Assert.Equal(12703, (int)group.Body["code"]);
            Assert.Equal(400, (await SandboxTestHost.GetAsync(zoom, "report/history_meetings?from=2026-09-01&to=2026-11-20")).Status);
        }

        [Fact]
        public void BothListingsAreHeavy()
        {
            using var host = SandboxTestHost.Create("empty");
            var routes = host.Sandbox.Routes.ToDictionary(r => r.Key);
            Assert.Equal("Heavy", routes["GET /v2/report/users/{userId}/meetings"].Bucket);
            Assert.Equal("Heavy", routes["GET /v2/report/history_meetings"].Bucket);
        }
    }
}
