using System;
using System.Text.Json.Nodes;
using Xunit;
using ZoomHubPS.Sandbox.HubSpot;
using ZoomHubPS.Sandbox.Scenarios;
using static ZoomHubPS.Sandbox.Tests.HubSpot.HubSpotTestClient;

namespace ZoomHubPS.Sandbox.Tests.HubSpot
{
    /// <summary>The filterBranch evaluation behind DYNAMIC and SNAPSHOT lists (Lists v3 shapes).</summary>
    public class HubSpotListFilterTests
    {
        private static readonly DateTimeOffset At = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

        private static HubSpotContact Contact(string email, string company = null, string jobtitle = null, string count = null)
        {
            var c = new HubSpotContact(501, At);
            c.Set("email", email, At);
            if (company != null) c.Set("company", company, At);
            if (jobtitle != null) c.Set("jobtitle", jobtitle, At);
            if (count != null) c.Set("zoomhub_webinar_attendance_count", count, At);
            return c;
        }

        private static string Filter(string property, string operation)
            => J("{'filterType':'PROPERTY','property':'" + property + "','operation':" + operation + "}");

        // The shape HubSpot uses: an OR root holding AND branches of filters.
        private static ListFilter Parse(params string[] filters)
            => ListFilter.Parse(JsonNode.Parse(J("{'filterBranchType':'OR','filterBranchOperator':'OR','filters':[],'filterBranches':[{'filterBranchType':'AND','filterBranchOperator':'AND','filterBranches':[],'filters':[")
                + string.Join(",", filters) + "]}]}"));

        private static string Text(string op, string value, bool includeEmpty = false)
            => J("{'operationType':'STRING','operator':'" + op + "','value':'" + value + "','includeObjectsWithNoValueSet':" + (includeEmpty ? "true" : "false") + "}");

        [Theory]
        [InlineData("IS_EQUAL_TO", "contoso", true)]
        [InlineData("IS_EQUAL_TO", "Fabrikam", false)]
        [InlineData("IS_NOT_EQUAL_TO", "Fabrikam", true)]
        [InlineData("CONTAINS", "TOS", true)]
        [InlineData("DOES_NOT_CONTAIN", "tos", false)]
        [InlineData("STARTS_WITH", "Con", true)]
        [InlineData("ENDS_WITH", "so", true)]
        public void StringOperators_CompareWithoutCase(string op, string value, bool matches)
            => Assert.Equal(matches, Parse(Filter("company", Text(op, value))).Matches(Contact("a@contoso.example.org", company: "Contoso")));

        [Fact]
        public void KnownAndUnknown_TestWhetherThePropertyHasAValue()
        {
            HubSpotContact withTitle = Contact("a@b.example", jobtitle: "CTO");
            HubSpotContact without = Contact("c@d.example");
            ListFilter known = Parse(Filter("jobtitle", J("{'operationType':'ALL_PROPERTY','operator':'IS_KNOWN','includeObjectsWithNoValueSet':false}")));
            ListFilter unknown = Parse(Filter("jobtitle", J("{'operationType':'ALL_PROPERTY','operator':'IS_UNKNOWN','includeObjectsWithNoValueSet':false}")));
            Assert.True(known.Matches(withTitle));
            Assert.False(known.Matches(without));
            Assert.True(unknown.Matches(without));
        }

        [Fact]
        public void AContactWithoutTheValue_MatchesOnlyWhenTheOperationIncludesIt()
        {
            HubSpotContact without = Contact("c@d.example");
            Assert.False(Parse(Filter("company", Text("IS_NOT_EQUAL_TO", "Contoso"))).Matches(without));
            Assert.True(Parse(Filter("company", Text("IS_NOT_EQUAL_TO", "Contoso", includeEmpty: true))).Matches(without));
        }

