using System.Collections.Generic;
using System.Linq;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Bench
{
    /// <summary>
    /// What the client needs to know about the account scenario to judge the account-wide row, computed where the
    /// scenario lives (the sandbox process) by <see cref="AccountMinimum"/>.
    /// </summary>
    public sealed class AccountPlan
    {
        private static readonly int HubSpotBatch = ZoomHubPS.Core.HubSpot.HubSpotClient.BatchSize;

        /// <summary>"10x4x250".</summary>
        public string Shape { get; set; }

        /// <summary>The scenario in words.</summary>
        public string Description { get; set; }

        /// <summary>Registrations in the account (hosts × webinars × registrants).</summary>
        public int Registrations { get; set; }

        /// <summary>The run's window in days (Invoke-ZoomHubSync's look-back).</summary>
        public int LookbackDays { get; set; }

        /// <summary>The webinars the run syncs, in its order: the per-instance loop syncs the same ones, one after the other.</summary>
        public List<long> TargetWebinarIds { get; set; } = new List<long>();

        /// <summary>Of the targets, the held instances (the others are registrations of webinars not held yet).</summary>
        public int HeldInstances { get; set; }

        /// <summary>
        /// Per instance its people / 100, summed: the contact reads, and the history upserts, a first sync makes whoever
        /// creates the new contacts (what is left of the upserts are creations).
        /// </summary>
        public int PeopleBatches { get; set; }

        /// <summary>Minimum requests of the run, per route.</summary>
        public List<RouteCount> SyncMinimum { get; set; } = new List<RouteCount>();

        /// <summary>Minimum requests of the re-run, per route.</summary>
        public List<RouteCount> RerunMinimum { get; set; } = new List<RouteCount>();

        /// <summary>Minimum requests of the per-instance loop, per route.</summary>
        public List<RouteCount> LoopMinimum { get; set; } = new List<RouteCount>();

        /// <summary>The run's dependency chain (requests in a row).</summary>
        public int SyncChain { get; set; }

        /// <summary>The re-run's dependency chain.</summary>
        public int RerunChain { get; set; }

        /// <summary>The loop's dependency chain (every instance's chain in turn).</summary>
        public int LoopChain { get; set; }

        /// <summary>Computes the plan from the account scenario of <paramref name="shape"/>.</summary>
        public static AccountPlan From(Scenario scenario, AccountShape shape)
        {
            var minimum = new AccountMinimum(scenario, AccountShape.LookbackDays);
            return new AccountPlan
            {
                Shape = shape.ToString(),
                Description = scenario.Description,
                Registrations = shape.Registrations,
                LookbackDays = minimum.LookbackDays,
                TargetWebinarIds = minimum.TargetWebinarIds.ToList(),
                HeldInstances = minimum.Shapes.Count(s => s.Held),
                PeopleBatches = minimum.Shapes.Sum(s => RequestMinimum.Calls(s.People, HubSpotBatch)),
                SyncMinimum = minimum.Sync(),
                RerunMinimum = minimum.Rerun(),
                LoopMinimum = minimum.Loop(),
                SyncChain = minimum.SyncChain(),
                RerunChain = minimum.RerunChain(),
                LoopChain = minimum.LoopChain(),
            };
        }
    }

    /// <summary>What the account-wide row produced (one client process).</summary>
    public sealed class AccountResult
    {
        /// <summary>"10x4x250".</summary>
        public string Shape { get; set; }

        /// <summary>The scenario in words.</summary>
        public string Scenario { get; set; }

        /// <summary>Instances the run syncs (held instances plus registrations of webinars not held yet).</summary>
        public int Instances { get; set; }

        /// <summary>Of them, held instances.</summary>
        public int HeldInstances { get; set; }

        /// <summary>"account sync", "account re-run", "instance loop".</summary>
        public List<Measurement> Measurements { get; set; } = new List<Measurement>();

        /// <summary>Warnings the run gave (what discovery could not see), once each.</summary>
        public List<string> Warnings { get; set; } = new List<string>();

        /// <summary>The measurement of <paramref name="operation"/>, or null.</summary>
        public Measurement Find(string operation) => Measurements.FirstOrDefault(m => m.Operation == operation);
    }
}
