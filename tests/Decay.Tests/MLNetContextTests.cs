using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Decay.MLNet;
using Decay.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Tests
{
    /// <summary>The ML.NET side of the shared machinery: every metadata name Decay binds to
    /// resolves in the ML.NET API model; the context is resolved once per compilation, is null
    /// without ML.NET and tolerates partial references; the ML.NET analyzers register actions only
    /// when ML.NET is referenced (TorchSharp not needed); and the option-site model reads the three
    /// forms the rules rely on.</summary>
    public class MLNetContextTests
    {
        private static CSharpCompilation Compilation(IEnumerable<MetadataReference> references, string source = "class C { }")
            => CSharpCompilation.Create("Probe", new[] { CSharpSyntaxTree.ParseText(source) }, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        private static IEnumerable<FieldInfo> NameConstants()
            => typeof(MLNetNames).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string));

        [Fact]
        public void Every_type_name_constant_resolves_in_the_model()
        {
            var compilation = Compilation(TestReferences.MLNet);
            var names = NameConstants().Select(f => (string)f.GetRawConstantValue()!).Where(n => n.StartsWith("Microsoft.ML.", System.StringComparison.Ordinal)).ToList();
            Assert.Equal(17, names.Count);
            Assert.All(names, name => Assert.True(compilation.GetTypeByMetadataName(name) != null, name));
        }

        [Fact]
        public void Every_catalog_method_constant_is_a_StandardTrainersCatalog_method_with_its_regularization_parameters()
        {
            var catalog = Compilation(TestReferences.MLNet).GetTypeByMetadataName(MLNetNames.StandardTrainersCatalog)!;
            string[] methods =
            {
                MLNetNames.SdcaLogisticRegression, MLNetNames.SdcaNonCalibrated, MLNetNames.SdcaMaximumEntropy, MLNetNames.Sdca,
                MLNetNames.LbfgsLogisticRegression, MLNetNames.LbfgsMaximumEntropy, MLNetNames.LbfgsPoissonRegression,
                MLNetNames.SgdCalibrated, MLNetNames.SgdNonCalibrated, MLNetNames.AveragedPerceptron, MLNetNames.OnlineGradientDescent,
            };
            foreach (var name in methods)
            {
                var overloads = catalog.GetMembers(name).OfType<IMethodSymbol>().ToList();
                Assert.True(overloads.Count >= 2, name);
                Assert.All(overloads, m => Assert.Equal(MLNetNames.CatalogParameter, m.Parameters[0].Name));
                Assert.Contains(overloads, m => m.Parameters.Any(p => p.Name == MLNetNames.L2Parameter));
            }

            // The SGD defaults the rules hard-code for options fields match the convenience overloads'.
            var sgd = catalog.GetMembers(MLNetNames.SgdCalibrated).OfType<IMethodSymbol>().Single(m => m.Parameters.Length > 2);
            Assert.Equal(MLNetNames.SgdDefaultLearningRate, sgd.Parameters.Single(p => p.Name == MLNetNames.LearningRateParameter).ExplicitDefaultValue);
            Assert.Equal(MLNetNames.SgdDefaultL2, sgd.Parameters.Single(p => p.Name == MLNetNames.L2Parameter).ExplicitDefaultValue);
        }

        [Theory]
        [InlineData(MLNetNames.SdcaOptionsBase, MLNetNames.L2Field, "float?")]
        [InlineData(MLNetNames.SdcaOptionsBase, MLNetNames.L1Field, "float?")]
        [InlineData(MLNetNames.LbfgsOptionsBase, MLNetNames.L2Field, "float")]
        [InlineData(MLNetNames.LbfgsOptionsBase, MLNetNames.L1Field, "float")]
        [InlineData(MLNetNames.SgdOptionsBase, MLNetNames.L2Field, "float")]
        [InlineData(MLNetNames.SgdOptionsBase, MLNetNames.LearningRateField, "double")]
        [InlineData(MLNetNames.AveragedLinearOptions, MLNetNames.L2Field, "float")]
        [InlineData(MLNetNames.LinearSvmOptions, MLNetNames.LambdaField, "float")]
        [InlineData(MLNetNames.SymbolicSgdOptions, MLNetNames.L2Field, "float")]
        [InlineData(MLNetNames.LightGbmBoosterOptionsBase, MLNetNames.L2Field, "double")]
        [InlineData(MLNetNames.LightGbmBoosterOptionsBase, MLNetNames.L1Field, "double")]
        [InlineData(MLNetNames.LightGbmOptionsBase, MLNetNames.L2CategoricalField, "double")]
        [InlineData(MLNetNames.TorchSharpOptions, MLNetNames.WeightDecayField, "double")]
        public void Every_regularization_field_is_a_field_of_its_options_type(string type, string field, string fieldType)
        {
            var symbol = Compilation(TestReferences.MLNet).GetTypeByMetadataName(type)!.GetMembers(field).OfType<IFieldSymbol>().Single();
            Assert.Equal(fieldType, symbol.Type.ToDisplayString());
        }

        [Fact]
        public void Context_is_null_without_ML_NET_and_cached_per_compilation()
        {
            Assert.Null(MLNetContext.Get(Compilation(TestReferences.Net80)));
            Assert.Null(MLNetContext.Get(Compilation(TestReferences.Default)));   // TorchSharp alone is not ML.NET
            var compilation = Compilation(TestReferences.MLNet);
            Assert.NotNull(MLNetContext.Get(compilation));
            Assert.Same(MLNetContext.Get(compilation), MLNetContext.Get(compilation));
        }

        [Fact]
        public void ML_NET_types_count_only_from_an_assembly_named_Microsoft_ML()
        {
            // The cheap check that spares a project without ML.NET the symbol lookups: look-alike
            // types in a user's own assembly are not ML.NET; ML.NET's own assemblies are.
            const string source = "namespace Microsoft.ML { public sealed class StandardTrainersCatalog { } }";
            Assert.Null(MLNetContext.Get(Compilation(TestReferences.Net80, source)));
            var own = CSharpCompilation.Create("Microsoft.ML.StandardTrainers", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.Net80,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.NotNull(MLNetContext.Get(own));
        }

        [Fact]
        public void Context_tolerates_partial_references()
        {
            var core = MLNetContext.Get(Compilation(TestReferences.Net80.AddRange(TestReferences.MLNetCore)))!;
            Assert.True(core.Has(MLNetTrainer.Sdca));
            Assert.True(core.Has(MLNetTrainer.Sgd));
            Assert.False(core.Has(MLNetTrainer.LightGbmBooster));
            Assert.False(core.Has(MLNetTrainer.SymbolicSgd));
            Assert.False(core.HasNasBertTrainers);

            var all = MLNetContext.Get(Compilation(TestReferences.MLNet))!;
            Assert.True(all.Has(MLNetTrainer.LightGbmBooster));
            Assert.True(all.Has(MLNetTrainer.SymbolicSgd));
            Assert.True(all.HasNasBertTrainers);
        }

        // ---------------------------------------------------------------- registration

        private const string OrdinaryCode = """
            using System.Collections.Generic;
            using System.Linq;

            class Accounts
            {
                private readonly List<decimal> balances = new();

                public decimal Total() => balances.Sum();
            }
            """;

        private static ImmutableArray<DiagnosticAnalyzer> MLNetAnalyzers()
            => RuleCatalogTests.AllRules().Where(a => a is MLNetAnalyzer).ToImmutableArray();

        private static async Task<ImmutableDictionary<DiagnosticAnalyzer, Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo>> TelemetryAsync(
            ImmutableArray<DiagnosticAnalyzer> analyzers, IEnumerable<MetadataReference> references)
        {
            var withAnalyzers = Compilation(references, OrdinaryCode).WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var result = await withAnalyzers.GetAnalysisResultAsync(default);
            return result.AnalyzerTelemetryInfo;
        }

        private static int Actions(Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo info)
            => info.OperationActionsCount + info.SyntaxNodeActionsCount + info.SymbolActionsCount + info.OperationBlockStartActionsCount
               + info.OperationBlockActionsCount + info.CodeBlockStartActionsCount + info.SemanticModelActionsCount
               + info.SyntaxTreeActionsCount + info.CompilationEndActionsCount;

        [Fact]
        public void Five_ML_NET_analyzers_exist()
        {
            var ids = MLNetAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).OrderBy(id => id);
            Assert.Equal(new[] { "DECAY101", "DECAY102", "DECAY103", "DECAY104", "DECAY107" }, ids);
        }

        [Fact]
        public async Task With_neither_library_the_ML_NET_analyzers_register_nothing()
        {
            var analyzers = MLNetAnalyzers();
            var telemetry = await TelemetryAsync(analyzers, TestReferences.Net80);
            Assert.All(analyzers, a => Assert.Equal(0, Actions(telemetry[a])));
        }

        [Fact]
        public async Task With_TorchSharp_but_not_ML_NET_the_ML_NET_analyzers_register_nothing()
        {
            var analyzers = MLNetAnalyzers();
            var telemetry = await TelemetryAsync(analyzers, TestReferences.Default);
            Assert.All(analyzers, a => Assert.Equal(0, Actions(telemetry[a])));
        }

        [Fact]
        public async Task With_ML_NET_and_without_TorchSharp_every_ML_NET_analyzer_registers_operation_actions()
        {
            Assert.DoesNotContain(TestReferences.MLNet, r => r.Display != null && r.Display.EndsWith("TorchSharp.dll", System.StringComparison.Ordinal)
                && !r.Display.EndsWith("Microsoft.ML.TorchSharp.dll", System.StringComparison.Ordinal));
            var analyzers = MLNetAnalyzers();
            var telemetry = await TelemetryAsync(analyzers, TestReferences.MLNet);
            Assert.All(analyzers, a => Assert.True(telemetry[a].OperationActionsCount > 0, a.GetType().Name));
        }

        [Fact]
        public async Task With_Microsoft_ML_alone_DECAY107_registers_nothing_and_the_others_do()
        {
            var analyzers = MLNetAnalyzers();
            var telemetry = await TelemetryAsync(analyzers, TestReferences.Net80.AddRange(TestReferences.MLNetCore));
            foreach (var analyzer in analyzers)
            {
                var isDecay107 = analyzer.SupportedDiagnostics.Any(d => d.Id == "DECAY107");
                Assert.True(isDecay107 == (Actions(telemetry[analyzer]) == 0), analyzer.GetType().Name);
            }
        }

        // ---------------------------------------------------------------- the option-site model

        private static List<OptionSite> Sites(string source)
        {
            var compilation = Compilation(TestReferences.MLNet, "using Microsoft.ML; using Microsoft.ML.Trainers; using Microsoft.ML.Trainers.LightGbm;\n" + source);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var mlnet = MLNetContext.Get(compilation)!;
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var sites = new List<OptionSite>();
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                switch (model.GetOperation(node))
                {
                    case IInvocationOperation invocation when node is InvocationExpressionSyntax:
                        sites.AddRange(OptionSite.FromInvocation(invocation, mlnet));
                        break;
                    case ISimpleAssignmentOperation assignment when node is AssignmentExpressionSyntax:
                        var site = OptionSite.FromAssignment(assignment, mlnet);
                        if (site != null)
                        {
                            sites.Add(site);
                        }

                        break;
                }
            }

            return sites;
        }

        [Fact]
        public void Convenience_arguments_are_sites_with_task_value_and_siblings()
        {
            var sites = Sites("""
                class C
                {
                    void M(MLContext ml) => ml.BinaryClassification.Trainers.SdcaLogisticRegression(l1Regularization: 0.5f, l2Regularization: 2f);
                    void R(MLContext ml) => ml.Regression.Trainers.Sdca(l2Regularization: null);
                }
                """);
            Assert.Equal(3, sites.Count);
            var l1 = sites[0];
            Assert.Equal((MLNetTrainer.Sdca, SdcaTask.Classification, MLNetOption.L1, OptionSiteForm.Argument), (l1.Trainer, l1.SdcaTask, l1.Option, l1.Form));
            Assert.Equal(0.5, l1.Value.Number);
            Assert.Equal("SdcaLogisticRegression", l1.TrainerName);
            var l2 = l1.GetSibling(MLNetOption.L2);
            Assert.True(l2.IsKnown && l2.IsWritten);
            Assert.Equal(2.0, l2.Value.Number);
            Assert.Equal((MLNetOption.L2, 2.0), (sites[1].Option, sites[1].Value.Number));
            Assert.Equal(SdcaTask.Regression, sites[2].SdcaTask);
            Assert.True(sites[2].Value.IsNull);
            // Omitted optional parameters are not sites, but are known siblings with their default.
            var omitted = sites[2].GetSibling(MLNetOption.L1);
            Assert.True(omitted.IsKnown && !omitted.IsWritten && omitted.Value.IsNull);
        }

        [Fact]
        public void Initializer_members_and_statements_are_sites_classified_by_the_receiver_type()
        {
            var sites = Sites("""
                class C
                {
                    void M(SdcaTrainerBase<SdcaRegressionTrainer.Options, Microsoft.ML.Data.TransformerStub, ModelStub>.OptionsBase generic, float v)
                    {
                        var multi = new SdcaMaximumEntropyMulticlassTrainer.Options { L2Regularization = 0, Shuffle = false };
                        SdcaNonCalibratedBinaryTrainer.Options binary = new() { L1Regularization = v };
                        binary.L2Regularization = 1;
                        generic.L2Regularization = 3;
                        var sgd = new SgdCalibratedTrainer.Options { L2Regularization = 1e-4f };
                        var booster = new GradientBooster.Options { L1Regularization = 0.5 };
                    }
                }
                """);
            Assert.Equal(6, sites.Count);
            Assert.Equal((SdcaTask.Classification, OptionSiteForm.Initializer, 0.0), (sites[0].SdcaTask, sites[0].Form, sites[0].Value.Number));
            Assert.Equal((SdcaTask.Classification, MLNetOption.L1, OptionValueKind.NonConstant), (sites[1].SdcaTask, sites[1].Option, sites[1].Value.Kind));
            Assert.False(sites[1].GetSibling(MLNetOption.L2).IsWritten);
            Assert.Equal((SdcaTask.Classification, OptionSiteForm.Assignment), (sites[2].SdcaTask, sites[2].Form));
            Assert.False(sites[2].GetSibling(MLNetOption.L1).IsKnown);
            Assert.Equal((MLNetTrainer.Sdca, SdcaTask.Unknown), (sites[3].Trainer, sites[3].SdcaTask));
            Assert.Equal((MLNetTrainer.Sgd, "SgdCalibratedTrainer.Options"), (sites[4].Trainer, sites[4].TrainerName));
            Assert.Equal((MLNetTrainer.LightGbmBooster, MLNetOption.L1, 0.5), (sites[5].Trainer, sites[5].Option, sites[5].Value.Number));
        }

        [Theory]
        [InlineData("1f", "1")]
        [InlineData("2.5f", "2.5")]
        [InlineData("0.1f", "0.1")]
        [InlineData("1e-12f", "1e-12")]
        [InlineData("0", "0")]
        [InlineData("-3", "-3")]
        [InlineData("float.NaN", "NaN")]
        [InlineData("(float)1e-10", "1e-10")]
        public void Constants_are_unwrapped_from_float_nullable_conversions_and_shown_as_written(string literal, string text)
        {
            var site = Sites($"class C {{ object M() => new SdcaLogisticRegressionBinaryTrainer.Options {{ L2Regularization = {literal} }}; }}").Single();
            Assert.True(site.Value.IsNumber);
            Assert.Equal(text, site.Value.Text);
        }
    }
}
