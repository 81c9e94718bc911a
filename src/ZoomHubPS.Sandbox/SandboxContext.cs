using System;
using ZoomHubPS.Sandbox.Journal;

namespace ZoomHubPS.Sandbox
{
    /// <summary>What the parts of one twin share: the clock, the seeded random source and the journal.</summary>
    public sealed class SandboxContext
    {
        private readonly Random _random;
        private readonly object _randomGate = new object();

        internal SandboxContext(TimeProvider clock, int seed, RequestJournal journal)
        {
            Clock = clock;
            Seed = seed;
            _random = new Random(seed);
            Journal = journal;
        }

        /// <summary>The twin's clock.</summary>
        public TimeProvider Clock { get; }

        /// <summary>The seed.</summary>
        public int Seed { get; }

        /// <summary>The request journal.</summary>
        public RequestJournal Journal { get; }

        /// <summary>The twin's rate limits (null for a twin built without them, such as a lone HubSpot twin in tests).</summary>
        internal Limits.SandboxLimits Limits { get; set; }

        /// <summary>Sandbox now.</summary>
        public DateTimeOffset Now => Clock.GetUtcNow();

        /// <summary>A deterministic random integer in [min, max).</summary>
        public int NextInt(int minValue, int maxValue)
        {
            lock (_randomGate)
            {
                return _random.Next(minValue, maxValue);
            }
        }

        /// <summary>A deterministic random double in [0, 1).</summary>
        public double NextDouble()
        {
            lock (_randomGate)
            {
                return _random.NextDouble();
            }
        }

        /// <summary>A deterministic id of <paramref name="length"/> URL-safe characters (like Zoom's registrant ids).</summary>
        public string NewId(int length = 22)
        {
            const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            var chars = new char[length];
            lock (_randomGate)
            {
                for (int i = 0; i < length; i++)
                {
                    chars[i] = Alphabet[_random.Next(Alphabet.Length)];
                }
            }

            return new string(chars);
        }
    }
}
