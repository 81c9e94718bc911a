using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;
using ZoomHubPS.Core.Http;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.Tests.Engagement
{
    /// <summary>Zoom's per-person poll and Q&amp;A JSON to flat records: the rules, without HTTP.</summary>
    public class EngagementFlattenerTests
    {
        private static List<ZoomQaQuestion> Qa(string json, EngagementSource source = EngagementSource.Report)
            => EngagementFlattener.Questions(JsonSerializer.Deserialize<QaEnvelope>(json, Json.Options), 1, null, source).ToList();

        [Fact]
        public void AQuestionIsAnsweredByAHostAnswer_NotByAParticipantsComment()
        {
            var q = Qa(@"{""uuid"":""u1"",""start_time"":""2026-11-05T16:00:00Z"",""questions"":[{""name"":""Ana"",""email"":""ana@x.org"",""question_details"":[
                {""question_id"":""a"",""question"":""Q1"",""question_status"":""open"",""answer_details"":[{""type"":""participant_commented"",""content"":""+1"",""name"":""Li""}]},
                {""question_id"":""b"",""question"":""Q2"",""question_status"":""answered"",""answer_details"":[{""type"":""host_answered_publicly"",""content"":""Yes"",""name"":""Maya""},{""type"":""host_answered_privately"",""content"":""Details by mail"",""name"":""Priya""}]},
                {""question_id"":""c"",""question"":""Q3"",""question_status"":""deleted"",""answer_details"":[]}]}]}");
            Assert.Equal((false, "open", (string)null), (q[0].Answered, q[0].Status, q[0].Answer));
            Assert.Equal((true, "Yes; Details by mail", "Maya; Priya"), (q[1].Answered, q[1].Answer, q[1].AnsweredBy));
            Assert.Equal((false, "deleted"), (q[2].Answered, q[2].Status));
            Assert.All(q, x => Assert.Equal(("u1", "ana@x.org", DateTimeOffset.Parse("2026-11-05T16:00:00Z")), (x.InstanceUuid, x.Email, x.InstanceStart.Value)));
        }

        [Fact]
        public void OnThePastRouteAnyAnswerTextAnswers_AndLiveAnswersHaveNoText()
        {
            var q = Qa(@"{""questions"":[{""name"":""Li"",""email"":"""",""question_details"":[{""question"":""Q1"",""answer"":""Soon""},{""question"":""Q2"",""answer"":""live answered""},{""question"":""Q3"",""answer"":""""}]}]}", EngagementSource.PastWebinar);
            Assert.Equal((true, false, "Soon", "answered"), (q[0].Answered, q[0].AnsweredLive, q[0].Answer, q[0].Status));
            Assert.Equal((true, true, (string)null), (q[1].Answered, q[1].AnsweredLive, q[1].Answer));
            Assert.Equal((false, "open"), (q[2].Answered, q[2].Status));
            Assert.All(q, x => Assert.Null(x.Email)); // "" means Zoom withheld it
        }

        [Fact]
        public void PollAnswersOfAnAnonymousPollCarryNoEmail_AndGetTheirTitle()
        {
            var polls = new Dictionary<string, ZoomPoll> { ["p"] = new ZoomPoll { Id = "p", Title = "Feedback", Anonymous = true } };
            var e = JsonSerializer.Deserialize<PollResultsEnvelope>(@"{""questions"":[{""name"":""Ana"",""email"":""ana@x.org"",""question_details"":[{""polling_id"":""p"",""question"":""Useful?"",""answer"":""Yes"",""date_time"":""2026-11-05 16:20:00""}]}]}", Json.Options);
            ZoomPollAnswer a = EngagementFlattener.PollAnswers(e, 1, "u", polls, EngagementSource.Report).Single();
            Assert.Equal((true, (string)null, "Feedback", DateTimeOffset.Parse("2026-11-05T16:20:00Z")), (a.Anonymous, a.Email, a.PollTitle, a.AnsweredAt.Value));
        }

        [Theory]
        [InlineData("users?status=active&access_token=abc&page_size=1", "users?status=active&access_token=***&page_size=1")]
        [InlineData("crm/v3/x?hapikey=k&HAPIKEY=k2", "crm/v3/x?hapikey=***&HAPIKEY=***")]
        [InlineData("webinars/1/polls", "webinars/1/polls")]
        public void QueryRedactionMasksCredentialsOnly(string path, string shown) => Assert.Equal(shown, QueryRedaction.Redact(path));
    }
}
