using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZoomHubPS.Core.WebinarRegistration;

namespace ZoomHubPS.Core.Tests.WebinarRegistration
{
    /// <summary>Which inputs the whole-call question check looks at (issue #16 item 8).</summary>
    public class RegistrationInputTests
    {
        private const long DeepDive = 83456789012; // requires last_name, org and "How did you hear about us?"

        private static RegistrationInput Row(params (string Name, object Value)[] values)
            => new RegistrationInput(values.ToDictionary(v => v.Name, v => v.Value), values.Length);

        [Fact]
        public async Task AFirstRowWithoutAnEmailDoesNotDecideWhichQuestionsTheInputAnswers()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync();
            var inputs = new[]
            {
                Row(("Email;FirstName;LastName;Company", "x@example.org;X;Y;Z")),
                Row(("Email", "whole.row@example.org"), ("FirstName", "Whole"), ("LastName", "Row"), ("Company", "Fabrikam")),
            };
            var map = new Dictionary<string, string> { ["How did you hear about us?"] = "=Email" };
            var results = new List<RegistrationResult>();

            await new WebinarRegistrationEngine(host.Connection).RegisterAsync(DeepDive, inputs, new RegistrationOptions { QuestionMap = map }, results.Add);

            Assert.Equal(RegistrationStatus.Registered, results.Single(r => r.Email == "whole.row@example.org").Status);
            Assert.Equal(RegistrationReasons.InvalidEmail, results.Single(r => r.Email == null).Reason);
        }

        [Fact]
        public async Task AQuestionNoRowAnswersStillStopsTheCallNamingIt()
        {
            using CoreTestHost host = await CoreTestHost.CreateAsync();
            var inputs = new[] { Row(("Email", ""), ("LastName", "Has")), Row(("Email", "no.org@example.org"), ("FirstName", "No"), ("LastName", "Org")) };
            var ex = await Assert.ThrowsAsync<RegistrationQuestionsMissingException>(() => new WebinarRegistrationEngine(host.Connection).RegisterAsync(DeepDive, inputs, new RegistrationOptions(), _ => { }));
            Assert.Contains("org", ex.Missing);
            Assert.DoesNotContain("last_name", ex.Missing);
        }
    }
}
