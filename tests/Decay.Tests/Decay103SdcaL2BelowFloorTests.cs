using System.Threading.Tasks;
using Decay.CodeFixes;
using Verify = Decay.Testing.MLNetCodeFixVerifier<
    Decay.Rules.Decay103SdcaL2BelowFloorAnalyzer,
    Decay.CodeFixes.Decay101Decay103LetSdcaChooseL2CodeFixProvider>;

namespace Decay.Tests
{
    public class Decay103SdcaL2BelowFloorTests
    {
        private const string Key = Decay101Decay103LetSdcaChooseL2CodeFixProvider.EquivalenceKey;

        [Fact]
        public Task Regression_convenience_zero_is_reported_and_removed()
            => Verify.VerifyCodeFixAsync("""
                using Microsoft.ML;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var trainer = mlContext.Regression.Trainers.Sdca(labelColumnName: "Price", [|l2Regularization: 0f|]);
                    }
                }
                """, """
                using Microsoft.ML;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var trainer = mlContext.Regression.Trainers.Sdca(labelColumnName: "Price");
                    }
                }
                """, Key);

        [Fact]
        public Task Message_names_the_value()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML.Trainers;

                class Training
                {
                    object Options() => new SdcaMaximumEntropyMulticlassTrainer.Options { {|#0:L2Regularization = 0|} };
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    "SDCA needs a positive L2: 0 is replaced by 1e-9 with only a log warning, which makes the dual ill-conditioned (training usually runs to the iteration cap); omit it so SDCA chooses one (≈2.7e-5), or use L-BFGS with l1Regularization: 0, l2Regularization: 0 (or OLS) for an unregularized linear model"));

        [Fact]
        public Task Initializer_int_zero_on_a_float_nullable_is_unwrapped_reported_and_removed()
            => Verify.VerifyCodeFixAsync("""
                using Microsoft.ML.Trainers;

                class Training
                {
                    SdcaMaximumEntropyMulticlassTrainer.Options Options() => new SdcaMaximumEntropyMulticlassTrainer.Options
                    {
                        [|L2Regularization = 0|],
                        LabelColumnName = "Label",
                    };
                }
                """, """
                using Microsoft.ML.Trainers;

                class Training
                {
                    SdcaMaximumEntropyMulticlassTrainer.Options Options() => new SdcaMaximumEntropyMulticlassTrainer.Options
                    {
                        LabelColumnName = "Label",
                    };
                }
                """, Key);

        [Fact]
        public Task Assignment_statements_below_the_floor_are_reported_and_removed()
            => Verify.VerifyCodeFixAsync("""
                using Microsoft.ML.Trainers;

                class Training
                {
                    void Configure(SdcaRegressionTrainer.Options regression, SdcaLogisticRegressionBinaryTrainer.Options binary)
                    {
                        [|regression.L2Regularization = 1e-12f|];
                        [|binary.L2Regularization = 0.0f|];
                        binary.Shuffle = false;
                    }
                }
                """, """
                using Microsoft.ML.Trainers;

                class Training
                {
                    void Configure(SdcaRegressionTrainer.Options regression, SdcaLogisticRegressionBinaryTrainer.Options binary)
                    {
                        binary.Shuffle = false;
                    }
                }
                """, Key);

        [Fact]
        public Task Every_SDCA_trainer_counts_and_a_positional_zero_becomes_null()
            => Verify.VerifyCodeFixAsync("""
                using Microsoft.ML;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var a = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression("Label", "Features", null, [|0f|]);
                        var b = mlContext.BinaryClassification.Trainers.SdcaNonCalibrated([|l2Regularization: 0|]);
                        var c = mlContext.MulticlassClassification.Trainers.SdcaNonCalibrated([|l2Regularization: 1e-10f|]);
                        var d = mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy([|l2Regularization: (float)0.0|]);
                    }
                }
                """, """
                using Microsoft.ML;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var a = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression("Label", "Features", null, null);
                        var b = mlContext.BinaryClassification.Trainers.SdcaNonCalibrated();
                        var c = mlContext.MulticlassClassification.Trainers.SdcaNonCalibrated();
                        var d = mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy();
                    }
                }
                """, Key);

        [Fact]
        public Task Floor_is_compared_as_a_float()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML.Trainers;

                class Training
                {
                    // 1e-9f is the floor itself; 9.9999999e-10f is the same float; 9e-10f is below it.
                    object AtFloor() => new SdcaLogisticRegressionBinaryTrainer.Options { L2Regularization = 1e-9f };
                    object SameFloat() => new SdcaLogisticRegressionBinaryTrainer.Options { L2Regularization = 9.9999999e-10f };
                    object Below() => new SdcaLogisticRegressionBinaryTrainer.Options { [|L2Regularization = 9e-10f|] };
                }
                """);

        [Fact]
        public Task Positive_null_absent_negative_non_constant_and_LBFGS_zero_are_not_reported()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML;
                using Microsoft.ML.Trainers;

                class Training
                {
                    void Train(MLContext mlContext, float zeroAtRunTime)
                    {
                        var weak = new SdcaLogisticRegressionBinaryTrainer.Options { L2Regularization = 1e-6f };
                        var automatic = mlContext.Regression.Trainers.Sdca(l2Regularization: null);
                        var absent = mlContext.Regression.Trainers.Sdca();
                        var negative = new SdcaRegressionTrainer.Options { L2Regularization = -1 };   // DECAY104
                        var variable = mlContext.Regression.Trainers.Sdca(l2Regularization: zeroAtRunTime);
                        var lbfgs = mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(l2Regularization: 0);
                        var lbfgsOptions = new LbfgsPoissonRegressionTrainer.Options { L1Regularization = 0, L2Regularization = 0 };
                        var l1 = new SdcaRegressionTrainer.Options { L1Regularization = 0 };
                        var sgd = mlContext.BinaryClassification.Trainers.SgdCalibrated(l2Regularization: 0);
                        var nan = new SdcaRegressionTrainer.Options { L2Regularization = float.NaN }; // DECAY104
                    }
                }
                """);

        [Fact]
        public Task Fix_all_handles_DECAY101_and_DECAY103_together()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using Microsoft.ML;

                    class Training
                    {
                        void Train(MLContext mlContext)
                        {
                            var zero = mlContext.Regression.Trainers.Sdca({|DECAY103:l2Regularization: 0f|});
                            var large = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression({|DECAY101:l2Regularization: 1f|});
                        }
                    }
                    """,
                FixedCode = """
                    using Microsoft.ML;

                    class Training
                    {
                        void Train(MLContext mlContext)
                        {
                            var zero = mlContext.Regression.Trainers.Sdca();
                            var large = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression();
                        }
                    }
                    """,
                CodeActionEquivalenceKey = Key,
            };
            test.AdditionalAnalyzers.Add(new Decay.Rules.Decay101SdcaL2AtOtherScaleAnalyzer());
            return test.RunAsync();
        }
    }
}
