using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Decay.Hosting;
using Decay.Testing;
using Decay.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace Decay.Tests
{
    /// <summary>The host: the compiler loads one analyzer, <see cref="DecayAnalyzer"/>, which runs
    /// every rule behind one operation action; it must report exactly what the rules report each on
    /// their own (what the rule tests verify), register nothing for rules switched off, and keep
    /// Roslyn's generated-code behaviour for diagnostics reported outside the analysed member.</summary>
    public class HostingTests
    {
        private const string Training = """
            using TorchSharp;

            class Trainer
            {
                void Train(torch.nn.Module model)
                {
                    var optimizer = torch.optim.Adam(model.parameters(), weight_decay: 1e-4);
                    var norm = model.parameters().First().norm(2);
                }
            }

            static class Extensions
            {
                public static T First<T>(this System.Collections.Generic.IEnumerable<T> items) { foreach (var item in items) return item; throw null!; }
            }
            """;

        [Fact]
        public void Only_DecayAnalyzer_is_loaded_by_the_compiler_and_it_hosts_every_rule_once()
        {
            var assembly = typeof(DecayAnalyzer).Assembly;
            var attributed = assembly.GetTypes().Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null).ToList();
            Assert.Equal(new[] { typeof(DecayAnalyzer) }, attributed);

            var ruleTypes = assembly.GetTypes().Where(t => !t.IsAbstract && typeof(DecayRule).IsAssignableFrom(t)).OrderBy(t => t.Name).ToList();
            var hosted = DecayAnalyzer.CreateRules().Select(r => r.GetType()).OrderBy(t => t.Name).ToList();
            Assert.Equal(ruleTypes, hosted);
            Assert.All(ruleTypes, t => Assert.Equal("Decay.Rules", t.Namespace));

            var union = DecayAnalyzer.CreateRules().SelectMany(r => r.SupportedDiagnostics).Select(d => d.Id).OrderBy(id => id);
            Assert.Equal(union, new DecayAnalyzer().SupportedDiagnostics.Select(d => d.Id).OrderBy(id => id));
        }

        [Fact]
        public async Task With_both_libraries_the_host_registers_one_operation_action_for_all_rules()
        {
            var info = await TelemetryAsync(new DecayAnalyzer(), Training, FullReferences());

            // One operation action for every rule, plus DECAY012's per-type symbol start.
            Assert.Equal(1, info.OperationActionsCount);
            Assert.Equal(1, info.SymbolStartActionsCount);
        }

        [Fact]
        public async Task Rules_switched_off_by_NoWarn_are_not_run()
        {
            var all = new DecayAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToList();
            var info = await TelemetryAsync(new DecayAnalyzer(), Training, FullReferences(), all.ToDictionary(id => id, _ => ReportDiagnostic.Suppress));
            Assert.Equal(0, info.OperationActionsCount);
            Assert.Equal(0, info.SymbolStartActionsCount);

            var allButDecay012 = all.Where(id => id != DiagnosticIds.FrozenParametersStillDecayed).ToDictionary(id => id, _ => ReportDiagnostic.Suppress);
            info = await TelemetryAsync(new DecayAnalyzer(), Training, FullReferences(), allButDecay012);
            Assert.Equal(0, info.OperationActionsCount);
            Assert.Equal(1, info.SymbolStartActionsCount);
        }

        [Fact]
        public async Task A_rule_raised_by_the_command_line_runs_even_when_editorconfig_says_none()
        {
            // /warnaserror+:DECAY001 (command line) wins over .editorconfig's none.
            var info = await TelemetryAsync(new DecayAnalyzer(), Training, FullReferences(),
                new Dictionary<string, ReportDiagnostic> { [DiagnosticIds.AdamWithWeightDecay] = ReportDiagnostic.Error },
                editorconfigNone: new DecayAnalyzer().SupportedDiagnostics.Select(d => d.Id));
            Assert.Equal(1, info.OperationActionsCount);
        }

        [Fact]
        public async Task Rules_set_to_none_in_every_file_by_editorconfig_are_not_run()
        {
            var all = new DecayAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToList();
            var info = await TelemetryAsync(new DecayAnalyzer(), Training, FullReferences(), editorconfigNone: all);
            Assert.Equal(0, info.OperationActionsCount);

            info = await TelemetryAsync(new DecayAnalyzer(), Training, FullReferences(), editorconfigNone: all.Where(id => id != DiagnosticIds.NonSquaredNormPenalty));
            Assert.Equal(1, info.OperationActionsCount);
        }

        [Fact]
        public void Switched_off_needs_every_file_to_say_none()
        {
            var descriptor = Descriptors.DECAY001_AdamWithWeightDecay;
            var trees = new[] { CSharpSyntaxTree.ParseText("class A {}", path: "/a.cs"), CSharpSyntaxTree.ParseText("class B {}", path: "/b.cs") };
            var onlyA = new TreeOptions(new Dictionary<SyntaxTree, ImmutableDictionary<string, ReportDiagnostic>>
            {
                [trees[0]] = ImmutableDictionary<string, ReportDiagnostic>.Empty.Add(descriptor.Id, ReportDiagnostic.Suppress),
            });
            var compilation = CSharpCompilation.Create("c", trees, TestReferences.Net80, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithSyntaxTreeOptionsProvider(onlyA));
            Assert.False(RuleSeverity.IsSwitchedOff(descriptor, compilation, CancellationToken.None));

            var both = new TreeOptions(trees.ToDictionary(t => t, _ => ImmutableDictionary<string, ReportDiagnostic>.Empty.Add(descriptor.Id, ReportDiagnostic.Suppress)));
            compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(both));
            Assert.True(RuleSeverity.IsSwitchedOff(descriptor, compilation, CancellationToken.None));
        }

        [Fact]
        public async Task A_penalty_in_a_GeneratedCode_helper_is_not_reported_in_the_helper()
        {
            // DECAY002 reports at the norm call, which here is in a helper marked [GeneratedCode]:
            // Roslyn's own generated-code filter would drop it; the host must too.
            const string source = """
                using System.CodeDom.Compiler;
                using TorchSharp;
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(nn.Module model, Tensor loss)
                    {
                        var total = loss + 0.01 * Penalty(model);
                        total.backward();
                    }

                    [GeneratedCode("tool", "1.0")]
                    Tensor Penalty(nn.Module model)
                    {
                        var penalty = zeros(1);
                        foreach (var p in model.parameters())
                        {
                            penalty += p.norm();
                        }

                        return penalty;
                    }
                }
                """;
            var withAttribute = await DiagnosticsAsync(new DecayAnalyzer(), new[] { source }, FullReferences());
            Assert.DoesNotContain(withAttribute, d => d.Id == DiagnosticIds.NonSquaredNormPenalty);

            // The same code without the attribute is reported (the test can fail).
            var without = await DiagnosticsAsync(new DecayAnalyzer(), new[] { source.Replace("[GeneratedCode(\"tool\", \"1.0\")]", string.Empty) }, FullReferences());
            Assert.Contains(without, d => d.Id == DiagnosticIds.NonSquaredNormPenalty);
        }

        [Fact]
        public async Task The_host_reports_what_every_rule_reports_alone_on_every_test_sample_and_doc_input()
        {
            var inputs = RobustnessInputs.Collect(RuleCatalogTests.RepoRoot());
            Assert.True(inputs.Length > 300, $"only {inputs.Length} inputs");
            var references = FullReferences();
            var rules = DecayAnalyzer.CreateRules().Cast<DiagnosticAnalyzer>().ToImmutableArray();
            var mismatches = new List<string>();
            var reported = 0;
            foreach (var input in inputs)
            {
                var sources = new[] { input.Text }.Concat(input.Context.Select(c => c.Text)).ToArray();
                var hosted = await DiagnosticsAsync(new DecayAnalyzer(), sources, references);
                // Every rule as its own analyzer, side by side in one driver (as 18 analyzers were before the host).
                var alone = await DiagnosticsAsync(rules, sources, references);

                reported += hosted.Length;
                var a = hosted.Select(Describe).OrderBy(s => s, StringComparer.Ordinal).ToList();
                var b = alone.Select(Describe).OrderBy(s => s, StringComparer.Ordinal).ToList();
                if (!a.SequenceEqual(b))
                {
                    mismatches.Add($"{input.Name}: host [{string.Join("; ", a)}] vs alone [{string.Join("; ", b)}]");
                }
            }

            Assert.True(reported > 300, $"only {reported} diagnostics over {inputs.Length} inputs");
            Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches.Take(10)));
        }

        private static string Describe(Diagnostic d)
            => $"{d.Id} {d.Location.SourceTree?.FilePath}{d.Location.GetLineSpan().Span} {d.GetMessage()} +{string.Join(",", d.AdditionalLocations.Select(l => l.SourceSpan.ToString()))}";

        private static ImmutableArray<MetadataReference> FullReferences()
            => TestReferences.Default.Concat(TestReferences.MLNetModel).ToImmutableArray();

        private static Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(DiagnosticAnalyzer analyzer, string[] sources, ImmutableArray<MetadataReference> references)
            => DiagnosticsAsync(ImmutableArray.Create(analyzer), sources, references);

        private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, string[] sources, ImmutableArray<MetadataReference> references)
        {
            var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), $"/0/Test{i}.cs", Encoding.UTF8));
            var compilation = CSharpCompilation.Create("Hosting", trees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
            var exceptions = new List<Exception>();
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (e, _, _) => exceptions.Add(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.Empty(exceptions);
            return diagnostics;
        }

        private static async Task<AnalyzerTelemetryInfo> TelemetryAsync(DiagnosticAnalyzer analyzer, string source, ImmutableArray<MetadataReference> references,
            IDictionary<string, ReportDiagnostic>? specific = null, IEnumerable<string>? editorconfigNone = null)
        {
            var tree = CSharpSyntaxTree.ParseText(source, path: "/0/Test0.cs");
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                .WithSpecificDiagnosticOptions(specific ?? new Dictionary<string, ReportDiagnostic>());
            if (editorconfigNone != null)
            {
                options = options.WithSyntaxTreeOptionsProvider(new TreeOptions(new Dictionary<SyntaxTree, ImmutableDictionary<string, ReportDiagnostic>>
                {
                    [tree] = editorconfigNone.ToImmutableDictionary(id => id, _ => ReportDiagnostic.Suppress),
                }));
            }

            var compilation = CSharpCompilation.Create("Hosting", new[] { tree }, references, options);
            var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
            return result.AnalyzerTelemetryInfo[analyzer];
        }

        /// <summary>Per-file severities, as .editorconfig's <c>dotnet_diagnostic.ID.severity</c> gives them.</summary>
        private sealed class TreeOptions : SyntaxTreeOptionsProvider
        {
            private readonly IReadOnlyDictionary<SyntaxTree, ImmutableDictionary<string, ReportDiagnostic>> severities;

            public TreeOptions(IReadOnlyDictionary<SyntaxTree, ImmutableDictionary<string, ReportDiagnostic>> severities) => this.severities = severities;

            public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

            public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            {
                severity = default;
                return severities.TryGetValue(tree, out var map) && map.TryGetValue(diagnosticId, out severity);
            }

            public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            {
                severity = default;
                return false;
            }
        }
    }
}
