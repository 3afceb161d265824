using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Decay.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Tests
{
    /// <summary>Performance as a feature: a compilation that references neither TorchSharp nor
    /// ML.NET gets no analysis actions at all from Decay (Roslyn's own telemetry counts them).</summary>
    public class RegistrationTests
    {
        private const string OrdinaryCode = """
            using System.Collections.Generic;
            using System.Linq;

            class Accounts
            {
                private readonly List<decimal> balances = new();

                public decimal Total() => balances.Sum();

                public void Add(decimal amount)
                {
                    if (amount > 0) balances.Add(amount);
                }
            }
            """;

        [Fact]
        public async Task Without_either_library_no_analyzer_registers_an_action()
        {
            var analyzers = RuleCatalogTests.AllAnalyzers().ToImmutableArray();
            Assert.NotEmpty(analyzers);
            var telemetry = await GetTelemetryAsync(analyzers, TestReferences.Net80);
            foreach (var analyzer in analyzers)
            {
                var info = telemetry[analyzer];
                Assert.True(
                    info.OperationActionsCount + info.SyntaxNodeActionsCount + info.SymbolActionsCount
                    + info.OperationBlockStartActionsCount + info.OperationBlockActionsCount + info.CodeBlockStartActionsCount
                    + info.SemanticModelActionsCount + info.SyntaxTreeActionsCount + info.CompilationEndActionsCount
                    + info.SymbolStartActionsCount + info.SymbolEndActionsCount == 0,
                    $"{analyzer.GetType().Name} registered actions in a compilation without TorchSharp or ML.NET");
            }
        }

        [Fact]
        public async Task With_TorchSharp_the_TorchSharp_analyzers_register_operation_actions()
        {
            var analyzers = RuleCatalogTests.AllRules().Where(a => a is Decay.TorchSharp.TorchSharpAnalyzer).ToImmutableArray();
            Assert.NotEmpty(analyzers);
            var telemetry = await GetTelemetryAsync(analyzers, TestReferences.Default);
            Assert.All(analyzers, analyzer => Assert.True(
                telemetry[analyzer].OperationActionsCount + telemetry[analyzer].OperationBlockStartActionsCount
                + telemetry[analyzer].SyntaxNodeActionsCount + telemetry[analyzer].SymbolActionsCount
                + telemetry[analyzer].SymbolStartActionsCount > 0,
                $"{analyzer.GetType().Name} registered nothing although TorchSharp is referenced"));
        }

        private static async Task<ImmutableDictionary<DiagnosticAnalyzer, Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo>> GetTelemetryAsync(
            ImmutableArray<DiagnosticAnalyzer> analyzers, System.Collections.Generic.IEnumerable<MetadataReference> references)
        {
            var compilation = CSharpCompilation.Create(
                "Ordinary",
                new[] { CSharpSyntaxTree.ParseText(OrdinaryCode) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var result = await withAnalyzers.GetAnalysisResultAsync(default);
            return result.AnalyzerTelemetryInfo;
        }
    }
}
