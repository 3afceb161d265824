using System;
using System.Collections.Generic;

namespace Decay.Bench.Corpus
{
    /// <summary>SplitMix64: a small, fully specified generator, so the corpus is the same on every
    /// machine and .NET version (System.Random's seeded sequence is an implementation detail).</summary>
    internal sealed class Rng
    {
        private ulong state;

        public Rng(ulong seed) => state = seed;

        public ulong NextULong()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>Uniform in [0, n).</summary>
        public int Next(int n) => n <= 1 ? 0 : (int)(NextULong() % (ulong)n);

        /// <summary>Uniform in [min, max].</summary>
        public int Between(int min, int max) => min + Next(max - min + 1);

        public bool Chance(double p) => (NextULong() >> 11) * (1.0 / (1UL << 53)) < p;

        public T Pick<T>(params T[] items) => items[Next(items.Length)];

        public T PickFrom<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

        /// <summary>A generator for item <paramref name="index"/> of a stream, independent of how
        /// many items came before: the 10k corpus is a prefix of the 100k one.</summary>
        public static Rng For(string stream, int index)
        {
            ulong seed = 1469598103934665603UL;
            foreach (var c in stream)
            {
                seed = (seed ^ c) * 1099511628211UL;
            }

            return new Rng(seed ^ ((ulong)index * 0x9E3779B97F4A7C15UL));
        }
    }
}
