using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Decay.Bench.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace Decay.Bench
{
    /// <summary>A corpus with what it compiles against.</summary>
    internal sealed class BenchCorpus
    {
        public BenchCorpus(GeneratedCorpus corpus, ImmutableArray<MetadataReference> references)
        {
            Corpus = corpus;
            References = references;
            Label = corpus.Name + "-" + SizeLabel(corpus.TargetLines);
        }

        public GeneratedCorpus Corpus { get; }
        public ImmutableArray<MetadataReference> References { get; }
        public string Label { get; }
        public int Lines => Corpus.Lines;

        public static string SizeLabel(int lines)
            => lines % 1000 == 0 ? (lines / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) + "k" : lines.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One measured run over one corpus.</summary>
    internal sealed class RunSample
    {
        public double CompileMs { get; init; }
        public double AnalysisMs { get; init; }

        /// <summary>Garbage collections during the analysis, and their total pause: each pause is
        /// charged to whichever analyzer's callback was running.</summary>
        public int AnalysisGCs { get; init; }
        public double AnalysisGCPauseMs { get; init; }
        public ImmutableDictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo> Telemetry { get; init; } = ImmutableDictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo>.Empty;
        public ImmutableArray<Diagnostic> CompilerDiagnostics { get; init; }
        public ImmutableArray<Diagnostic> AnalyzerDiagnostics { get; init; }
        public IReadOnlyList<(DiagnosticAnalyzer Analyzer, Exception Exception)> Exceptions { get; init; } = Array.Empty<(DiagnosticAnalyzer, Exception)>();

        public double TimeMs(DiagnosticAnalyzer analyzer)
            => Telemetry.TryGetValue(analyzer, out var info) ? info.ExecutionTime.TotalMilliseconds : 0;
    }

    /// <summary>Compiles a corpus and runs every analyzer over it in one CompilationWithAnalyzers.
    ///
    /// Compile time = parse every file + create the compilation + Compilation.GetDiagnostics()
    /// (declaration, binding of every method body, flow and nullable analysis: everything the
    /// compiler does to report diagnostics, without analyzers and without emitting IL). That is
    /// a smaller denominator than a real build, which also emits, so shares are conservative.
    ///
    /// Analyzer time = AnalyzerTelemetryInfo.ExecutionTime from GetAnalysisResultAsync on a fresh
    /// compilation of the same syntax trees (its references already bound), with
    /// logAnalyzerExecutionTime on. Both the compile and the
    /// analysis run single-threaded (concurrentBuild and concurrentAnalysis off), so every number
    /// is time on one core and the analyzers' times add up (with concurrency, telemetry of
    /// analyzers running side by side is not comparable with a wall-clock compile time).</summary>
    internal sealed class Runner
    {
        private readonly ImmutableArray<DiagnosticAnalyzer> analyzers;
        private readonly CSharpCompilationOptions compilationOptions;
        private readonly CSharpParseOptions parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        private readonly AnalyzerOptions analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);

        public Runner(ImmutableArray<DiagnosticAnalyzer> analyzers, IEnumerable<string> idsEnabledAsWarnings, IEnumerable<string>? idsSuppressed = null)
        {
            this.analyzers = analyzers;
            compilationOptions = new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable,
                    concurrentBuild: false,
                    deterministic: true)
                .WithSpecificDiagnosticOptions(idsEnabledAsWarnings.Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Warn))
                    .Concat((idsSuppressed ?? Enumerable.Empty<string>()).Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Suppress))));
        }

        public async Task<RunSample> RunAsync(BenchCorpus corpus)
        {
            var (trees, compilerDiagnostics, compileMs) = Compile(corpus);

            Settle();
            var exceptions = new ConcurrentQueue<(DiagnosticAnalyzer, Exception)>();
            var compilation = CSharpCompilation.Create(corpus.Label, trees, corpus.References, compilationOptions);

            // Bind the references (the reference manager, shared with the clone the analyzer
            // driver makes) before timing: otherwise whichever analyzer's compilation-start
            // action first touches a symbol is charged the compiler's own ~5-20 ms of loading
            // ~160 reference assemblies (that was Decay, listed first, on every corpus).
            _ = compilation.GlobalNamespace;
            var withAnalyzers = compilation
                .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                    analyzerOptions,
                    (exception, analyzer, _) => exceptions.Enqueue((analyzer, exception)),
                    concurrentAnalysis: false,
                    logAnalyzerExecutionTime: true,
                    reportSuppressedDiagnostics: false));
            var gcs = GC.CollectionCount(0);
            var pause = GC.GetTotalPauseDuration();
            var stopwatch = Stopwatch.StartNew();
            var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).ConfigureAwait(false);
            stopwatch.Stop();
            gcs = GC.CollectionCount(0) - gcs;
            pause = GC.GetTotalPauseDuration() - pause;

            return new RunSample
            {
                CompileMs = compileMs,
                AnalysisMs = stopwatch.Elapsed.TotalMilliseconds,
                AnalysisGCs = gcs,
                AnalysisGCPauseMs = pause.TotalMilliseconds,
                Telemetry = result.AnalyzerTelemetryInfo,
                CompilerDiagnostics = compilerDiagnostics,
                AnalyzerDiagnostics = result.GetAllDiagnostics(),
                Exceptions = exceptions.ToList(),
            };
        }

        private (ImmutableArray<SyntaxTree> Trees, ImmutableArray<Diagnostic> Diagnostics, double Milliseconds) Compile(BenchCorpus corpus)
        {
            Settle();
            var stopwatch = Stopwatch.StartNew();
            var trees = corpus.Corpus.Files
                .Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, f.Path))
                .ToImmutableArray();
            var diagnostics = CSharpCompilation.Create(corpus.Label, trees, corpus.References, compilationOptions).GetDiagnostics();
            stopwatch.Stop();
            return (trees, diagnostics, stopwatch.Elapsed.TotalMilliseconds);
        }

        /// <summary>Starts each measurement from a collected heap.</summary>
        private static void Settle()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
    }

    /// <summary>The medians of the measured runs over one corpus.</summary>
    internal sealed class CorpusResult
    {
        public CorpusResult(BenchCorpus corpus, IReadOnlyList<RunSample> samples, AnalyzerSet decay, AnalyzerSet net)
        {
            Corpus = corpus;
            Samples = samples;
            var first = samples[0];
            NetWorking = net.Analyzers.Where(a => first.Telemetry.TryGetValue(a, out var info) && AnalyzerSet.RegisteredWork(info)).ToImmutableArray();
            DecayWorking = decay.Analyzers.Where(a => first.Telemetry.TryGetValue(a, out var info) && AnalyzerSet.RegisteredWork(info)).ToImmutableArray();
            CompileMs = Median(samples.Select(s => s.CompileMs));
            AnalysisMs = Median(samples.Select(s => s.AnalysisMs));
            DecayMs = Median(samples.Select(s => decay.Analyzers.Sum(s.TimeMs)));
            NetTotalMs = Median(samples.Select(s => NetWorking.Sum(s.TimeMs)));
            PerAnalyzerMs = decay.Analyzers.Concat(net.Analyzers)
                .ToImmutableDictionary(a => a, a => Median(samples.Select(s => s.TimeMs(a))));
        }

        public BenchCorpus Corpus { get; }
        public IReadOnlyList<RunSample> Samples { get; }

        /// <summary>NetAnalyzers that registered work beyond compilation start (the ones counted).</summary>
        public ImmutableArray<DiagnosticAnalyzer> NetWorking { get; }

        /// <summary>Decay analyzers that registered work beyond compilation start.</summary>
        public ImmutableArray<DiagnosticAnalyzer> DecayWorking { get; }

        public double CompileMs { get; }
        public double AnalysisMs { get; }
        public double DecayMs { get; }
        public double NetTotalMs { get; }
        public ImmutableDictionary<DiagnosticAnalyzer, double> PerAnalyzerMs { get; }

        public double NetMeanMs => NetWorking.Length == 0 ? 0 : NetTotalMs / NetWorking.Length;
        public double SharePercent => CompileMs <= 0 ? 0 : 100 * DecayMs / CompileMs;
        public double RatioToNetMean => NetMeanMs <= 0 ? double.NaN : DecayMs / NetMeanMs;
        public double DecayPer10kLines => DecayMs * 10000 / Corpus.Lines;

        public static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            var mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }
}
