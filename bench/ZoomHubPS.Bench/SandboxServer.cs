using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ZoomHubPS.Sandbox;
using ZoomHubPS.Sandbox.Hosting;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Bench
{
    /// <summary>
    /// The bench executable's hidden <c>--serve-sandbox</c> mode: generates the scenario of one size (or, with
    /// <c>--sizes none --account HxWxR</c>, the account scenario), serves a sandbox of it on 127.0.0.1 (a free port) with
    /// the benchmark's limits and latency, writes ONE JSON line to stdout (<see cref="Ready"/>: base URIs, sandbox
    /// credentials, the <see cref="SizePlan"/> or the <see cref="AccountPlan"/>), then answers line commands
    /// from stdin, one line each: <c>clear</c> → <c>ok</c> (forget the journal); <c>journal</c> → a JSON array of
    /// <see cref="JournalCount"/>; <c>attended ["a@x", …]</c> → the JSON array of those who attended the past
    /// instance; <c>exit</c> (or stdin closing: the client ended) stops it. Nothing else goes to stdout; diagnostics go
    /// to stderr.
    /// </summary>
    public static class SandboxServer
    {
        /// <summary>The first line the server writes.</summary>
        public sealed class Ready
        {
            /// <summary>Where it listens and the sandbox credentials.</summary>
            public SandboxEndpoint Endpoint { get; set; }

            /// <summary>What the client needs to know about a size's scenario (null for the account row).</summary>
            public SizePlan Plan { get; set; }

            /// <summary>What the client needs to know about the account scenario (null for a size).</summary>
            public AccountPlan AccountPlan { get; set; }
        }

        /// <summary>Serves until <c>exit</c> or the end of stdin.</summary>
        public static Task<int> RunAsync(BenchOptions options, CancellationToken ct = default)
            => RunAsync(options, Console.In, Console.Out, ct);

        /// <summary>Serves on the given reader and writer (the process's stdin and stdout; tests use strings).</summary>
        public static Task<int> RunAsync(BenchOptions options, System.IO.TextReader input, System.IO.TextWriter output, CancellationToken ct = default)
        {
            bool account = options.IsAccountProcess;
            int size = account ? 0 : options.Sizes.Single();
            Scenario scenario = account ? options.Account.Scenario() : BenchRunner.ScenarioFor(size);
            SizePlan plan = account ? null : SizePlan.From(scenario, size);
            AccountPlan accountPlan = account ? AccountPlan.From(scenario, options.Account) : null;
            HashSet<string> attended = account ? new HashSet<string>() : RequestMinimum.Attendees(scenario);
            using (ZoomHubSandbox sandbox = BenchTwin.CreateSandbox(scenario, options))
            using (var host = new LoopbackHost(sandbox, 0))
            {
                scenario = null; // the sandbox keeps what it needs
                host.Start();
                SandboxCredentials c = sandbox.Credentials;
                var ready = new Ready
                {
                    Endpoint = new SandboxEndpoint
                    {
                        ZoomOAuthUri = host.ZoomOAuthUri.AbsoluteUri,
                        ZoomApiUri = host.ZoomApiUri.AbsoluteUri,
                        HubSpotUri = host.HubSpotUri.AbsoluteUri,
                        ZoomAccountId = c.ZoomAccountId,
                        ZoomClientId = c.ZoomClientId,
                        ZoomClientSecret = c.ZoomClientSecret,
                        HubSpotToken = c.HubSpotToken,
                    },
                    Plan = plan,
                    AccountPlan = accountPlan,
                };
                output.WriteLine(JsonSerializer.Serialize(ready));
                output.Flush();

                string line;
                while ((line = input.ReadLine()) != null)
                {
                    ct.ThrowIfCancellationRequested();
                    string command = line.Trim();
                    try
                    {
                        if (command == "exit") break;
                        if (command == "clear")
                        {
                            sandbox.Journal.Clear();
                            output.WriteLine("ok");
                        }
                        else if (command == "journal")
                        {
                            output.WriteLine(JsonSerializer.Serialize(BenchTwin.Aggregate(sandbox.Journal.Entries)));
                        }
                        else if (command.StartsWith("attended ", StringComparison.Ordinal))
                        {
                            List<string> emails = JsonSerializer.Deserialize<List<string>>(command.Substring(9));
                            output.WriteLine(JsonSerializer.Serialize(emails.Where(attended.Contains).ToList()));
                        }
                        else
                        {
                            output.WriteLine("error unknown command '" + command + "'");
                        }
                    }
                    catch (JsonException ex)
                    {
                        output.WriteLine("error " + ex.Message.Replace('\n', ' '));
                    }

                    output.Flush();
                }
            }

            return Task.FromResult(0);
        }
    }
}
