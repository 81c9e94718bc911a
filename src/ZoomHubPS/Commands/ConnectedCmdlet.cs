using System;
using System.Linq;
using System.Management.Automation;
using ZoomHubPS.Core;

namespace ZoomHubPS.Commands
{
    /// <summary>Base of every cmdlet that calls the APIs: the -Connection parameter and its resolution.</summary>
    public abstract class ConnectedCmdlet : ZoomHubCmdlet
    {
        /// <summary>The connection to use (default: the session default from Connect-ZoomHub).</summary>
        [Parameter]
        [ValidateNotNull]
        public ZoomHubConnection Connection { get; set; }

        private ulong _listed;

        /// <summary>The resolved connection (explicit, else the session default).</summary>
        protected ZoomHubConnection Api { get; private set; }

        /// <summary>Whether to show progress bars: interactive hosts only (Azure Automation and other hosts store every record).</summary>
        protected bool ShowProgress { get; private set; }

        /// <inheritdoc />
        protected override void OnBeginProcessing()
        {
            Api = ResolveConnection(Connection);
            ShowProgress = Host?.UI?.RawUI != null && Host.Name == "ConsoleHost" && Environment.UserInteractive
                && !Environment.GetCommandLineArgs().Any(a => a.StartsWith("-noni", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>Normalises a webinar id ("812 3456 7890") or throws an ArgumentException naming it.</summary>
        protected static long WebinarIdOf(string text) => ZoomIds.NormalizeWebinarId(text);

        /// <summary>Items to read for -First/-Skip (null = all).</summary>
        protected long? MaxItems => PagingParameters != null && PagingParameters.First != ulong.MaxValue
            ? (long?)Math.Min((double)PagingParameters.First + PagingParameters.Skip, long.MaxValue)
            : null;

        /// <summary>Writes a listing to the pipeline item by item as pages arrive, honouring -Skip/-First.</summary>
        protected async System.Threading.Tasks.Task EmitAsync<T>(Pageable<T> listing, System.Threading.CancellationToken cancellationToken, Func<T, object> project = null)
        {
            // -Skip/-First count over the whole invocation (several listings, e.g. -Status All, or piped inputs).
            ulong skip = PagingParameters?.Skip ?? 0;
            ulong first = PagingParameters?.First ?? ulong.MaxValue;
            ulong limit = first == ulong.MaxValue || skip > ulong.MaxValue - first ? ulong.MaxValue : skip + first;
            if (_listed >= limit)
            {
                return;
            }

            int activity = Math.Abs(GetHashCode() % 10_000);
            ulong pages = 0;
            await listing.ForEachPageAsync(page =>
            {
                pages++;
                if (ShowProgress && (pages > 1 || page.ContinuationToken != null))
                {
                    // Long listings only (more than one page); the percent uses the total the service reports.
                    var record = new ProgressRecord(activity, MyInvocation.MyCommand.Name, $"{_listed + (ulong)page.Items.Count} item(s), page {pages}");
                    if (listing.TotalCount > 0) record.PercentComplete = (int)Math.Min(100, (_listed + (ulong)page.Items.Count) * 100 / (ulong)listing.TotalCount.Value);
                    WriteProgress(record);
                }

                foreach (T item in page.Items)
                {
                    if (_listed++ >= skip)
                    {
                        WriteObject(project == null ? item : project(item));
                    }

                    if (_listed >= limit) return false;
                }

                return true;
            }, cancellationToken).ConfigureAwait(false);
            if (ShowProgress && pages > 1)
            {
                WriteProgress(new ProgressRecord(activity, MyInvocation.MyCommand.Name, "Done") { RecordType = ProgressRecordType.Completed });
            }
            if (PagingParameters != null && PagingParameters.IncludeTotalCount && listing.TotalCount.HasValue)
            {
                WriteObject(PagingParameters.NewTotalCount((ulong)listing.TotalCount.Value, 1.0));
            }
        }
    }
}
