using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Core;
using ZoomHubPS.Core.WebinarRegistration;
using ZoomHubPS.Infrastructure;

namespace ZoomHubPS.Commands
{
    /// <summary>
    /// Shared shell of the two registration cmdlets: collects inputs per webinar, then registers each webinar's people in
    /// bulk, releasing results in input order as each batch finishes (<see cref="RegistrationOutput"/>).
    /// </summary>
    public abstract class RegistrationCmdlet : ConnectedCmdlet
    {
        private readonly Dictionary<long, List<RegistrationInput>> _byWebinar = new Dictionary<long, List<RegistrationInput>>();
        private readonly List<long> _webinarOrder = new List<long>();
        private int _inputs;
        private RegistrationOutput _output;
        private int _reported;

        /// <summary>Occurrence of a recurring webinar (default: every occurrence).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string OccurrenceId { get; set; }

        /// <summary>Zoom question (field name or custom question title) → input property, or '=answer' for a fixed answer.</summary>
        [Parameter]
        public Hashtable QuestionMap { get; set; }

        /// <summary>Email domains not to register.</summary>
        [Parameter]
        public string[] ExcludeDomain { get; set; }

        /// <summary>Whether to write the join link and the register participation to HubSpot.</summary>
        protected abstract bool WriteBack { get; }

        /// <summary>
        /// Adds one input for one webinar (called from ProcessRecordAsync): its values and the user's own object.
        /// <paramref name="notAPerson"/> says why the object cannot stand for a person (<see cref="InputText.NotAPerson"/>):
        /// it then gets its Failed result (InvalidInput) and a ZoomHubInvalidInput error in input order, and never reaches
        /// the webinar's checks, where it would be blamed on a question.
        /// </summary>
        internal void Queue(long webinarId, IDictionary<string, object> values, object original, string notAPerson = null)
        {
            if (!_byWebinar.TryGetValue(webinarId, out List<RegistrationInput> list))
            {
                _byWebinar[webinarId] = list = new List<RegistrationInput>();
                _webinarOrder.Add(webinarId);
            }

            list.Add(new RegistrationInput(values, new RegistrationTicket(++_inputs, original)) { Problem = notAPerson });
        }

        /// <summary>An input that is not a person and has no webinar to be filed under (-WebinarIdProperty): reported at once.</summary>
        internal void ReportNotAPerson(PSObject input, string problem)
        {
            var result = new RegistrationResult { Status = RegistrationStatus.Failed, Reason = RegistrationReasons.InvalidInput, Message = problem, OccurrenceId = OccurrenceId, WhatIf = IsWhatIf };
            result.SetInput(input);
            WriteObject(result);
            WriteErrorAndWait(ErrorRecordFactory.InvalidInput(problem, input));
        }

        /// <summary>Normalises a webinar id or ends the call (before any request) naming it.</summary>
        internal static long WebinarIdOrStop(string text, object target)
        {
            if (ZoomIds.TryNormalizeWebinarId(text, out long id)) return id;
            throw InvalidArgument(ErrorIds.ZoomHubInvalidWebinarId,
                $"'{text}' is not a Zoom webinar id. A webinar id is 9 to 13 digits, optionally grouped with spaces or dashes, e.g. '812 3456 7890'. Nothing was registered.", target);
        }

        /// <summary>A PowerShell object's properties as a name → value map (PSObject wrappers unwrapped).</summary>
        internal static Dictionary<string, object> ValuesOf(PSObject o)
        {
            var d = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            if (o == null) return d;
            if (o.BaseObject is IDictionary dict)
            {
                foreach (DictionaryEntry e in dict) d[e.Key.ToString()] = e.Value is PSObject p ? p.BaseObject : e.Value;
                return d;
            }

            foreach (PSPropertyInfo p in o.Properties)
            {
                try
                {
                    object v = p.Value;
                    d[p.Name] = v is PSObject ps ? ps.BaseObject : v;
                }
                catch (GetValueException)
                {
                    // A property that cannot be read is not an answer.
                }
            }

            return d;
        }

        /// <inheritdoc />
        protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
        {
            Dictionary<string, string> map = QuestionMapOf();
            var progress = new ProgressReporter(WriteProgress, Math.Abs(GetHashCode() % 10_000), MyInvocation.MyCommand.Name, ShowProgress);
            _output = new RegistrationOutput(_inputs, WriteObject, WriteErrorAndWait, progress, Streams.StopOnError);
            var engine = new WebinarRegistrationEngine(Api);
            foreach (long webinarId in _webinarOrder)
            {
                await RegisterWebinarAsync(engine, webinarId, _byWebinar[webinarId], map, cancellationToken).ConfigureAwait(false);
            }

            // Per-row errors after every result, so a table of results is not cut by error text (-ErrorAction Stop
            // wrote them at once instead).
            foreach (ErrorRecord error in _output.Finish()) WriteError(error);
        }

        /// <inheritdoc />
        protected override string StopNotice() => _output?.StopNotice(MyInvocation.MyCommand.Name);

        private async Task RegisterWebinarAsync(WebinarRegistrationEngine engine, long webinarId, List<RegistrationInput> inputs, Dictionary<string, string> map, CancellationToken cancellationToken)
        {
            bool run = await ShouldProcessAsync($"webinar {webinarId}", $"Register {inputs.Count} person(s)").ConfigureAwait(false);
            if (!run && !IsWhatIf) return;
            _output.BeginWebinar(webinarId, inputs.Select(i => (RegistrationTicket)i.Original));
            await RegisterGuardedAsync(webinarId, () => engine.RegisterAsync(webinarId, inputs, Options(!run, map), _output.OnResult, cancellationToken)).ConfigureAwait(false);
            _output.EndWebinar();
        }

        /// <summary>The registration options of this invocation (a dry run when <paramref name="whatIf"/>).</summary>
        internal RegistrationOptions Options(bool whatIf, Dictionary<string, string> map = null)
            => new RegistrationOptions
            {
                OccurrenceId = OccurrenceId,
                QuestionMap = map ?? QuestionMapOf(),
                ExcludeDomains = ExcludeDomain ?? new string[0],
                WhatIf = whatIf,
                WriteBackToHubSpot = WriteBack,
            };

        /// <summary>
        /// Writes one result that did not come from the pipeline (a list's members), in the order registered; a failed row
        /// is also an error, waited for so -ErrorAction Stop ends the call before the next batch.
        /// </summary>
        internal void Report(RegistrationResult result)
        {
            if (result.InputIndex == 0) result.InputIndex = Interlocked.Increment(ref _reported); // members numbered as they come
            WriteObject(result);
            if (result.Status == RegistrationStatus.Failed) WriteErrorAndWait(ErrorRecordFactory.RegistrationFailed(result));
        }

        /// <summary>Runs one webinar's registration: a webinar that cannot take them ends the call, a missing webinar is this webinar's error.</summary>
        internal async Task RegisterGuardedAsync(long webinarId, Func<Task> register)
        {
            try
            {
                await register().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RegistrationQuestionsMissingException || ex is RegistrationNotPossibleException)
            {
                throw Terminating(ErrorRecordFactory.Create(ex, webinarId));
            }
            catch (ZoomHubApiException ex) when (ex.Kind == ErrorKind.NotFound)
            {
                WriteItemError(ex, webinarId, ErrorIds.ZoomWebinarNotFound);
            }
        }

        private Dictionary<string, string> QuestionMapOf()
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (QuestionMap != null)
            {
                foreach (DictionaryEntry e in QuestionMap) map[e.Key.ToString()] = e.Value?.ToString();
            }

            return map;
        }
    }
}
