using System.Linq;
using System.Reflection;
using Decay.Testing;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Decay.Tests
{
    /// <summary>Every metadata name Decay binds to resolves in the TorchSharp API model, and the
    /// context resolves each optimizer with its ParamGroup and Options.</summary>
    public class TorchSharpNamesTests
    {
        private static Compilation ModelCompilation()
            => CSharpCompilation.Create("Probe", references: TestReferences.Default);

        [Fact]
        public void Every_type_name_constant_resolves_in_the_model()
        {
            var compilation = ModelCompilation();
            var names = typeof(TorchSharpNames).GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.NonPublic)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string) && ((string)f.GetRawConstantValue()!).StartsWith("TorchSharp.", System.StringComparison.Ordinal)
                    && f.Name != nameof(TorchSharpNames.ModulesNamespace))
                .Select(f => (string)f.GetRawConstantValue()!)
                .ToList();
            Assert.NotEmpty(names);
            Assert.All(names, name => Assert.NotNull(compilation.GetTypeByMetadataName(name)));
        }

        [Fact]
        public void Context_resolves_every_optimizer_with_its_nested_types()
        {
            var torch = TorchSharpContext.Get(ModelCompilation());
            Assert.NotNull(torch);
            Assert.Equal(TorchSharpNames.OptimizerClassNames.Length, torch!.Optimizers.Length);
            foreach (var optimizer in torch.Optimizers.Where(o => o.Kind != OptimizerKind.LBFGS))
            {
                Assert.NotNull(optimizer.ParamGroup);
                Assert.NotNull(optimizer.Options);
                Assert.Same(optimizer, torch.GetOptimizerByParamGroup(optimizer.ParamGroup));
                Assert.Same(optimizer, torch.GetOptimizerByOptions(optimizer.Options));
            }

            Assert.True(torch.GetOptimizer(OptimizerKind.AdamW)!.HasDecoupledDecay);
            Assert.False(torch.GetOptimizer(OptimizerKind.Adam)!.HasDecoupledDecay);
        }

        [Fact]
        public void Context_is_null_without_TorchSharp_and_cached_per_compilation()
        {
            Assert.Null(TorchSharpContext.Get(CSharpCompilation.Create("NoTorch", references: TestReferences.Net80)));
            var compilation = ModelCompilation();
            Assert.Same(TorchSharpContext.Get(compilation), TorchSharpContext.Get(compilation));
        }
    }
}
