using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

namespace Decay.Bench
{
    /// <summary>The table, the targets and the final line.</summary>
    internal static class Report
    {
        public const double ShareTarget = 1.0;
        public const double RatioTarget = 1.0;
        public const double ScalingTarget = 11.0;

        /// <summary>"~0" on the corpus without TorchSharp: Decay registers no action beyond its
        /// compilation-start check, and its time stays under this share of the compile.</summary>
        public const double NoTorchShareTarget = 0.05;

        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        public static string Machine()
        {
            var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
            return string.Format(Inv, "{0} cores ({1}), {2:F1} GiB memory, {3}, {4} {5}",
                Environment.ProcessorCount, CpuModel(), memory, OperatingSystem(), RuntimeInformation.FrameworkDescription, RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant());
        }

        private static string CpuModel()
            => FirstLine("/proc/cpuinfo", "model name") is { } line ? line.Substring(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim() : "unknown CPU";

        private static string OperatingSystem()
            => FirstLine("/etc/os-release", "PRETTY_NAME=") is { } line ? line.Substring("PRETTY_NAME=".Length).Trim('"') : RuntimeInformation.OSDescription;

        /// <summary>The 1/5/15-minute load averages: on a shared machine, other processes inflate
        /// every wall-clock time here (medians of several runs are the defence).</summary>
        public static string Load()
            => FirstLine("/proc/loadavg", "") is { } line ? string.Join(" ", line.Split(' ').Take(3)) : "n/a";

        /// <summary>The first line of a Linux system file that starts with <paramref name="prefix"/>;
        /// null elsewhere.</summary>
        private static string? FirstLine(string path, string prefix)
        {
            try
            {
                return File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) : null;
            }
            catch (IOException)
            {
                return null;
            }
        }

        public static string Table(IEnumerable<CorpusResult> results)
        {
            var text = new StringBuilder();
            text.AppendLine("| corpus | lines | compile (ms) | Decay total (ms) | Decay share of compile | NetAnalyzers total (ms) / analyzers | NetAnalyzers mean per analyzer (ms) | Decay / NetAnalyzers mean | Decay per 10k lines (ms) |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in results)
            {
                text.AppendLine(string.Format(Inv, "| {0} | {1:N0} | {2:F0} | {3:F1} | {4:F3} % | {5:F0} / {6} | {7:F1} | {8:F2} | {9:F2} |",
                    r.Corpus.Label, r.Corpus.Lines, r.CompileMs, r.DecayMs, r.SharePercent, r.NetTotalMs, r.NetWorking.Length, r.NetMeanMs, r.RatioToNetMean, r.DecayPer10kLines));
            }

            return text.ToString();
        }

        public sealed class Targets
        {
            public Targets(CorpusResult smallest, CorpusResult largest, CorpusResult noTorch, bool quick)
            {
                Largest = largest;
                Share = largest.SharePercent;
                Ratio = largest.RatioToNetMean;
                Scaling = quick || smallest == largest ? double.NaN : largest.DecayMs / smallest.DecayMs;
                LineScaling = (double)largest.Corpus.Lines / smallest.Corpus.Lines;
                NoTorchShare = noTorch.SharePercent;
                NoTorchRegistersNothing = noTorch.DecayWorking.IsEmpty;
            }

            public CorpusResult Largest { get; }
            public double Share { get; }
            public double Ratio { get; }
            public double Scaling { get; }
            public double LineScaling { get; }
            public double NoTorchShare { get; }
            public bool NoTorchRegistersNothing { get; }

            public IEnumerable<string> Lines()
            {
                var at = Largest.Corpus.Label;
                yield return Line($"Decay share of compile <= {ShareTarget:0.#} % ({at})", Share <= ShareTarget, string.Format(Inv, "{0:F3} %", Share));
                yield return Line($"Decay total <= mean NetAnalyzers analyzer, ratio <= {RatioTarget:0.#} ({at})", Ratio <= RatioTarget, string.Format(Inv, "{0:F2}", Ratio));
                yield return double.IsNaN(Scaling)
                    ? "  [ n/a  ] linear growth 10k -> 100k <= 11x: needs two sizes (the full run)"
                    : Line($"linear growth, Decay time 10k -> 100k <= {ScalingTarget:0}x (lines grew {LineScaling:F1}x)", Scaling <= ScalingTarget, string.Format(Inv, "{0:F2}x", Scaling));
                yield return Line($"no TorchSharp: Decay registers nothing and costs ~0 (< {NoTorchShareTarget} %)",
                    NoTorchRegistersNothing && NoTorchShare < NoTorchShareTarget,
                    string.Format(Inv, "{0:F4} %, {1}", NoTorchShare, NoTorchRegistersNothing ? "no actions registered" : "actions registered"));
            }

            private static string Line(string what, bool met, string value)
                => string.Format(Inv, "  [{0}] {1}: {2}", met ? " met " : "MISSED", what, value);

            public string FinalLine()
                => string.Format(Inv, "decay_share_100k={0:F3}% ratio_vs_netanalyzers_mean={1:F2} scaling_10k_to_100k={2} no_torch_share={3:F4}%",
                    Share, Ratio, double.IsNaN(Scaling) ? "n/a" : Scaling.ToString("F2", Inv), NoTorchShare);
        }
    }
}
