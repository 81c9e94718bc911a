using System.Collections.Generic;
using ZoomHubPS.Core.Zoom;

namespace ZoomHubPS.Models
{
    /// <summary>One field or question of a webinar's registration form.</summary>
    public sealed class ZoomRegistrationQuestion
    {
        /// <summary>The webinar.</summary>
        public long WebinarId { get; private set; }

        /// <summary>Standard (a Zoom field such as job_title) or Custom.</summary>
        public string Kind { get; private set; }

        /// <summary>Field name (standard) or title (custom).</summary>
        public string Name { get; private set; }

        /// <summary>Custom question type: short, single_radio, single_dropdown, multiple.</summary>
        public string Type { get; private set; }

        /// <summary>Whether a registrant must answer it.</summary>
        public bool Required { get; private set; }

        /// <summary>Allowed answers (choice questions).</summary>
        public IReadOnlyList<string> Answers { get; private set; }

        internal static IEnumerable<ZoomRegistrationQuestion> From(long webinarId, ZoomRegistrationQuestions form)
        {
            // email and first_name are always required and Zoom never lists them.
            yield return new ZoomRegistrationQuestion { WebinarId = webinarId, Kind = "Standard", Name = "email", Required = true, Answers = new string[0] };
            yield return new ZoomRegistrationQuestion { WebinarId = webinarId, Kind = "Standard", Name = "first_name", Required = true, Answers = new string[0] };
            foreach (ZoomStandardQuestion q in form?.Questions ?? new List<ZoomStandardQuestion>())
            {
                yield return new ZoomRegistrationQuestion { WebinarId = webinarId, Kind = "Standard", Name = q.FieldName, Required = q.Required, Answers = new string[0] };
            }

            foreach (ZoomCustomQuestion q in form?.CustomQuestions ?? new List<ZoomCustomQuestion>())
            {
                yield return new ZoomRegistrationQuestion { WebinarId = webinarId, Kind = "Custom", Name = q.Title, Type = q.Type, Required = q.Required, Answers = q.Answers ?? new List<string>() };
            }
        }
    }
}
