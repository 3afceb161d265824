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
    /// <summary>Issue 8's list of constructs, for DECAY001 and its fix: error types, missing
    /// arguments, params, named arguments in any order, using static torch.optim, aliases,
    /// target-typed new, top-level statements, generic modules, #if blocks and partial classes
    /// across files; and the regressions the robustness suite found, each before its fix.</summary>
    public class RobustnessRegressionTests
    {
        private const string Key = Decay001UseAdamWCodeFixProvider.EquivalenceKey;

        private static Task VerifyWithErrorsAsync(string source, string fixedSource)
        {
            var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = Key, AllowCompilerErrors = true };
            return test.RunAsync();
        }

        private static Task VerifyAnalyzerWithErrorsAsync(string source)
        {
            var test = new CSharpAnalyzerVerifier<Decay001AdamWithWeightDecayAnalyzer>.Test { TestCode = source, AllowCompilerErrors = true };
            return test.RunAsync();
        }

        // ------------------------------------------------------------------ error types

        [Fact]
        public Task Weight_decay_that_does_not_resolve_is_silent()
            => VerifyAnalyzerWithErrorsAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var a = torch.optim.Adam(model.parameters(), weight_decay: undeclaredDecay);
                        var b = torch.optim.Adam(model.parameters(), weight_decay: Config.Missing.Decay);
                        var c = new TorchSharp.Modules.Adam(model.parameters(), 1e-3, 0.9, 0.999, 1e-8, undeclaredDecay);
                    }
                }
                """);

        [Fact]
        public Task Model_of_an_unresolved_type_does_not_crash()
            => VerifyAnalyzerWithErrorsAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(UnknownModel model, UnknownGroup[] groups)
                    {
                        var a = torch.optim.Adam(model.parameters(), weight_decay: 1e-4);
                        var b = torch.optim.Adam(groups, weight_decay: 1e-4);
                        var c = new TorchSharp.Modules.Adam(model.Parameters, weight_decay: 1e-4);
                    }
                }
                """);

        [Fact]
        public Task Result_stored_in_a_variable_of_an_unresolved_type_is_fixed_without_new_errors()
            => VerifyWithErrorsAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        UnknownOptimizer optimizer = torch.optim.[|Adam|](model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        UnknownOptimizer optimizer = torch.optim.AdamW(model.parameters(), weight_decay: 1e-4);
                    }
                }
                """);

        // ------------------------------------------------------------------ missing arguments

        [Fact]
        public Task Missing_parameters_argument_is_silent()
            => VerifyAnalyzerWithErrorsAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var a = torch.optim.Adam(weight_decay: 1e-4);
                        var b = new Adam(lr: 1e-3, weight_decay: 1e-4);
                        var c = torch.optim.Adam();
                        Adam d = new();
                        var e = torch.optim.Adam(model.parameters(), weight_decay:);
                    }
                }
                """);

        [Fact]
        public Task Unclosed_call_is_reported_and_fixed()
            => VerifyWithErrorsAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.[|Adam|](model.parameters(), weight_decay: 1e-4
                    }
                }
                """, """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.AdamW(model.parameters(), weight_decay: 1e-4
                    }
                }
                """);

        [Fact]
        public Task Too_many_arguments_are_silent()
            => VerifyAnalyzerWithErrorsAsync("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.Adam(model.parameters(), 1e-3, 0.9, 0.999, 1e-8, 1e-2, false, false, 42);
                    }
                }
                """);

        // ------------------------------------------------------------------ params

        [Fact]
        public Task Params_arrays_around_the_call_are_handled()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    static torch.optim.Optimizer Make(double decay, params Parameter[] parameters)
                        => optim.[|Adam|](parameters, weight_decay: decay);

                    void Train()
                    {
                        var model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2));
                        var optimizer = optim.[|Adam|](model.parameters(), weight_decay: 1e-4);
                        model.parameters();
                    }
                }
                """, """
                using TorchSharp;
                using TorchSharp.Modules;
                using static TorchSharp.torch;

                class Trainer
                {
                    static torch.optim.Optimizer Make(double decay, params Parameter[] parameters)
                        => optim.AdamW(parameters, weight_decay: decay);

                    void Train()
                    {
                        var model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2));
                        var optimizer = optim.AdamW(model.parameters(), weight_decay: 1e-4);
                        model.parameters();
                    }
                }
                """, Key);

        // ------------------------------------------------------------------ named arguments

        [Fact]
        public Task Named_and_positional_arguments_mixed_in_any_order()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var a = torch.optim.[|Adam|](model.parameters(), 1e-3, beta2: 0.99, weight_decay: 1e-4, beta1: 0.8);
                        var b = new [|Adam|](weight_decay: 1e-4, parameters: model.parameters(), maximize: false);
                        var c = torch.optim.Adam(amsgrad: true, weight_decay: 0, parameters: model.parameters(), lr: 1e-2);
                        var d = torch.optim.Adam(eps: 1e-4, parameters: model.parameters());
                    }
                }
                """, """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var a = torch.optim.AdamW(model.parameters(), 1e-3, beta2: 0.99, weight_decay: 1e-4, beta1: 0.8);
                        var b = new AdamW(weight_decay: 1e-4, parameters: model.parameters(), maximize: false);
                        var c = torch.optim.Adam(amsgrad: true, weight_decay: 0, parameters: model.parameters(), lr: 1e-2);
                        var d = torch.optim.Adam(eps: 1e-4, parameters: model.parameters());
                    }
                }
                """, Key);

        // ------------------------------------------------------------------ using static, aliases

        [Fact]
        public Task Using_static_optim_in_an_expression_bodied_member()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using static TorchSharp.torch.optim;

                class Trainer
                {
                    static Optimizer Create(torch.nn.Module model) => [|Adam|](model.parameters(), weight_decay: 1e-4);
                }
                """, """
                using TorchSharp;
                using static TorchSharp.torch.optim;

                class Trainer
                {
                    static Optimizer Create(torch.nn.Module model) => AdamW(model.parameters(), weight_decay: 1e-4);
                }
                """, Key);

        [Fact]
        public Task Aliases_of_torch_optim_and_of_torch_are_fixed_in_place()
            => Verify.VerifyCodeFixAsync("""
                using Optim = TorchSharp.torch.optim;
                using T = TorchSharp.torch;

                class Trainer
                {
                    void Train(T.nn.Module model)
                    {
                        var a = Optim.[|Adam|](model.parameters(), weight_decay: 1e-4);
                        var b = T.optim.[|Adam|](model.parameters(), weight_decay: 1e-4);
                        var c = global::TorchSharp.torch.optim.[|Adam|](model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, """
                using Optim = TorchSharp.torch.optim;
                using T = TorchSharp.torch;

                class Trainer
                {
                    void Train(T.nn.Module model)
                    {
                        var a = Optim.AdamW(model.parameters(), weight_decay: 1e-4);
                        var b = T.optim.AdamW(model.parameters(), weight_decay: 1e-4);
                        var c = global::TorchSharp.torch.optim.AdamW(model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, Key);

        [Fact]
        public Task Alias_declared_type_with_target_typed_new_is_renamed_to_AdamW()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using AdamOptimizer = TorchSharp.Modules.Adam;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        AdamOptimizer optimizer = [|new|](model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, """
                using TorchSharp;
                using AdamOptimizer = TorchSharp.Modules.Adam;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        TorchSharp.Modules.AdamW optimizer = new(model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, Key);

        // ------------------------------------------------------------------ target-typed new

        [Fact]
        public Task Target_typed_new_assigned_later_or_returned_is_reported_without_a_fix()
        {
            const string source = """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    Adam Create(torch.nn.Module model) => [|new|](model.parameters(), weight_decay: 1e-4);

                    void Train(torch.nn.Module model)
                    {
                        Adam optimizer;
                        optimizer = [|new|](model.parameters(), weight_decay: 1e-4);
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, source, Key);
        }

        // ------------------------------------------------------------------ top-level statements

        [Fact]
        public Task Top_level_statements_with_a_local_function_are_fixed()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using static TorchSharp.torch;

                var model = nn.Linear(4, 2);
                var optimizer = Create(model, 1e-4);

                static optim.Optimizer Create(nn.Module model, double decay)
                    => optim.[|Adam|](model.parameters(), weight_decay: decay);
                """, """
                using TorchSharp;
                using static TorchSharp.torch;

                var model = nn.Linear(4, 2);
                var optimizer = Create(model, 1e-4);

                static optim.Optimizer Create(nn.Module model, double decay)
                    => optim.AdamW(model.parameters(), weight_decay: decay);
                """, Key);

        // ------------------------------------------------------------------ generic modules

        [Fact]
        public Task Generic_modules_and_methods_are_reported_and_fixed()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using static TorchSharp.torch;

                class Wrapper<TInner> : nn.Module<Tensor, Tensor> where TInner : nn.Module<Tensor, Tensor>
                {
                    private readonly TInner inner;

                    public Wrapper(TInner inner) : base("wrapper") { this.inner = inner; RegisterComponents(); }

                    public override Tensor forward(Tensor input) => inner.call(input);
                }

                class Trainer
                {
                    optim.Optimizer Create<TModule>(TModule model, double decay) where TModule : nn.Module
                        => optim.[|Adam|](model.parameters(), weight_decay: decay);

                    void Train()
                    {
                        var model = new Wrapper<TorchSharp.Modules.Linear>(nn.Linear(4, 2));
                        var optimizer = optim.[|Adam|](model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, """
                using TorchSharp;
                using static TorchSharp.torch;

                class Wrapper<TInner> : nn.Module<Tensor, Tensor> where TInner : nn.Module<Tensor, Tensor>
                {
                    private readonly TInner inner;

                    public Wrapper(TInner inner) : base("wrapper") { this.inner = inner; RegisterComponents(); }

                    public override Tensor forward(Tensor input) => inner.call(input);
                }

                class Trainer
                {
                    optim.Optimizer Create<TModule>(TModule model, double decay) where TModule : nn.Module
                        => optim.AdamW(model.parameters(), weight_decay: decay);

                    void Train()
                    {
                        var model = new Wrapper<TorchSharp.Modules.Linear>(nn.Linear(4, 2));
                        var optimizer = optim.AdamW(model.parameters(), weight_decay: 1e-4);
                    }
                }
                """, Key);

        [Fact]
        public Task Adam_in_a_generic_collection_is_reported_without_a_fix()
        {
            const string source = """
                using System.Collections.Generic;
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizers = new List<Adam> { torch.optim.[|Adam|](model.parameters(), weight_decay: 1e-4) };
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, source, Key);
        }

        // ------------------------------------------------------------------ #if

        private const string ConditionalSource = """
            using TorchSharp;

            class Trainer
            {
                void Train(torch.nn.Module model)
                {
            #if DECOUPLED
                    var optimizer = torch.optim.AdamW(model.parameters(), weight_decay: 0.05);
            #else
                    var optimizer = torch.optim.{|#0:Adam|}(model.parameters(), weight_decay: 1e-4);
            #endif
                }
            }
            """;

        [Fact]
        public Task Only_the_active_branch_of_an_if_block_is_analyzed_and_fixed()
            => Verify.VerifyCodeFixAsync(ConditionalSource, new[] { Verify.Diagnostic().WithLocation(0) },
                ConditionalSource.Replace("{|#0:Adam|}", "AdamW", System.StringComparison.Ordinal), Key);

        [Fact]
        public Task An_inactive_branch_is_silent()
        {
            var test = new CSharpAnalyzerVerifier<Decay001AdamWithWeightDecayAnalyzer>.Test
            {
                TestCode = ConditionalSource.Replace("{|#0:Adam|}", "Adam", System.StringComparison.Ordinal),
            };
            test.PreprocessorSymbols.Add("DECOUPLED");
            return test.RunAsync();
        }

        // ------------------------------------------------------------------ partial classes

        [Fact]
        public Task Partial_class_across_files_is_fixed_in_every_file()
        {
            var test = new Verify.Test { CodeActionEquivalenceKey = Key };
            test.TestState.Sources.Add(("Trainer.Fields.cs", """
                using TorchSharp;

                partial class Trainer
                {
                    private torch.optim.Optimizer encoderOptimizer;
                    private torch.optim.Optimizer headOptimizer;

                    void CreateEncoderOptimizer(torch.nn.Module encoder)
                        => encoderOptimizer = torch.optim.[|Adam|](encoder.parameters(), weight_decay: 1e-4);
                }
                """));
            test.TestState.Sources.Add(("Trainer.Head.cs", """
                using TorchSharp;

                partial class Trainer
                {
                    void CreateHeadOptimizer(torch.nn.Module head)
                        => headOptimizer = torch.optim.[|Adam|](head.parameters(), weight_decay: 1e-3);
                }
                """));
            test.FixedState.Sources.Add(("Trainer.Fields.cs", """
                using TorchSharp;

                partial class Trainer
                {
                    private torch.optim.Optimizer encoderOptimizer;
                    private torch.optim.Optimizer headOptimizer;

                    void CreateEncoderOptimizer(torch.nn.Module encoder)
                        => encoderOptimizer = torch.optim.AdamW(encoder.parameters(), weight_decay: 1e-4);
                }
                """));
            test.FixedState.Sources.Add(("Trainer.Head.cs", """
                using TorchSharp;

                partial class Trainer
                {
                    void CreateHeadOptimizer(torch.nn.Module head)
                        => headOptimizer = torch.optim.AdamW(head.parameters(), weight_decay: 1e-3);
                }
                """));
            test.FixAllScopes = new[] { FixAllScope.Project, FixAllScope.Solution };
            return test.RunAsync();
        }

        [Fact]
        public Task Field_typed_Adam_in_one_part_assigned_in_another_is_reported_without_a_fix()
        {
            var test = new Verify.Test { CodeActionEquivalenceKey = Key };
            const string fields = """
                using TorchSharp.Modules;

                partial class Trainer
                {
                    private Adam optimizer;
                }
                """;
            const string training = """
                using TorchSharp;

                partial class Trainer
                {
                    void Create(torch.nn.Module model) => optimizer = torch.optim.[|Adam|](model.parameters(), weight_decay: 1e-4);
                }
                """;
            test.TestState.Sources.Add(("Trainer.Fields.cs", fields));
            test.TestState.Sources.Add(("Trainer.Training.cs", training));
            test.FixedState.Sources.Add(("Trainer.Fields.cs", fields));
            test.FixedState.Sources.Add(("Trainer.Training.cs", training));
            return test.RunAsync();
        }

        // ------------------------------------------------------------------ uses of a renamed declaration

        [Fact]
        public Task Local_typed_Adam_passed_where_Adam_is_required_gets_no_fix()
        {
            // Renaming the local's type to AdamW would break Step(optimizer).
            const string source = """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    static void Step(Adam optimizer) => optimizer.step();

                    void Train(torch.nn.Module model)
                    {
                        Adam optimizer = torch.optim.[|Adam|](model.parameters(), weight_decay: 1e-4);
                        Step(optimizer);
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, source, Key);
        }

        [Fact]
        public Task Local_typed_Adam_reassigned_later_gets_no_fix()
        {
            const string source = """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        Adam optimizer = torch.optim.[|Adam|](model.parameters(), weight_decay: 1e-4);
                        optimizer = torch.optim.Adam(model.parameters());
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, source, Key);
        }

        [Fact]
        public Task Local_typed_Adam_used_through_the_optimizer_API_is_renamed()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    static void Step(torch.optim.Optimizer optimizer) => optimizer.step();

                    void Train(torch.nn.Module model)
                    {
                        Adam optimizer = torch.optim.[|Adam|](model.parameters(), weight_decay: 1e-4);
                        optimizer.zero_grad();
                        optimizer.step();
                        Step(optimizer);
                    }
                }
                """, """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    static void Step(torch.optim.Optimizer optimizer) => optimizer.step();

                    void Train(torch.nn.Module model)
                    {
                        AdamW optimizer = torch.optim.AdamW(model.parameters(), weight_decay: 1e-4);
                        optimizer.zero_grad();
                        optimizer.step();
                        Step(optimizer);
                    }
                }
                """, Key);

        [Fact]
        public Task Nullable_annotation_of_the_declared_type_is_kept()
            => Verify.VerifyCodeFixAsync("""
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        Adam? optimizer = torch.optim.[|Adam|](model.parameters(), weight_decay: 1e-4);
                        optimizer?.step();
                    }
                }
                """, """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        AdamW? optimizer = torch.optim.AdamW(model.parameters(), weight_decay: 1e-4);
                        optimizer?.step();
                    }
                }
                """, Key);

        [Fact]
        public Task Field_typed_Adam_initialized_in_place_and_used_elsewhere_as_Adam_gets_no_fix()
        {
            var test = new Verify.Test { CodeActionEquivalenceKey = Key };
            const string fields = """
                using TorchSharp;
                using TorchSharp.Modules;

                partial class Trainer
                {
                    private static readonly torch.nn.Module Model = torch.nn.Linear(4, 2);
                    private readonly Adam optimizer = torch.optim.[|Adam|](Model.parameters(), weight_decay: 1e-4);
                }
                """;
            const string use = """
                using TorchSharp.Modules;

                partial class Trainer
                {
                    static void Step(Adam optimizer) => optimizer.step();

                    void Train() => Step(optimizer);
                }
                """;
            test.TestState.Sources.Add(("Trainer.Fields.cs", fields));
            test.TestState.Sources.Add(("Trainer.Use.cs", use));
            test.FixedState.Sources.Add(("Trainer.Fields.cs", fields));
            test.FixedState.Sources.Add(("Trainer.Use.cs", use));
            return test.RunAsync();
        }
    }

    /// <summary>Broken fixes the robustness suite found in the merged rules, each pinned before
    /// its fix.</summary>
    public class RobustnessSuiteFindingsTests
    {
        private static Task VerifyFixAsync<TAnalyzer, TFix>(string source, string fixedSource)
            where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
            where TFix : CodeFixProvider, new()
        {
            var test = new CSharpCodeFixVerifier<TAnalyzer, TFix>.Test { TestCode = source, FixedCode = fixedSource, AllowCompilerErrors = true };
            return test.RunAsync();
        }

        /// <summary>Seed 20261122, tests/Decay.Tests/Decay001AdamWithWeightDecayTests.cs:68 cut at
        /// offset 138: the fix appended ", weight_decay: 0.01" after the unclosed
        /// "model.parameters(", so the new argument parsed as parameters()'s and DECAY007 stayed.</summary>
        [Fact]
        public Task Decay007_no_fix_after_an_unclosed_argument()
        {
            const string source = """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.[|AdamW|](model.parameters(
                """;
            return VerifyFixAsync<Decay007AdamWWithoutWeightDecayAnalyzer, Decay007AddWeightDecayCodeFixProvider>(source, source);
        }

        [Fact]
        public Task Decay007_fix_in_an_unclosed_call_whose_arguments_are_complete()
            => VerifyFixAsync<Decay007AdamWWithoutWeightDecayAnalyzer, Decay007AddWeightDecayCodeFixProvider>("""
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.[|AdamW|](model.parameters()
                """, """
                using TorchSharp;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.AdamW(model.parameters(), weight_decay: 0.01
                """);

        /// <summary>Seed 20261122, tests/Decay.Tests/Decay008ParamGroupPinsDefaultsTests.cs:70 cut
        /// at offset 193 (and Decay006…Tests.cs:160 at 228): the fix appended the Options object
        /// after the unclosed "model.parameters(", where it parsed as parameters()'s argument.</summary>
        [Fact]
        public Task Decay008_no_fix_after_an_unclosed_argument()
        {
            const string source = """
                using TorchSharp;
                using TorchSharp.Modules;

                class Trainer
                {
                    void Train(torch.nn.Module model)
                    {
                        var optimizer = torch.optim.NAdam(new[] { [|new NAdam.ParamGroup(model.parameters(|]
                """;
            return VerifyFixAsync<Decay008ParamGroupPinsDefaultsAnalyzer, Decay008UseOptionsObjectCodeFixProvider>(source, source);
        }
    }
}
