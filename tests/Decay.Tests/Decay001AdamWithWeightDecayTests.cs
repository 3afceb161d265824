using System.Threading.Tasks;
using Decay.CodeFixes;
using Decay.Rules;
using Decay.Testing;
using Microsoft.CodeAnalysis.CodeFixes;
using Verify = Decay.Testing.CSharpCodeFixVerifier<
    Decay.Rules.Decay001AdamWithWeightDecayAnalyzer,
    Decay.CodeFixes.Decay001UseAdamWCodeFixProvider>;

namespace Decay.Tests
{
    public class Decay001AdamWithWeightDecayTests
    {
        private const string Key = Decay001UseAdamWCodeFixProvider.EquivalenceKey;

        [Fact]
        public Task Factory_named_weight_decay_is_reported_and_fixed()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.[|Adam|](model.parameters(), lr: 1e-3, weight_decay: 1e-4);
                    }
                }
                """, """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.AdamW(model.parameters(), lr: 1e-3, weight_decay: 1e-4);
                    }
                }
                """, Key);

        [Fact]
        public Task Message_names_the_value()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.{|#0:Adam|}(model.parameters(), weight_decay: 5e-4);
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    "Adam's weight_decay (5e-4) is L2 regularization added to the gradient, which Adam's adaptive step rescales; use AdamW for decoupled weight decay"));

        [Fact]
        public Task Positional_weight_decay_is_reported_and_fixed()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.[|Adam|](model.parameters(), 1e-3, 0.9, 0.999, 1e-8, 1e-2);
                    }
                }
                """, """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.AdamW(model.parameters(), 1e-3, 0.9, 0.999, 1e-8, 1e-2);
                    }
                }
                """, Key);

        [Fact]
        public Task Second_positional_argument_is_lr_not_weight_decay()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var a = torch.optim.Adam(model.parameters(), 0.01);
                        var b = torch.optim.Adam(model.parameters(), 0.01, 0.9, 0.999, 1e-8);
                    }
                }
                """);

        [Fact]
        public Task Named_arguments_in_any_order()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.[|Adam|](weight_decay: 1e-4, lr: 3e-4, parameters: model.parameters());
                    }
                }
                """, """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.AdamW(weight_decay: 1e-4, lr: 3e-4, parameters: model.parameters());
                    }
                }
                """, Key);

        [Fact]
        public Task Constructor_form_is_reported_at_the_type_name_and_fixed()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = new [|Adam|](model.parameters(), lr: 1e-3, weight_decay: 1e-4);
                    }
                }
                """, """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = new AdamW(model.parameters(), lr: 1e-3, weight_decay: 1e-4);
                    }
                }
                """, Key);

        [Fact]
        public Task Fully_qualified_constructor_is_fixed_in_place()
            => Verify.VerifyCodeFixAsync("""
                class Trainer
                {
                    void Train(TorchSharp.torch.nn.Module model)
                    {
                        var optimizer = new TorchSharp.Modules.[|Adam|](model.parameters(), weight_decay: 0.01);
                    }
                }
                """, """
                class Trainer
                {
                    void Train(TorchSharp.torch.nn.Module model)
                    {
                        var optimizer = new TorchSharp.Modules.AdamW(model.parameters(), weight_decay: 0.01);
                    }
                }
                """, Key);

        [Fact]
        public Task Using_static_torch_optim_Adam_is_reported_and_fixed()
            => Verify.VerifyCodeFixAsync("""
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(nn.Module model)
                    {
                        var optimizer = optim.[|Adam|](model.parameters(), lr: 0.01, weight_decay: 0.0001);
                    }
                }
                """, """
                using static TorchSharp.torch;

                class Trainer
                {
                    void Train(nn.Module model)
                    {
                        var optimizer = optim.AdamW(model.parameters(), lr: 0.01, weight_decay: 0.0001);
                    }
                }
                """, Key);

        [Fact]
        public Task Using_static_optim_bare_Adam_call_is_reported_and_fixed()
            => Verify.VerifyCodeFixAsync("""
                using static TorchSharp.torch.optim;

                class Trainer
                {
                    void Train(TorchSharp.torch.nn.Module model)
                    {
                        var optimizer = [|Adam|](model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, """
                using static TorchSharp.torch.optim;

                class Trainer
                {
                    void Train(TorchSharp.torch.nn.Module model)
                    {
                        var optimizer = AdamW(model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, Key);

        [Fact]
        public Task ParamGroup_array_types_are_renamed_with_the_factory()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module encoder, torch.nn.Module head)
                    {
                        var optimizer = torch.optim.[|Adam|](new Adam.ParamGroup[]
                        {
                            new() { Parameters = encoder.parameters(), Options = new() { LearningRate = 1e-4 } },
                            new Adam.ParamGroup(head.parameters(), new Adam.Options { beta1 = 0.8 }),
                        }, lr: 1e-3, weight_decay: 1e-4);
                    }
                }
                """, """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module encoder, torch.nn.Module head)
                    {
                        var optimizer = torch.optim.AdamW(new AdamW.ParamGroup[]
                        {
                            new() { Parameters = encoder.parameters(), Options = new() { LearningRate = 1e-4 } },
                            new AdamW.ParamGroup(head.parameters(), new AdamW.Options { beta1 = 0.8 }),
                        }, lr: 1e-3, weight_decay: 1e-4);
                    }
                }
                """, Key);

        [Fact]
        public Task Groups_built_elsewhere_are_reported_without_a_fix()
        {
            // Renaming only the call would pass Adam.ParamGroup[] to AdamW: no fix is offered.
            const string source = """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(Adam.ParamGroup[] groups)
                    {
                        var optimizer = torch.optim.[|Adam|](groups, weight_decay: 1e-4);
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, source, Key);
        }

        [Fact]
        public Task Explicitly_typed_local_is_renamed_too()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        Adam optimizer = torch.optim.[|Adam|](model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        AdamW optimizer = torch.optim.AdamW(model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, Key);

        [Fact]
        public Task Target_typed_new_is_reported_at_new_and_fixed_through_the_declared_type()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        Adam optimizer = [|new|](model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        AdamW optimizer = new(model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, Key);

        [Fact]
        public Task Field_typed_Adam_is_reported_without_a_fix()
        {
            const string source = """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    private Adam optimizer;

                    Trainer(torch.nn.Module model)
                    {
                        optimizer = torch.optim.[|Adam|](model.parameters(), weight_decay: 1e-4);
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, source, Key);
        }

        [Fact]
        public Task Field_typed_as_the_base_Optimizer_is_fixed()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    private readonly torch.optim.Optimizer optimizer;

                    Trainer(torch.nn.Module model)
                    {
                        optimizer = torch.optim.[|Adam|](model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, """
                using TorchSharp;

                class Trainer
                {
                    private readonly torch.optim.Optimizer optimizer;

                    Trainer(torch.nn.Module model)
                    {
                        optimizer = torch.optim.AdamW(model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, Key);

        [Fact]
        public Task Alias_is_replaced_by_AdamW_simplified_where_usings_allow()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using Opt = TorchSharp.Modules.Adam;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = new [|Opt|](model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, """
                using TorchSharp;
                using TorchSharp.Modules;
                using Opt = TorchSharp.Modules.Adam;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = new AdamW(model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, Key);

        [Fact]
        public Task Comments_and_trivia_are_kept()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim /* optimizer */ .[|Adam|]( // parameters
                            model.parameters(),
                            weight_decay: 1e-4 /* from the paper */);
                    }
                }
                """, """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim /* optimizer */ .AdamW( // parameters
                            model.parameters(),
                            weight_decay: 1e-4 /* from the paper */);
                    }
                }
                """, Key);

        [Fact]
        public Task Non_constant_weight_decay_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model, double wd)
                    {
                        var optimizer = torch.optim.{|#0:Adam|}(model.parameters(), weight_decay: wd);
                    }
                }
                """, Verify.Diagnostic().WithLocation(0).WithArguments("wd"));

        [Fact]
        public Task Named_parameters_overload_is_reported()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.[|Adam|](model.named_parameters(), weight_decay: 1e-5);
                    }
                }
                """);

        [Fact]
        public Task Absent_or_constant_zero_weight_decay_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    const double NoDecay = 0;

                    void Train(torch.nn.Module model)
                    {
                        var a = torch.optim.Adam(model.parameters());
                        var b = torch.optim.Adam(model.parameters(), lr: 1e-3, weight_decay: 0);
                        var c = torch.optim.Adam(model.parameters(), weight_decay: 0.0);
                        var d = torch.optim.Adam(model.parameters(), weight_decay: 0f);
                        var e = new Adam(model.parameters(), weight_decay: NoDecay);
                        var f = torch.optim.Adam(model.parameters(), 1e-3, 0.9, 0.999, 1e-8, 0);
                    }
                }
                """);

        [Fact]
        public Task AdamW_and_other_optimizers_are_silent()
            => Verify.VerifyAnalyzerAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var a = torch.optim.AdamW(model.parameters(), weight_decay: 0.01);
                        var b = torch.optim.SGD(model.parameters(), 0.1, weight_decay: 1e-4);
                        var c = torch.optim.Adamax(model.parameters(), weight_decay: 1e-4);
                    }
                }
                """);

        [Fact]
        public Task A_user_type_named_Adam_is_silent()
            => Verify.VerifyAnalyzerAsync("""
                using System.Collections.Generic;

                namespace MyTraining
                {
                    static class optim
                    {
                        public static object Adam(IEnumerable<float> parameters, double lr = 1e-3, double weight_decay = 0) => new object();
                    }

                    class Adam
                    {
                        public Adam(IEnumerable<float> parameters, double weight_decay = 0) { }
                    }

                    class Trainer
                    {
                        void Train(List<float> ps)
                        {
                            var a = optim.Adam(ps, weight_decay: 1e-4);
                            var b = new Adam(ps, weight_decay: 1e-4);
                        }
                    }
                }
                """);

        [Fact]
        public Task A_look_alike_TorchSharp_in_source_is_silent()
        {
            // A look-alike torch.optim.Adam declared in source, no TorchSharp assembly: it is not
            // TorchSharp.Modules.Adam, so no diagnostic and no fix. (That analyzers register nothing
            // at all without TorchSharp is checked in RegistrationTests.)
            const string source = """
                namespace TorchSharp
                {
                    public static class torch
                    {
                        public static class optim
                        {
                            public static object Adam(object parameters, double weight_decay = 0) => new object();
                        }
                    }
                }

                class Trainer
                {
                    void Train() => TorchSharp.torch.optim.Adam(new object(), weight_decay: 1e-4);
                }
                """;
            var test = new Verify.Test { TestCode = source, FixedCode = source };
            test.References.Clear();
            test.References.AddRange(TestReferences.Net80);
            return test.RunAsync();
        }

        [Fact]
        public Task Fix_all_fixes_every_Adam_in_the_document()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module encoder, torch.nn.Module decoder)
                    {
                        var a = torch.optim.[|Adam|](encoder.parameters(), weight_decay: 1e-4);
                        var b = new [|Adam|](decoder.parameters(), lr: 1e-4, weight_decay: 1e-5);
                        var c = torch.optim.Adam(decoder.parameters());
                    }
                }
                """, """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module encoder, torch.nn.Module decoder)
                    {
                        var a = torch.optim.AdamW(encoder.parameters(), weight_decay: 1e-4);
                        var b = new AdamW(decoder.parameters(), lr: 1e-4, weight_decay: 1e-5);
                        var c = torch.optim.Adam(decoder.parameters());
                    }
                }
                """, Key);

        [Fact]
        public Task Fix_all_in_solution_scope_fixes_every_document()
        {
            var test = new Verify.Test { CodeActionEquivalenceKey = Key };
            test.TestState.Sources.Add(("A.cs", """
                using TorchSharp;
                class A { void M(torch.nn.Module m) { var o = torch.optim.[|Adam|](m.parameters(), weight_decay: 1e-4); } }
                """));
            test.TestState.Sources.Add(("B.cs", """
                using TorchSharp;
                class B { void M(torch.nn.Module m) { var o = torch.optim.[|Adam|](m.parameters(), weight_decay: 1e-3); } }
                """));
            test.FixedState.Sources.Add(("A.cs", """
                using TorchSharp;
                class A { void M(torch.nn.Module m) { var o = torch.optim.AdamW(m.parameters(), weight_decay: 1e-4); } }
                """));
            test.FixedState.Sources.Add(("B.cs", """
                using TorchSharp;
                class B { void M(torch.nn.Module m) { var o = torch.optim.AdamW(m.parameters(), weight_decay: 1e-3); } }
                """));
            test.FixAllScopes = new[] { FixAllScope.Project, FixAllScope.Solution };
            return test.RunAsync();
        }

        [Fact]
        public Task Top_level_statements_are_analyzed()
            => Verify.VerifyCodeFixAsync("""
                using static TorchSharp.torch;

                var model = nn.Linear(4, 2);
                var optimizer = optim.[|Adam|](model.parameters(), weight_decay: 1e-4);
                """, """
                using static TorchSharp.torch;

                var model = nn.Linear(4, 2);
                var optimizer = optim.AdamW(model.parameters(), weight_decay: 1e-4);
                """, Key);

        [Fact]
        public Task Generated_code_is_skipped()
            => Verify.VerifyAnalyzerAsync("""
                // <auto-generated/>
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.Adam(model.parameters(), weight_decay: 1e-4);
                    }
                }
                """);

        [Fact]
        public Task Half_typed_code_does_not_crash()
        {
            var test = new CSharpAnalyzerVerifier<Decay001AdamWithWeightDecayAnalyzer>.Test
            {
                TestCode = """
                    using TorchSharp;

                    class Trainer
                    {
                        void Train(torch.nn.Module model)
                        {
                            var a = torch.optim.Adam(model.parameters(), weight_decay: );
                            var b = torch.optim.Adam(weight_decay: 1e-4);
                            var c = torch.optim.Adam(
                            var d = new TorchSharp.Modules.Adam(unknown, weight_decay: 1e-4);
                        }
                    }
                    """,
                AllowCompilerErrors = true,
            };
            return test.RunAsync();
        }
    }
}
