using System;
using System.Diagnostics;
using System.Management.Automation;

namespace ZoomHubPS.Infrastructure
{
    /// <summary>
    /// One progress bar for a long write, updated at most every <see cref="Interval"/> (a 3,000-row registration reports
    /// per result; a console redrawn 3,000 times is slower than the work). Disabled in non-interactive hosts, where
    /// progress records are stored, not shown (see <c>ConnectedCmdlet.ShowProgress</c>).
    /// </summary>
    internal sealed class ProgressReporter
    {
        /// <summary>Minimum time between two records (the last one is always written).</summary>
        public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

        private readonly Action<ProgressRecord> _write;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly bool _enabled;
        private readonly Stopwatch _since = new Stopwatch();
        private bool _shown;

        public ProgressReporter(Action<ProgressRecord> write, int activityId, string activity, bool enabled)
        {
            _write = write;
            _activityId = activityId;
            _activity = activity;
            _enabled = enabled;
        }

        /// <summary>Shows <paramref name="status"/> (and a percent when known), unless one was shown within <see cref="Interval"/>.</summary>
        public void Update(string status, int? percent = null, bool force = false)
        {
            if (!_enabled || (!force && _shown && _since.Elapsed < Interval)) return;
            var record = new ProgressRecord(_activityId, _activity, status);
            if (percent.HasValue) record.PercentComplete = Math.Max(0, Math.Min(100, percent.Value));
            _write(record);
            _shown = true;
            _since.Restart();
        }

        /// <summary>Removes the bar (written only if one was shown).</summary>
        public void Complete()
        {
            if (!_enabled || !_shown) return;
            _write(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
            _shown = false;
        }

        /// <summary>Percent of <paramref name="done"/> over <paramref name="total"/> (null when the total is unknown).</summary>
        public static int? Percent(long done, long total) => total > 0 ? (int)(done * 100 / total) : (int?)null;
    }
}
