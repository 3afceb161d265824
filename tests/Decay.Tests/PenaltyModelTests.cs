using System;
using System.Collections.Generic;
using System.Linq;
using Decay.Operations;
using Decay.Testing;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Tests
{
    /// <summary>The penalty model on the variants people write, and on the look-alikes that are not
    /// penalties. Each test compiles a snippet against the TorchSharp API model and inspects the
    /// <see cref="MethodPenalties"/> of one method.</summary>
    public class PenaltyModelTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            """;

        internal sealed class Analysed
        {
            public Analysed(MethodPenalties method, PenaltyCache cache, SemanticModel model)
            {
                Method = method;
                Cache = cache;
                Model = model;
            }

            public MethodPenalties Method { get; }
            public PenaltyCache Cache { get; }
            public SemanticModel Model { get; }
            public IReadOnlyList<Penalty> Penalties => Method.Penalties;
            public Penalty Single => Assert.Single(Method.Penalties);
        }

        /// <summary>Compiles <paramref name="body"/> (members of a class <c>Trainer</c>, or top-level
        /// statements when <paramref name="topLevel"/>) and analyses method <paramref name="method"/>.</summary>
        internal static Analysed Analyze(string body, string method = "Train", bool topLevel = false)
        {
            var source = topLevel ? Usings + body : Usings + "class Trainer\n{\n" + body + "\n}\n";
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create("Probe", new[] { tree }, TestReferences.Default,
                new CSharpCompilationOptions(topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "The snippet does not compile: " + string.Join("; ", errors));
            var model = compilation.GetSemanticModel(tree);
            var torch = TorchSharpContext.Get(compilation)!;
            var cache = new PenaltyCache(torch);
            IOperation operation;
            ISymbol symbol;
            if (topLevel)
            {
                var statement = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().First().Statement;
                operation = model.GetOperation(statement)!;
                symbol = model.GetEnclosingSymbol(statement.SpanStart)!;
            }
            else
            {
                var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == method);
                operation = model.GetOperation(declaration)!;
                symbol = model.GetDeclaredSymbol(declaration)!;
            }

            return new Analysed(cache.Get(operation, symbol), cache, model);
        }

        private static string Text(IOperation? operation) => operation?.Syntax.ToString() ?? "<null>";

        private static string Factors(Penalty penalty)
            => string.Join(" ", penalty.Coefficient.Factors.Select(f => (f.IsDivisor ? "/" : "*") + Text(f.Operand) + "@" + f.Site));

        // ------------------------------------------------------------------ the variants

        [Fact]
        public void Foreach_with_plus_equals_into_torch_tensor_zero()
        {
            var penalty = Analyze("""
                void Train(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, double lambda)
                {
                    var l2 = torch.tensor(0f);
                    foreach (var p in model.parameters())
                    {
                        l2 += p.pow(2).sum();
                    }

                    var loss = nn.functional.mse_loss(model.call(x), y) + lambda * l2;
                    loss.backward();
                }
                """).Single;

            Assert.Equal(PenaltyForm.Loop, penalty.Form);
            Assert.Equal("model", penalty.Module!.Display);
            Assert.IsAssignableFrom<IParameterSymbol>(penalty.Module.Root);
            Assert.Equal(ParameterSelection.All, penalty.Selection);
            Assert.Equal(PenaltyTermKind.SumOfSquares, penalty.Kind);
            Assert.Equal("p.pow(2).sum()", Text(Assert.Single(penalty.Terms).Operation));
            Assert.Equal("*lambda@LossAdd", Factors(penalty));
            Assert.Equal("l2", penalty.Accumulator!.Name);
            Assert.Equal("l2 = torch.tensor(0f)", Text(penalty.Computation));
            Assert.Empty(penalty.DetachingSteps);
            Assert.Equal(PenaltyFate.ReachesBackward, penalty.Fate);
            Assert.True(penalty.IsAddedToLoss);
            var add = Assert.Single(penalty.Adds);
            Assert.Equal("lambda * l2", Text(add.PenaltyOperand));
            Assert.Equal("nn.functional.mse_loss(model.call(x), y)", Text(add.LossOperand));
            Assert.Equal("loss", add.Total!.Name);
            Assert.Equal("loss.backward()", Text(add.Backward));
            Assert.Equal(new[] { "var l2 = torch.tensor(0f);", "foreach" }, penalty.RemovableStatements.Select(s => Text(s).Split(' ')[0] == "foreach" ? "foreach" : Text(s)));
        }

        [Fact]
        public void Foreach_with_self_assignment_and_the_accumulator_on_either_side()
        {
            var analysed = Analyze("""
                void Train(nn.Module model, Tensor loss)
                {
                    Tensor a = torch.tensor(0f);
                    Tensor b = torch.tensor(0f);
                    foreach (var p in model.parameters())
                    {
                        a = a + p.square().sum();
                        b = (p * p).sum() + b;
                    }

                    var total = loss + 1e-4 * a + 1e-4 * b;
                    total.backward();
                }
                """);
            Assert.Equal(2, analysed.Penalties.Count);
            Assert.All(analysed.Penalties, p => Assert.Equal(PenaltyTermKind.SumOfSquares, p.Kind));
            Assert.All(analysed.Penalties, p => Assert.Equal(PenaltyFate.ReachesBackward, p.Fate));
            Assert.Equal(new[] { "a", "b" }, analysed.Penalties.Select(p => p.Accumulator!.Name));
            Assert.All(analysed.Penalties, p => Assert.Same(analysed.Penalties[0].Trigger, p.Trigger));
        }

        [Fact]
        public void Linq_select_aggregate_and_sum()
        {
            var analysed = Analyze("""
                void Train(nn.Module model, Tensor loss)
                {
                    var a = model.parameters().Select(p => p.pow(2).sum()).Aggregate((x, y) => x + y);
                    var b = model.parameters().Aggregate(torch.tensor(0f), (acc, p) => acc + p.abs().sum());
                    var c = model.parameters().Select(p => p.norm()).Aggregate(torch.tensor(0f), (acc, n) => acc + n);
                    var d = model.parameters().Sum(p => p.pow(2).sum().item<float>());
                    var total = loss + 0.01 * a + 0.01 * b + 0.01 * c + 0.01f * d;
                    total.backward();
                }
                """);
            Assert.Equal(4, analysed.Penalties.Count);
            Assert.All(analysed.Penalties, p => Assert.Equal(PenaltyForm.Linq, p.Form));
            Assert.Equal(new[] { PenaltyTermKind.SumOfSquares, PenaltyTermKind.L1, PenaltyTermKind.L2Norm, PenaltyTermKind.SumOfSquares },
                analysed.Penalties.Select(p => p.Kind));
            Assert.Equal(new[] { "a", "b", "c", "d" }, analysed.Penalties.Select(p => ((IVariableDeclaratorOperation)p.Computation).Symbol.Name));
            Assert.All(analysed.Penalties, p => Assert.Equal(PenaltyFate.ReachesBackward, p.Fate));
            Assert.Equal("p.norm()", Text(analysed.Penalties[2].Terms[0].NormCall));
            var item = Assert.Single(analysed.Penalties[3].DetachingSteps);
            Assert.Equal(DetachKind.Item, item.Kind);
            Assert.True(item.IsInTerm);
            Assert.Equal("p.pow(2).sum().item<float>()", Text(item.Operation));
        }

        [Fact]
        public void Parameters_to_vector_is_one_term_over_all_parameters()
        {
            var analysed = Analyze("""
                void Train(nn.Module model, Tensor loss)
                {
                    var total = loss + 0.5 * 1e-4 * torch.nn.utils.parameters_to_vector(model.parameters()).norm();
                    total.backward();
                    var squared = torch.nn.utils.parameters_to_vector(model.parameters()).pow(2).sum();
                    Console.WriteLine(squared);
                }
                """);
            Assert.Equal(2, analysed.Penalties.Count);
            var norm = analysed.Penalties[0];
            Assert.Equal(PenaltyForm.ParametersToVector, norm.Form);
            Assert.Equal(PenaltyTermKind.L2Norm, norm.Kind);
            Assert.Equal("torch.nn.utils.parameters_to_vector(model.parameters()).norm()", Text(norm.Terms[0].NormCall));
            Assert.Equal("*0.5 * 1e-4@LossAdd", Factors(norm));
            Assert.True(norm.Coefficient.TryGetConstant(out var value));
            Assert.Equal(0.5e-4, value, 12);
            Assert.Equal(PenaltyFate.ReachesBackward, norm.Fate);

            var logged = analysed.Penalties[1];
            Assert.Equal(PenaltyTermKind.SumOfSquares, logged.Kind);
            Assert.Equal(PenaltyFate.Escapes, logged.Fate);
            Assert.False(logged.IsAddedToLoss);
            Assert.Equal(PenaltyEscapeKind.Argument, Assert.Single(logged.Escapes).Kind);
        }

        [Fact]
        public void Named_parameters_with_a_name_filter()
        {
            var analysed = Analyze("""
                void Train(nn.Module model, Tensor loss)
                {
                    var l2 = torch.tensor(0f);
                    foreach (var (name, p) in model.named_parameters())
                    {
                        if (name.Contains("bias")) continue;
                        l2 += p.pow(2).sum();
                    }

                    var w = torch.tensor(0f);
                    foreach (var np in model.named_parameters())
                    {
                        if (np.name.Contains("weight"))
                        {
                            w += np.parameter.pow(2).sum();
                        }
                    }

                    var dims = torch.tensor(0f);
                    foreach (var p in model.parameters())
                    {
                        if (p.dim() > 1) dims += p.pow(2).sum();
                    }

                    var linq = model.named_parameters().Where(np => !np.name.Contains("bias")).Select(np => np.parameter.pow(2).sum()).Aggregate((a, b) => a + b);
                    var all = model.named_parameters().Select(np => np.parameter.pow(2).sum()).Aggregate((a, b) => a + b);
                    var total = loss + 0.01 * (l2 + w + dims + linq + all);
                    total.backward();
                }
                """);
            Assert.Equal(new[] { ParameterSelection.NameFiltered, ParameterSelection.NameFiltered, ParameterSelection.Filtered, ParameterSelection.NameFiltered, ParameterSelection.All },
                analysed.Penalties.Select(p => p.Selection));
            Assert.All(analysed.Penalties, p => Assert.Equal(PenaltyTermKind.SumOfSquares, p.Kind));
            Assert.All(analysed.Penalties, p => Assert.Equal(PenaltyFate.ReachesBackward, p.Fate));
        }

        [Fact]
        public void Helper_method_of_the_same_type_one_level()
        {
            var analysed = Analyze("""
                private readonly nn.Module<Tensor, Tensor> model = nn.Linear(4, 2);

                private Tensor L2()
                {
                    var sum = torch.tensor(0f);
                    foreach (var p in model.parameters()) sum += p.norm();
                    return sum;
                }

                private static Tensor L2Of(nn.Module m) => m.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);

                private Tensor Recursive(int n) => n == 0 ? L2() : Recursive(n - 1);

                void Train(Tensor x, Tensor y, nn.Module<Tensor, Tensor> other)
                {
                    var loss = nn.functional.mse_loss(model.call(x), y) + 1e-4 * L2() + 1e-4 * L2Of(other);
                    loss.backward();
                    var r = Recursive(3);
                }
                """);
            Assert.Equal(2, analysed.Penalties.Count);
            var field = analysed.Penalties[0];
            Assert.Equal("L2()", Text(field.Trigger));
            Assert.Equal("L2", field.Helper!.Name);
            Assert.Equal("model", field.Module!.Display);
            Assert.IsAssignableFrom<IFieldSymbol>(field.Module.Root);
            Assert.Equal(PenaltyTermKind.L2Norm, field.Kind);
            Assert.Equal("p.norm()", Text(field.Terms[0].NormCall));
            Assert.Equal(PenaltyFate.ReachesBackward, field.Fate);
            Assert.Empty(field.RemovableStatements);

            var mapped = analysed.Penalties[1];
            Assert.Equal("L2Of(other)", Text(mapped.Trigger));
            Assert.Equal("other", mapped.Module!.Display);
            Assert.Equal("Train", ((IParameterSymbol)mapped.Module.Root).ContainingSymbol.Name);

            // The helper's own analysis: the penalty is returned, not added to a loss.
            var helper = Analyze(ClassWithHelper, "L2");
            Assert.Equal(PenaltyFate.Returned, helper.Single.Fate);
            Assert.False(helper.Single.IsAddedToLoss);
        }

        private const string ClassWithHelper = """
            private readonly nn.Module<Tensor, Tensor> model = nn.Linear(4, 2);

            private Tensor L2()
            {
                var sum = torch.tensor(0f);
                foreach (var p in model.parameters()) sum += p.norm();
                return sum;
            }
            """;

        [Fact]
        public void Helper_that_calls_another_helper_is_followed_one_level_only()
        {
            var analysed = Analyze("""
                private readonly nn.Module<Tensor, Tensor> model = nn.Linear(4, 2);
                private Tensor Inner() => model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                private Tensor Outer() => Inner();
                void Train(Tensor loss)
                {
                    var total = loss + 1e-4 * Outer() + 1e-4 * Inner();
                    total.backward();
                }
                """);
            Assert.Equal("Inner()", Text(analysed.Single.Trigger));
        }

        [Fact]
        public void Accumulation_into_a_float_via_item()
        {
            var penalty = Analyze("""
                void Train(nn.Module model, Tensor loss)
                {
                    float l2 = 0f;
                    foreach (var p in model.parameters())
                    {
                        l2 += p.pow(2).sum().item<float>();
                    }

                    var total = loss + 0.01f * l2;
                    total.backward();
                }
                """).Single;
            Assert.Equal(PenaltyTermKind.SumOfSquares, penalty.Kind);
            Assert.Equal(PenaltyFate.ReachesBackward, penalty.Fate);
            var step = Assert.Single(penalty.DetachingSteps);
            Assert.Equal(DetachKind.Item, step.Kind);
            Assert.Equal("p.pow(2).sum().item<float>()", Text(step.Operation));
        }

        [Fact]
        public void Every_detaching_step_on_the_way_in_source_order()
        {
            var penalty = Analyze("""
                void Train(nn.Module model, Tensor loss)
                {
                    var l2 = torch.tensor(0f);
                    foreach (var p in model.parameters())
                    {
                        l2 += p.pow(2).sum().detach();
                    }

                    double value = l2.ToDouble();
                    float cast = (float)torch.nn.utils.parameters_to_vector(model.parameters()).pow(2).sum();
                    var total = loss + 0.01 * value + 0.01 * cast;
                    total.backward();
                }
                """).Method.Penalties;
            Assert.Equal(2, penalty.Length);
            Assert.Equal(new[] { DetachKind.Detach, DetachKind.ToScalar }, penalty[0].DetachingSteps.Select(s => s.Kind));
            Assert.Equal(new[] { true, false }, penalty[0].DetachingSteps.Select(s => s.IsInTerm));
            Assert.Equal(new[] { "l2", "value" }, penalty[0].ValueLocals.Select(l => l.Name));
            Assert.Equal(DetachKind.Cast, Assert.Single(penalty[1].DetachingSteps).Kind);
            Assert.All(penalty, p => Assert.Equal(PenaltyFate.ReachesBackward, p.Fate));
        }

        [Fact]
        public void A_logging_branch_neither_detaches_nor_scales_the_penalty()
        {
            var penalty = Analyze("""
                void Train(nn.Module model, Tensor x)
                {
                    var l2 = torch.tensor(0f);
                    foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                    Console.WriteLine(l2.item<float>());
                    Console.WriteLine((0.5 * l2).ToSingle());
                    var loss = x.sum() + 1e-4 * l2;
                    loss.backward();
                }
                """).Single;
            Assert.Empty(penalty.DetachingSteps);
            Assert.Equal("*1e-4@LossAdd", Factors(penalty));
            Assert.Equal(PenaltyFate.ReachesBackward, penalty.Fate);
            Assert.Equal(2, penalty.Escapes.Length);
            Assert.Empty(penalty.RemovableStatements);
        }

        [Fact]
        public void Inside_no_grad_scopes()
        {
            var analysed = Analyze("""
                void Train(nn.Module model, Tensor loss)
                {
                    var a = torch.tensor(0f);
                    using (torch.no_grad())
                    {
                        foreach (var p in model.parameters()) a += p.pow(2).sum();
                    }

                    Tensor b;
                    {
                        using var _ = torch.no_grad();
                        b = model.parameters().Select(p => p.pow(2).sum()).Aggregate((x, y) => x + y);
                    }

                    var c = torch.tensor(0f);
                    using (torch.no_grad())
                    {
                        using (torch.enable_grad())
                        {
                            foreach (var p in model.parameters()) c += p.pow(2).sum();
                        }
                    }

                    var total = loss + 0.01 * (a + b + c);
                    total.backward();
                }
                """);
            Assert.Equal(3, analysed.Penalties.Count);
            Assert.Equal("torch.no_grad()", Text(Assert.Single(analysed.Penalties[0].DetachingSteps, s => s.Kind == DetachKind.NoGrad).Operation));
            Assert.Equal(DetachKind.NoGrad, Assert.Single(analysed.Penalties[1].DetachingSteps).Kind);
            Assert.Empty(analysed.Penalties[2].DetachingSteps);
        }

        [Fact]
        public void Top_level_statements()
        {
            var penalty = Analyze("""
                var model = nn.Linear(4, 2);
                var optimizer = optim.SGD(model.parameters(), 0.1, weight_decay: 1e-4);
                var l2 = torch.tensor(0f);
                foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                var loss = model.call(torch.randn(8, 4)).sum() + 1e-4 * l2;
                loss.backward();
                """, topLevel: true);
            Assert.Equal(PenaltyFate.ReachesBackward, penalty.Single.Fate);
            Assert.Equal("model", penalty.Single.Module!.Display);
            var optimizer = Assert.Single(penalty.Method.Optimizers);
            Assert.True(optimizer.CoversAllParameters);
            Assert.True(optimizer.Module!.IsSame(penalty.Single.Module));
            Assert.True(optimizer.HasNonZeroConstantCoupledDecay);
            Assert.Equal("optimizer", optimizer.Storage!.Name);
        }

        [Fact]
        public void Local_function_helper()
        {
            var penalty = Analyze("""
                void Train(nn.Module model, Tensor x)
                {
                    Tensor L2()
                    {
                        var sum = torch.tensor(0f);
                        foreach (var p in model.parameters()) sum += p.pow(2).sum();
                        return sum;
                    }

                    var loss = x.sum() + 1e-4 * L2();
                    loss.backward();
                }
                """).Single;
            Assert.Equal("L2()", Text(penalty.Trigger));
            Assert.Equal(PenaltyFate.ReachesBackward, penalty.Fate);
            Assert.Equal("model", penalty.Module!.Display);
        }

        // ------------------------------------------------------------------ robustness

        [Theory]
        [InlineData("foreach (var p in model.parameters()) l2 += ")]
        [InlineData("foreach (var p in model.parameters()) l2 += p.norm(2")]
        [InlineData("var loss = x + ; loss.backward();")]
        [InlineData("foreach (var p in model.parameters()) l2 += p.pow(2).sum(); var loss = unknown + 0.1 * l2; loss.backward();")]
        [InlineData("var o = optim.SGD(model.parameters(), weight_decay: 1e-4); var loss = x + l2; loss.backward();")]
        [InlineData("SGD o = new(model.parameters(), 0.1, weight_decay: 1e-4); foreach (var p in model.parameters()) l2 += p.pow(2).sum(); (x + 1e-4 * l2).backward(); o.step();")]
        [InlineData("foreach (var (_, p) in model.named_parameters()) l2 += p.norm(); (x + l2).backward();")]
        [InlineData("foreach (var (n, p) in model.named_parameters) l2 += p.norm(); (x + l2).backward();")]
        [InlineData("var a = model.parameters().Select(p => p.norm()).Aggregate(); var b = model.parameters().Sum(); (x + a + b).backward();")]
        [InlineData("var v = torch.nn.utils.parameters_to_vector(model.parameters()); (x + v.norm() + Recursive() + A()).backward();")]
        [InlineData("l2 = l2 + ; using (torch.no_grad()) { foreach (var p in model.parameters()) l2 += p.pow(2).sum().detach() } (x + l2).backward();")]
        [InlineData("var loss = x + 0.1 * model.parameters().Select(p => p.pow(2).sum()).Aggregate(torch.tensor(0f), (acc, t) => acc + t, r => r); loss.backward();")]
        public async System.Threading.Tasks.Task Analyzers_never_throw_on_half_typed_code(string statements)
        {
            var source = Usings + $$"""
                class Trainer
                {
                    Tensor Recursive() => Recursive() + 1e-4 * A();
                    Tensor A() => B();
                    Tensor B() => A() + model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                    nn.Module model = nn.Linear(2, 2);
                    void Train(Tensor x)
                    {
                        var l2 = torch.tensor(0f);
                        {{statements}}
                    }
                }
                """;
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create("Broken", new[] { tree }, TestReferences.Default,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var exceptions = new System.Collections.Concurrent.ConcurrentBag<Exception>();
            var analyzers = System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(
                new Decay.Rules.Decay002NonSquaredNormPenaltyAnalyzer(), new Decay.Rules.Decay003L2AppliedTwiceAnalyzer(),
                new Decay.Rules.Decay005DetachedPenaltyAnalyzer(), new Decay.Rules.Decay009PenaltyAsWeightDecayAnalyzer(),
                new Decay.Rules.Decay010NormIntIsDimensionAnalyzer());
            var options = new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(
                new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty),
                (exception, _, _) => exceptions.Add(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }

        // ------------------------------------------------------------------ term kinds

        [Theory]
        [InlineData("p.pow(2).sum()", "SumOfSquares", false)]
        [InlineData("p.square().sum()", "SumOfSquares", false)]
        [InlineData("(p * p).sum()", "SumOfSquares", false)]
        [InlineData("torch.sum(p * p)", "SumOfSquares", false)]
        [InlineData("torch.pow(p, 2).sum()", "SumOfSquares", false)]
        [InlineData("p.norm().pow(2)", "SumOfSquares", false)]
        [InlineData("p.norm(2f).square()", "SumOfSquares", false)]
        [InlineData("p.norm() * p.norm()", "SumOfSquares", false)]
        [InlineData("p.pow(2).mean()", "MeanOfSquares", false)]
        [InlineData("p.norm()", "L2Norm", false)]
        [InlineData("p.norm(2f)", "L2Norm", false)]
        [InlineData("p.norm(p: 2)", "L2Norm", false)]
        [InlineData("p.norm(2)", "L2Norm", true)]
        [InlineData("torch.norm(p)", "L2Norm", false)]
        [InlineData("torch.norm(p, 2)", "L2Norm", true)]
        [InlineData("torch.norm(p, 2f)", "L2Norm", false)]
        [InlineData("torch.linalg.norm(p)", "L2Norm", false)]
        [InlineData("torch.linalg.norm(p, \"fro\")", "L2Norm", false)]
        [InlineData("torch.linalg.vector_norm(p)", "L2Norm", false)]
        [InlineData("p.norm(1f)", "L1", false)]
        [InlineData("p.norm(1)", "L1", true)]
        [InlineData("p.abs().sum()", "L1", false)]
        [InlineData("torch.abs(p).sum()", "L1", false)]
        [InlineData("torch.linalg.vector_norm(p, 1)", "L1", false)]
        [InlineData("p.norm(dim: 1).sum()", "Unknown", false)]
        [InlineData("p.norm(1, keepdim: true).sum()", "Unknown", false)]
        [InlineData("p.sum()", "Unknown", false)]
        public void Term_kinds(string term, string kind, bool bindsToDimension)
        {
            var penalty = Analyze($$"""
                void Train(nn.Module model, Tensor loss)
                {
                    var l2 = torch.tensor(0f);
                    foreach (var p in model.parameters()) l2 += {{term}};
                    (loss + 0.01 * l2).backward();
                }
                """).Single;
            Assert.Equal(kind, penalty.Kind.ToString());
            Assert.Equal(bindsToDimension, penalty.Terms[0].NormBindsToDimension);
            Assert.Equal(PenaltyFate.ReachesBackward, penalty.Fate);
        }

        [Fact]
        public void Squared_norm_through_a_loop_local()
        {
            var penalty = Analyze("""
                void Train(nn.Module model, Tensor loss)
                {
                    var l2 = torch.tensor(0f);
                    foreach (var p in model.parameters())
                    {
                        var n = p.norm();
                        l2 += n * n;
                    }

                    (loss + 0.01 * l2).backward();
                }
                """).Single;
            Assert.Equal(PenaltyTermKind.SumOfSquares, penalty.Kind);
            Assert.True(penalty.Terms[0].IsSquaredNorm);
        }

        // ------------------------------------------------------------------ coefficients

        [Theory]
        [InlineData("loss + lambda * l2", "*lambda@LossAdd")]
        [InlineData("loss + lambda / 2 * l2", "*lambda / 2@LossAdd")]
        [InlineData("loss + 0.5 * lambda * l2", "*0.5 * lambda@LossAdd")]
        [InlineData("loss + l2 * lambda * 0.5", "*lambda@LossAdd *0.5@LossAdd")]
        [InlineData("loss + l2 * lambda / 2", "*lambda@LossAdd /2@LossAdd")]
        [InlineData("loss + l2", "")]
        public void Coefficient_at_the_add(string expression, string factors)
        {
            var penalty = Analyze($$"""
                void Train(nn.Module model, Tensor loss, double lambda)
                {
                    var l2 = torch.tensor(0f);
                    foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                    var total = {{expression}};
                    total.backward();
                }
                """).Single;
            Assert.Equal(factors, Factors(penalty));
        }

        [Fact]
        public void Coefficient_in_the_term_and_on_the_accumulator()
        {
            var analysed = Analyze("""
                const double Lambda = 1e-4;
                void Train(nn.Module model, Tensor loss)
                {
                    var a = torch.tensor(0f);
                    foreach (var p in model.parameters()) a += Lambda * p.pow(2).sum();
                    var b = torch.tensor(0f);
                    foreach (var p in model.parameters()) b += p.pow(2).sum();
                    b *= 0.5 * Lambda;
                    var c = torch.tensor(0f);
                    foreach (var p in model.parameters()) c += p.pow(2).sum();
                    var reg = Lambda * c;
                    var total = loss + a + b + reg;
                    total.backward();
                }
                """);
            Assert.Equal(new[] { "*Lambda@Term", "*0.5 * Lambda@Accumulator", "*Lambda@Accumulator" }, analysed.Penalties.Select(Factors));
            Assert.True(analysed.Penalties[1].Coefficient.TryGetConstant(out var value));
            Assert.Equal(0.5e-4, value, 12);
            Assert.Equal(new[] { "c", "reg" }, analysed.Penalties[2].ValueLocals.Select(l => l.Name));
            Assert.All(analysed.Penalties, p => Assert.Equal(PenaltyFate.ReachesBackward, p.Fate));
        }

        // ------------------------------------------------------------------ fates

        [Fact]
        public void Fates_in_source_order()
        {
            var analysed = Analyze("""
                Tensor Train(nn.Module model, Tensor x)
                {
                    var loss = x.sum();
                    var unused = torch.tensor(0f);
                    foreach (var p in model.parameters()) unused += p.pow(2).sum();

                    var lost = torch.tensor(0f);
                    foreach (var p in model.parameters()) lost += p.pow(2).sum();
                    var total = loss + 0.01 * lost;

                    var late = torch.tensor(0f);
                    foreach (var p in model.parameters()) late += p.pow(2).sum();
                    loss.backward();
                    loss = loss + 0.01 * late;

                    var logged = torch.tensor(0f);
                    foreach (var p in model.parameters()) logged += p.pow(2).sum();
                    Console.WriteLine($"l2 = {logged.item<float>()}");

                    var returned = torch.tensor(0f);
                    foreach (var p in model.parameters()) returned += p.pow(2).sum();
                    var validation = x.mean();
                    return validation + 0.01 * returned;
                }
                """);
            Assert.Equal(
                new[] { PenaltyFate.NeverRead, PenaltyFate.TotalNotBackpropagated, PenaltyFate.AddedAfterBackward, PenaltyFate.Escapes, PenaltyFate.Returned },
                analysed.Penalties.Select(p => p.Fate));
            Assert.Equal("total", analysed.Penalties[1].Adds[0].Total!.Name);
            Assert.Equal("loss.backward()", Text(analysed.Penalties[2].Adds[0].LossBackwardBefore));
            Assert.Equal(PenaltyEscapeKind.Interpolation, analysed.Penalties[3].Escapes[0].Kind);
            Assert.True(analysed.Penalties[4].IsAddedToLoss);
            Assert.Equal(new[] { "loss.backward()" }, analysed.Method.BackwardCalls.Select(Text));
        }

        [Fact]
        public void Compound_add_into_the_loss_then_backward()
        {
            var penalty = Analyze("""
                void Train(nn.Module model, Tensor x)
                {
                    var loss = x.sum();
                    var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                    loss += 1e-4 * l2;
                    loss.backward();
                }
                """).Single;
            Assert.Equal(PenaltyFate.ReachesBackward, penalty.Fate);
            var add = penalty.SingleAdd!;
            Assert.IsAssignableFrom<ICompoundAssignmentOperation>(add.Operation);
            Assert.Equal("loss", add.Total!.Name);
            Assert.Equal("1e-4 * l2", Text(add.PenaltyOperand));
            Assert.Equal(new[] { "var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);" },
                penalty.RemovableStatements.Select(Text));
        }

        [Fact]
        public void Removable_statements_keep_what_is_read_elsewhere()
        {
            var analysed = Analyze("""
                void Train(nn.Module model, Tensor loss)
                {
                    const double lambda = 1e-4;
                    var l2 = torch.tensor(0f);
                    foreach (var p in model.parameters()) l2 += p.pow(2).sum();
                    var total = loss + lambda * l2;
                    total.backward();

                    var kept = torch.tensor(0f);
                    foreach (var p in model.parameters()) kept += p.pow(2).sum();
                    var total2 = loss + 0.1 * kept;
                    total2.backward();
                    Console.WriteLine(kept.item<float>());
                }
                """);
            Assert.Equal(3, analysed.Penalties[0].RemovableStatements.Length);
            Assert.Equal("const double lambda = 1e-4;", Text(analysed.Penalties[0].RemovableStatements[0]));
            Assert.Empty(analysed.Penalties[1].RemovableStatements);
        }

        // ------------------------------------------------------------------ look-alikes

        [Fact]
        public void Gradient_clipping_is_not_a_penalty()
        {
            var analysed = Analyze("""
                void Train(nn.Module model, Tensor loss)
                {
                    loss.backward();
                    var norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0);
                    torch.nn.utils.clip_grad_value_(model.parameters(), 0.5);
                    Console.WriteLine(norm);
                }
                """);
            Assert.Empty(analysed.Penalties);
        }

        [Fact]
        public void A_norm_printed_for_logging_is_not_added_to_the_loss()
        {
            var analysed = Analyze("""
                void Train(nn.Module model, Tensor loss)
                {
                    loss.backward();
                    float total = 0;
                    foreach (var p in model.parameters()) total += p.norm().item<float>();
                    Console.WriteLine($"weight norm {total}");
                }
                """);
            var penalty = analysed.Single;
            Assert.Equal(PenaltyFate.Escapes, penalty.Fate);
            Assert.False(penalty.IsAddedToLoss);
        }

        [Fact]
        public void A_no_grad_manual_update_loop_is_not_a_penalty()
        {
            var analysed = Analyze("""
                void Train(nn.Module model, Tensor loss, double lr)
                {
                    loss.backward();
                    using (torch.no_grad())
                    {
                        foreach (var p in model.parameters())
                        {
                            p.sub_(lr * p.grad!);
                            p.grad!.zero_();
                        }
                    }
                }
                """);
            Assert.Empty(analysed.Penalties);
        }

        [Fact]
        public void Norms_of_activations_and_outputs_are_not_penalties()
        {
            var analysed = Analyze("""
                void Train(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
                {
                    var output = model.call(x);
                    var loss = nn.functional.mse_loss(output, y) + 0.01 * output.norm() + 0.01 * output.pow(2).sum();
                    var acc = torch.tensor(0f);
                    foreach (var t in new[] { x, y }) acc += t.pow(2).sum();
                    (loss + acc).backward();
                }
                """);
            Assert.Empty(analysed.Penalties);
        }

        [Fact]
        public void Optimizer_and_gradient_uses_of_parameters_are_not_penalties()
        {
            var analysed = Analyze("""
                void Train(nn.Module model, Tensor loss)
                {
                    var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
                    var count = model.parameters().Count();
                    foreach (var p in model.parameters()) Console.WriteLine(p.shape);
                    loss.backward();
                    optimizer.step();
                }
                """);
            Assert.Empty(analysed.Penalties);
            Assert.Single(analysed.Method.Optimizers);
        }

        // ------------------------------------------------------------------ module identity

        [Fact]
        public void Module_identity_by_symbol_and_member_path()
        {
            var analysed = Analyze("""
                private readonly Seq net = new Seq();
                void Train(Tensor loss)
                {
                    var a = net.encoder.parameters().Select(p => p.pow(2).sum()).Aggregate((x, y) => x + y);
                    var b = this.net.parameters().Select(p => p.pow(2).sum()).Aggregate((x, y) => x + y);
                    var c = net.decoder.parameters().Select(p => p.pow(2).sum()).Aggregate((x, y) => x + y);
                    (loss + a + b + c).backward();
                }

                class Seq : nn.Module<Tensor, Tensor>
                {
                    public readonly Linear encoder = nn.Linear(2, 2);
                    public Linear decoder { get; } = nn.Linear(2, 2);
                    public Seq() : base("seq") { }
                    public override Tensor forward(Tensor x) => decoder.call(encoder.call(x));
                }
                """);
            var (encoder, whole, decoder) = (analysed.Penalties[0].Module!, analysed.Penalties[1].Module!, analysed.Penalties[2].Module!);
            Assert.Equal("net.encoder", encoder.Display);
            Assert.Equal("net", whole.Display);
            Assert.Equal(ModuleOverlap.ContainedIn, encoder.Compare(whole));
            Assert.Equal(ModuleOverlap.Contains, whole.Compare(decoder));
            Assert.Equal(ModuleOverlap.None, encoder.Compare(decoder));
            Assert.True(whole.IsTypeLevel(analysed.Method.Method));
        }

        [Fact]
        public void Optimizers_stored_in_fields_are_found_once_per_type()
        {
            var analysed = Analyze("""
                private readonly nn.Module<Tensor, Tensor> model;
                private readonly optim.Optimizer optimizer;
                private SGD Plain { get; } = optim.SGD(Static.parameters(), 0.1);
                private static readonly nn.Module<Tensor, Tensor> Static = nn.Linear(2, 2);

                public Trainer(nn.Module<Tensor, Tensor> model)
                {
                    this.model = model;
                    optimizer = optim.SGD(model.parameters(), 0.1, weight_decay: 5e-4);
                }

                void Train(Tensor loss)
                {
                    var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                    (loss + 1e-4 * l2).backward();
                }
                """);
            var type = analysed.Model.Compilation.GetTypeByMetadataName("Trainer")!;
            var sites = analysed.Cache.GetTypeOptimizers(type, analysed.Model);
            Assert.Same(sites.Array(), analysed.Cache.GetTypeOptimizers(type, analysed.Model).Array());
            Assert.Equal(2, sites.Length);
            var stored = sites.Single(s => s.Storage!.Name == "optimizer");
            Assert.True(stored.Module!.IsSame(analysed.Single.Module!));
            Assert.IsAssignableFrom<IFieldSymbol>(stored.Module.Root);
            Assert.True(stored.HasNonZeroConstantCoupledDecay);
            Assert.True(sites.Single(s => s.Storage!.Name == "Plain").HasNoDecay);
        }

        [Fact]
        public void Each_body_is_analysed_once()
        {
            var analysed = Analyze("""
                void Train(nn.Module model, Tensor loss)
                {
                    var l2 = model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                    (loss + l2).backward();
                }
                """);
            var root = analysed.Method.Root!;
            var inner = root.Descendants().OfType<IInvocationOperation>().First();
            Assert.Same(analysed.Method, analysed.Cache.Get(inner, analysed.Method.Method));
            Assert.Single(analysed.Method.TriggeredBy(analysed.Single.Trigger));

            // One cache per compilation, shared by every penalty rule.
            var torch = TorchSharpContext.Get(analysed.Model.Compilation)!;
            Assert.Same(PenaltyCache.For(torch), PenaltyCache.For(torch));
            Assert.NotSame(PenaltyCache.For(torch), PenaltyCache.For(TorchSharpContext.Get(analysed.Model.Compilation.Clone())!));
        }
        [Fact]
        public void Only_calls_of_helpers_that_mention_a_parameter_source_may_trigger()
        {
            var analysed = Analyze("""
                private readonly nn.Module<Tensor, Tensor> model = nn.Linear(4, 2);
                private Tensor L2() => model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                private Tensor Scale(Tensor t) => t * 2;
                private void Log(Tensor t) => Console.WriteLine(t.ToSingle());
                void Train(Trainer other, Tensor loss)
                {
                    Tensor Local() => model.named_parameters().Select(np => np.parameter.pow(2).sum()).Aggregate((a, b) => a + b);
                    Tensor Plain(Tensor t) => t + 1;
                    var total = Scale(loss) + 1e-4 * L2() + 1e-4 * this.L2() + Plain(loss) + 1e-4 * Local() + 1e-4 * other.L2();
                    Log(total);
                    total.backward();
                }
                """);
            var invocations = analysed.Method.Root!.Descendants().OfType<IInvocationOperation>().ToList();
            bool MayTrigger(string call)
                => analysed.Cache.MayTrigger(invocations.Single(i => i.Syntax.ToString() == call), analysed.Method.Method);

            Assert.True(MayTrigger("L2()"));
            Assert.True(MayTrigger("this.L2()"));
            Assert.True(MayTrigger("Local()"));
            Assert.True(MayTrigger("model.named_parameters()"));

            // No parameters()/named_parameters() in the helper, or not a helper call on this.
            Assert.False(MayTrigger("Scale(loss)"));
            Assert.False(MayTrigger("Plain(loss)"));
            Assert.False(MayTrigger("Log(total)"));
            Assert.False(MayTrigger("other.L2()"));

            Assert.Equal(new[] { "L2()", "this.L2()", "Local()" }, analysed.Penalties.Select(p => Text(p.Trigger)));
            Assert.All(analysed.Penalties, p => Assert.True(analysed.Cache.MayTrigger((IInvocationOperation)p.Trigger, analysed.Method.Method)));
        }

        [Fact]
        public void Only_parameter_sources_consumed_like_a_penalty_may_trigger()
        {
            var analysed = Analyze("""
                void Train(nn.Module<Tensor, Tensor> model, nn.Module<Tensor, Tensor> other, Tensor loss)
                {
                    var optimizer = optim.SGD(model.parameters(), 0.1);
                    torch.nn.utils.clip_grad_norm_(other.parameters(), max_norm: 1.0);
                    var weights = model.parameters(recurse: false).Where(p => p.dim() > 1).ToList();
                    foreach (var p in other.parameters(recurse: true)) p.requires_grad = false;
                    foreach (var (name, p) in other.named_parameters()) Console.WriteLine(name + p.norm().ToSingle());

                    var l2 = torch.tensor(0f);
                    foreach (var (name, p) in model.named_parameters().Where(np => np.name != "bias")) l2 = l2 + p.pow(2).sum();
                    var linq = other.named_parameters().Select(np => np.parameter.abs().sum()).Aggregate((a, b) => a + b);
                    var vector = torch.nn.utils.parameters_to_vector(model.parameters(true)).norm();
                    var loss2 = loss + 1e-4 * l2 + 1e-5 * linq + vector;
                    loss2.backward();
                    optimizer.step();
                }
                """);
            var sources = analysed.Method.Root!.Descendants().OfType<IInvocationOperation>()
                .Where(i => i.TargetMethod.Name is "parameters" or "named_parameters").ToList();
            Assert.Equal(8, sources.Count);
            var mayTrigger = sources.Where(s => analysed.Cache.MayTrigger(s, analysed.Method.Method)).Select(s => s.Syntax.ToString());
            Assert.Equal(new[] { "model.named_parameters()", "other.named_parameters()", "model.parameters(true)" }, mayTrigger);
            Assert.Equal(mayTrigger, analysed.Penalties.Select(p => Text(p.Trigger)));
        }

        [Fact]
        public void A_void_helper_may_trigger_only_when_a_nested_function_can_return_the_penalty()
        {
            var analysed = Analyze("""
                private readonly nn.Module<Tensor, Tensor> model = nn.Linear(4, 2);
                private Func<Tensor>? pending;
                private void Freeze()
                {
                    foreach (var p in model.parameters()) p.requires_grad = false;
                }

                private void Prepare()
                {
                    pending = () => model.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);
                }

                void Train(Tensor loss)
                {
                    Freeze();
                    Prepare();
                    loss.backward();
                }
                """);
            var invocations = analysed.Method.Root!.Descendants().OfType<IInvocationOperation>().ToList();
            bool MayTrigger(string call)
                => analysed.Cache.MayTrigger(invocations.Single(i => i.Syntax.ToString() == call), analysed.Method.Method);

            Assert.False(MayTrigger("Freeze()"));
            Assert.True(MayTrigger("Prepare()"));

            // The lambda returns the penalty, so the model takes it as the helper's.
            Assert.Equal("Prepare()", Text(analysed.Single.Trigger));
        }

        [Fact]
        public void A_helper_that_calls_parameters_on_this_implicitly_still_triggers()
        {
            var analysed = Analyze("""
                class Net : nn.Module<Tensor, Tensor>
                {
                    private readonly Linear fc = nn.Linear(4, 2);

                    public Net() : base("net") => RegisterComponents();

                    public override Tensor forward(Tensor x) => fc.call(x);

                    private Tensor L2() => parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b);

                    public void Train(Tensor x, Tensor y)
                    {
                        var loss = nn.functional.mse_loss(forward(x), y) + 1e-4 * L2();
                        loss.backward();
                    }
                }
                """);
            var penalty = analysed.Single;
            Assert.Equal("L2()", Text(penalty.Trigger));
            Assert.True(penalty.Module!.IsThis);
            Assert.Equal(PenaltyFate.ReachesBackward, penalty.Fate);
            Assert.True(analysed.Cache.MayTrigger((IInvocationOperation)penalty.Trigger, analysed.Method.Method));
            var forward = analysed.Method.Root!.Descendants().OfType<IInvocationOperation>().Single(i => i.TargetMethod.Name == "forward");
            Assert.False(analysed.Cache.MayTrigger(forward, analysed.Method.Method));
        }
    }

    internal static class ImmutableArrayTestExtensions
    {
        /// <summary>The backing array, to check that a cached ImmutableArray is the same instance.</summary>
        public static object Array<T>(this System.Collections.Immutable.ImmutableArray<T> array)
            => System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(array)!;
    }
}
