using System;
using System.Collections.Generic;
using System.Linq;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Core.WebinarRegistration
{
    /// <summary>
    /// A webinar's registration form and where each answer comes from: the question map (question → input property,
    /// or <c>=fixed answer</c>), else the input's own properties under the usual spellings.
    /// </summary>
    internal sealed class RegistrationForm
    {
        private static readonly Dictionary<string, string[]> FieldAliases = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["last_name"] = new[] { "LastName", "last_name", "lastname" },
            ["address"] = new[] { "Address", "address" },
            ["city"] = new[] { "City", "city" },
            ["state"] = new[] { "State", "state" },
            ["zip"] = new[] { "Zip", "zip", "PostalCode" },
            ["country"] = new[] { "Country", "country" },
            ["phone"] = new[] { "Phone", "phone" },
            ["industry"] = new[] { "Industry", "industry" },
            ["org"] = new[] { "Org", "org", "Company", "company", "Organization" },
            ["job_title"] = new[] { "JobTitle", "job_title", "jobtitle", "Title" },
            ["purchasing_time_frame"] = new[] { "PurchasingTimeFrame", "purchasing_time_frame" },
            ["role_in_purchase_process"] = new[] { "RoleInPurchaseProcess", "role_in_purchase_process" },
            ["no_of_employees"] = new[] { "NoOfEmployees", "no_of_employees", "numemployees" },
            ["comments"] = new[] { "Comments", "comments" },
        };

        private readonly ZoomRegistrationQuestions _form;
        private readonly Dictionary<string, string> _map;

        public RegistrationForm(ZoomRegistrationQuestions form, IDictionary<string, string> questionMap)
        {
            _form = form ?? new ZoomRegistrationQuestions();
            _map = new Dictionary<string, string>(questionMap ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>
        /// Answers beyond email, first and last name: only single adds carry them (Zoom's batch route takes names only).
        /// </summary>
        public bool NeedsExtraAnswers
            => (_form.Questions ?? new List<ZoomStandardQuestion>()).Any(q => q.Required && q.FieldName != "last_name")
               || (_form.CustomQuestions ?? new List<ZoomCustomQuestion>()).Any(q => q.Required)
               || _map.Count > 0;

        /// <summary>
        /// Required questions no input can answer (not in the map, and not a property of any input that has an email): the
        /// whole call stops before any write, naming them. Rows that lack an answer another row has fail on their own
        /// (<see cref="EmptyRequired"/>), and rows without an email are not people to ask: a first row that is a stray
        /// string or a mis-read CSV line never makes the call blame the questions.
        /// </summary>
        public IReadOnlyList<string> Unanswerable(IReadOnlyList<RegistrationInput> inputs)
        {
            List<RegistrationInput> people = inputs.Where(i => i.Problem == null && !string.IsNullOrEmpty(i.Email)).ToList();
            if (people.Count == 0) return new List<string>();
            return Required().Where(q => !_map.ContainsKey(q.Question) && !people.Any(p => q.Aliases.Any(a => p.Values.ContainsKey(a)) || p.Values.ContainsKey(q.Question)))
                .Select(q => q.Question).ToList();
        }

        /// <summary>Required questions this one input leaves empty (refused locally: a Zoom refusal would spend one of the person's registrations).</summary>
        public IReadOnlyList<string> EmptyRequired(RegistrationInput input)
            => Required().Where(q => string.IsNullOrEmpty(Answer(input, q.Question, q.Aliases))).Select(q => q.Question).ToList();

        /// <summary>The single-add request for one input.</summary>
        public ZoomRegistrantRequest Request(RegistrationInput input)
        {
            string F(string field) => Answer(input, field, AliasesOf(field));
            var request = new ZoomRegistrantRequest
            {
                Email = input.Email, FirstName = input.FirstName, LastName = F("last_name"), Address = F("address"), City = F("city"), State = F("state"),
                Zip = F("zip"), Country = F("country"), Phone = F("phone"), Industry = F("industry"), Org = F("org"), JobTitle = F("job_title"),
                PurchasingTimeFrame = F("purchasing_time_frame"), RoleInPurchaseProcess = F("role_in_purchase_process"), NoOfEmployees = F("no_of_employees"), Comments = F("comments"),
            };
            var answers = new List<ZoomQuestionAnswer>();
            foreach (ZoomCustomQuestion q in _form.CustomQuestions ?? new List<ZoomCustomQuestion>())
            {
                string value = Answer(input, q.Title, new string[0]);
                if (!string.IsNullOrEmpty(value)) answers.Add(new ZoomQuestionAnswer { Title = q.Title, Value = value });
            }

            if (answers.Count > 0) request.CustomQuestions = answers;
            return request;
        }

        private IEnumerable<(string Question, string[] Aliases)> Required()
        {
            foreach (ZoomStandardQuestion q in _form.Questions ?? new List<ZoomStandardQuestion>())
            {
                if (q.Required) yield return (q.FieldName, AliasesOf(q.FieldName));
            }

            foreach (ZoomCustomQuestion q in _form.CustomQuestions ?? new List<ZoomCustomQuestion>())
            {
                if (q.Required) yield return (q.Title, new string[0]);
            }
        }

        private string Answer(RegistrationInput input, string question, string[] aliases)
        {
            if (_map.TryGetValue(question, out string source))
            {
                return source != null && source.StartsWith("=", StringComparison.Ordinal) ? source.Substring(1) : input.Get(source);
            }

            return input.Get(aliases.Concat(new[] { question }).ToArray());
        }

        private static string[] AliasesOf(string field) => field != null && FieldAliases.TryGetValue(field, out string[] a) ? a : new string[0];
    }
}
