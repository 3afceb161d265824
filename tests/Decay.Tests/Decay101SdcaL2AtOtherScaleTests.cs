using System.Threading.Tasks;
using Decay.CodeFixes;
using Decay.Testing;
using Verify = Decay.Testing.MLNetCodeFixVerifier<
    Decay.Rules.Decay101SdcaL2AtOtherScaleAnalyzer,
    Decay.CodeFixes.Decay101Decay103LetSdcaChooseL2CodeFixProvider>;

namespace Decay.Tests
{
    public class Decay101SdcaL2AtOtherScaleTests
    {
        private const string Key = Decay101Decay103LetSdcaChooseL2CodeFixProvider.EquivalenceKey;

        [Fact]
        public Task Convenience_argument_is_reported_and_removed()
            => Verify.VerifyCodeFixAsync("""
                using Microsoft.ML;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var trainer = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression([|l2Regularization: 1f|]);
                    }
                }
                """, """
                using Microsoft.ML;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var trainer = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression();
                    }
                }
                """, Key);

        [Fact]
        public Task Message_names_the_value_the_bound_and_the_threshold()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML.Trainers;

                class Training
                {
                    object Options() => new SdcaMaximumEntropyMulticlassTrainer.Options { {|#0:L2Regularization = 2.5f|} };
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    "SDCA's L2Regularization multiplies an averaged loss and also regularizes the bias: 2.5 confines the whole model to ‖(w,b)‖ ≤ 0.745 (log-loss), squashing predictions toward the prior; values ≥ 1 are L-BFGS/LightGBM scales (L-BFGS divides its λ by the row count) and SDCA's automatic value is ≈2.7e-5"));

        [Fact]
        public Task Initializer_member_is_removed_and_the_other_members_and_comments_stay()
            => Verify.VerifyCodeFixAsync("""
                using Microsoft.ML.Trainers;

                class Training
                {
                    SdcaMaximumEntropyMulticlassTrainer.Options Options() => new SdcaMaximumEntropyMulticlassTrainer.Options
                    {
                        LabelColumnName = "Label",
                        // copied from the L-BFGS experiment
                        [|L2Regularization = 2.5f|],
                        MaximumNumberOfIterations = 100, // enough for this data
                    };
                }
                """, """
                using Microsoft.ML.Trainers;

                class Training
                {
                    SdcaMaximumEntropyMulticlassTrainer.Options Options() => new SdcaMaximumEntropyMulticlassTrainer.Options
                    {
                        LabelColumnName = "Label",
                        // copied from the L-BFGS experiment
                        MaximumNumberOfIterations = 100, // enough for this data
                    };
                }
                """, Key);

        [Fact]
        public Task Only_initializer_member_leaves_a_plain_constructor_call()
            => Verify.VerifyCodeFixAsync("""
                using Microsoft.ML.Trainers;

                class Training
                {
                    object A() => new SdcaLogisticRegressionBinaryTrainer.Options { [|L2Regularization = 4|] };
                    object B() => new SdcaLogisticRegressionBinaryTrainer.Options() { [|L2Regularization = 4|] };
                    SdcaLogisticRegressionBinaryTrainer.Options C() => new() { [|L2Regularization = 4|] };
                }
                """, """
                using Microsoft.ML.Trainers;

                class Training
                {
                    object A() => new SdcaLogisticRegressionBinaryTrainer.Options();
                    object B() => new SdcaLogisticRegressionBinaryTrainer.Options();
                    SdcaLogisticRegressionBinaryTrainer.Options C() => new();
                }
                """, Key);

        [Fact]
        public Task Assignment_statement_is_removed_and_the_comment_above_it_stays()
            => Verify.VerifyCodeFixAsync("""
                using Microsoft.ML;
                using Microsoft.ML.Trainers;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var opts = new SdcaNonCalibratedBinaryTrainer.Options();
                        // regularize strongly
                        [|opts.L2Regularization = 1|];
                        opts.MaximumNumberOfIterations = 50;
                        var trainer = mlContext.BinaryClassification.Trainers.SdcaNonCalibrated(opts);
                    }
                }
                """, """
                using Microsoft.ML;
                using Microsoft.ML.Trainers;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var opts = new SdcaNonCalibratedBinaryTrainer.Options();
                        // regularize strongly
                        opts.MaximumNumberOfIterations = 50;
                        var trainer = mlContext.BinaryClassification.Trainers.SdcaNonCalibrated(opts);
                    }
                }
                """, Key);

        [Fact]
        public Task Assignment_that_is_not_a_removable_statement_gets_null()
            => Verify.VerifyCodeFixAsync("""
                using Microsoft.ML.Trainers;

                class Training
                {
                    void Configure(SdcaMaximumEntropyMulticlassTrainer.Options opts, bool strong)
                    {
                        if (strong)
                            [|opts.L2Regularization = 8|];
                    }
                }
                """, """
                using Microsoft.ML.Trainers;

                class Training
                {
                    void Configure(SdcaMaximumEntropyMulticlassTrainer.Options opts, bool strong)
                    {
                        if (strong)
                            opts.L2Regularization = null;
                    }
                }
                """, Key);

