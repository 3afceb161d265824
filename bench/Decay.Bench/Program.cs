using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Decay.Bench.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Bench
{
    /// <summary>What Decay costs a build, against the analyzers people already run. See the
    /// README's "Performance" section; <c>--help</c> lists the options.</summary>
    internal static class Program
    {
        private const int ExitBadArguments = 1;
        private const int ExitAnalyzerThrew = 2;
        private const int ExitCorpusDoesNotCompile = 3;

        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        public static async Task<int> Main(string[] args)
        {
            var options = BenchOptions.Parse(args, out var error);
            if (options is null)
            {
                Console.Error.WriteLine(error);
                Console.Error.WriteLine(BenchOptions.Usage);
                return error is null ? 0 : ExitBadArguments;
            }

            var priority = RaisePriority();
            var decay = AnalyzerSet.Decay().Only(options.Rules);
            if (options.Floor)
            {
                decay = decay.With(new FloorAnalyzer());
            }

            var net = options.DecayOnly ? AnalyzerSet.Empty("NetAnalyzers") : AnalyzerSet.NetAnalyzers();
            var mlnetDirectory = options.NoMLNet ? null : BenchReferences.FindMLNet(options.MLNetDirectory);
            if (options.MLNetDirectory != null && mlnetDirectory is null)
            {
                Console.Error.WriteLine($"--mlnet-dir: the ML.NET model assemblies ({string.Join(", ", BenchReferences.MLNetAssemblies)}) are not all in {options.MLNetDirectory}");
                return ExitBadArguments;
            }

            Console.WriteLine($"Decay.Bench: Decay {decay.Version} vs Microsoft.CodeAnalysis.NetAnalyzers {net.Version} on Roslyn {typeof(Compilation).Assembly.GetName().Version}");
            Console.WriteLine($"machine: {Report.Machine()}; load average {Report.Load()}");
            Console.WriteLine($"Decay: {decay.Analyzers.Length} analyzers ({string.Join(", ", decay.DiagnosticIds)})");
            Console.WriteLine($"NetAnalyzers: {net.Analyzers.Length} C# analyzers, {net.DiagnosticIds.Count()} rules, "
                + (options.AllNetAnalyzerRules ? "every rule enabled as a warning (AnalysisMode=All)" : "each rule at its default severity (what a build runs)"));
            Console.WriteLine($"ML.NET trainer code: {(mlnetDirectory is null ? "off (no ML.NET API model beside the bench)" : "on, model from " + mlnetDirectory)}");
            Console.WriteLine($"runs: {options.Warmup} warm-up + {options.Runs} measured per corpus (in rounds over the corpora), medians; compile and analysis single-threaded; process priority {priority}");

            var torchReferences = mlnetDirectory is null ? BenchReferences.TorchSharp : BenchReferences.TorchSharp.AddRange(BenchReferences.MLNet(mlnetDirectory));
            var torch = new TorchSharpCorpus(includeMLNet: mlnetDirectory != null);
            var corpora = options.Sizes.Select(size => new BenchCorpus(GeneratedCorpus.Create(torch, size), torchReferences)).ToList();
            corpora.Add(new BenchCorpus(GeneratedCorpus.Create(new PlainCorpus(), options.Sizes.Max()), BenchReferences.Plain));
            if (options.WriteCorpus != null)
            {
                WriteCorpora(options.WriteCorpus, corpora);
            }

            var runner = new Runner(
                decay.Analyzers.AddRange(net.Analyzers),
                options.AllNetAnalyzerRules ? net.DiagnosticIds : Enumerable.Empty<string>(),
                options.Suppressed);

            // Warm-ups first (a smoke run warms up once: the JIT is warm after the first corpus),
            // then the measured runs in rounds over every corpus, so that a busy spell on a shared
            // machine lands on every size alike instead of on whichever corpus it overlapped.
            var samples = corpora.ToDictionary(c => c, _ => new List<RunSample>());
            var schedule = new List<(BenchCorpus Corpus, string Name)>();
            foreach (var corpus in corpora)
            {
                var warmups = options.Quick && corpus != corpora[0] ? 0 : options.Warmup;
                schedule.AddRange(Enumerable.Range(1, warmups).Select(_ => (corpus, "warm-up")));
            }

            for (var round = 1; round <= options.Runs; round++)
            {
                schedule.AddRange(corpora.Select(corpus => (corpus, "run " + round.ToString(Inv))));
            }

            Console.WriteLine();
            foreach (var corpus in corpora)
            {
                Console.WriteLine(string.Format(Inv, "{0}: {1:N0} lines in {2} files", corpus.Label, corpus.Lines, corpus.Corpus.Files.Length));
            }

            foreach (var (corpus, name) in schedule)
            {
                var sample = await runner.RunAsync(corpus).ConfigureAwait(false);
                var failure = Check(corpus, sample, decay);
                if (failure != 0)
                {
                    return failure;
                }

                Console.WriteLine(string.Format(Inv, "  {0,-14} {1,-8} compile {2,7:F0} ms | analysis {3,7:F0} ms ({4} GCs, {5:F0} ms paused) | Decay {6,7:F1} ms | NetAnalyzers {7,7:F0} ms",
                    corpus.Label, name, sample.CompileMs, sample.AnalysisMs, sample.AnalysisGCs, sample.AnalysisGCPauseMs,
                    decay.Analyzers.Sum(sample.TimeMs), net.Analyzers.Sum(sample.TimeMs)));
                if (name != "warm-up")
                {
                    samples[corpus].Add(sample);
                }
            }

            var results = corpora.Select(corpus => new CorpusResult(corpus, samples[corpus], decay, net)).ToList();

            var torchResults = results.Where(r => r.Corpus.Corpus.Generator.UsesTorchSharp).ToList();
            var smallest = torchResults.OrderBy(r => r.Corpus.Lines).First();
            var largest = torchResults.OrderBy(r => r.Corpus.Lines).Last();
            var noTorch = results.Single(r => !r.Corpus.Corpus.Generator.UsesTorchSharp);
            if (decay.Analyzers.Length > 1)
            {
                // Profiling several Decay analyzers (--rules, --floor): how each grows with size.
                foreach (var smaller in torchResults.Where(r => r != largest).OrderBy(r => r.Corpus.Lines))
                {
                    WriteDecayBreakdown(smaller, decay);
                }
            }

            WriteDetails(largest, decay, net, options.Top);

            Console.WriteLine();
            Console.WriteLine($"load average at the end: {Report.Load()}");
            Console.Write(Report.Table(results));
            Console.WriteLine();
            var targets = new Report.Targets(smallest, largest, noTorch, options.Quick);
            Console.WriteLine(options.Quick ? $"targets (quick run: measured at {largest.Corpus.Label}, not 100k):" : "targets:");
            foreach (var line in targets.Lines())
            {
                Console.WriteLine(line);
            }

            Console.WriteLine(targets.FinalLine());
            return 0;
        }

        /// <summary>High process priority, as BenchmarkDotNet sets by default: on a shared machine
        /// every wall-clock time here (the compile's and the analyzers' telemetry alike) otherwise
        /// includes the time other processes held the core, which lands on a cheap analyzer's few
        /// milliseconds as a few large random jumps.</summary>
        private static string RaisePriority()
        {
            try
            {
                using var process = Process.GetCurrentProcess();
                process.PriorityClass = ProcessPriorityClass.High;
                return "high";
            }
            catch (Exception e) when (e is Win32Exception || e is PlatformNotSupportedException || e is InvalidOperationException)
            {
                return "normal (raising it was refused: " + e.Message + ")";
            }
        }

        /// <summary>The corpus must compile (a benchmark over broken code measures error recovery),
        /// and Decay must not throw on it: either is a failure, not a measurement.</summary>
        private static int Check(BenchCorpus corpus, RunSample sample, AnalyzerSet decay)
        {
            var errors = sample.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                Console.Error.WriteLine($"{corpus.Label} does not compile: {errors.Count} errors, e.g.");
                foreach (var error in errors.Take(10))
                {
                    Console.Error.WriteLine("  " + error);
                }

                return ExitCorpusDoesNotCompile;
            }

            var failed = false;
            foreach (var (analyzer, exception) in sample.Exceptions)
            {
                var ours = decay.Contains(analyzer);
                failed |= ours;
                Console.Error.WriteLine($"{(ours ? "error" : "note")}: {analyzer.GetType().FullName} threw on {corpus.Label}: {exception.GetType().Name}: {exception.Message}");
            }

            return failed ? ExitAnalyzerThrew : 0;
        }

        private static void WriteDecayBreakdown(CorpusResult result, AnalyzerSet decay)
        {
            Console.WriteLine();
            Console.WriteLine($"per analyzer on {result.Corpus.Label} (median ms):");
            foreach (var analyzer in decay.Analyzers.OrderByDescending(a => result.PerAnalyzerMs[a]))
            {
                // The minimum is the least disturbed by other processes and GC pauses.
                Console.WriteLine(string.Format(Inv, "  {0,9:F1}  {1} (min {2:F1} ms, {3})", result.PerAnalyzerMs[analyzer], analyzer.GetType().Name,
                    result.Samples.Min(s => s.TimeMs(analyzer)), result.DecayWorking.Contains(analyzer) ? "registered work" : "registered nothing"));
            }
        }

        private static void WriteDetails(CorpusResult largest, AnalyzerSet decay, AnalyzerSet net, int top)
        {
            WriteDecayBreakdown(largest, decay);

            Console.WriteLine($"  slowest NetAnalyzers ({largest.NetWorking.Length} of {net.Analyzers.Length} registered work):");
            foreach (var analyzer in largest.NetWorking.OrderByDescending(a => largest.PerAnalyzerMs[a]).Take(top))
            {
                Console.WriteLine(string.Format(Inv, "  {0,9:F1}  {1}", largest.PerAnalyzerMs[analyzer], analyzer.GetType().Name));
            }

            var working = largest.NetWorking.Select(a => largest.PerAnalyzerMs[a]).ToList();
            Console.WriteLine(string.Format(Inv, "  NetAnalyzers per analyzer: mean {0:F1} ms, median {1:F1} ms",
                largest.NetMeanMs, CorpusResult.Median(working)));

            // Minima: each quantity in its least disturbed run, the closest to its CPU time on a
            // shared machine (reported beside the medians, never instead of them).
            var minCompile = largest.Samples.Min(s => s.CompileMs);
            var minDecay = largest.Samples.Min(s => decay.Analyzers.Sum(s.TimeMs));
            var minNetMean = largest.Samples.Min(s => largest.NetWorking.Sum(s.TimeMs)) / Math.Max(1, largest.NetWorking.Length);
            Console.WriteLine(string.Format(Inv, "  least-disturbed runs (minima): compile {0:F0} ms, Decay {1:F1} ms ({2:F3} %), NetAnalyzers mean {3:F1} ms (ratio {4:F2})",
                minCompile, minDecay, 100 * minDecay / minCompile, minNetMean, minDecay / minNetMean));

            var found = largest.Samples[0].AnalyzerDiagnostics
                .Where(d => decay.DiagnosticIds.Contains(d.Id))
                .GroupBy(d => d.Id)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} x{g.Count()}")
                .ToList();
            Console.WriteLine($"Decay diagnostics on {largest.Corpus.Label}: {(found.Count == 0 ? "none" : string.Join(", ", found))}");

            // Reporting costs the host ~0.1-0.3 ms per diagnostic (pragma, generated-code and
            // severity filtering), charged to the reporting analyzer: a corpus with mistakes
            // costs its analyzers more than clean code.
            var netIds = new HashSet<string>(net.DiagnosticIds, StringComparer.Ordinal);
            Console.WriteLine($"diagnostics reported on {largest.Corpus.Label}: Decay {largest.Samples[0].AnalyzerDiagnostics.Count(d => decay.DiagnosticIds.Contains(d.Id))}, NetAnalyzers {largest.Samples[0].AnalyzerDiagnostics.Count(d => netIds.Contains(d.Id))}");
        }

        private static void WriteCorpora(string directory, IEnumerable<BenchCorpus> corpora)
        {
            foreach (var corpus in corpora)
            {
                foreach (var file in corpus.Corpus.Files)
                {
                    var path = Path.Combine(directory, corpus.Label, file.Path);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, file.Text);
                }
            }

            Console.WriteLine($"corpora written to {directory}");
        }
    }

    internal sealed class BenchOptions
    {
        public const string Usage = @"usage: dotnet run -c Release --project bench/Decay.Bench -- [options]
  --quick                 smallest size only, fewer runs (a smoke run: seconds)
  --sizes 10000,30000,... TorchSharp corpus sizes in lines (default 10000,30000,100000);
                          the no-TorchSharp corpus has the largest size
  --runs N                measured runs per corpus (default 5; --quick 2)
  --warmup N              warm-up runs per corpus (default 1)
  --netanalyzers default|all
                          NetAnalyzers rules at their own default severities, what a build
                          runs (default), or all enabled as warnings (AnalysisMode=All)
  --mlnet-dir DIR         ML.NET API model assemblies to compile the ML.NET code against
                          (default: beside the bench, when present)
  --no-mlnet              no ML.NET trainer code even when the model is present
  --write-corpus DIR      also write the generated corpora to DIR
  --top N                 slowest NetAnalyzers listed (default 8)
  --rules ID,...|all      profile: run these rules each as its own analyzer instead of
                          DecayAnalyzer (all rules behind one registration)
  --decay-only            profile: run Decay without NetAnalyzers (no ratio)
  --floor                 profile: add FloorAnalyzer, an empty operation action on the kinds
                          Decay looks at, to the Decay side (its time: what any such analyzer
                          pays Roslyn per callback; the Decay totals then include it)
  --suppress ID,...       profile: these rules suppressed, as NoWarn does (DecayAnalyzer
                          then skips them): what the other rules cost together";

        public bool Quick { get; private set; }
        public IReadOnlyList<int> Sizes { get; private set; } = new[] { 10000, 30000, 100000 };
        public int Runs { get; private set; } = 5;
        public int Warmup { get; private set; } = 1;
        public bool AllNetAnalyzerRules { get; private set; }
        public string? MLNetDirectory { get; private set; }
        public bool NoMLNet { get; private set; }
        public string? WriteCorpus { get; private set; }
        public int Top { get; private set; } = 8;
        public IReadOnlyList<string>? Rules { get; private set; }
        public bool DecayOnly { get; private set; }
        public bool Floor { get; private set; }
        public IReadOnlyList<string>? Suppressed { get; private set; }

        public static BenchOptions? Parse(string[] args, out string? error)
        {
            var options = new BenchOptions();
            int? runs = null;
            error = null;
            for (var i = 0; i < args.Length; i++)
            {
                string Value()
                {
                    if (i + 1 >= args.Length)
                    {
                        throw new FormatException(args[i] + " needs a value");
                    }

                    return args[++i];
                }

                try
                {
                    switch (args[i])
                    {
                        case "--quick":
                            options.Quick = true;
                            break;
                        case "--sizes":
                            options.Sizes = Value().Split(',').Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToArray();
                            break;
                        case "--runs":
                            runs = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                            break;
                        case "--warmup":
                            options.Warmup = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                            break;
                        case "--netanalyzers":
                            var mode = Value();
                            options.AllNetAnalyzerRules = mode switch
                            {
                                "all" => true,
                                "default" => false,
                                _ => throw new FormatException("--netanalyzers takes all or default"),
                            };
                            break;
                        case "--mlnet-dir":
                            options.MLNetDirectory = Path.GetFullPath(Value());
                            break;
                        case "--no-mlnet":
                            options.NoMLNet = true;
                            break;
                        case "--write-corpus":
                            options.WriteCorpus = Value();
                            break;
                        case "--top":
                            options.Top = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                            break;
                        case "--rules":
                            options.Rules = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                            break;
                        case "--decay-only":
                            options.DecayOnly = true;
                            break;
                        case "--suppress":
                            options.Suppressed = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                            break;
                        case "--floor":
                            options.Floor = true;
                            break;
                        case "--help":
                        case "-h":
                            return null;
                        default:
                            throw new FormatException("unknown option " + args[i]);
                    }
                }
                catch (FormatException e)
                {
                    error = e.Message;
                    return null;
                }
            }

            if (options.Quick)
            {
                options.Sizes = new[] { options.Sizes.Min() };
            }

            options.Runs = runs ?? (options.Quick ? 2 : 5);
            if (options.Runs < 1 || options.Warmup < 0 || options.Sizes.Count == 0 || options.Sizes.Any(s => s <= 0))
            {
                error = "runs must be >= 1, warm-ups >= 0, sizes positive";
                return null;
            }

            return options;
        }
    }
}
