using System.IO;
using System.Threading.Tasks;
using Decay.CodeFixes;
using Decay.Rules;
using Decay.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Verify = Decay.Testing.CSharpCodeFixVerifier<
    Decay.Rules.Decay007AdamWWithoutWeightDecayAnalyzer,
    Decay.CodeFixes.Decay007AddWeightDecayCodeFixProvider>;

namespace Decay.Tests
{
    public class Decay007AdamWWithoutWeightDecayTests
    {
        private const string Key = Decay007AddWeightDecayCodeFixProvider.EquivalenceKey;

        [Fact]
        public Task Message_gives_the_metadata_default_and_PyTorchs()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.{|#0:AdamW|}(model.parameters());
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    "AdamW's weight_decay defaults to 0 in TorchSharp (PyTorch's default is 0.01): this optimizer applies no weight decay"));

        [Fact]
        public Task Factory_without_weight_decay_gets_it_added()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.[|AdamW|](model.parameters(), lr: 3e-4, beta2: 0.95);
                    }
                }
                """, """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.AdamW(model.parameters(), lr: 3e-4, beta2: 0.95, weight_decay: 0.01);
                    }
                }
                """, Key);

        [Fact]
        public Task Constructor_and_using_static_forms_are_fixed()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp.Modules;
                using static TorchSharp.torch.optim;

                class Trainer
                {
                    void Train(TorchSharp.torch.nn.Module model)
                    {
                        var a = new [|AdamW|](model.parameters(), 1e-3);
                        var b = [|AdamW|](model.named_parameters());
                        AdamW c = [|new|](model.parameters());
                    }
                }
                """, """
                using TorchSharp.Modules;
                using static TorchSharp.torch.optim;

                class Trainer
                {
                    void Train(TorchSharp.torch.nn.Module model)
                    {
                        var a = new AdamW(model.parameters(), 1e-3, weight_decay: 0.01);
                        var b = AdamW(model.named_parameters(), weight_decay: 0.01);
                        AdamW c = new(model.parameters(), weight_decay: 0.01);
                    }
                }
                """, Key);

        [Fact]
        public Task Arguments_on_their_own_lines_keep_their_layout()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.[|AdamW|](
                            model.parameters(),
                            lr: 1e-3 // warm-up handles the rest
                        );
                    }
                }
                """, """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.AdamW(
                            model.parameters(),
                            lr: 1e-3, weight_decay: 0.01 // warm-up handles the rest
                        );
                    }
                }
                """, Key);

        [Fact]
        public Task A_Hugging_Face_style_port_where_only_the_no_decay_group_sets_it_is_reported()
            => Verify.VerifyCodeFixAsync("""
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.{|#0:AdamW|}(new AdamW.ParamGroup[]
                        {
                            new() { Parameters = model.parameters().Where(p => p.dim() >= 2) },
                            new() { Parameters = model.parameters().Where(p => p.dim() < 2), Options = new() { weight_decay = 0 } },
                        }, lr: 5e-5);
                    }
                }
                """, new[]
                {
                    Verify.Diagnostic().WithLocation(0).WithArguments("0", "parameter groups that do not set weight_decay get no decay"),
                }, """
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.AdamW(new AdamW.ParamGroup[]
                        {
                            new() { Parameters = model.parameters().Where(p => p.dim() >= 2) },
                            new() { Parameters = model.parameters().Where(p => p.dim() < 2), Options = new() { weight_decay = 0 } },
                        }, lr: 5e-5, weight_decay: 0.01);
                    }
                }
                """, Key);

        [Fact]
        public Task A_positional_group_that_pins_its_own_zero_is_reported_without_a_fix()
        {
            // Adding weight_decay to the call would not reach the positional group: no fix.
            const string source = """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.[|AdamW|](new[] { new AdamW.ParamGroup(model.parameters(), lr: 1e-3) });
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, source, Key);
        }

        [Fact]
        public Task A_group_added_without_weight_decay_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module backbone, torch.nn.Module head)
                    {
                        var optimizer = torch.optim.[|AdamW|](new[] { new AdamW.ParamGroup(backbone.parameters(), new AdamW.Options { weight_decay = 0.05 }) });
                        optimizer.add_param_group(new AdamW.ParamGroup { Parameters = head.parameters() });
                    }
                }
                """);

        [Fact]
        public Task Fix_all_adds_it_to_every_call()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module g, torch.nn.Module d)
                    {
                        var generator = torch.optim.[|AdamW|](g.parameters(), 2e-4);
                        var critic = torch.optim.[|AdamW|](d.parameters(), 2e-4);
                    }
                }
                """, """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module g, torch.nn.Module d)
                    {
                        var generator = torch.optim.AdamW(g.parameters(), 2e-4, weight_decay: 0.01);
                        var critic = torch.optim.AdamW(d.parameters(), 2e-4, weight_decay: 0.01);
                    }
                }
                """, Key);

        /// <summary>A TorchSharp whose AdamW factory declares <paramref name="weightDecayDefault"/>.</summary>
        private static MetadataReference MiniTorchSharp(string weightDecayDefault)
        {
            var source = $$"""
                using System.Collections.Generic;
                namespace TorchSharp
                {
                    public static partial class torch
                    {
                        public class Tensor { }
                        public static partial class optim
                        {
                            public static Modules.AdamW AdamW(IEnumerable<Modules.Parameter> parameters, double lr = 1e-3, double weight_decay = {{weightDecayDefault}}) => null!;
                        }
                        public static partial class nn
                        {
                            public class Module { public IEnumerable<Modules.Parameter> parameters(bool recurse = true) => null!; }
                        }
                    }
                    namespace Modules
                    {
                        public class Parameter : torch.Tensor { }
                        public class OptimizerOptions { }
                        public class AdamW
                        {
                            public class Options : OptimizerOptions { public double? weight_decay; }
                            public class ParamGroup { }
                        }
                    }
                }
                """;
            var compilation = CSharpCompilation.Create("TorchSharp", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.Net80,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        [Theory]
        [InlineData("0", true)]
        [InlineData("0.01", false)]
        public async Task The_default_is_read_from_the_referenced_TorchSharp(string weightDecayDefault, bool reported)
        {
            var test = new CSharpAnalyzerVerifier<Decay007AdamWWithoutWeightDecayAnalyzer>.Test
            {
                TestCode = reported
                    ? "class T { void M(TorchSharp.torch.nn.Module m) { var o = TorchSharp.torch.optim.[|AdamW|](m.parameters()); } }"
                    : "class T { void M(TorchSharp.torch.nn.Module m) { var o = TorchSharp.torch.optim.AdamW(m.parameters()); } }",
            };
            test.References.Clear();
            test.References.AddRange(TestReferences.Net80);
            test.References.Add(MiniTorchSharp(weightDecayDefault));
            await test.RunAsync();
        }

        // ------------------------------------------------------------ must not report

        [Fact]
        public Task Explicit_weight_decay_even_zero_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, double wd)
                    {
                        var a = torch.optim.AdamW(model.parameters(), weight_decay: 0);
                        var b = torch.optim.AdamW(model.parameters(), weight_decay: wd);
                        var c = torch.optim.AdamW(model.parameters(), 1e-3, 0.9, 0.999, 1e-8, 0.1);
                        var d = torch.optim.Adam(model.parameters());
                    }
                }
                """);

        [Fact]
        public Task Groups_that_all_set_weight_decay_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using System.Linq;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.AdamW(new AdamW.ParamGroup[]
                        {
                            new(model.parameters().Where(p => p.dim() >= 2), new AdamW.Options { weight_decay = 0.1 }),
                            new(model.parameters().Where(p => p.dim() < 2), weight_decay: 0.0),
                        }, lr: 6e-4, beta2: 0.95);
                        optimizer.add_param_group(new AdamW.ParamGroup { Parameters = model.parameters(), Options = new() { weight_decay = 0.01 } });
                    }
                }
                """);

        [Fact]
        public Task Groups_the_analyzer_cannot_see_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    AdamW.ParamGroup[] Groups(torch.nn.Module model) => new AdamW.ParamGroup[0];
                    AdamW.Options Options() => new AdamW.Options { weight_decay = 0.1 };

                    void Train(torch.nn.Module model)
                    {
                        var a = torch.optim.AdamW(Groups(model));
                        var b = torch.optim.AdamW(new[] { new AdamW.ParamGroup(model.parameters(), Options()) });
                    }
                }
                """);
    }
}
