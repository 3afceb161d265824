using System.Threading.Tasks;
using Verify = Decay.Testing.MLNetAnalyzerVerifier<Decay.Rules.Decay102SdcaL1IsThresholdAnalyzer>;

namespace Decay.Tests
{
    public class Decay102SdcaL1IsThresholdTests
    {
        private const string Prefix = "SDCA's L1Regularization is a soft threshold t = L1/L2, not an L1 weight: ";
        private const string Shrink = "; SDCA shrinks every weight (and the bias) by t and zeroes it when within t of 0";

        [Fact]
        public Task Convenience_argument_with_automatic_L2_estimates_the_weight()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var trainer = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression({|#0:l1Regularization: 0.1f|});
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    Prefix + "if L2 is left to SDCA (≈2.7e-5 on typical data) the effective L1 weight is only ≈ 0.1 × 2.7e-5 = 2.7e-6" + Shrink));

        [Fact]
        public Task Convenience_argument_with_constant_L2_computes_the_weight()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var trainer = mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy({|#0:l1Regularization: 0.03f|}, l2Regularization: 0.01f);
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    Prefix + "with L2 = 0.01 the effective L1 weight is t × λ = 0.03 × 0.01 = 0.0003" + Shrink));

        [Fact]
        public Task Initializer_with_non_constant_threshold_and_constant_L2()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML.Trainers;

                class Training
                {
                    object Options(float l1) => new SdcaNonCalibratedBinaryTrainer.Options
                    {
                        L2Regularization = 0.5f,
                        {|#0:L1Regularization = l1|},
                    };
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    Prefix + "with L2 = 0.5 the effective L1 weight is t × 0.5" + Shrink));

        [Fact]
        public Task Regression_initializer_without_L2_and_assignment_statement()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML.Trainers;

                class Training
                {
                    void Configure()
                    {
                        var regression = new SdcaRegressionTrainer.Options { {|#0:L1Regularization = 2|} };
                        var opts = new SdcaMaximumEntropyMulticlassTrainer.Options { L2Regularization = 1e-3f };
                        {|#1:opts.L1Regularization = 0.5f|};
                    }
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    Prefix + "if L2 is left to SDCA (1e-4 to 1e-2, by row count) the effective L1 weight is 2 × that" + Shrink),
                Verify.Diagnostic().WithLocation(1).WithMessage(
                    Prefix + "the effective L1 weight is t × L2 = 0.5 × L2Regularization" + Shrink));

        [Fact]
        public Task Explicit_null_L2_counts_as_automatic_and_target_typed_new_is_bound()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML;
                using Microsoft.ML.Trainers;

                class Training
                {
                    SdcaLogisticRegressionBinaryTrainer.Options Options() => new() { L2Regularization = null, {|#0:L1Regularization = 1|} };

                    void Train(MLContext mlContext)
                        => mlContext.BinaryClassification.Trainers.SdcaNonCalibrated(l2Regularization: null, {|#1:l1Regularization: 0.5f|});
                }
                """,
                Verify.Diagnostic().WithLocation(0).WithMessage(
                    Prefix + "if L2 is left to SDCA (≈2.7e-5 on typical data) the effective L1 weight is only ≈ 1 × 2.7e-5 = 2.7e-5" + Shrink),
                Verify.Diagnostic().WithLocation(1).WithMessage(
                    Prefix + "if L2 is left to SDCA (≈2.7e-5 on typical data) the effective L1 weight is only ≈ 0.5 × 2.7e-5 = 1.35e-5" + Shrink));

        [Fact]
        public Task Zero_null_absent_negative_and_real_L1_weights_are_not_reported()
            => Verify.VerifyAnalyzerAsync("""
                using Microsoft.ML;
                using Microsoft.ML.Trainers;
                using Microsoft.ML.Trainers.LightGbm;

                class Training
                {
                    void Train(MLContext mlContext)
                    {
                        var zero = new SdcaLogisticRegressionBinaryTrainer.Options { L1Regularization = 0 };
                        var zeroArgument = mlContext.Regression.Trainers.Sdca(l1Regularization: 0f);
                        var automatic = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(l1Regularization: null);
                        var absent = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(l2Regularization: 0.1f);
                        var negative = new SdcaRegressionTrainer.Options { L1Regularization = -1 };   // DECAY104
                        // L-BFGS's and LightGBM's L1 are real L1 weights.
                        var lbfgs = mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(l1Regularization: 0.1f);
                        var lbfgsOptions = new LbfgsMaximumEntropyMulticlassTrainer.Options { L1Regularization = 0.1f };
                        var booster = new GradientBooster.Options { L1Regularization = 0.1 };
                        var opts = new SdcaNonCalibratedMulticlassTrainer.Options();
                        opts.L1Regularization = null;
                    }
                }
                """);

        [Fact]
        public Task Incomplete_code_does_not_throw()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using Microsoft.ML;
                    using Microsoft.ML.Trainers;

                    class Training
                    {
                        void Train(MLContext mlContext)
                        {
                            var a = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(l1Regularization: , l2Regularization: 1f);
                            var b = new SdcaRegressionTrainer.Options { L1Regularization = , L2Regularization = 0.1f };
                            var c = mlContext.Regression.Trainers.Sdca(l1Regularization: undefinedValue);
                            var d = new SdcaRegressionTrainer.Options { L1Regularization = undefinedValue };
                            var e = new SdcaRegressionTrainer.Options { Missing = 1, [|L1Regularization = 0.5f|] };
                        }
                    }
                    """,
                AllowCompilerErrors = true,
            };
            return test.RunAsync();
        }
    }
}