        [Fact]
        public Task Positional_argument_or_one_followed_by_positional_arguments_becomes_null()
            => Verify.VerifyCodeFixAsync("""
                using Microsoft.ML;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var trainer = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression("Label", "Features", null, [|4f|], 0.1f);
                        // Named in its own position and followed by a positional argument: removing it would shift 0.1f.
                        var other = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression("Label", "Features", null, [|l2Regularization: 4f|], 0.1f);
                    }
                }
                """, """
                using Microsoft.ML;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var trainer = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression("Label", "Features", null, null, 0.1f);
                        // Named in its own position and followed by a positional argument: removing it would shift 0.1f.
                        var other = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression("Label", "Features", null, l2Regularization: null, 0.1f);
                    }
                }
                """, Key);

        [Fact]
        public Task Named_arguments_in_any_order_and_on_their_own_lines()
            => Verify.VerifyCodeFixAsync("""
                using Microsoft.ML;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var trainer = mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                            maximumNumberOfIterations: 10,
                            [|l2Regularization: 1|],
                            labelColumnName: "y");
                        var last = mlContext.MulticlassClassification.Trainers.SdcaNonCalibrated(
                            labelColumnName: "y",
                            [|l2Regularization: 3|]);
                        var inline = mlContext.MulticlassClassification.Trainers.SdcaNonCalibrated(labelColumnName: "y", [|l2Regularization: 3|], featureColumnName: "x");
                    }
                }
                """, """
                using Microsoft.ML;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var trainer = mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                            maximumNumberOfIterations: 10,
                            labelColumnName: "y");
                        var last = mlContext.MulticlassClassification.Trainers.SdcaNonCalibrated(
                            labelColumnName: "y");
                        var inline = mlContext.MulticlassClassification.Trainers.SdcaNonCalibrated(labelColumnName: "y", featureColumnName: "x");
                    }
                }
                """, Key);

        [Fact]
        public Task Static_form_alias_const_and_top_level_code_are_bound_by_symbol()
            => Verify.VerifyCodeFixAsync("""
                using Microsoft.ML;
                using Opts = Microsoft.ML.Trainers.SdcaLogisticRegressionBinaryTrainer.Options;

                var mlContext = new MLContext();
                var a = StandardTrainersCatalog.SdcaLogisticRegression(mlContext.BinaryClassification.Trainers, [|l2Regularization: Scales.LbfgsDefault|]);
                var b = new Opts { [|L2Regularization = 10|], MaximumNumberOfIterations = 5 };
                [|b.L2Regularization = 1|];

                static class Scales
                {
                    public const float LbfgsDefault = 1f;
                }
                """, """
                using Microsoft.ML;
                using Opts = Microsoft.ML.Trainers.SdcaLogisticRegressionBinaryTrainer.Options;

                var mlContext = new MLContext();
                var a = StandardTrainersCatalog.SdcaLogisticRegression(mlContext.BinaryClassification.Trainers);
                var b = new Opts { MaximumNumberOfIterations = 5 };

                static class Scales
                {
                    public const float LbfgsDefault = 1f;
                }
                """, Key);

        [Fact]
        public Task Regression_LBFGS_small_null_absent_and_non_constant_values_are_not_reported()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML;
                using Microsoft.ML.Trainers;

