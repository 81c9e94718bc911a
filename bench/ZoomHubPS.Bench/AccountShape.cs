using System;
using System.Globalization;
using ZoomHubPS.Sandbox.Scenarios;

namespace ZoomHubPS.Bench
{
    /// <summary>
    /// The account-wide row's scenario: <see cref="Hosts"/> × <see cref="WebinarsPerHost"/> × <see cref="RegistrantsPerWebinar"/>
    /// (written "10x4x250"), from the sandbox's account generator with the same shares as the sizes (60 % attend, 20 %
    /// of attendees rejoin, 5 % guests, 10 % existing contacts). The account is on Zoom Pro, as the limits are: it has
    /// no Dashboard, so discovery reads each host's report.
    /// </summary>
    public sealed class AccountShape
    {
        /// <summary>
        /// The run's look-back: the generator's expired webinars were held 8 to 57 days ago, so 60 days takes every
        /// held instance into the window (dates inclusive: 61 days, three 30-day spans of the past listings).
        /// </summary>
        public const int LookbackDays = 60;

        /// <summary>Zoom users who host webinars.</summary>
        public int Hosts { get; set; } = 10;

        /// <summary>Webinars of each host (a quarter upcoming, a quarter expired, the rest held and still listed).</summary>
        public int WebinarsPerHost { get; set; } = 4;

        /// <summary>Registrants of each webinar.</summary>
        public int RegistrantsPerWebinar { get; set; } = 250;

        /// <summary>Registrations in the account.</summary>
        public int Registrations => Hosts * WebinarsPerHost * RegistrantsPerWebinar;

        /// <summary>Reads "HxWxR" (e.g. "10x4x250"); throws <see cref="FormatException"/> naming what is wrong.</summary>
        public static AccountShape Parse(string text)
        {
            string[] parts = (text ?? string.Empty).ToLowerInvariant().Split('x');
            if (parts.Length != 3) throw new FormatException($"--account needs hosts x webinars x registrants, e.g. 10x4x250, not '{text}'.");
            int Part(int i) => int.TryParse(parts[i].Trim().Replace("_", string.Empty), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0
                ? n
                : throw new FormatException($"--account needs positive whole numbers, e.g. 10x4x250, not '{text}'.");
            return new AccountShape { Hosts = Part(0), WebinarsPerHost = Part(1), RegistrantsPerWebinar = Part(2) };
        }

        /// <summary>The scenario of this shape (the same shape always gives the same scenario).</summary>
        public Scenario Scenario() => ScenarioGenerator.Generate(new GeneratorOptions
        {
            Hosts = Hosts,
            WebinarsPerHost = WebinarsPerHost,
            RegistrantsPerWebinar = RegistrantsPerWebinar,
            AttendShare = 0.6,
            RejoinShare = 0.2,
            GuestShare = 0.05,
            ExistingContactShare = 0.1,
            Plan = BenchTwin.BenchLimits.ZoomPlan,
            Seed = Registrations,
        });

        /// <summary>"10x4x250".</summary>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}x{1}x{2}", Hosts, WebinarsPerHost, RegistrantsPerWebinar);
    }
}