        [Fact]
        public void ComputedProperties_Numbers_Enumerations_AndAndBranches_Work()
        {
            HubSpotContact c = Contact("ana@contoso.example.org", company: "Contoso", count: "3");
            Assert.True(Parse(Filter("hs_email_domain", Text("IS_EQUAL_TO", "contoso.example.org"))).Matches(c));
            Assert.True(Parse(Filter("zoomhub_webinar_attendance_count", J("{'operationType':'NUMBER','operator':'IS_GREATER_THAN_OR_EQUAL_TO','value':2,'includeObjectsWithNoValueSet':false}"))).Matches(c));
            Assert.False(Parse(Filter("zoomhub_webinar_attendance_count", J("{'operationType':'NUMBER','operator':'IS_LESS_THAN','value':3,'includeObjectsWithNoValueSet':false}"))).Matches(c));
            Assert.True(Parse(Filter("company", J("{'operationType':'ENUMERATION','operator':'IS_ANY_OF','values':['Fabrikam','Contoso'],'includeObjectsWithNoValueSet':false}"))).Matches(c));
            Assert.True(Parse(Filter("company", J("{'operationType':'MULTISTRING','operator':'CONTAINS','values':['wing','conto'],'includeObjectsWithNoValueSet':false}"))).Matches(c));
            Assert.False(Parse(Filter("company", Text("IS_EQUAL_TO", "Contoso")), Filter("jobtitle", Text("IS_EQUAL_TO", "CTO"))).Matches(c));
        }

        [Fact]
        public void NotAnyAndNotAll_Negate()
        {
            HubSpotContact c = Contact("ana@contoso.example.org", company: "Contoso");
            string companyIsContoso = Filter("company", Text("IS_EQUAL_TO", "Contoso"));
            Assert.False(ListFilter.Parse(JsonNode.Parse(J("{'filterBranchType':'NOT_ANY','filterBranches':[],'filters':[" + companyIsContoso + "]}"))).Matches(c));
            Assert.True(ListFilter.Parse(JsonNode.Parse(J("{'filterBranchType':'NOT_ALL','filterBranches':[],'filters':[" + companyIsContoso + "," + Filter("jobtitle", Text("IS_EQUAL_TO", "CTO")) + "]}"))).Matches(c));
        }

        [Theory]
        [InlineData("{'filterBranchType':'RESTRICTED','filterBranches':[],'filters':[]}")]
        [InlineData("{'filterBranchType':'AND','filterBranches':[],'filters':[{'filterType':'FORM_SUBMISSION','operator':'FILLED_OUT'}]}")]
        [InlineData("{'filterBranchType':'AND','filterBranches':[],'filters':[{'filterType':'PROPERTY','property':'company','operation':{'operationType':'STRING','operator':'HAS_EVER_BEEN_EQUAL_TO','value':'x'}}]}")]
        public void WhatTheTwinDoesNotEvaluate_IsRefusedByName(string branch)
            => Assert.Throws<FormatException>(() => ListFilter.Parse(JsonNode.Parse(J(branch))));

        [Fact]
        public void AScenarioListWithAnUnsupportedFilter_OrAMissingMember_StopsTheTwin()
        {
            Scenario bad = ScenarioLoader.Load("demo");
            bad.HubSpot.Lists.Add(new HubSpotListSeed { Name = "Forms", ProcessingType = "DYNAMIC", FilterBranch = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(J("{'filterBranchType':'RESTRICTED','filterBranches':[],'filters':[]}")) });
            Assert.Contains("RESTRICTED", Assert.Throws<ArgumentException>(() => SandboxTestHost.Create(bad)).Message);

            Scenario missing = ScenarioLoader.Load("demo");
            missing.HubSpot.Lists.Add(new HubSpotListSeed { Name = "Ghosts", Members = { "104" } });
            Assert.Contains("104", Assert.Throws<ArgumentException>(() => SandboxTestHost.Create(missing)).Message);

            Scenario twice = ScenarioLoader.Load("demo");
            twice.HubSpot.Lists.Add(new HubSpotListSeed { Name = "CONTOSO contacts", Members = { "101" } });
            Assert.Throws<ArgumentException>(() => SandboxTestHost.Create(twice));
        }
    }
}