                class Training
                {
                    void Train(MLContext mlContext, float fromSearch, float? maybe)
                    {
                        // Regression SDCA: the bound depends on the label scale.
                        var regression = mlContext.Regression.Trainers.Sdca(l2Regularization: 5f);
                        var regressionOptions = new SdcaRegressionTrainer.Options { L2Regularization = 5f };
                        // L-BFGS: λ = 1 is its default (per dataset).
                        var lbfgs = mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(l2Regularization: 1f);
                        var lbfgsOptions = new LbfgsMaximumEntropyMulticlassTrainer.Options { L2Regularization = 1 };
                        // Below the threshold, null, absent, not constant.
                        var small = new SdcaLogisticRegressionBinaryTrainer.Options { L2Regularization = 0.5f };
                        var automatic = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(l2Regularization: null);
                        var absent = mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy();
                        var searched = mlContext.BinaryClassification.Trainers.SdcaNonCalibrated(l2Regularization: fromSearch);
                        var opts = new SdcaNonCalibratedMulticlassTrainer.Options();
                        opts.L2Regularization = maybe;
                        opts.L2Regularization = fromSearch * 2;
                        // SDCA's L1 and other fields are other rules' business.
                        var l1 = new SdcaLogisticRegressionBinaryTrainer.Options { L1Regularization = 5f, ConvergenceTolerance = 2f };
                    }
                }
                """);

        [Fact]
        public Task Threshold_comes_from_editorconfig()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using Microsoft.ML.Trainers;

                    class Training
                    {
                        object Reported() => new SdcaLogisticRegressionBinaryTrainer.Options { {|#0:L2Regularization = 0.25f|} };
                        object Below() => new SdcaLogisticRegressionBinaryTrainer.Options { L2Regularization = 0.05f };
                    }
                    """,
                FixedCode = """
                    using Microsoft.ML.Trainers;

                    class Training
                    {
                        object Reported() => new SdcaLogisticRegressionBinaryTrainer.Options();
                        object Below() => new SdcaLogisticRegressionBinaryTrainer.Options { L2Regularization = 0.05f };
                    }
                    """,
                CodeActionEquivalenceKey = Key,
            };
            test.TestState.AnalyzerConfig = "root = true\n\n[*.cs]\ndecay.DECAY101.max_l2 = 0.1\n";
            test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithMessage(
                "SDCA's L2Regularization multiplies an averaged loss and also regularizes the bias: 0.25 confines the whole model to ‖(w,b)‖ ≤ 2.35 (log-loss), squashing predictions toward the prior; values ≥ 0.1 are L-BFGS/LightGBM scales (L-BFGS divides its λ by the row count) and SDCA's automatic value is ≈2.7e-5"));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("decay.DECAY101.max_l2 = lots")]
        [InlineData("decay.DECAY101.max_l2 = -3")]
        [InlineData("decay.DECAY101.max_l2 = 0")]
        [InlineData("decay.DECAY101.max_l2 = NaN")]
        [InlineData("decay.DECAY101.max_l2 =")]
        public Task Invalid_threshold_falls_back_to_1(string line)
        {
            var test = new MLNetAnalyzerVerifier<Decay.Rules.Decay101SdcaL2AtOtherScaleAnalyzer>.Test
            {
                TestCode = """
                    using Microsoft.ML.Trainers;

                    class Training
                    {
                        object Reported() => new SdcaLogisticRegressionBinaryTrainer.Options { [|L2Regularization = 1|] };
                        object Below() => new SdcaLogisticRegressionBinaryTrainer.Options { L2Regularization = 0.5f };
                    }
                    """,
            };
            test.TestState.AnalyzerConfig = "root = true\n\n[*.cs]\n" + line + "\n";
            return test.RunAsync();
        }

        [Fact]
        public Task General_decay_option_sets_the_default_and_the_rule_key_wins()
        {
            var test = new MLNetAnalyzerVerifier<Decay.Rules.Decay101SdcaL2AtOtherScaleAnalyzer>.Test
            {
                TestCode = """
                    using Microsoft.ML.Trainers;

                    class Training
                    {
                        object A() => new SdcaLogisticRegressionBinaryTrainer.Options { L2Regularization = 5 };
                        object B() => new SdcaLogisticRegressionBinaryTrainer.Options { [|L2Regularization = 20|] };
                    }
                    """,
            };
            test.TestState.AnalyzerConfig = "root = true\n\n[*.cs]\ndecay.max_l2 = 0.01\ndecay.DECAY101.max_l2 = 10\n";
            return test.RunAsync();
        }

        [Fact]
        public Task Fix_all_removes_every_site_in_one_pass()
            => Verify.VerifyCodeFixAsync("""
                using Microsoft.ML;
                using Microsoft.ML.Trainers;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var a = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression([|l2Regularization: 1f|], l1Regularization: 0f);
                        var b = mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(labelColumnName: "y", [|l2Regularization: 16|]);
                        var opts = new SdcaNonCalibratedBinaryTrainer.Options { [|L2Regularization = 2|], Shuffle = false };
                        [|opts.L2Regularization = 3|];
                        [|opts.L2Regularization = 4|];
                    }
                }
                """, """
                using Microsoft.ML;
                using Microsoft.ML.Trainers;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var a = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(l1Regularization: 0f);
                        var b = mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(labelColumnName: "y");
                        var opts = new SdcaNonCalibratedBinaryTrainer.Options { Shuffle = false };
                    }
                }
                """, Key);

        [Fact]
        public Task Half_typed_code_does_not_throw()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using Microsoft.ML;
                    using Microsoft.ML.Trainers;

                    class Training
                    {
                        void Train(MLContext mlContext, Unknown u)
                        {
                            var a = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(l2Regularization: );
                            var b = u.Trainers.SdcaLogisticRegression(l2Regularization: 5f);
                            var c = new SdcaLogisticRegressionBinaryTrainer.Options { L2Regularization = };
                            var d = new SdcaLogisticRegressionBinaryTrainer.Options { Missing = 3, L2Regularization = "x" };
                            u.L2Regularization = 4;
                            var e = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(l2Regularization: 2f, l2Regularization: 3f);
                        }
                    }
                    """,
                AllowCompilerErrors = true,
            };
            test.FixedCode = test.TestState.Sources[0].Markup;
            return test.RunAsync();
        }
    }
}
