using System;
using Xunit;
using ZoomHubPS.Sandbox.Faults;

namespace ZoomHubPS.Sandbox.Tests.Faults
{
    /// <summary>The -Fault JSON: every mistake is named by its key path, never silently ignored.</summary>
    public class FaultJsonTests
    {
        [Fact]
        public void LostReplyRulesReadFromJsonBehaveLikeTheFluentForm()
        {
            FaultOptions o = FaultOptions.FromJson(@"{ ""rules"": [
                { ""route"": ""*"", ""writesOnly"": true, ""kind"": ""lostReply"", ""reply"": ""reset"", ""nth"": 3 },
                { ""route"": ""HubSpot"", ""kind"": ""lostReply"", ""reply"": 504, ""afterWrites"": 10, ""probability"": 0.5 },
                { ""route"": ""Zoom"", ""kind"": ""lostReply"", ""reply"": ""badGateway"" },
                { ""route"": ""POST /v2/webinars/{webinarId}/registrants"", ""kind"": ""lostReply"", ""reply"": ""timeout"", ""times"": 1 } ] }");

            Assert.Equal((FaultKind.LostReply, LostReplyKind.Reset, true, 3, 1), (o.Rules[0].Kind, o.Rules[0].LostReply, o.Rules[0].WritesOnly, o.Rules[0].EveryNth, o.Rules[0].Remaining.Value));
            Assert.Equal((LostReplyKind.GatewayTimeout, 10, 0.5), (o.Rules[1].LostReply, o.Rules[1].AfterWritesCount.Value, o.Rules[1].Probability));
            Assert.Equal(LostReplyKind.BadGateway, o.Rules[2].LostReply);
            Assert.Equal(LostReplyKind.Timeout, o.Rules[3].LostReply);
            Assert.Equal(LostReplyKind.Reset, FaultOptions.FromJson("{\"rules\":[{\"kind\":\"lostReply\"}]}").Rules[0].LostReply);
        }

        [Theory]
        [InlineData("{\"rules\":\"all\"}", "$.rules", "must be a list of rule objects")]
        [InlineData("{\"rules\":[\"reset\"]}", "$.rules[0]", "must be a rule object")]
        [InlineData("{\"Rules\":[]}", "$.Rules", "did you mean 'rules'")]
        [InlineData("{\"latency\":80}", "$.latency", "unknown key 'latency'")]
        [InlineData("{\"latencyMs\":\"80\"}", "$.latencyMs", "must be a whole number of at least 0; it is the string \"80\"")]
        [InlineData("{\"rules\":[{\"route\":\"*\",\"kind\":\"reset\",\"tiems\":1}]}", "$.rules[0].tiems", "unknown key 'tiems'")]
        [InlineData("{\"rules\":[{\"kind\":\"reset\",\"status\":502}]}", "$.rules[0].status", "applies only to kind serverError")]
        [InlineData("{\"rules\":[{\"kind\":\"serverError\",\"reply\":\"reset\"}]}", "$.rules[0].reply", "applies only to kind lostReply")]
        [InlineData("{\"rules\":[{\"kind\":\"lostReply\",\"reply\":\"explode\"}]}", "$.rules[0].reply", "use reset, timeout, 502")]
        [InlineData("{\"rules\":[{\"kind\":\"serverError\",\"status\":404}]}", "$.rules[0].status", "must be 500, 502, 503 or 504")]
        [InlineData("{\"rules\":[{\"kind\":\"reset\",\"times\":-1}]}", "$.rules[0].times", "a whole number of at least 0")]
        [InlineData("{\"rules\":[{\"kind\":\"reset\",\"every\":0}]}", "$.rules[0].every", "a whole number of at least 1")]
        [InlineData("{\"rules\":[{\"kind\":\"reset\",\"nth\":2,\"times\":1}]}", "$.rules[0].nth", "cannot be combined")]
        [InlineData("{\"rules\":[{\"kind\":\"reset\",\"writesOnly\":\"yes\"}]}", "$.rules[0].writesOnly", "must be true or false")]
        [InlineData("{\"rules\":[{\"route\":\"*\",\"pattern\":\"*\"}]}", "$.rules[0].pattern", "use one")]
        [InlineData("{\"failAfterWritesStatus\":502}", "$.failAfterWritesStatus", "needs $.failAfterWrites")]
        [InlineData("{\"rules\":[{\"kind\":\"reset\",}", "$", "not valid JSON (line 1")]
        [InlineData("\"reset\"", "$", "must be an object")]
        public void BadFaultJsonNamesTheKeyPathAndWhatIsExpected(string json, string keyPath, string says)
        {
            FaultJsonException ex = Assert.Throws<FaultJsonException>(() => FaultOptions.FromJson(json));
            Assert.Equal(keyPath, ex.KeyPath);
            Assert.Contains(says, ex.Message);
            Assert.IsAssignableFrom<ArgumentException>(ex); // callers that catch ArgumentException keep working
        }
    }
}
