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
    /// <summary>Shared shell of the two registration cmdlets: collects inputs per webinar, then registers each webinar's people in bulk.</summary>
    public abstract class RegistrationCmdlet : ConnectedCmdlet
    {
        private readonly Dictionary<long, List<RegistrationInput>> _byWebinar = new Dictionary<long, List<RegistrationInput>>();

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

        /// <summary>Adds one person for one webinar (called from ProcessRecordAsync).</summary>
        internal void Queue(long webinarId, RegistrationInput input)
        {
            if (!_byWebinar.TryGetValue(webinarId, out List<RegistrationInput> list)) _byWebinar[webinarId] = list = new List<RegistrationInput>();
            list.Add(input);
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
            bool whatIf = IsWhatIf;
            var engine = new WebinarRegistrationEngine(Api);
            foreach (var pair in _byWebinar)
            {
                bool run = await ShouldProcessAsync($"webinar {pair.Key}", $"Register {pair.Value.Count} person(s)").ConfigureAwait(false);
                if (!run && !whatIf) continue;
                await RegisterGuardedAsync(pair.Key, () => engine.RegisterAsync(pair.Key, pair.Value, Options(!run), Report, cancellationToken)).ConfigureAwait(false);
            }
        }

        /// <summary>The registration options of this invocation (a dry run when <paramref name="whatIf"/>).</summary>
        internal RegistrationOptions Options(bool whatIf)
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (QuestionMap != null)
            {
                foreach (DictionaryEntry e in QuestionMap) map[e.Key.ToString()] = e.Value?.ToString();
            }

            return new RegistrationOptions
            {
                OccurrenceId = OccurrenceId,
                QuestionMap = map,
                ExcludeDomains = ExcludeDomain ?? new string[0],
                WhatIf = whatIf,
                WriteBackToHubSpot = WriteBack,
            };
        }

        /// <summary>Writes one result; a failed row is also an error, waited for so -ErrorAction Stop ends the call before the next batch.</summary>
        internal void Report(RegistrationResult result)
        {
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
    }
}
