using System.Linq;
using Decay.Operations;
using Decay.Testing;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Tests
{
    /// <summary>The shared models of Operations/ used by DECAY012: where parameters come from (<see cref="ParameterSources"/>) and
    /// the training calls (<see cref="TrainingCalls"/>).</summary>
    public class ParameterSourcesTests
    {
        private const string Source = """
            using System.Linq;
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            class Net : nn.Module<Tensor, Tensor>
            {
                public readonly Sequential backbone = nn.Sequential(nn.Linear(4, 4));
                public readonly Linear head = nn.Linear(4, 2);
                public Net() : base("Net") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => head.call(backbone.call(x));
            }

            class Trainer
            {
                private Net model = new Net();

                void Run(Net other, Tensor loss, optim.Optimizer opt)
                {
                    foreach (var p in model.backbone.parameters()) p.requires_grad = false;
                    foreach (var (name, q) in this.model.named_parameters().Where(np => np.name != "x")) q.requires_grad_(false);
                    foreach (var np in other.named_parameters()) np.parameter.requires_grad_();
                    foreach (var child in model.children()) foreach (var c in child.parameters()) c.grad = null;
                    var local = other.head;
                    var ps = local.parameters();
                    foreach (var l in ps) l.requires_grad = true;
                    other.parameters().ToList().ForEach(f => f.requires_grad = false);
                    model.head.weight.requires_grad = false;
                    foreach (var n in model.head.parameters(recurse: false)) n.requires_grad = false;
                    loss.backward();
                    opt.step();
                    model.zero_grad();
                    other.zero_grad(set_to_none: false);
                }
            }
            """;

        private static (SemanticModel Model, SyntaxNode Root, TorchSharpContext Torch) Compile()
        {
            var tree = CSharpSyntaxTree.ParseText(Source);
            var compilation = CSharpCompilation.Create("Probe", new[] { tree }, TestReferences.Default,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            return (compilation.GetSemanticModel(tree), tree.GetRoot(), TorchSharpContext.Get(compilation)!);
        }

        /// <summary>The requires_grad / grad write whose receiver is written <paramref name="receiver"/>.</summary>
        private static (IOperation Write, IOperation Receiver) Write(SemanticModel model, SyntaxNode root, string receiver, string member)
        {
            var access = root.DescendantNodes().OfType<MemberAccessExpressionSyntax>()
                .First(m => m.Expression.ToString() == receiver && m.Name.Identifier.ValueText == member);
            var write = model.GetOperation(access.Parent is InvocationExpressionSyntax call ? call : access.Parent!)!;
            var property = access.Parent is InvocationExpressionSyntax ? null : ((ISimpleAssignmentOperation)write).Target;
            var instance = write is IInvocationOperation invocation ? invocation.Instance! : ((IPropertyReferenceOperation)property!).Instance!;
            return (write, instance);
        }

        private static string Describe(ParameterSet? set) => set is null ? "null" : set.Value.Module.Display + (set.Value.IsSubset ? " (subset)" : "");

        [Theory]
        [InlineData("p", "requires_grad", "model.backbone")]
        [InlineData("q", "requires_grad_", "model (subset)")]
        [InlineData("np.parameter", "requires_grad_", "other")]
        [InlineData("c", "grad", "model (subset)")]
        [InlineData("l", "requires_grad", "other.head")]
        [InlineData("f", "requires_grad", "other")]
        [InlineData("model.head.weight", "requires_grad", "model.head (subset)")]
        [InlineData("n", "requires_grad", "model.head (subset)")]
        public void Parameter_sources_are_traced_to_their_module(string receiver, string member, string expected)
        {
            var (model, root, torch) = Compile();
            var (_, instance) = Write(model, root, receiver, member);
            Assert.Equal(expected, Describe(ParameterSources.FromTensor(instance, torch)));
        }

        [Fact]
        public void Requires_grad_writes_are_classified()
        {
            var (model, root, torch) = Compile();
            Assert.True(TrainingCalls.IsRequiresGradWrite(Write(model, root, "p", "requires_grad").Write, torch, out _, out var freeze));
            Assert.False(freeze);
            Assert.True(TrainingCalls.IsRequiresGradWrite(Write(model, root, "q", "requires_grad_").Write, torch, out _, out var freezeCall));
            Assert.False(freezeCall);
            Assert.True(TrainingCalls.IsRequiresGradWrite(Write(model, root, "np.parameter", "requires_grad_").Write, torch, out _, out var defaulted));
            Assert.True(defaulted);
            Assert.True(TrainingCalls.IsGradCleared((ISimpleAssignmentOperation)Write(model, root, "c", "grad").Write, torch, out var cleared));
            Assert.NotNull(cleared);
        }

        [Fact]
        public void Training_calls_are_recognized()
        {
            var (model, root, torch) = Compile();
            var invocations = root.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Select(i => (Text: i.ToString(), Operation: (IInvocationOperation)model.GetOperation(i)!)).ToList();
            Assert.True(TrainingCalls.IsBackward(invocations.Single(i => i.Text == "loss.backward()").Operation, torch));
            Assert.True(TrainingCalls.IsOptimizerStep(invocations.Single(i => i.Text == "opt.step()").Operation, torch));
            Assert.True(TrainingCalls.IsModuleZeroGrad(invocations.Single(i => i.Text == "model.zero_grad()").Operation, torch, out var nulls));
            Assert.True(nulls);
            Assert.True(TrainingCalls.IsModuleZeroGrad(invocations.Single(i => i.Text.StartsWith("other.zero_grad")).Operation, torch, out var keeps));
            Assert.False(keeps);
            Assert.False(TrainingCalls.IsBackward(invocations.Single(i => i.Text == "opt.step()").Operation, torch));
        }

        [Fact]
        public void Coverage_compares_frozen_and_optimized_sets_by_module_nesting()
        {
            var (model, root, torch) = Compile();
            var zeroGrad = (IInvocationOperation)model.GetOperation(root.DescendantNodes().OfType<InvocationExpressionSyntax>().Single(i => i.ToString() == "model.zero_grad()"))!;
            var wholeModel = ParameterSources.FromModule(zeroGrad.Instance, torch)!.Value;
            var backbone = ParameterSources.FromTensor(Write(model, root, "p", "requires_grad").Receiver, torch)!.Value;
            var someOfModel = ParameterSources.FromTensor(Write(model, root, "q", "requires_grad_").Receiver, torch)!.Value;
            var otherHead = ParameterSources.FromTensor(Write(model, root, "l", "requires_grad").Receiver, torch)!.Value;

            Assert.Equal("model", Describe(wholeModel));
            Assert.Equal(Coverage.Part, ParameterSet.Compare(frozen: backbone, optimized: wholeModel));
            Assert.Equal(Coverage.All, ParameterSet.Compare(frozen: wholeModel, optimized: backbone));
            Assert.Equal(Coverage.All, ParameterSet.Compare(frozen: wholeModel, optimized: wholeModel));
            Assert.Equal(Coverage.Part, ParameterSet.Compare(frozen: someOfModel, optimized: wholeModel));
            Assert.Equal(Coverage.Unknown, ParameterSet.Compare(frozen: someOfModel, optimized: backbone));
            Assert.Equal(Coverage.None, ParameterSet.Compare(frozen: backbone, optimized: otherHead));
        }

        [Fact]
        public void This_contains_the_fields_of_its_type()
        {
            var tree = CSharpSyntaxTree.ParseText("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class SelfTraining : nn.Module<Tensor, Tensor>
                {
                    private readonly Linear encoder = nn.Linear(4, 4);
                    public SelfTraining() : base("SelfTraining") { RegisterComponents(); }
                    public override Tensor forward(Tensor x) => encoder.call(x);
                    void Run()
                    {
                        var all = parameters();
                        var some = encoder.parameters();
                    }
                }
                """);
            var compilation = CSharpCompilation.Create("Probe", new[] { tree }, TestReferences.Default,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var model = compilation.GetSemanticModel(tree);
            var torch = TorchSharpContext.Get(compilation)!;
            var calls = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(i => i.ToString().EndsWith("parameters()", System.StringComparison.Ordinal))
                .Select(i => ParameterSources.FromEnumeration(model.GetOperation(i), torch)!.Value).ToList();
            var (all, some) = (calls[0], calls[1]);

            Assert.Equal(ModuleOverlap.None, all.Module.Compare(some.Module));
            Assert.Equal(ModuleOverlap.Contains, ParameterSources.Compare(all.Module, some.Module));
            Assert.Equal(ModuleOverlap.ContainedIn, ParameterSources.Compare(some.Module, all.Module));
            Assert.Equal(Coverage.Part, ParameterSet.Compare(frozen: some, optimized: all));
        }
    }
}
